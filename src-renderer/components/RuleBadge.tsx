import { Badge, Tooltip } from '@mantine/core'

/** The rule an answer or a warning rests on (R-P2, R-P4 …), small, with the rule's gist on hover. */
const GIST: Record<string, string> = {
  'R-P1': '岗位设置（第四至九条）',
  'R-P2': '市长外出期间由常务副市长代行（第八条）',
  'R-P3': 'AB角工作制度（第五十七条）',
  'R-P4': '市长与常务副市长一般不同时外出（第七十六条）',
  'R-P5': '领导外出报告与备案（第七十六条）',
  'R-M1': '全体会议的组成、召集和周期（第三十七条）',
  'R-M2': '常务会议须半数以上组成人员到会（第三十八条）',
  'R-M3': '议题会前10个工作日报送，临时增加须主要领导同意（第三十八条）',
  'R-M4': '全体会议向市长请假，常务会议向主持人请假（第三十九条）',
  'R-M5': '纪要签发：常务会议由市长，专题会议由主持人或委托领导（第四十、四十二条）',
  'R-M6': '市长办公会（第四十一条）',
  'R-M7': '专题会议（第四十二条）',
  'R-M8': '全市性会议每个部门每年原则上不超过1次（第四十三条）',
  'R-S1': '督查督办：件件有着落、事事有回音（第五十八条）',
  'R-D1': '公文由办公室统一收文，直送领导的须注明原因（第四十五条）',
  'R-D2': '请示涉及其他部门的须会签，意见不一的说明协调情况（第四十六条）',
  'R-D3': '办公室拟办，分管副市长审批，重大事项报市长（第四十七条）',
  'R-D4': '签发：市长签发重要公文，其他由分管副市长，事务性由秘书长（第四十八条）',
  'R-D5': '部门向县（区）政府行文须经市政府同意（第四十九条）',
  'R-D6': '发文字号：代字〔年份〕序号号，不跳号、不重号',
  'R-D7': '限时办结，急件急办，逾期可催办（第五十一条）',
  'R-D8': '人大代表建议和政协提案的办理（第五十九条）',
  'X-1': '签发后编号，编号即在印制之前',
  'X-2': '收文：签收、登记、初审、承办、传阅、催办、答复',
  'X-3': '承办单位反馈须附佐证材料',
  'R-W1': '法定节假日市领导带班（第七十三条）',
  'R-W2': '节假日安排每年录入（第七十三条）',
}

export function RuleBadge({ rule, color = 'zhengwu' }: { rule: string; color?: string }) {
  const badge = <Badge size="xs" variant="light" color={color} radius="sm" style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}>{rule}</Badge>
  const gist = GIST[rule]
  return gist ? <Tooltip label={gist} withArrow openDelay={300}>{badge}</Tooltip> : badge
}
