/** the office's own 24-hour duty — every day one 带班, one 主班 and one 副班, three different people. */
import { chineseDate } from '../common/dates'
import type { AbsencePeriod } from '../absences/rules'
import { DEFAULT_HOLIDAY_WEIGHT, Tallies, pickFairly, sortAssignments, type DutyAssignment, type DutyDay, type DutyExclusion, type DutyGap, type DutyRoster, type DutyTally } from './common'
import { type DutyRole } from '../common/duty'

export interface OfficeRosterInput {
  /** Usually dutyDays(cal, from, to): every day, 法定节假日 marked. */
  days: readonly DutyDay[]
  /** 带班: the office director and deputies (办公室主任、副主任). Order breaks ties. */
  leads: readonly { personId: number }[]
  /** Duty staff for 主班 and 副班. Order breaks ties. */
  staff: readonly { personId: number }[]
  /** Past duties per person and role (带班 / 主班 / 副班), ordinary and holiday days apart. */
  history?: readonly DutyTally[]
  absences?: readonly AbsencePeriod[]
  exclusions?: readonly DutyExclusion[]
  /** How many ordinary days a 法定节假日 duty counts for (default 2). */
  holidayWeight?: number
  names?: ReadonlyMap<number, string>
}

/**
 * Day by day, each role picks the fairest available person not already on duty that day:
 *  - on a 法定节假日, the fewest holiday duties in that role, then the lowest weighted total —
 *    holidays have their own rotation, so they spread evenly;
 *  - on other days, the lowest weighted total (ordinary + weight × holiday) — whoever took an
 *    extra holiday takes correspondingly fewer ordinary days.
 * Ties go by list order; for 副班 the staff list is read from its middle, so 主班 and 副班 do not
 * march in step (in step, one person is often the fairest for both and one role has to yield).
 * Without absences or exclusions, over a year each person's weighted total in a role is within
 * one of everyone else's, and so are holiday counts (tested for 2–5 leads, 3–12 staff, weights 1–3, four years).
 */
export function generateOfficeRoster(input: OfficeRosterInput): DutyRoster {
  const absences = input.absences ?? []
  const exclusions = input.exclusions ?? []
  const t = new Tallies(input.holidayWeight ?? DEFAULT_HOLIDAY_WEIGHT, input.history)
  const leads = input.leads.map((p) => p.personId)
  const staff = input.staff.map((p) => p.personId)
  const assignments: DutyAssignment[] = []
  const gaps: DutyGap[] = []

  const keyFor = (role: DutyRole, day: DutyDay) => (id: number) => {
    const c = t.get(id, role)
    return day.holiday ? [c.holiday, t.weighted(id, role)] : [t.weighted(id, role), c.ordinary]
  }
  const half = Math.floor(staff.length / 2)
  const pools: Record<'带班' | '主班' | '副班', number[]> = { 带班: leads, 主班: staff, 副班: [...staff.slice(half), ...staff.slice(0, half)] }
  const pick = (role: '带班' | '主班' | '副班', day: DutyDay, taken: ReadonlySet<number>) =>
    pickFairly(pools[role], day, taken, keyFor(role, day), absences, exclusions, input.names)
  const gap = (day: DutyDay, role: DutyRole, reasons: string[]) =>
    gaps.push({ date: day.date, role, reason: `${chineseDate(day.date)}无可安排的${role}：${reasons.join('；')}` })
  for (const day of [...input.days].sort((a, b) => a.date.localeCompare(b.date))) {
    const taken = new Set<number>()
    const assign = (role: DutyRole, personId: number) => {
      assignments.push({ date: day.date, role, personId })
      t.add(personId, role, day.holiday)
      taken.add(personId)
    }
    for (const role of ['带班', '主班', '副班'] as const) {
      const r = pick(role, day, taken)
      if ('reasons' in r) gap(day, role, r.reasons)
      else assign(role, r.pick.personId)
    }
  }
  return { assignments: sortAssignments(assignments), gaps: gaps.sort((a, b) => a.date.localeCompare(b.date)), warnings: [] }
}
