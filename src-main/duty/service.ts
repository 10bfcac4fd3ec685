/** Duty rosters (值班表): generate, save as 草稿, publish, edit, swap, gaps, today (R-W1, X-4, R-P4). */
import { asc, desc, eq } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import type { ActionContext } from '../kernel/procedure'
import type { Clock } from '../kernel/clock'
import { AppError, ruleViolation } from '../kernel/errors'
import { deleteAudited, insertAudited, requireById, updateAudited } from '../kernel/audited'
import { chineseDate, monthEnd, monthStart } from '../common/dates'
import { loadCalendar } from '../calendar/service'
import { missingYearNote, provisionalYears } from '../calendar/rules'
import { readSettings } from '../settings/service'
import { loadOrgSnapshot } from '../org/service'
import { loadAbsencePeriods } from '../absences/service'
import { people } from '../org/schema'
import {
  dutyDays, fairnessCounts, periodProblem, gapsAfterPublish, generateLeaderRoster, generateOfficeRoster, leaderDutyDays, rp4Warnings,
  swapDuty, unavailableReason, type DutyAssignment, type DutyDay, type DutyRoster,
} from './rules'
import { dutyAssignments, dutyChangeConsents, dutyChanges, rosters } from './schema'
import { ROLES_OF_ROSTER, type RosterKind } from '../common/duty'
import { assignmentsOf, contacts, dutyPools, exclusionsFor, namesOf, publishedHistory, publishedOverlapping } from './pools'
import { officeStaffByDate, onDutyOn, type OnDuty } from './onduty'
import { publishedWeekends, withWeekends } from './stats'
import { orgOn, principalPost } from '../org/snapshot'
import type { SetDutyInput, SwapInput, GenerateInput } from './contract'


function daysOf(db: ReadDb, kind: RosterKind, from: string, to: string): DutyDay[] {
  const problem = periodProblem(from, to)
  if (problem) throw new AppError('VALIDATION', problem)
  const cal = loadCalendar(db)
  return kind === '领导带班' ? leaderDutyDays(cal, from, to) : dutyDays(cal, from, to)
}

function defaultTitle(kind: RosterKind, from: string, to: string, days: DutyDay[]): string {
  const holidays = [...new Set(days.map((d) => d.name).filter(Boolean))]
  if (kind === '领导带班') return `${from.slice(0, 4)}年${holidays.join('、') || '法定节假日'}市政府领导带班表`
  const wholeMonth = from === monthStart(from) && to === monthEnd(from)
  return wholeMonth ? `${from.slice(0, 4)}年${Number(from.slice(5, 7))}月市政府办公室值班表` : `市政府办公室值班表（${chineseDate(from)}至${chineseDate(to)}）`
}

/** Generates (without saving) a roster for the period: R-W1 days from the calendar, fair rotation, the absent skipped. */
export function previewRoster(db: ReadDb, input: { kind: RosterKind; from: string; to: string }): DutyRoster & { days: DutyDay[]; title: string; provisional: string | null } {
  const days = daysOf(db, input.kind, input.from, input.to)
  // an unentered year is rostered by weekends (暂定), said on the roster; only 领导带班 needs its holidays.
  const missing = provisionalYears(loadCalendar(db), input.from, input.to)
  if (!days.length && missing.length && input.kind === '领导带班') throw ruleViolation('R-W2', missingYearNote(missing[0]))
  if (!days.length) throw ruleViolation('R-W1', `${chineseDate(input.from)}至${chineseDate(input.to)}没有法定节假日，无须安排领导带班（R-W1：领导带班只在法定节假日，调休上班日不算）`)
  const pools = dutyPools(db, input.kind)
  const common = {
    days, history: publishedHistory(db, input.kind),
    absences: loadAbsencePeriods(db, input.from, input.to), exclusions: exclusionsFor(db, input.from, input.to),
    holidayWeight: readSettings(db).dutyHolidayWeight,
  }
  const org = loadOrgSnapshot(db)
  const roster = input.kind === '领导带班'
    ? generateLeaderRoster({ ...common, leaders: pools.带班领导!.map((personId) => ({ personId })), org })
    : generateOfficeRoster({ ...common, leads: pools.带班!.map((personId) => ({ personId })), staff: pools.主班!.map((personId) => ({ personId })), names: org.names })
  return { ...roster, days, title: defaultTitle(input.kind, input.from, input.to, days), provisional: provisionalNote(db, input.from, input.to) }
}

/** Saves a generated roster as 草稿 (X-4: drafted, then published); its gaps and warnings come back to be shown. */
export function generateRoster(ctx: ActionContext, input: GenerateInput) {
  const clash = publishedOverlapping(ctx.db, input.kind, input.from, input.to)
  if (clash.length) throw new AppError('CONFLICT', `该期间已有已发布的“${clash[0].title}”，请在其上调整，不能另排一份`)
  const r = previewRoster(ctx.db, input)
  const roster = insertAudited(ctx, rosters, '值班表', {
    kind: input.kind, title: input.title ?? r.title, fromDate: input.from, toDate: input.to, status: '草稿', createdAt: ctx.clock.now().toISOString(),
  })
  if (r.assignments.length) ctx.db.insert(dutyAssignments).values(r.assignments.map((a) => ({ ...a, rosterId: roster.id }))).run()
  ctx.audit.record({ entity: '值班安排', id: roster.id, after: { 值班表: roster.title, 安排: r.assignments.length, 空缺: r.gaps.length } })
  return { id: roster.id, title: roster.title, gaps: r.gaps, warnings: r.warnings }
}

export function listRosters(db: ReadDb, kind?: RosterKind) {
  return db.select().from(rosters).where(kind ? eq(rosters.kind, kind) : undefined).orderBy(desc(rosters.fromDate), desc(rosters.id)).all()
}

/** A roster as printed and exported: each day's duties with how to reach the person, changes, gaps and warnings. */
export function getRoster(db: ReadDb, id: number) {
  return readRoster(db, id).detail
}

/**
 * A roster as the page shows it: getRoster with the 轮班统计 beside it (this roster's and the published history, split
 * into 平日, 周末 and 节假日), and the office's today, before which no shift can be swapped.
 */
export function getRosterWithFairness(db: ReadDb, id: number, today: string) {
  const { detail, list, names } = readRoster(db, id)
  const cal = loadCalendar(db)
  const history = publishedHistory(db, detail.roster.kind, id)
  const counts = fairnessCounts(list, cal, { history, holidayWeight: readSettings(db).dutyHolidayWeight })
  const fairness = withWeekends(counts, cal, list, publishedWeekends(db, cal, detail.roster.kind, id))
  const people = contacts(db)
  return { ...detail, today, fairness: fairness.map((r) => ({ ...r, name: names.get(r.personId) ?? `人员${r.personId}`, archivedOn: people.get(r.personId)?.archivedOn ?? null })) }
}

function readRoster(db: ReadDb, id: number) {
  const roster = requireById(db, rosters, id, '值班表')
  const people = contacts(db)
  const list = assignmentsOf(db, id)
  const days = daysOf(db, roster.kind, roster.fromDate, roster.toDate)
  const person = (pid: number | null) => (pid === null ? null : people.get(pid) ?? null)
  const missing = days.flatMap((d) => ROLES_OF_ROSTER[roster.kind].filter((role) => !list.some((a) => a.date === d.date && a.role === role))
    .map((role) => ({ date: d.date, role, reason: `${chineseDate(d.date)}${role}尚未安排` })))
  const org = loadOrgSnapshot(db)
  // R-W1: the leaders' roster shows each leader's post on the day and the office's staff on duty beside them.
  const leaders = roster.kind === '领导带班'
  const staff = leaders ? officeStaffByDate(db, roster.fromDate, roster.toDate) : new Map<string, OnDuty[]>()
  const postOn = (personId: number, date: string) => (leaders ? principalPost(orgOn(org, date), personId)?.title ?? null : null)
  const consents = consentsOf(db, id)
  const detail = {
    roster,
    days: days.map((d) => ({
      ...d,
      duties: list.filter((a) => a.date === d.date).map((a) => ({ ...a, person: person(a.personId), post: postOn(a.personId, d.date) })),
      staff: (staff.get(d.date) ?? []).map(({ role, personId, person: p }) => ({ role, personId, person: p })),
    })),
    changes: db.select().from(dutyChanges).where(eq(dutyChanges.rosterId, id)).orderBy(asc(dutyChanges.at), asc(dutyChanges.id)).all()
      .map((c) => ({ ...c, requesterName: person(c.requesterId)?.name ?? null, counterpartName: person(c.counterpartId)?.name ?? null, consents: consents.get(c.id) ?? [] })),
    missing,
    // a period in a year whose 节假日 are not entered is 暂定, said on the page and on the prints.
    provisional: provisionalNote(db, roster.fromDate, roster.toDate),
    warnings: leaders ? rp4Warnings(org, loadAbsencePeriods(db, roster.fromDate, roster.toDate), days) : [],
  }
  return { detail, list, names: namesOf(people) }
}

function provisionalNote(db: ReadDb, from: string, to: string): string | null {
  const missing = provisionalYears(loadCalendar(db), from, to)
  return missing.length ? missingYearNote(missing[0]) : null
}

/** Each change's recorded consents (X-4: the 带班 of each date, by name), by change. */
function consentsOf(db: ReadDb, rosterId: number) {
  const rows = db.select({ changeId: dutyChangeConsents.changeId, date: dutyChangeConsents.date, role: dutyChangeConsents.role, personId: dutyChangeConsents.personId, name: dutyChangeConsents.name })
    .from(dutyChangeConsents).innerJoin(dutyChanges, eq(dutyChangeConsents.changeId, dutyChanges.id))
    .where(eq(dutyChanges.rosterId, rosterId)).orderBy(asc(dutyChangeConsents.id)).all()
  const out = new Map<number, Omit<(typeof rows)[number], 'changeId'>[]>()
  for (const { changeId, ...c } of rows) out.set(changeId, [...(out.get(changeId) ?? []), c])
  return out
}

/** publishing fixes the roster; later edits are recorded as 发布后修改. */
export function publishRoster(ctx: ActionContext, id: number) {
  const roster = requireById(ctx.db, rosters, id, '值班表')
  if (roster.status === '已发布') throw new AppError('CONFLICT', `“${roster.title}”已于${roster.publishedAt?.slice(0, 10)}发布`)
  const clash = publishedOverlapping(ctx.db, roster.kind, roster.fromDate, roster.toDate, id)
  if (clash.length) throw new AppError('CONFLICT', `该期间已有已发布的“${clash[0].title}”，不能重复发布`)
  return updateAudited(ctx, rosters, '值班表', id, { status: '已发布', publishedAt: ctx.clock.now().toISOString() })
}

export function deleteRoster(ctx: ActionContext, id: number) {
  const roster = requireById(ctx.db, rosters, id, '值班表')
  if (roster.status === '已发布') throw ruleViolation('X-4', `“${roster.title}”已发布，不能删除；请逐日调整，调整会被记录`)
  deleteAudited(ctx, rosters, '值班表', id)
}

/** Puts a person on one duty (a day and role); after publishing the edit is recorded as 发布后修改. */
export function setDuty(ctx: ActionContext, input: SetDutyInput) {
  const roster = requireById(ctx.db, rosters, input.rosterId, '值班表')
  requireById(ctx.db, people, input.personId, '值班人员')
  if (input.date < roster.fromDate || input.date > roster.toDate) throw new AppError('VALIDATION', `「日期」${chineseDate(input.date)}不在值班表期间内`, { field: 'date' })
  if (!ROLES_OF_ROSTER[roster.kind].includes(input.role)) throw new AppError('VALIDATION', `「班次」${roster.kind}表没有“${input.role}”`, { field: 'role' })
  const list = assignmentsOf(ctx.db, roster.id)
  if (list.some((a) => a.date === input.date && a.personId === input.personId && a.role !== input.role)) throw ruleViolation('X-4', `${namesOf(contacts(ctx.db)).get(input.personId)}${chineseDate(input.date)}已有其他值班安排`)
  refuseDeparted(ctx.db, input.personId, input.date)
  const why = unavailableReason(input.personId, input.date, loadAbsencePeriods(ctx.db, input.date, input.date), exclusionsFor(ctx.db, input.date, input.date))
  if (why) throw ruleViolation('X-4', `${namesOf(contacts(ctx.db)).get(input.personId)}${chineseDate(input.date)}${why}，不能安排值班`)
  const slot = list.find((a) => a.date === input.date && a.role === input.role)
  if (slot) updateAudited(ctx, dutyAssignments, '值班安排', slot.id, { personId: input.personId })
  else insertAudited(ctx, dutyAssignments, '值班安排', { rosterId: roster.id, date: input.date, role: input.role, personId: input.personId })
  if (roster.status === '已发布') {
    insertAudited(ctx, dutyChanges, '值班变更', {
      rosterId: roster.id, kind: '发布后修改', requesterId: slot?.personId ?? null, counterpartId: input.personId, dates: input.date,
      note: input.note ?? `${chineseDate(input.date)}${input.role}改由${namesOf(contacts(ctx.db)).get(input.personId)}担任`, at: ctx.clock.now().toISOString(),
    })
  }
  return getRosterWithFairness(ctx.db, roster.id, ctx.clock.today())
}

/**
 * 换班 (with returnDate) or 替班 of shifts not yet past (office time); needs the counterpart's acceptance and the
 * consent of each date's 带班 by name, each consent stored (audited) with the change.
 */
export function swap(ctx: ActionContext, input: SwapInput) {
  const roster = requireById(ctx.db, rosters, input.rosterId, '值班表')
  const list = assignmentsOf(ctx.db, roster.id)
  const dates = [input.date, ...(input.returnDate ? [input.returnDate] : [])]
  const r = swapDuty(list, input, input, {
    today: ctx.clock.today(),
    absences: loadAbsencePeriods(ctx.db, roster.fromDate, roster.toDate), exclusions: exclusionsFor(ctx.db, roster.fromDate, roster.toDate), names: namesOf(contacts(ctx.db)),
  })
  if (!r.ok) throw ruleViolation('X-4', r.reason)
  refuseDeparted(ctx.db, input.counterpartId, input.date)
  if (input.returnDate) refuseDeparted(ctx.db, input.requesterId, input.returnDate)
  r.assignments.forEach((a, i) => {
    const was = list[i] as DutyAssignment & { id: number }
    if (a.personId !== was.personId) updateAudited(ctx, dutyAssignments, '值班安排', was.id, { personId: a.personId })
  })
  const change = insertAudited(ctx, dutyChanges, '值班变更', {
    rosterId: roster.id, kind: input.returnDate ? '换班' : '替班', requesterId: input.requesterId, counterpartId: input.counterpartId,
    dates: dates.join(','), counterpartAccepted: input.counterpartAccepted, leadConsented: true,
    note: input.note ? `${r.record}说明：${input.note}` : r.record, at: ctx.clock.now().toISOString(),
  })
  for (const c of r.consents) insertAudited(ctx, dutyChangeConsents, '换班同意', { changeId: change.id, ...c })
  return { changeId: change.id, record: r.record, consents: r.consents }
}

/** A person archived (离任) on or before `date` takes no duty that day; their past duties keep their name. */
function refuseDeparted(db: ReadDb, personId: number, date: string) {
  const p = contacts(db).get(personId)
  if (p?.archivedOn && p.archivedOn <= date) throw ruleViolation('X-4', `${p.name}已于${chineseDate(p.archivedOn)}离任（已归档），不能安排${chineseDate(date)}的值班`)
}

/** Duties whose person became unavailable after publishing, with suggested replacements. */
export function rosterGaps(db: ReadDb, id: number) {
  const roster = requireById(db, rosters, id, '值班表')
  const people = contacts(db)
  const gaps = gapsAfterPublish(assignmentsOf(db, id).map(({ date, role, personId }) => ({ date, role, personId })), loadAbsencePeriods(db, roster.fromDate, roster.toDate), {
    calendar: loadCalendar(db), pools: dutyPools(db, roster.kind), history: publishedHistory(db, roster.kind, id),
    exclusions: exclusionsFor(db, roster.fromDate, roster.toDate), names: namesOf(people), holidayWeight: readSettings(db).dutyHolidayWeight,
    departed: new Map([...people.values()].flatMap((p) => (p.archivedOn ? [[p.id, p.archivedOn] as const] : []))),
  })
  return gaps.map((g) => ({ ...g, person: people.get(g.duty.personId) ?? null, suggestions: g.suggestions.map((s) => ({ ...s, name: people.get(s.personId)?.name ?? null })) }))
}

/** 首页: today's 带班领导, office 带班, 主班 and 副班 from published rosters, with their numbers. */
export const todayOnDuty = (db: ReadDb, clock: Clock) => onDutyOn(db, clock.today())
