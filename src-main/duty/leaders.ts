/** R-W1: city leaders take turns to lead the duty (领导带班) on statutory holidays. */
import { chineseDate } from '../common/dates'
import { absenceOn, type AbsencePeriod } from '../absences/rules'
import { executivePost, mayorPost, orgOn, type OrgSnapshot } from '../org/snapshot'
import {
  DEFAULT_HOLIDAY_WEIGHT, Tallies, nameOf, pickFairly, sortAssignments,
  type DutyAssignment, type DutyDay, type DutyExclusion, type DutyGap, type DutyRoster, type DutyTally, type DutyWarning,
} from './common'

export interface LeaderRosterInput {
  /** Usually leaderDutyDays(cal, from, to). */
  days: readonly DutyDay[]
  /** The leaders in the rotation; their order breaks ties (put them in the office's usual order). */
  leaders: readonly { personId: number }[]
  /** Past 带班领导 duties (role '带班领导'); holiday duties weigh holidayWeight. */
  history?: readonly DutyTally[]
  absences?: readonly AbsencePeriod[]
  exclusions?: readonly DutyExclusion[]
  org: OrgSnapshot
  holidayWeight?: number
}

/**
 * R-P4 as the leaders' roster reads it (第七十六条: the 市长 and the 常务副市长 should not be away at
 * the same time). A roster cannot change who is away, and taking a duty does not make a leader
 * unavailable, so:
 *  1. nobody away (absenceOn) or excluded is ever put on duty — so the roster never names an
 *     away 市长 or 常务副市长 as the reachable 带班领导;
 *  2. every day in the roster on which the 市长 and the 常务副市长 are both away carries an R-P4
 *     warning, shown with the roster (RULES R-P4: the warning shows wherever the period shows);
 *  3. such a day is still given a 带班领导 from the leaders in post — an unled holiday would be
 *     worse — and only when nobody is available is it returned as a gap, with the reasons.
 */
export function rp4Warnings(org: OrgSnapshot, absences: readonly AbsencePeriod[], days: readonly DutyDay[]): DutyWarning[] {
  return days.flatMap((d) => {
    // The 市长 and 常务副市长 of that day (a post may change hands within the roster's period).
    const onDay = orgOn(org, d.date)
    const mayor = mayorPost(onDay)?.holderId
    const exec = executivePost(onDay)?.holderId
    if (!mayor || !exec) return []
    const m = absenceOn(absences, mayor, d.date)
    const e = absenceOn(absences, exec, d.date)
    if (!m || !e) return []
    const message = `${chineseDate(d.date)}市长${nameOf(org.names, mayor)}（${m.kind}）与常务副市长${nameOf(org.names, exec)}（${e.kind}）同时外出。按第七十六条，二人一般不同时外出；当日带班领导已从在岗领导中安排，请办公室报告市长。`
    return [{ date: d.date, rule: 'R-P4', message }]
  })
}

/**
 * One 带班领导 per day, rotating fairly: the fewest weighted past duties first (history plus the
 * duties given earlier in this roster), ties by the order of `leaders`. The absent and the
 * excluded are skipped; an unfillable day is a gap with its reason.
 */
export function generateLeaderRoster(input: LeaderRosterInput): DutyRoster {
  const absences = input.absences ?? []
  const exclusions = input.exclusions ?? []
  const tallies = new Tallies(input.holidayWeight ?? DEFAULT_HOLIDAY_WEIGHT, input.history)
  const ids = input.leaders.map((l) => l.personId)
  const assignments: DutyAssignment[] = []
  const gaps: DutyGap[] = []
  for (const day of [...input.days].sort((a, b) => a.date.localeCompare(b.date))) {
    const r = pickFairly(ids, day, new Set(), (id) => [tallies.weighted(id, '带班领导')], absences, exclusions, input.org.names)
    if ('reasons' in r) {
      gaps.push({ date: day.date, role: '带班领导', reason: `${chineseDate(day.date)}无可安排的带班领导：${r.reasons.join('；')}` })
      continue
    }
    assignments.push({ date: day.date, role: '带班领导', personId: r.pick.personId })
    tallies.add(r.pick.personId, '带班领导', day.holiday)
  }
  return { assignments: sortAssignments(assignments), gaps, warnings: rp4Warnings(input.org, absences, input.days) }
}
