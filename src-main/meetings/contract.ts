/** 办会's inputs, defined once (第三十七—四十三条): the procedures check calls against them, the services take their output types. */
import { z } from 'zod'
import { id, isoDate, optionalText, phone, text } from '../kernel/fields'
import { uploadSchema } from '../files/service'
import { RESERVED_MATTERS, PARTICIPANT_ROLES, ATTENDANCE_ROLES, ATTENDANCE_STATES, HALF_DAYS, LEAVE_ANSWERS, TOPIC_FILE_KINDS } from '../common/meetings'
import { classificationField } from '../security/clearance'

export const byId = (label: string) => z.object({ id: id(label) })
export const meetingId = z.object({ meetingId: id('会议') })
export const period = z.object({ from: isoDate('开始日期'), to: isoDate('结束日期') })
  .refine((p) => p.to >= p.from, { message: '不能早于开始日期', path: ['to'] })
  .refine((p) => p.to <= `${Number(p.from.slice(0, 4)) + 1}${p.from.slice(4)}`, { message: '查询期间不能超过一年', path: ['to'] })

/** 安排会议 and 修改、改期 (第三十七—四十三条). */
export const meetingInput = z.object({
  id: id('会议').optional(),
  typeId: id('会议类别'),
  session: z.number().describe('会议次数（第N次）').int().min(1).max(999).nullable().optional(),
  subject: optionalText('会议主题', 100),
  date: isoDate('会议日期'),
  halfDay: z.enum(HALF_DAYS).describe('上午/下午'),
  startTime: z.string().describe('开始时间').regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为时间，格式 09:00').nullable().optional(),
  place: optionalText('会议地点', 60),
  chairPostId: id('主持人').nullable().optional(),
  entrustingPostId: id('委托召开的领导').nullable().optional(),
  departmentId: id('主办部门').nullable().optional(),
  reservedMatters: z.array(z.enum(RESERVED_MATTERS)).describe('涉及事项').optional(),
  priorAgreementOn: isoDate('会前协商一致日期').nullable().optional(),
  priorAgreementNote: optionalText('协商情况', 500),
  note: optionalText('备注', 500),
  contactName: optionalText('联系人', 20),
  contactPhone: phone('联系电话'),
  participants: z.array(z.object({ personId: id('参会人员'), role: z.enum(PARTICIPANT_ROLES).describe('参会身份') })).describe('增加的参会、列席人员').max(60, '不能超过60人').optional(),
})
export type MeetingInput = z.output<typeof meetingInput>

/** 报送议题 (R-M3): late or unscheduled topics carry the 市长's consent. */
export const topicInput = z.object({
  meetingId: id('会议'),
  title: text('议题名称', 100),
  departmentId: id('报送单位'),
  supervisorPostId: id('分管副市长').nullable().optional(),
  reporter: optionalText('汇报人', 40),
  deliveredOn: isoDate('送达日期'),
  unitIds: z.array(id('列席单位')).describe('涉及的部门和县（区）').max(60).default([]),
  files: z.array(z.object({ kind: z.enum(TOPIC_FILE_KINDS).describe('附件类别'), file: uploadSchema })).describe('附件').max(10).default([]),
  consent: z.object({ personId: id('同意的领导'), on: isoDate('同意日期') }).describe('市长同意').nullable().optional(),
  supervisorReason: optionalText('经由其他领导的理由', 200),
  classification: classificationField(),
})
export type TopicInput = z.output<typeof topicInput>

/** 登记出席、请假、缺席或代会 (R-M2, R-M4). */
export const attendanceInput = z.object({
  meetingId: id('会议'), personId: id('人员'), role: z.enum(ATTENDANCE_ROLES).describe('参会身份'), status: z.enum(ATTENDANCE_STATES).describe('出席情况'),
  leaveReason: optionalText('请假事由', 200), askedPersonId: id('向谁请假').nullable().optional(),
  answer: z.enum(LEAVE_ANSWERS).describe('批复').nullable().optional(), substitute: optionalText('代会人员', 40), note: optionalText('备注', 200),
  askeeException: optionalText('例外说明', 200),
  correctionReason: optionalText('更正理由', 200),
})
export type AttendanceInput = z.output<typeof attendanceInput>

const lines = (label: string) => z.array(z.string().describe(label).trim().max(100, '不能超过100个字')).max(200, '不能超过200项').describe(label)

/** 纪要草稿 (R-M5). */
export const minutesInput = z.object({
  meetingId: id('会议'),
  opening: text('开头段落', 2000),
  decisions: z.array(z.object({
    id: id('议定事项').nullable().optional(),
    topicId: id('对应议题').nullable().optional(),
    heading: text('议定事项标题', 200),
    text: z.string().describe('议定事项内容').trim().max(20000, '不能超过20000个字'),
  })).max(100, '不能超过100项').describe('议定事项'),
  attendance: z.object({
    present: lines('出席人员'),
    onLeave: lines('请假人员'),
    attending: lines('列席人员'),
  }).describe('出席、请假、列席名单'),
  distribution: optionalText('分送', 1000),
})
export type MinutesInput = z.output<typeof minutesInput>

/** 调至以后的会议, with the reason kept. */
export const moveTopicInput = z.object({ topicId: id('议题'), toMeetingId: id('调至会议'), reason: optionalText('调整原因', 200) })
export type MoveTopicInput = z.output<typeof moveTopicInput>

/** 市长同意 of a 专题会议's minutes (R-M5). */
export const minutesConsentInput = z.object({ meetingId: id('会议'), personId: id('同意人'), date: isoDate('同意日期') })
export type MinutesConsentInput = z.output<typeof minutesConsentInput>

/** 签发 (R-M5, X-1). */
export const signMinutesInput = z.object({ meetingId: id('会议'), signerPersonId: id('签发人'), opinion: text('签发意见', 500), date: isoDate('签发日期') })
export type SignMinutesInput = z.output<typeof signMinutesInput>

/** 记录市长同意 for a topic already on the agenda (late after 改期 or the agenda fixed, R-M3). */
export const topicConsentInput = z.object({ topicId: id('议题'), personId: id('同意的领导'), on: isoDate('同意日期'), note: optionalText('说明', 200) })
export type TopicConsentInput = z.output<typeof topicConsentInput>

/** 重新打开 a held meeting (issue 15): by the designated role, with the reason. */
export const reopenInput = z.object({ id: id('会议'), reason: text('理由', 200) })

/** 更正会前协商一致 after holding (R-M5). */
export const agreementCorrectionInput = z.object({
  id: id('会议'), priorAgreementOn: isoDate('会前协商一致日期').nullable(), priorAgreementNote: optionalText('协商情况', 500).transform((v) => v ?? null), reason: text('理由', 200),
})
