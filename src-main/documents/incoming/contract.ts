/** 收文's inputs, defined once (X-2, R-D1–R-D4, R-D7): the procedures check calls against them, the services take their output types. */
import { z } from 'zod'
import { id, isoDate, optionalText, text } from '../../kernel/fields'
import { isRealDate } from '../../common/dates'
import { uploadSchema } from '../../files/service'
import { ARRIVALS, CHASE_METHODS, DIRECT_EXCEPTIONS, DOCUMENT_TYPES, INCOMING_FILE_KINDS, INSTRUCTION_KINDS, URGENCIES, normalizeDocNumber } from '../../common/documents'
import { classificationField } from '../../security/clearance'

/** 签收时间: date and time in the office, '2026-12-01 09:30' (a T is accepted and stored as a space). */
const dateTime = (label: string) => z.string().describe(label).trim()
  .regex(/^\d{4}-\d{2}-\d{2}[ T]([01]\d|2[0-3]):[0-5]\d$/, '应为日期和时间，格式 2026-12-01 09:30')
  .refine((s) => isRealDate(s.slice(0, 10)), '不是有效的日期')
  .transform((s) => s.replace('T', ' '))

/** The registration's fields (签收登记), shared by 登记 and 修改. */
export const fields = {
  receivedAt: dateTime('签收时间'),
  sender: text('来文机关', 100),
  senderDepartmentId: id('来文单位').nullable().optional(),
  senderNumber: optionalText('来文字号', 60).transform((n) => (n ? normalizeDocNumber(n) : n)),
  title: text('标题', 300),
  docType: z.enum(DOCUMENT_TYPES).describe('文种'),
  classification: classificationField(),
  secrecyPeriod: optionalText('保密期限', 20),
  urgency: z.enum(URGENCIES).describe('紧急程度').default('无'),
  copies: z.number().describe('份数').int('应为整数').min(1, '至少1份').max(9999, '不能超过9999份').default(1),
  pages: z.number().describe('页数').int('应为整数').min(1, '至少1页').max(99999).nullable().optional(),
  arrival: z.enum(ARRIVALS).describe('来文方式').default('机要交通'),
  directException: z.enum(DIRECT_EXCEPTIONS).describe('直送领导例外情形').nullable().optional(),
  directLeaderId: id('直送领导').nullable().optional(),
}

/** 签收登记 with its 正文, 附件 and 扫描件. */
/** What a registration holds, as the service reads it. */
export type IncomingFields = z.output<z.ZodObject<typeof fields>>

export const receiveInput = z.object({
  ...fields,
  files: z.array(z.object({ kind: z.enum(INCOMING_FILE_KINDS).describe('文件类别'), file: uploadSchema })).describe('正文和附件').max(50).default([]),
})
export type RegisterInput = z.output<typeof receiveInput>

/** 修改登记信息: 密级 and 保密期限 may only be repeated (定密变更 changes them). */
export const updateInput = z.object({ id: id('收文'), ...fields, classification: classificationField().unwrap().optional(), secrecyPeriod: fields.secrecyPeriod })
export type UpdateInput = z.output<typeof updateInput>

/** 拟办 (R-D3, R-D7). */
export const proposeInput = z.object({
  id: id('收文'),
  proposal: text('拟办意见', 2000),
  proposedBy: text('拟办人', 60),
  proposedOn: isoDate('拟办日期'),
  major: z.boolean().describe('重大事项').optional(),
  withinOneDepartment: z.boolean().describe('属一个部门职责范围').optional(),
  secretaryPostId: id('秘书长或副秘书长岗位').nullable().optional(),
  routePostId: id('批示领导岗位').nullable().optional(),
  deadline: isoDate('办结时限').nullable().optional(),
})
export type ProposeInput = z.output<typeof proposeInput>

/** 批示 or 圈阅 (R-D4). */
export const instructInput = z.object({
  id: id('收文'),
  leaderId: id('批示领导'),
  kind: z.enum(INSTRUCTION_KINDS).describe('批示方式'),
  opinion: optionalText('批示意见', 2000),
  instructedOn: isoDate('批示日期'),
})
export type InstructInput = z.output<typeof instructInput>

/** 会签意见 and the coordination of a disagreement (R-D2). */
export const consultInput = z.object({
  id: id('收文'),
  departmentId: id('征求意见单位'),
  agrees: z.boolean().describe('是否同意'),
  opinion: text('单位意见', 2000),
  coordination: optionalText('协调情况', 2000),
  reasons: optionalText('各方理由', 2000),
  proposedDecision: optionalText('拟处理意见', 2000),
})
export type ConsultInput = z.output<typeof consultInput>

/** 交办: one 主办, any 协办, one deadline (R-D7). */
export const assignInput = z.object({
  id: id('收文'),
  hostDepartmentId: id('主办单位'),
  assistingDepartmentIds: z.array(id('协办单位')).describe('协办单位').max(30).default([]),
  workingDays: z.number().describe('办理时限（工作日）').int('应为整数').min(1, '至少1个工作日').max(60, '不能超过60个工作日').nullable().optional(),
  assignedOn: isoDate('交办日期'),
})
export type AssignInput = z.output<typeof assignInput>

/** 初审通过. */
export const reviewInput = z.object({ id: id('收文'), reviewedOn: isoDate('初审日期'), note: optionalText('初审意见', 500) })
export type ReviewInput = z.output<typeof reviewInput>

/** 初审退回, with the reason. */
export const returnInput = z.object({ id: id('收文'), reason: text('退回理由', 1000), returnedOn: isoDate('退回日期') })
export type ReturnInput = z.output<typeof returnInput>

/** 送批或传阅, the leaders in turn. */
export const sendInput = z.object({
  id: id('收文'),
  leaderIds: z.array(id('送批领导')).describe('送批领导').min(1, '至少选择一位领导').max(20),
  sentOn: isoDate('送批日期'),
})
export type SendInput = z.output<typeof sendInput>

/** 承办单位反馈 with its evidence. */
export const feedbackInput = z.object({
  assignmentId: id('承办记录'),
  feedback: text('反馈内容', 4000),
  feedbackOn: isoDate('反馈日期'),
  file: uploadSchema.describe('佐证材料').nullable().optional(),
})
export type FeedbackInput = z.output<typeof feedbackInput>

/** 催办 (R-D7): how the office chased, whom it reached, what they answered and promised (issue 16). */
export const chaseInput = z.object({
  id: id('收文'),
  assignmentId: id('承办记录').nullable().optional(),
  chaser: optionalText('催办人', 60),
  chasedOn: isoDate('催办日期').nullable().optional(),
  method: z.enum(CHASE_METHODS).describe('催办方式').nullable().optional(),
  contact: optionalText('对方接洽人', 60),
  answer: optionalText('对方答复', 1000),
  promisedOn: isoDate('承诺办结日期').nullable().optional(),
  note: optionalText('催办情况', 1000),
})
export type ChaseInput = z.output<typeof chaseInput>

/** 作废 (issue 16): the reason is required; the act cannot be undone. */
export const voidInput = z.object({ id: id('收文'), reason: text('作废理由', 500) })
export type VoidInput = z.output<typeof voidInput>

/** 办结. */
export const closeInput = z.object({ id: id('收文'), closedOn: isoDate('办结日期'), closingNote: text('办结说明', 2000) })
export type CloseInput = z.output<typeof closeInput>
