/**
 * X-6: the stored deadlines of 收文 counted in working days (R-D7), recomputed when a year's holiday arrangement
 * changes. Only work still open moves (an answered 承办 or a closed document keeps the deadline it was judged by).
 * A 承办's deadline is always its 交办日期 + 工作日数; a document's 办结时限 moves only if it is what the rule gave
 * under the old calendar — a deadline the clerk typed in differs from it and stays.
 */
import { and, eq, isNull, isNotNull, notInArray } from 'drizzle-orm'
import type { ActionContext } from '../../kernel/procedure'
import { updateAudited } from '../../kernel/audited'
import { spanTouches, type CalendarChange, type MovedDate } from '../../calendar/recompute'
import { readSettings } from '../../settings/service'
import { assignments, incomingDocuments } from '../schema'
import { deadlineAfter } from './rules'
import { ENTITY, numberText } from './service'

export function recomputeIncomingDeadlines(ctx: ActionContext, change: CalendarChange): MovedDate[] {
  return [...assignmentDeadlines(ctx, change), ...documentDeadlines(ctx, change)]
}

function assignmentDeadlines(ctx: ActionContext, { year, after }: CalendarChange): MovedDate[] {
  const open = ctx.db.select({ a: assignments, doc: incomingDocuments }).from(assignments)
    .innerJoin(incomingDocuments, eq(incomingDocuments.id, assignments.documentId)).where(isNull(assignments.feedbackOn)).all()
  const moved: MovedDate[] = []
  for (const { a, doc } of open) {
    if (!spanTouches(year, a.assignedOn, a.deadline)) continue
    const deadline = deadlineAfter(after, a.assignedOn, a.workingDays)
    if (deadline === a.deadline) continue
    updateAudited(ctx, assignments, '承办', a.id, { deadline })
    moved.push({ what: `${numberText(doc)}承办时限`, from: a.deadline, to: deadline })
  }
  return moved
}

function documentDeadlines(ctx: ActionContext, { year, before, after }: CalendarChange): MovedDate[] {
  const days = readSettings(ctx.db).handlingWorkingDays
  const open = ctx.db.select().from(incomingDocuments)
    .where(and(isNotNull(incomingDocuments.deadline), isNotNull(incomingDocuments.proposedOn), notInArray(incomingDocuments.status, ['已办结', '已退回']))).all()
  const moved: MovedDate[] = []
  for (const doc of open) {
    const [from, old, n] = [doc.proposedOn!, doc.deadline!, days[doc.urgency]]
    if (!spanTouches(year, from, old) || deadlineAfter(before, from, n) !== old) continue
    const deadline = deadlineAfter(after, from, n)
    if (deadline === old) continue
    updateAudited(ctx, incomingDocuments, ENTITY, doc.id, { deadline })
    moved.push({ what: `${numberText(doc)}办结时限`, from: old, to: deadline })
  }
  return moved
}
