/**
 * Who is on duty on a day, read from the published rosters (R-W1, X-4): 首页's 今日值班, the staff beside each leader on
 * the 带班表, and the people a handover (交接班) is offered — the day's duty staff, not everyone in the organisation.
 */
import { and, asc, eq, gte, lte } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import { addDays } from '../common/dates'
import { DUTY_ROLES, ROLES_OF_ROSTER, type DutyRole, type RosterKind } from '../common/duty'
import { dutyAssignments, rosters } from './schema'
import { contacts, dutyPools } from './pools'

type Contact = ReturnType<typeof contacts> extends Map<number, infer C> ? C : never
export interface OnDuty { date: string; role: DutyRole; personId: number; person: Contact | null; roster: string }

/** Every duty of published rosters (of `kind`, or both) from `from` to `to`, by date and role order. */
export function publishedDuties(db: ReadDb, from: string, to: string, kind?: RosterKind): OnDuty[] {
  const people = contacts(db)
  return db.select({ date: dutyAssignments.date, role: dutyAssignments.role, personId: dutyAssignments.personId, roster: rosters.title })
    .from(dutyAssignments).innerJoin(rosters, eq(dutyAssignments.rosterId, rosters.id))
    .where(and(gte(dutyAssignments.date, from), lte(dutyAssignments.date, to), eq(rosters.status, '已发布'), kind ? eq(rosters.kind, kind) : undefined))
    .orderBy(asc(dutyAssignments.date), asc(dutyAssignments.id)).all()
    .map((d) => ({ ...d, person: people.get(d.personId) ?? null }))
    .sort((a, b) => a.date.localeCompare(b.date) || DUTY_ROLES.indexOf(a.role) - DUTY_ROLES.indexOf(b.role))
}

/** 首页: the day's 带班领导, office 带班, 主班 and 副班 from published rosters, with their numbers. */
export function onDutyOn(db: ReadDb, date: string) {
  const duties = publishedDuties(db, date, date)
  const on = (role: DutyRole) => {
    const d = duties.find((x) => x.role === role)
    return d?.person ? { ...d.person, roster: d.roster } : null
  }
  return { date, leader: on('带班领导'), lead: on('带班'), main: on('主班'), deputy: on('副班') }
}

/** The office's staff on duty each day of the period (R-W1: the 带班表 shows them beside the leader). */
export function officeStaffByDate(db: ReadDb, from: string, to: string): Map<string, OnDuty[]> {
  const out = new Map<string, OnDuty[]>()
  for (const d of publishedDuties(db, from, to, '办公室值班')) out.set(d.date, [...(out.get(d.date) ?? []), d])
  return out
}

/**
 * 交接班 on `date`: who hands over (that day's office duty staff) and who takes over (the next day's), each with their
 * role; the rest of the office's duty pool follows, for a day whose roster is not published or a change not yet entered.
 */
export function handoverPeople(db: ReadDb, date: string) {
  const names = contacts(db)
  const office = (d: string) => publishedDuties(db, d, d, '办公室值班').map(({ role, personId, person }) => ({ role, personId, name: person?.name ?? `人员${personId}` }))
  const today = office(date)
  const next = office(addDays(date, 1))
  const pools = dutyPools(db, '办公室值班')
  const listed = new Set([...today, ...next].map((d) => d.personId))
  const others = [...new Set(ROLES_OF_ROSTER.办公室值班.flatMap((role) => pools[role] ?? []))]
    .filter((id) => !listed.has(id)).map((personId) => ({ personId, name: names.get(personId)?.name ?? `人员${personId}` }))
  return { date, today, next: { date: addDays(date, 1), duties: next }, others }
}
