/** Who may take each duty role, and the duty history, read from the database (R-W1, X-4). */
import { and, asc, count, eq, gte, inArray, lte, ne, sql, type SQLWrapper } from 'drizzle-orm'
import type { SelectedFields } from 'drizzle-orm/sqlite-core'
import type { ReadDb } from '../db/connection'
import { departments, people, posts } from '../org/schema'
import { type PostKind } from '../common/org'
import { loadCalendar } from '../calendar/service'
import { dayInfo } from '../calendar/rules'
import { yearOf } from '../common/dates'
import { readSettings } from '../settings/service'
import { fairnessCounts, type DutyAssignment, type DutyExclusion, type DutyRole, type FairnessRow } from './rules'
import { dutyAssignments, dutyExclusions, rosters } from './schema'
import { type RosterKind } from '../common/duty'

const holdersOf = (db: ReadDb, kinds: PostKind[], officeOnly = false): number[] => {
  const rows = db.select({ holderId: posts.holderId, deptKind: departments.kind }).from(posts)
    .leftJoin(departments, eq(posts.departmentId, departments.id))
    .where(inArray(posts.kind, kinds)).orderBy(asc(posts.sortOrder), asc(posts.id)).all()
  const ids = rows.filter((r) => r.holderId !== null && (!officeOnly || r.deptKind === '办公室内设')).map((r) => r.holderId!)
  return [...new Set(ids)]
}

/** The pool of each role for a kind of roster, in the office's usual order (it breaks ties). */
export function dutyPools(db: ReadDb, kind: RosterKind): Partial<Record<DutyRole, number[]>> {
  // R-W1 and X-4: which posts take each role is the office's setting (市长、副市长、秘书长; 办公室主任、副主任 by default).
  const settings = readSettings(db)
  if (kind === '领导带班') return { 带班领导: holdersOf(db, settings.dutyLeaderPostKinds) }
  const staff = holdersOf(db, ['工作人员'], true)
  return { 带班: holdersOf(db, settings.dutyLeadPostKinds), 主班: staff, 副班: staff }
}

/** Name, office phone, mobile and departure (归档) of everyone, for showing how to reach the person on duty (R-W1). */
export function contacts(db: ReadDb) {
  // archivedOn: a person who has left keeps their name on past rosters, and is offered for no new duty (issue 15).
  return new Map(db.select({ id: people.id, name: people.name, officePhone: people.officePhone, mobile: people.mobile, archivedOn: people.archivedOn }).from(people).all().map((p) => [p.id, p]))
}

export const namesOf = (c: ReturnType<typeof contacts>) => new Map([...c.values()].map((p) => [p.id, p.name]))

export function assignmentsOf(db: ReadDb, rosterId: number): (DutyAssignment & { id: number })[] {
  return db.select({ id: dutyAssignments.id, date: dutyAssignments.date, role: dutyAssignments.role, personId: dutyAssignments.personId })
    .from(dutyAssignments).where(eq(dutyAssignments.rosterId, rosterId)).orderBy(asc(dutyAssignments.date), asc(dutyAssignments.id)).all()
}

const inJson = (value: SQLWrapper, list: readonly (string | number)[]) => sql`${value} IN (SELECT value FROM json_each(${JSON.stringify(list)}))`

/**
 * Fairness history: the counts of every published roster of this kind, except `exceptRosterId`. Ten years of an
 * office are some 11k duties, so SQL counts them per person and role; which days are 法定节假日 still comes from the
 * calendar rule (dayInfo); a duty in a year the calendar does not know counts as ordinary until the year is entered (R-W2, 暂定).
 */
export function publishedHistory(db: ReadDb, kind: RosterKind, exceptRosterId?: number): FairnessRow[] {
  const cal = loadCalendar(db)
  const published = and(eq(rosters.kind, kind), eq(rosters.status, '已发布'), exceptRosterId ? ne(rosters.id, exceptRosterId) : undefined)
  const duties = <T extends SelectedFields>(fields: T) => db.select(fields).from(dutyAssignments).innerJoin(rosters, eq(dutyAssignments.rosterId, rosters.id))
  const holidays = [...cal.days.keys()].filter((d) => cal.years.has(yearOf(d)) && dayInfo(cal, d).type === '法定节假日')
  const rows = duties({ personId: dutyAssignments.personId, role: dutyAssignments.role, holiday: sql<number>`sum(${inJson(dutyAssignments.date, holidays)})`, all: count() })
    .where(published).groupBy(dutyAssignments.personId, dutyAssignments.role).all()
  return fairnessCounts([], cal, { history: rows.map((r) => ({ personId: r.personId, role: r.role, ordinary: r.all - r.holiday, holiday: r.holiday })) })
}

export function loadExclusions(db: ReadDb, from?: string, to?: string) {
  return db.select().from(dutyExclusions)
    .where(and(from ? gte(dutyExclusions.date, from) : undefined, to ? lte(dutyExclusions.date, to) : undefined))
    .orderBy(asc(dutyExclusions.date), asc(dutyExclusions.id)).all()
}

/** Exclusions as the rules take them. */
export const exclusionsFor = (db: ReadDb, from?: string, to?: string): DutyExclusion[] =>
  loadExclusions(db, from, to).map((e) => ({ personId: e.personId, date: e.date, reason: e.reason ?? undefined }))

/** Published rosters of `kind` overlapping [from, to]. */
export function publishedOverlapping(db: ReadDb, kind: RosterKind, from: string, to: string, exceptId?: number) {
  return db.select().from(rosters).where(and(
    eq(rosters.kind, kind), eq(rosters.status, '已发布'), lte(rosters.fromDate, to), gte(rosters.toDate, from),
    exceptId ? ne(rosters.id, exceptId) : undefined,
  )).all()
}

