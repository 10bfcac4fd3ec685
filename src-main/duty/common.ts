/**
 * Duty (值班) rules shared by both rosters: the days, who is unavailable on a day, and the
 * running tallies the rotation is fair by. Pure functions over plain data (R-W1, R-W2, X-4).
 */
import { dayInfo, type HolidayCalendar } from '../calendar/rules'
import { addDays, chineseDate, isRealDate, type IsoDate } from '../common/dates'
import { absenceOn, type AbsencePeriod } from '../absences/rules'
import { DUTY_ROLES, type DutyRole } from '../common/duty'
import type { RuleId } from '../common/rules'

/** A day to staff. `holiday` = a 法定节假日 (statutory holiday), which weighs more in the rotation. */
export interface DutyDay {
  date: IsoDate
  holiday: boolean
  /** The holiday's name (国庆节 …) on a 法定节假日. */
  name: string | null
}

export interface DutyAssignment { date: IsoDate; role: DutyRole; personId: number }
/** A day/role the generator could not fill, with the reason in Chinese (never dropped silently). */
export interface DutyGap { date: IsoDate; role: DutyRole; reason: string }
export interface DutyWarning { date: IsoDate; rule: RuleId; message: string }
/** A date a person cannot take (本人申请不排班), whatever the role. */
export interface DutyExclusion { personId: number; date: IsoDate; reason?: string }
/** Past duties of one person in one role: ordinary days and 法定节假日 days. */
export interface DutyTally { personId: number; role: DutyRole; ordinary: number; holiday: number }
export interface FairnessRow extends DutyTally { weighted: number }

export interface DutyRoster {
  assignments: DutyAssignment[]
  gaps: DutyGap[]
  warnings: DutyWarning[]
}

/** A holiday duty counts as this many ordinary days unless the office sets another weight. */
export const DEFAULT_HOLIDAY_WEIGHT = 2

export const nameOf = (names: ReadonlyMap<number, string> | undefined, id: number): string => names?.get(id) ?? `人员${id}`

/** What is wrong with a duty period, or null: the service refuses it before any day is counted. */
export function periodProblem(from: IsoDate, to: IsoDate): string | null {
  if (!isRealDate(from) || !isRealDate(to)) return `排班期间的日期无效：${from} 至 ${to}`
  if (to < from) return `排班期间的结束日期${chineseDate(to)}早于开始日期${chineseDate(from)}`
  return null
}

/**
 * Every day of the inclusive period, marked holiday or not by the official calendar (R-W2).
 * A year the office has not entered has no holidays yet (暂定 by weekends, X-6): the roster says so (isProvisional).
 */
export function dutyDays(cal: HolidayCalendar, from: IsoDate, to: IsoDate): DutyDay[] {
  const out: DutyDay[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const info = dayInfo(cal, d)
    const holiday = info.type === '法定节假日'
    out.push({ date: d, holiday, name: holiday ? info.name : null })
  }
  return out
}

/**
 * R-W1: the days city leaders lead the duty (领导带班) — statutory holidays other than ordinary
 * weekends. 调休 make-up working days are working days, not holidays; a weekend inside a
 * holiday period is part of the holiday (the calendar marks it 放假).
 */
export function leaderDutyDays(cal: HolidayCalendar, from: IsoDate, to: IsoDate): DutyDay[] {
  return dutyDays(cal, from, to).filter((d) => d.holiday)
}

/** Why a person cannot take a duty on the day (外出/请假 or an exclusion), or null when available. */
export function unavailableReason(
  personId: number, date: IsoDate,
  absences: readonly AbsencePeriod[], exclusions: readonly DutyExclusion[],
): string | null {
  const away = absenceOn(absences, personId, date)
  if (away) return `外出（${away.kind}）`
  const ex = exclusions.find((e) => e.personId === personId && e.date === date)
  if (ex) return ex.reason ? `不排班（${ex.reason}）` : '本人申请不排班'
  return null
}

/** Running counts per person and role, seeded from history and grown as duties are assigned. */
export class Tallies {
  private readonly map = new Map<string, { ordinary: number; holiday: number }>()
  constructor(readonly holidayWeight: number, history: readonly DutyTally[] = []) {
    if (!(holidayWeight > 0)) throw new RangeError('holidayWeight must be positive')
    for (const h of history) {
      const t = this.get(h.personId, h.role)
      t.ordinary += h.ordinary
      t.holiday += h.holiday
    }
  }
  get(personId: number, role: DutyRole): { ordinary: number; holiday: number } {
    const key = `${personId}|${role}`
    let t = this.map.get(key)
    if (!t) this.map.set(key, (t = { ordinary: 0, holiday: 0 }))
    return t
  }
  add(personId: number, role: DutyRole, holiday: boolean): void {
    const t = this.get(personId, role)
    if (holiday) t.holiday++
    else t.ordinary++
  }
  weighted(personId: number, role: DutyRole): number {
    const t = this.get(personId, role)
    return t.ordinary + this.holidayWeight * t.holiday
  }
  rows(): FairnessRow[] {
    return [...this.map.entries()]
      .map(([key, t]) => {
        const [id, role] = key.split('|')
        return { personId: Number(id), role: role as DutyRole, ...t, weighted: t.ordinary + this.holidayWeight * t.holiday }
      })
      .filter((r) => r.ordinary + r.holiday > 0)
      .sort((a, b) => DUTY_ROLES.indexOf(a.role) - DUTY_ROLES.indexOf(b.role) || a.personId - b.personId)
  }
}

/** Compares two numeric keys lexicographically. */
export const compareKeys = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i]
  return 0
}

/**
 * fairnessCounts: per person and role, ordinary days, 法定节假日 days and the weighted total
 * (what the page shows beside the roster). History, when given, is added in so the counts are
 * cumulative; the result can be passed back as the next generation's history.
 */
export function fairnessCounts(
  assignments: readonly DutyAssignment[], cal: HolidayCalendar,
  opts: { holidayWeight?: number; history?: readonly DutyTally[] } = {},
): FairnessRow[] {
  const t = new Tallies(opts.holidayWeight ?? DEFAULT_HOLIDAY_WEIGHT, opts.history)
  for (const a of assignments) t.add(a.personId, a.role, dayInfo(cal, a.date).type === '法定节假日')
  return t.rows()
}

export const sortAssignments = (list: DutyAssignment[]): DutyAssignment[] =>
  list.sort((a, b) => a.date.localeCompare(b.date) || DUTY_ROLES.indexOf(a.role) - DUTY_ROLES.indexOf(b.role))

export interface Pick { personId: number; key: number[] }
/**
 * The fairest available person on `day`: the lowest key wins, the candidate's place
 * in the list breaking ties (deterministic). Returns the reasons each candidate was passed over
 * when nobody is available.
 */
export function pickFairly(
  candidates: readonly number[], day: DutyDay, taken: ReadonlySet<number>,
  key: (personId: number) => number[],
  absences: readonly AbsencePeriod[], exclusions: readonly DutyExclusion[], names?: ReadonlyMap<number, string>,
): { pick: Pick } | { reasons: string[] } {
  const reasons: string[] = []
  let best: Pick | null = null
  for (const [index, personId] of candidates.entries()) {
    const why = unavailableReason(personId, day.date, absences, exclusions)
    if (why) { reasons.push(`${nameOf(names, personId)}${why}`); continue }
    const k = [...key(personId), index]
    if (taken.has(personId)) { reasons.push(`${nameOf(names, personId)}当日已有值班安排`); continue }
    if (!best || compareKeys(k, best.key) < 0) best = { personId, key: k }
  }
  if (!best) return { reasons: candidates.length ? reasons : ['未设置可排班人员'] }
  return { pick: best }
}
