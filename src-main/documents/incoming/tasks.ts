/** 收文 承办 (R-D7, X-3): hand-off to a 主办 department and 协办 ones with a working-day limit, feedback with evidence, 催办, 办结. */
import { and, asc, eq } from 'drizzle-orm'
import type { ActionContext } from '../../kernel/procedure'
import { AppError, ruleViolation } from '../../kernel/errors'
import { findById, insertAudited, requireById, updateAudited } from '../../kernel/audited'
import { unseen } from '../../security/clearance'
import { chineseDate, type IsoDate } from '../../common/dates'
import { loadCalendar } from '../../calendar/service'
import { dayInfo, type HolidayCalendar } from '../../calendar/rules'
import { departments } from '../../org/schema'
import { readSettings } from '../../settings/service'
import { storeFile } from '../../files/service'
import { assignments, chases, incomingDocuments, instructions } from '../schema'
import { currentTurn, deadlineAfter, workingDaysProblem } from './rules'
import { ENTITY, checkStepDate, numberText, requireIncoming, requireStatus } from './service'
import type { AssignInput, ChaseInput, CloseInput, FeedbackInput } from './contract'
import { cite } from '../../common/rules'

/** 交办: after the leaders' instructions are all in; one 主办 (exactly one) and any 协办, one deadline for all. */
export function assignDepartments(ctx: ActionContext, input: AssignInput) {
  const { db } = ctx
  const doc = requireIncoming(ctx, input.id)
  requireStatus(doc, ['批示中'], '交办（须先经领导批示）')
  const turns = db.select().from(instructions).where(eq(instructions.documentId, doc.id)).all()
  const pending = currentTurn(turns)
  if (pending) throw new AppError('CONFLICT', `${numberText(doc)}尚在第${pending.turn}位领导处批示，批示完成后才能交办`)
  const lastInstructed = turns.map((t) => t.instructedOn!).sort().at(-1)!
  checkStepDate(ctx, input.assignedOn, '交办日期', { date: lastInstructed, what: '最后一位领导的批示日期' })
  if (db.select().from(assignments).where(eq(assignments.documentId, doc.id)).get()) throw new AppError('CONFLICT', `${numberText(doc)}已交办，不能重复交办`)
  const assisting = [...new Set(input.assistingDepartmentIds)]
  if (assisting.includes(input.hostDepartmentId)) throw new AppError('VALIDATION', '「协办单位」不能包含主办单位', { field: 'assistingDepartmentIds' })
  const host = requireById(db, departments, input.hostDepartmentId, '主办单位')
  const helpers = assisting.map((id) => requireById(db, departments, id, '协办单位'))
  const settingsDays = readSettings(db).handlingWorkingDays
  const days = input.workingDays ?? settingsDays[doc.urgency]
  const problem = workingDaysProblem(doc.urgency, days, settingsDays)
  if (problem) throw ruleViolation('R-D7', problem)
  const deadline = deadlineAfter(loadCalendar(db), input.assignedOn, days)
  const warnings: string[] = []
  if (doc.deadline && deadline > doc.deadline) warnings.push(`${cite('R-D7')}：承办时限${chineseDate(deadline)}晚于本件办结时限${chineseDate(doc.deadline)}`)
  const rows = [{ d: host, role: '主办' as const }, ...helpers.map((d) => ({ d, role: '协办' as const }))].map(({ d, role }) =>
    insertAudited(ctx, assignments, '承办', { documentId: doc.id, departmentId: d.id, role, assignedOn: input.assignedOn, workingDays: days, deadline }))
  updateAudited(ctx, incomingDocuments, ENTITY, doc.id, { status: '承办中' })
  return { assignments: rows, deadline, workingDays: days, warnings }
}

/** a department's feedback always comes with its evidence (an attached file). */
export function recordFeedback(ctx: ActionContext, input: FeedbackInput) {
  const { db } = ctx
  // Missing and hidden answer alike (the document's check below says the same words).
  const a = findById(db, assignments, input.assignmentId)
  if (!a) throw unseen('承办记录')
  const doc = requireIncoming(ctx, a.documentId, '承办记录')
  requireStatus(doc, ['承办中'], '登记承办反馈')
  const dept = requireById(db, departments, a.departmentId, '承办单位')
  if (a.feedbackOn) throw new AppError('CONFLICT', `${dept.name}已于${chineseDate(a.feedbackOn)}反馈`)
  if (!input.file) throw ruleViolation('X-3', `${cite('X-3')}：承办单位的反馈须附佐证材料，请上传${dept.name}的反馈文件（如办理情况报告、回复函的扫描件）`)
  checkStepDate(ctx, input.feedbackOn, '反馈日期', { date: a.assignedOn, what: '交办日期' })
  const file = storeFile(ctx, input.file)
  return updateAudited(ctx, assignments, '承办', a.id, { feedback: input.feedback, feedbackOn: input.feedbackOn, feedbackFileId: file.id })
}

/**
 * 催办: a named person, a date, how (电话/短信/书面/当面), whom they reached, the answer and the date promised; every chase
 * kept. A promised date on a rest day is kept as told, with a warning (the department may have misspoken).
 */
export function recordChase(ctx: ActionContext, input: ChaseInput) {
  const { db } = ctx
  const doc = requireIncoming(ctx, input.id)
  requireStatus(doc, ['已登记', '已拟办', '批示中', '承办中'], '催办')
  const chaser = input.chaser ?? ctx.user?.displayName
  if (!chaser) throw new AppError('VALIDATION', '「催办人」不能为空', { field: 'chaser' })
  const chasedOn = input.chasedOn ?? ctx.clock.today()
  checkStepDate(ctx, chasedOn, '催办日期', { date: doc.receivedAt.slice(0, 10), what: '签收日期' })
  if (input.assignmentId != null) {
    const a = requireById(db, assignments, input.assignmentId, '承办记录')
    if (a.documentId !== doc.id) throw new AppError('VALIDATION', '「承办记录」不属于这件收文', { field: 'assignmentId' })
    if (a.feedbackOn) throw new AppError('CONFLICT', `该单位已于${chineseDate(a.feedbackOn)}反馈，无需催办`)
  }
  const promisedOn = input.promisedOn ?? null
  if (promisedOn && promisedOn < chasedOn) throw new AppError('VALIDATION', `「承诺办结日期」不能早于催办日期（${chineseDate(chasedOn)}）`, { field: 'promisedOn' })
  const warnings = promisedOn ? restDayWarning(loadCalendar(db), promisedOn) : []
  const chase = insertAudited(ctx, chases, '催办', {
    documentId: doc.id, assignmentId: input.assignmentId ?? null, chaser, chasedOn, note: input.note ?? null,
    method: input.method ?? null, contact: input.contact ?? null, answer: input.answer ?? null, promisedOn,
  })
  return { chase, warnings }
}

/** 承诺办结日期 on a 休 day: said, not refused (the department said so; the office may ring back to confirm). */
function restDayWarning(cal: HolidayCalendar, date: IsoDate): string[] {
  const day = dayInfo(cal, date)
  if (day.working) return []
  return [`承诺办结日期${chineseDate(date)}是${day.name ?? day.type}（休息日），请与承办单位核实${day.provisional ? '（该年度节假日安排尚未录入，按周末判断）' : ''}`]
}

/**
 * 办结: when the 主办 department's feedback (with evidence) is in. A document handed to no department — a
 * 报告 the leaders only read (圈阅 = 已阅) — may be closed once every leader has instructed.
 */
export function closeIncoming(ctx: ActionContext, input: CloseInput) {
  const { db } = ctx
  const doc = requireIncoming(ctx, input.id)
  requireStatus(doc, ['批示中', '承办中'], '办结')
  const rows = db.select().from(assignments).where(eq(assignments.documentId, doc.id)).orderBy(asc(assignments.id)).all()
  let after: IsoDate
  if (rows.length) {
    const host = rows.find((r) => r.role === '主办')!
    if (!host.feedbackOn) {
      const name = requireById(db, departments, host.departmentId, '主办单位').name
      throw ruleViolation('X-3', `${cite('X-3')}：主办单位${name}尚未反馈办理结果（须附佐证材料），不能办结`)
    }
    after = host.feedbackOn
  } else {
    const turns = db.select().from(instructions).where(and(eq(instructions.documentId, doc.id))).all()
    const pending = currentTurn(turns)
    if (pending || !turns.length) throw new AppError('CONFLICT', `${numberText(doc)}尚在领导处批示，不能办结`)
    after = turns.map((t) => t.instructedOn!).sort().at(-1)!
  }
  checkStepDate(ctx, input.closedOn, '办结日期', { date: after, what: rows.length ? '主办单位反馈日期' : '最后一位领导的批示日期' })
  return updateAudited(ctx, incomingDocuments, ENTITY, doc.id, { status: '已办结', closedOn: input.closedOn, closingNote: input.closingNote })
}
