/**
 * The rule catalogue: every id of ../shared/rules/RULES.md with the article users see (第三十八条) and its gist in
 * the office's words. A refusal or warning names its rule by a `RuleId`, so a misspelt id does not compile; the
 * pages show the article and the gist beside it (components/RuleBadge.tsx). X-… are the office's practice,
 * not articles of the working rules, and cite the regulation or standard they come from where there is one.
 */
export const RULES = {
  'R-P1': { article: '第四至九条', gist: '岗位设置：市长、副市长（含常务副市长）、秘书长、副秘书长及各部门、县（区）负责人' },
  'R-P2': { article: '第八条', gist: '市长出国、脱产学习或休假期间，由常务副市长代行市长职责' },
  'R-P3': { article: '第五十七条', gist: 'AB角工作制度：一方外出由另一方代行，双方均外出由常务副市长代行' },
  'R-P4': { article: '第七十六条', gist: '市长与常务副市长一般不同时外出' },
  'R-P5': { article: '第七十六条', gist: '领导外出报告与备案：向谁报告、谁批准、谁代行' },
  'R-M1': { article: '第三十七条', gist: '全体会议的组成、召集和周期' },
  'R-M2': { article: '第三十八条', gist: '常务会议须半数以上组成人员到会方能召开' },
  'R-M3': { article: '第三十八条', gist: '议题会前10个工作日报送，临时增加须主要领导同意' },
  'R-M4': { article: '第三十九条', gist: '全体会议向市长请假，常务会议向主持人请假' },
  'R-M5': { article: '第四十、四十二条', gist: '纪要签发：常务会议由市长，专题会议由主持人或委托领导；涉及资金、土地等须会前协商一致并经市长同意' },
  'R-M6': { article: '第四十一条', gist: '市长办公会由市长召集和主持' },
  'R-M7': { article: '第四十二条', gist: '专题会议由市长、副市长或秘书长召集，副秘书长受委托召集' },
  'R-M8': { article: '第四十三条', gist: '全市性会议每个部门每年原则上不超过1次，提倡视频会议' },
  'R-D1': { article: '第四十五条', gist: '公文由办公室统一收文，直送领导的须注明原因' },
  'R-D2': { article: '第四十六条', gist: '请示涉及其他部门的须会签，意见不一的说明协调情况' },
  'R-D3': { article: '第四十七条', gist: '办公室拟办，分管副市长审批，重大事项报市长，单一部门职责可由秘书长批示' },
  'R-D4': { article: '第四十八条', gist: '签发：市长签发重要公文，其他由分管副市长，事务性由秘书长' },
  'R-D5': { article: '第四十九条', gist: '部门向县（区）政府的指示性公文须经市政府同意' },
  'R-D6': { article: 'GB/T 9704-2012 发文字号', short: '发文字号', gist: '发文字号：代字〔年份〕序号号，不跳号、不重号' },
  'R-D7': { article: '第五十一条', gist: '限时办结，急件急办，逾期可催办' },
  'R-D8': { article: '第五十九条', gist: '人大代表建议和政协提案的办理' },
  'R-S1': { article: '第五十八条', gist: '督查督办：件件有着落、事事有回音' },
  'R-W1': { article: '第七十三条', gist: '法定节假日市领导轮流带班' },
  'R-W2': { article: '第七十三条', gist: '节假日安排每年录入，决定值班和工作日计算' },
  'X-1': { article: '《党政机关公文处理工作条例》第二十五条', short: '公文条例', gist: '签发后编号，编号在印制之前' },
  'X-2': { article: '《党政机关公文处理工作条例》第二十四、二十五条', short: '公文条例', gist: '收文：签收、登记、初审、承办、传阅、催办、答复；发文：复核、登记、印制、核发' },
  'X-3': { article: '办公室工作惯例', short: '工作惯例', gist: '承办单位反馈须附佐证材料' },
  'X-4': { article: '办公室工作惯例', short: '值班惯例', gist: '办公室24小时值班：带班、主班、副班，换班须带班同意，值班记录和交接班' },
  'X-5': { article: '涉密信息系统三员分立', short: '三员分立', gist: '系统管理员、安全保密管理员、安全审计员互不兼任，不接触业务数据，不能改动日志' },
  'X-6': { article: '办公室工作惯例', short: '工作惯例', gist: '次年节假日安排于年底发布后录入；无安排的年份须标明，不按普通年份推算' },
  'X-7': { article: 'GB/T 9704-2012', short: 'GB/T 9704', gist: 'Word文件在WPS和Word中都能打开，不缺字体' },
} as const

export type RuleId = keyof typeof RULES
export const RULE_IDS = Object.keys(RULES) as RuleId[]

export const isRuleId = (id: string): id is RuleId => Object.hasOwn(RULES, id)

/**
 * How a message cites a rule to its reader: by the article (第三十八条) or the regulation it comes from, never by
 * the catalogue id, which is for code, tests and the audit trail (`{ rule: 'R-M2' }` on the error).
 */
export const cite = (id: RuleId): string => RULES[id].article

/** A message under a rule, led by its article — unless the text already cites it (…按第四十八条，…). */
export const citing = (id: RuleId, text: string): string => (text.includes(cite(id)) || /按第/.test(text) ? text : `${cite(id)}：${text}`)

/** The few characters a badge beside a field shows: the article, or a short name for a long citation. */
export const citeShort = (id: RuleId): string => {
  const rule: { article: string; short?: string } = RULES[id]
  return rule.short ?? rule.article
}
