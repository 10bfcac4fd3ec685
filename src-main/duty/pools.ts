/** Who may take each duty role, and the duty history, read from the database (R-W1, X-4). */
import { and, asc, eq, gte, inArray, lte, ne } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { departments, people, posts, type PostKind } from '../org/schema'
import { loadCalendar } from '../calendar/service'
import { readSettings } from '../settings/service'
import { fairnessCounts, type DutyAssignment, type DutyExclusion, type DutyRole, type DutyTally } from './rules'
import { dutyAssignments, dutyExclusions, rosters, type RosterKind } from './schema'

const holdersOf = (db: Db, kinds: PostKind[], officeOnly = false): number[] => {
  const rows = db.select({ holderId: posts.holderId, deptKind: departments.kind }).from(posts)
    .leftJoin(departments, eq(posts.departmentId, departments.id))
    .where(inArray(posts.kind, kinds)).orderBy(asc(posts.sortOrder), asc(posts.id)).all()
  const ids = rows.filter((r) => r.holderId !== null && (!officeOnly || r.deptKind === '办公室内设')).map((r) => r.holderId!)
  return [...new Set(ids)]
}

/** The pool of each role for a kind of roster, in the office's usual order (it breaks ties). */
export function dutyPools(db: Db, kind: RosterKind): Partial<Record<DutyRole, number[]>> {
  // R-W1 and X-4: which posts take each role is the office's setting (市长、副市长、秘书长; 办公室主任、副主任 by default).
  const settings = readSettings(db)
  if (kind === '领导带班') return { 带班领导: holdersOf(db, settings.dutyLeaderPostKinds) }
  const staff = holdersOf(db, ['工作人员'], true)
  return { 带班: holdersOf(db, settings.dutyLeadPostKinds), 主班: staff, 副班: staff }
}

/** Name, office phone and mobile of everyone, for showing how to reach the person on duty (R-W1). */
export function contacts(db: Db) {
  return new Map(db.select({ id: people.id, name: people.name, officePhone: people.officePhone, mobile: people.mobile }).from(people).all().map((p) => [p.id, p]))
}

export const namesOf = (c: ReturnType<typeof contacts>) => new Map([...c.values()].map((p) => [p.id, p.name]))

export function assignmentsOf(db: Db, rosterId: number): (DutyAssignment & { id: number })[] {
  return db.select({ id: dutyAssignments.id, date: dutyAssignments.date, role: dutyAssignments.role, personId: dutyAssignments.personId })
    .from(dutyAssignments).where(eq(dutyAssignments.rosterId, rosterId)).orderBy(asc(dutyAssignments.date), asc(dutyAssignments.id)).all()
}

/** Fairness history: the counts of every published roster of this kind, except `exceptRosterId`. */
export function publishedHistory(db: Db, kind: RosterKind, exceptRosterId?: number): DutyTally[] {
  const rows = db.select({ date: dutyAssignments.date, role: dutyAssignments.role, personId: dutyAssignments.personId })
    .from(dutyAssignments).innerJoin(rosters, eq(dutyAssignments.rosterId, rosters.id))
    .where(and(eq(rosters.kind, kind), eq(rosters.status, '已发布'), exceptRosterId ? ne(rosters.id, exceptRosterId) : undefined)).all()
  return rows.length ? fairnessCounts(rows, loadCalendar(db)) : []
}

export function loadExclusions(db: Db, from?: string, to?: string) {
  return db.select().from(dutyExclusions)
    .where(and(from ? gte(dutyExclusions.date, from) : undefined, to ? lte(dutyExclusions.date, to) : undefined))
    .orderBy(asc(dutyExclusions.date), asc(dutyExclusions.id)).all()
}

/** Exclusions as the rules take them. */
export const exclusionsFor = (db: Db, from?: string, to?: string): DutyExclusion[] =>
  loadExclusions(db, from, to).map((e) => ({ personId: e.personId, date: e.date, reason: e.reason ?? undefined }))

/** Published rosters of `kind` overlapping [from, to]. */
export function publishedOverlapping(db: Db, kind: RosterKind, from: string, to: string, exceptId?: number) {
  return db.select().from(rosters).where(and(
    eq(rosters.kind, kind), eq(rosters.status, '已发布'), lte(rosters.fromDate, to), gte(rosters.toDate, from),
    exceptId ? ne(rosters.id, exceptId) : undefined,
  )).all()
}

