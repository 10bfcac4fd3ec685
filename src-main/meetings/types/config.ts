import { z } from 'zod'
import { LEADER_KINDS, POST_KINDS } from '../../common/org'
import { MEETING_KINDS, MeetingKind } from '../../common/meetings'

const postKinds = (label: string) => z.array(z.enum(POST_KINDS)).describe(label)
const unitNames = (label: string) => z.array(z.string().trim().min(1).max(40)).describe(label)

export const meetingTypeSchema = z.object({
  kind: z.enum(MEETING_KINDS).describe('会议类别'),
  name: z.string().trim().min(1).max(30).describe('会议名称'),
  members: z.object({
    postKinds: postKinds('组成人员（按岗位类别）'),
    departmentHeads: z.boolean().describe('市政府组成部门主要负责人为组成人员'),
  }).describe('组成人员'),
  invited: z.object({
    units: unitNames('邀请参加的单位（其主要负责人）'),
  }).describe('邀请参加'),
  attending: z.object({
    postKinds: postKinds('列席人员（按岗位类别）'),
    units: unitNames('列席单位（其主要负责人）'),
    topicUnits: z.boolean().describe('与议题有关的市级部门和县（区）政府主要负责人列席'),
    others: unitNames('其他列席人员（说明，按需邀请）'),
  }).describe('列席'),
  convenerPostKinds: postKinds('召集人（岗位类别）'),
  chairPostKinds: postKinds('主持人（岗位类别）'),
  entrustedChairPostKinds: postKinds('受委托可主持的岗位类别'),
  quorum: z.enum(['过半数', '无']).describe('到会人数要求'),
  cadenceDays: z.number().int().min(1).max(400).nullable().describe('召开周期（天）'),
  topicDeadlineWorkingDays: z.number().int().min(1).max(60).nullable().describe('议题报送时限（会前工作日）'),
  leaveAskee: z.enum(['市长', '主持人']).describe('请假对象'),
  minutesSigner: z.enum(['市长', '主持人或委托领导', '无']).describe('纪要签发人'),
  reservedMattersNeedMayorConsent: z.boolean().describe('涉及资金、土地、规划、国有资产、人事编制的须会前协商一致并报市长同意'),
  minutesTitle: z.string().trim().min(1).max(60).describe('纪要标题（{政府}代入政府名称）'),
  numbering: z.string().trim().max(30, '不能超过30个字').refine((s) => s.includes('{n}'), '须包含{n}').describe('纪要编号格式（{年}、{n}）'),
  oncePerYearPerDepartment: z.boolean().describe('每个部门每年原则上不超过1次'),
})
export type MeetingType = z.infer<typeof meetingTypeSchema>

/** The seven 列席 units named in 第三十八条 besides the 副秘书长 and the office's 党组成员. */
const STANDING_ATTENDING_UNITS = ['市监察局', '市审计局', '市政府信访局', '市政府法制办', '市政府研究室', '市政府督查室', '市政府应急办', '市政府新闻办']

/**
 * 资阳's meeting types as the working rules set them. The org data has no 党组 membership, so the
 * office's 党组成员 stand as the 办公室主任/副主任 posts; other members are added by hand.
 */
export const DEFAULT_MEETING_TYPES: readonly MeetingType[] = [
  {
    // 第三十七条 (R-M1): 市长、副市长、秘书长和组成部门各委（办）主任、各局局长; 邀请军分区; 市长召集主持; 每半年;
    // 副秘书长、市级有关单位主要负责人列席; 第三十九条 (R-M4): 向市长请假; 第四十条: 讲话印发，无纪要签发规定.
    kind: '全体会议', name: '全体会议',
    members: { postKinds: ['市长', '副市长', '秘书长'], departmentHeads: true },
    invited: { units: ['军分区'] },
    attending: {
      postKinds: ['副秘书长'], units: [], topicUnits: false,
      others: ['市级有关单位主要负责人', '市委有关部门、市人大常委会办公室、市政协办公室、市法院、市检察院负责人', '群团组织、各民主党派、工商联负责人、无党派人士代表', '县（区）主要负责人（根据需要）'],
    },
    convenerPostKinds: ['市长'], chairPostKinds: ['市长'], entrustedChairPostKinds: [],
    quorum: '无', cadenceDays: 182, topicDeadlineWorkingDays: null,
    leaveAskee: '市长', minutesSigner: '无', reservedMattersNeedMayorConsent: false,
    minutesTitle: '{政府}全体会议纪要', numbering: '第{n}期', oncePerYearPerDepartment: false,
  },
  {
    // 第三十八条 (R-M2, R-M3): 市长、副市长、秘书长组成，半数以上到会; 邀请军分区; 列席名单; 每两周; 议题会前10个工作日;
    // 第三十九条 (R-M4): 向会议主持人请假; 第四十条 (R-M5): 纪要由市长签发.
    kind: '常务会议', name: '常务会议',
    members: { postKinds: ['市长', '副市长', '秘书长'], departmentHeads: false },
    invited: { units: ['军分区'] },
    attending: {
      postKinds: ['副秘书长', '办公室主任', '办公室副主任'], units: STANDING_ATTENDING_UNITS, topicUnits: true,
      others: ['相关利益方、公众代表、专家、媒体（根据需要）'],
    },
    convenerPostKinds: ['市长'], chairPostKinds: ['市长'], entrustedChairPostKinds: [],
    quorum: '过半数', cadenceDays: 14, topicDeadlineWorkingDays: 10,
    leaveAskee: '主持人', minutesSigner: '市长', reservedMattersNeedMayorConsent: false,
    minutesTitle: '{政府}常务会议纪要', numbering: '〔{年}〕{n}号', oncePerYearPerDepartment: false,
  },
  {
    // 第四十一条 (R-M6): 市长召集主持; 副市长、秘书长、副秘书长参加; 办公室副主任及其他党组成员、研究室、督查室主要负责人列席.
    kind: '市长办公会', name: '市长办公会',
    members: { postKinds: [...LEADER_KINDS], departmentHeads: false },
    invited: { units: [] },
    attending: { postKinds: ['办公室副主任'], units: ['市政府研究室', '市政府督查室'], topicUnits: false, others: [] },
    convenerPostKinds: ['市长'], chairPostKinds: ['市长'], entrustedChairPostKinds: [],
    quorum: '无', cadenceDays: null, topicDeadlineWorkingDays: null,
    leaveAskee: '主持人', minutesSigner: '市长', reservedMattersNeedMayorConsent: false,
    minutesTitle: '{政府}市长办公会纪要', numbering: '第{n}期', oncePerYearPerDepartment: false,
  },
  {
    // 第四十二条 (R-M7, R-M5): 市长、副市长、秘书长召集主持，受委托副秘书长亦可; 从严控制参会人员;
    // 纪要由主持人或委托领导签发; 涉及资金、土地、规划、国有资产和人事编制的须会前协商一致、报市长同意后再签发.
    kind: '专题会议', name: '专题会议',
    members: { postKinds: [], departmentHeads: false },
    invited: { units: [] },
    attending: { postKinds: [], units: [], topicUnits: true, others: [] },
    convenerPostKinds: ['市长', '副市长', '秘书长'], chairPostKinds: ['市长', '副市长', '秘书长'], entrustedChairPostKinds: ['副秘书长'],
    quorum: '无', cadenceDays: null, topicDeadlineWorkingDays: null,
    leaveAskee: '主持人', minutesSigner: '主持人或委托领导', reservedMattersNeedMayorConsent: true,
    minutesTitle: '{政府}专题会议纪要', numbering: '第{n}期', oncePerYearPerDepartment: false,
  },
  {
    // 第四十三条 (R-M8): 计划管理，多采用视频会议形式; 各部门每年原则上不超过1次.
    kind: '全市性视频会议', name: '全市性视频会议',
    members: { postKinds: [], departmentHeads: false },
    invited: { units: [] },
    attending: { postKinds: [], units: [], topicUnits: true, others: [] },
    convenerPostKinds: ['部门主要负责人'], chairPostKinds: ['市长', '副市长', '秘书长', '部门主要负责人'], entrustedChairPostKinds: [],
    quorum: '无', cadenceDays: null, topicDeadlineWorkingDays: null,
    leaveAskee: '主持人', minutesSigner: '无', reservedMattersNeedMayorConsent: false,
    minutesTitle: '{政府}全市性会议纪要', numbering: '第{n}期', oncePerYearPerDepartment: true,
  },
]

export const defaultMeetingType = (kind: MeetingKind): MeetingType => DEFAULT_MEETING_TYPES.find((t) => t.kind === kind)!
