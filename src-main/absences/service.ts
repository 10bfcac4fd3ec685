import { and, asc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import { perConnection } from '../db/prepared'
import type { ActionContext } from '../kernel/procedure'
import { AppError } from '../kernel/errors'
import { deleteAudited, replaceLinksAudited, requireById, saveAudited } from '../kernel/audited'
import { loadOrgSnapshot } from '../org/service'
import { people, posts } from '../org/schema'
import { absenceReports, absences } from './schema'
import { type AbsenceKind } from '../common/absences'
import { actingByDay, executiveOverlaps, reportingDuty, reportingGaps, whoActsFor, type AbsencePeriod, type ActingAnswer } from './rules'
import { orgOn, principalPost } from '../org/snapshot'
import { chineseDate, overlap } from '../common/dates'
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

/** The 领导外出 list for a period: each absence with whom it was reported to, who acts on each day, and every warning. */
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
      // The post and the rules of the trip's first day: a leader replaced later keeps the post they travelled in.
      const onDay = orgOn(org, r.startDate)
      const actingSpans = actingByDay(org, periods, r)
      const firstShown = actingSpans.find((s) => s.endDate >= from) ?? actingSpans[0]
      return {
        ...r,
        personName: name(r.personId),
        postTitle: principalPost(onDay, r.personId)?.title ?? null,
        actingPersonName: name(r.actingPersonId),
        approvedByName: name(r.approvedById),
        reportedTo,
        reportedToNames: reportedTo.map((id) => name(id)),
        /** Who acts on the first day of the trip shown in the period; actingSpans has every day. */
        acting: (firstShown?.acting ?? null) as ActingAnswer | null,
        actingSpans,
        duty: reportingDuty(onDay, r.personId, r.kind),
        gaps: reportingGaps(onDay, { ...r, reportedTo }),
        overlapWarnings: overlaps.filter((o) => o.mayorAbsenceId === r.id || o.executiveAbsenceId === r.id).map((o) => o.message),
      }
    }),
  }
}

/** The same person away over the same days, already recorded: identical is refused, overlapping is warned. */
function sameTimeAbsences(db: ReadDb, input: AbsenceInput) {
  return db.select().from(absences).where(and(eq(absences.personId, input.personId), lte(absences.startDate, input.endDate), gte(absences.endDate, input.startDate),
    input.id === undefined ? undefined : ne(absences.id, input.id))).all()
}

/** An absence is recorded for someone on the books on its first day: an archived person left before. */
function requireInOffice(db: ReadDb, input: AbsenceInput) {
  const person = requireById(db, people, input.personId, '外出人员')
  if (person.archivedOn && person.archivedOn <= input.startDate) {
    throw new AppError('CONFLICT', `${person.name}已于${chineseDate(person.archivedOn)}离任归档，不能登记此后的外出`, { field: 'personId' })
  }
  return person
}

/** Records an absence; the R-P4 clashes and the R-P5 warnings come back to be shown at once (they warn, never refuse). */
export function saveAbsence(ctx: ActionContext, input: AbsenceInput) {
  const { reportedTo, ...values } = input
  const person = requireInOffice(ctx.db, input)
  const others = sameTimeAbsences(ctx.db, input)
  const twin = others.find((o) => o.kind === input.kind && o.startDate === input.startDate && o.endDate === input.endDate)
  if (twin) {
    throw new AppError('CONFLICT', `${person.name}${periodText(twin)}的${twin.kind}已经登记过（${twin.destination ?? '未填地点'}），不能重复登记；如需更改，请在列表中修改原记录`)
  }
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
  // R-P4 clashes apart from the other warnings: the page shows them in red, the rest in orange.
  const clashes = executiveOverlaps(org, loadAbsencePeriods(ctx.db)).filter((o) => o.mayorAbsenceId === row.id || o.executiveAbsenceId === row.id).map((o) => o.message)
  const warnings = [
    ...reportingGaps(orgOn(org, row.startDate), { ...row, reportedTo: unique }),
    ...others.map((o) => `${person.name}${periodText(o)}已登记${o.kind}，与本次外出有重叠的日子，请核对是否重复登记`),
  ]
  return { id: row.id, clashes, warnings }
}

const periodText = (a: { startDate: string; endDate: string }) =>
  a.startDate === a.endDate ? chineseDate(a.startDate) : `${chineseDate(a.startDate)}至${chineseDate(a.endDate)}`

export const deleteAbsence = (ctx: ActionContext, id: number) => { deleteAudited(ctx, absences, '领导外出', id) }

/** For the form: who the rules would name to act, before an acting person is filed. */
export function proposeActing(db: ReadDb, personId: number, kind: AbsenceKind, date: string): ActingAnswer | null {
  const org = loadOrgSnapshot(db, date)
  const post = principalPost(org, personId)
  if (!post) return null
  const periods = loadAbsencePeriods(db, date, date).filter((a) => a.personId !== personId)
  return whoActsFor(org, [...periods, { id: 0, personId, kind, startDate: date, endDate: date, actingPersonId: null }], post.id, date)
}

/** For each city leader's post, who answers for it on `date` (R-P2, R-P3). */
export function leadersOn(db: ReadDb, date: string): ActingAnswer[] {
  const org = loadOrgSnapshot(db, date)
  const periods = loadAbsencePeriods(db, date, date)
  const leaderPosts = db.select({ id: posts.id }).from(posts).where(inArray(posts.kind, [...LEADER_KINDS])).orderBy(asc(posts.sortOrder), asc(posts.id)).all()
  return leaderPosts.map((p) => whoActsFor(org, periods, p.id, date))
}
