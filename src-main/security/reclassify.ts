/**
 * 定密变更 for 收文, 发文 and 议题 (issue 14): one service the three procedures share. The record's 密级 and
 * 保密期限 change together with a row in `reclassifications` (before, after, reason, approver), both written through
 * the audited helpers in the action's transaction, so the audit log names 定密变更, the reason and the approver.
 * Attachments have no marking of their own: whoever may see the record may see its files, so they follow.
 */
import { z } from 'zod'
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { ReadDb } from '../db/connection'
import type { ActionContext } from '../kernel/procedure'
import { AppError } from '../kernel/errors'
import { id, optionalText, text } from '../kernel/fields'
import { insertAudited, updateAudited } from '../kernel/audited'
import { readSettings } from '../settings/service'
import { loadOrgSnapshot } from '../org/service'
import { principalPost } from '../org/snapshot'
import { isLeaderKind } from '../common/org'
import { officeClockText, officeDate } from '../common/office-time'
import { CLASSIFICATIONS, type Classification } from '../common/classification'
import { markingText, reclassifyProblem, EDIT_CANNOT_RECLASSIFY, type Marking, type ReclassifiedKind } from '../common/reclassification'
import { clearanceOf, TOP_SECRET } from './clearance'
import { reclassifications } from './schema'

type Row = { id: number; classification: Classification; secrecyPeriod?: string | null }
type Table = SQLiteTable & { id: SQLiteColumn<{ data: number } & any> }

/** How one kind of record takes part: where it is, how it is found and named, and its own 保密期限 rule. */
export interface ReclassifyTarget<R extends Row> {
  kind: ReclassifiedKind
  /** The audit entity of the record itself (收文, 发文, 议题). */
  entity: string
  table: Table
  /** The record as the caller may see it (one above their clearance is not found). */
  load: (ctx: ActionContext, id: number) => R
  /** Whether the kind records a 保密期限 (议题 do not). */
  hasPeriod: boolean
  periodProblem?: (classification: Classification, period: string | null) => string | null
  /** What must follow the change in the same transaction (the search index carries the 密级). */
  afterChange?: (ctx: ActionContext, after: R, before: R) => void
}

/** The input of incoming.reclassify, outgoing.reclassify and topics.reclassify; `what` names the record (收文). */
export const reclassifyInput = (what: string) => z.object({
  id: id(what),
  classification: z.enum(CLASSIFICATIONS, {
    error: (issue) => (issue.input === TOP_SECRET ? '绝密文件不得录入本系统' : `应为${CLASSIFICATIONS.join('、')}之一`),
  }).describe('变更后密级'),
  secrecyPeriod: optionalText('变更后保密期限', 20),
  reason: text('变更理由', 500),
  approverId: id('批准人'),
})
export type ReclassifyInput = z.output<ReturnType<typeof reclassifyInput>>

const markingOf = (row: Row): Marking => ({ classification: row.classification, period: row.secrecyPeriod ?? null })

/** 副市长李华, or null when the person holds no post of a 市政府领导. */
function approverOf(db: ReadDb, personId: number): { leader: boolean; name: string } {
  const org = loadOrgSnapshot(db)
  const post = principalPost(org, personId)
  const name = org.names.get(personId) ?? `（人员${personId}）`
  return { leader: !!post && isLeaderKind(post.kind), name: post ? `${post.title}${name}` : name }
}

/** Changes the record's 密级/保密期限 and records the change; refused with the reason the dialog shows. */
export function reclassify<R extends Row>(ctx: ActionContext, target: ReclassifyTarget<R>, input: ReclassifyInput): R {
  const before = target.load(ctx, input.id)
  const settings = readSettings(ctx.db)
  const period = target.hasPeriod && input.classification !== '无' ? input.secrecyPeriod?.trim() || null : null
  const after: Marking = { classification: input.classification, period }
  const approver = input.approverId == null ? null : approverOf(ctx.db, input.approverId)
  const problem = reclassifyProblem({
    before: markingOf(before), after, reason: input.reason, approverIsLeader: approver ? approver.leader : null,
    role: ctx.user!.role, designated: settings.reclassifyRoles, approved: settings.approvedClassification, clearance: clearanceOf(ctx.user),
    periodProblem: target.periodProblem?.(after.classification, after.period) ?? null,
  })
  if (problem) throw new AppError(problem.code, problem.message, problem.field ? { field: problem.field } : undefined)
  const patch = target.hasPeriod ? { classification: after.classification, secrecyPeriod: after.period } : { classification: after.classification }
  const changed = updateAudited(ctx, target.table, target.entity, before.id, patch as never) as R
  insertAudited(ctx, reclassifications, '定密变更', {
    kind: target.kind, recordId: before.id,
    fromClassification: before.classification, fromPeriod: markingOf(before).period, toClassification: after.classification, toPeriod: after.period,
    reason: input.reason.trim(), approverId: input.approverId!, approverName: approver!.name,
    changedBy: ctx.user!.displayName, changedAt: ctx.clock.now().toISOString(),
  })
  target.afterChange?.(ctx, changed, before)
  return changed
}

/** One line of a record's history: 定密变更：秘密★1年 → 非涉密（理由：…；批准：副市长李华）. */
export interface ReclassificationEntry {
  id: number
  at: string
  /** The office's date and time of `at`: 2026-12-06 10:30. */
  when: string
  by: string
  from: string
  to: string
  reason: string
  approver: string
  text: string
}

/** The record's 定密变更, oldest first, for its page's history. */
export function reclassificationsOf(db: ReadDb, kind: ReclassifiedKind, recordId: number): ReclassificationEntry[] {
  return reclassificationsOfEach(db, kind, [recordId]).get(recordId) ?? []
}

/** The 定密变更 of several records at once (a meeting's topics), oldest first for each: one query, not one per record. */
export function reclassificationsOfEach(db: ReadDb, kind: ReclassifiedKind, recordIds: readonly number[]): Map<number, ReclassificationEntry[]> {
  const byRecord = new Map<number, ReclassificationEntry[]>()
  if (!recordIds.length) return byRecord
  const rows = db.select().from(reclassifications).where(and(eq(reclassifications.kind, kind), inArray(reclassifications.recordId, [...recordIds])))
    .orderBy(asc(reclassifications.id)).all()
  for (const r of rows) {
    const from = markingText({ classification: r.fromClassification, period: r.fromPeriod })
    const to = markingText({ classification: r.toClassification, period: r.toPeriod })
    const entry = {
      id: r.id, at: r.changedAt, when: `${officeDate(new Date(r.changedAt))} ${officeClockText(new Date(r.changedAt))}`, by: r.changedBy, from, to, reason: r.reason, approver: r.approverName,
      text: `定密变更：${from} → ${to}（理由：${r.reason}；批准人：${r.approverName}）`,
    }
    byRecord.set(r.recordId, [...(byRecord.get(r.recordId) ?? []), entry])
  }
  return byRecord
}

/**
 * For the edit procedures (收文 修改登记信息, 发文 修改稿): 密级 and 保密期限 are not theirs to change. An input that
 * leaves them out, or repeats them, passes; one that differs is refused, pointing to 定密变更.
 */
export function refuseReclassifyingEdit(row: Row, input: { classification?: Classification; secrecyPeriod?: string | null }): void {
  const cls = input.classification ?? row.classification
  const period = input.secrecyPeriod === undefined ? row.secrecyPeriod ?? null : cls === '无' ? null : input.secrecyPeriod?.trim() || null
  if (cls !== row.classification || (period ?? null) !== (row.secrecyPeriod ?? null)) {
    throw new AppError('VALIDATION', EDIT_CANNOT_RECLASSIFY, { field: 'classification' })
  }
}
