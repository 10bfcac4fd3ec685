import { and, asc, gte, inArray, lte, sql } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import { perConnection } from '../db/prepared'
import type { ActionContext } from '../kernel/procedure'
import { AppError } from '../kernel/errors'
import { deleteAudited, replaceLinksAudited, requireById, saveAudited } from '../kernel/audited'
import { loadOrgSnapshot } from '../org/service'
import { people, posts } from '../org/schema'
import { absenceReports, absences } from './schema'
import { type AbsenceKind } from '../common/absences'
import { executiveOverlaps, reportingGaps, whoActsFor, type AbsencePeriod, type ActingAnswer } from './rules'
import { principalPost, type OrgSnapshot } from '../org/snapshot'
import { overlap } from '../common/dates'
import { LEADER_KINDS } from '../common/org'
import type { AbsenceInput } from './contract'

/** Absences touching [from, to], prepared once per connection (a meeting page reads it); exported for its query-plan test. */
export const absencePeriodStatement = perConnection((db) => db.select({ id: absences.id, personId: absences.personId, kind: absences.kind, startDate: absences.startDate, endDate: absences.endDate, actingPersonId: absences.actingPersonId })
  .from(absences).where(and(lte(absences.startDate, sql.placeholder('to')), gte(absences.endDate, sql.placeholder('from')))).prepare())
/** Absences touching [from, to] (all when no period is given). */
export function loadAbsencePeriods(db: ReadDb, from = '0000-01-01', to = '9999-12-31'): AbsencePeriod[] {
  return absencePeriodStatement(db).all({ from, to })
}

function reportsOf(db: ReadDb, ids: number[]): Map<number, number[]> {
  const map = new Map<number, number[]>()
  if (!ids.length) return map
  for (const r of db.select().from(absenceReports).where(inArray(absenceReports.absenceId, ids)).all()) {
    map.set(r.absenceId, [...(map.get(r.absenceId) ?? []), r.personId])
  }
  return map
}

/** The acting answer for the absent leader's principal post on the absence's first day. */
function actingFor(org: OrgSnapshot, periods: AbsencePeriod[], a: AbsencePeriod): ActingAnswer | null {
  const post = principalPost(org, a.personId)
  return post ? whoActsFor(org, periods, post.id, a.startDate) : null
}

/** The 领导外出 list for a period: each absence with whom it was reported to, who acts, and every warning. */
export function listAbsences(db: ReadDb, from: string, to: string) {
  const org = loadOrgSnapshot(db)
  const rows = db.select().from(absences).where(and(lte(absences.startDate, to), gte(absences.endDate, from))).orderBy(asc(absences.startDate), asc(absences.id)).all()
  // Acting and R-P4 need every absence that overlaps any row, not only those inside the period.
  const periods = loadAbsencePeriods(db)
  const reports = reportsOf(db, rows.map((r) => r.id))
  const overlaps = executiveOverlaps(org, periods).filter((o) => overlap(o, { startDate: from, endDate: to }))
  const name = (id: number | null) => (id === null ? null : org.names.get(id) ?? null)
  return {
    overlaps,
    absences: rows.map((r) => {
      const reportedTo = reports.get(r.id) ?? []
      return {
        ...r,
        personName: name(r.personId),
        postTitle: principalPost(org, r.personId)?.title ?? null,
        actingPersonName: name(r.actingPersonId),
        approvedByName: name(r.approvedById),
        reportedTo,
        reportedToNames: reportedTo.map((id) => name(id)),
        acting: actingFor(org, periods, r),
        gaps: reportingGaps(org, { ...r, reportedTo }),
        overlapWarnings: overlaps.filter((o) => o.mayorAbsenceId === r.id || o.executiveAbsenceId === r.id).map((o) => o.message),
      }
    }),
  }
}

/** Records an absence; the R-P4 and R-P5 warnings come back to be shown at once (they warn, never refuse). */
export function saveAbsence(ctx: ActionContext, input: AbsenceInput) {
  const { reportedTo, ...values } = input
  requireById(ctx.db, people, input.personId, '外出人员')
  if (input.actingPersonId === input.personId) throw new AppError('VALIDATION', '「代行人」不能是外出者本人', { field: 'actingPersonId' })
  if (input.approval === '已批准' && !input.approvedById) throw new AppError('VALIDATION', '「批准人」已批准时须填写批准人', { field: 'approvedById' })
  const row = saveAudited(ctx, absences, '领导外出', {
    ...values,
    approvedOn: input.approval === '待批' ? null : input.approvedOn ?? ctx.clock.today(),
    ...(input.id === undefined ? { createdAt: ctx.clock.now().toISOString() } : {}),
  })
  const unique = [...new Set(reportedTo)]
  replaceLinksAudited(ctx, absenceReports, absenceReports.absenceId, unique.map((personId) => ({ absenceId: row.id, personId })),
    { entity: '领导外出', id: row.id, field: '报告对象', describe: (r) => r.personId })
  const org = loadOrgSnapshot(ctx.db)
  const warnings = [
    ...executiveOverlaps(org, loadAbsencePeriods(ctx.db)).filter((o) => o.mayorAbsenceId === row.id || o.executiveAbsenceId === row.id).map((o) => o.message),
    ...reportingGaps(org, { ...row, reportedTo: unique }),
  ]
  return { id: row.id, warnings }
}

export const deleteAbsence = (ctx: ActionContext, id: number) => { deleteAudited(ctx, absences, '领导外出', id) }

/** For the form: who the rules would name to act, before an acting person is filed. */
export function proposeActing(db: ReadDb, personId: number, kind: AbsenceKind, date: string): ActingAnswer | null {
  const org = loadOrgSnapshot(db)
  const post = principalPost(org, personId)
  if (!post) return null
  const periods = loadAbsencePeriods(db, date, date).filter((a) => a.personId !== personId)
  return whoActsFor(org, [...periods, { id: 0, personId, kind, startDate: date, endDate: date, actingPersonId: null }], post.id, date)
}

/** For each city leader's post, who answers for it on `date` (R-P2, R-P3). */
export function leadersOn(db: ReadDb, date: string): ActingAnswer[] {
  const org = loadOrgSnapshot(db)
  const periods = loadAbsencePeriods(db, date, date)
  const leaderPosts = db.select({ id: posts.id }).from(posts).where(inArray(posts.kind, [...LEADER_KINDS])).orderBy(asc(posts.sortOrder), asc(posts.id)).all()
  return leaderPosts.map((p) => whoActsFor(org, periods, p.id, date))
}
