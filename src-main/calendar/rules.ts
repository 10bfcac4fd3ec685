import type { DayKind } from '../common/calendar'
import { addDays, daysBetween, isRealDate, isWeekend, weekdayOf, yearOf, type IsoDate } from '../common/dates'

/** The official holiday calendar as plain data (R-W2): known years and their exceptional days. */
export interface HolidayCalendar {
  years: ReadonlySet<number>
  days: ReadonlyMap<IsoDate, { kind: DayKind; name: string }>
}

export type DayType = '工作日' | '周末' | '法定节假日' | '调休上班'

export interface DayInfo {
  date: IsoDate
  working: boolean
  type: DayType
  /** The holiday's name for 法定节假日 and 调休上班 days. */
  name: string | null
  /** R-W2/X-6: the year's arrangement is not entered, so the day is judged by weekends alone (暂定) until it is. */
  provisional: boolean
}

/** Who may enter a year's arrangement (calendar.importYear's access), named in every message about a missing year. */
export const HOLIDAY_ENTRY_ROLES = '文秘或科长'

/** The message shown wherever a date falls in a year without holiday data (R-W2, X-6): provisional, not refused. */
export const missingYearNote = (year: number): string =>
  `${year}年的节假日安排尚未录入，${year}年的日期暂按周末推算（暂定）。请${HOLIDAY_ENTRY_ROLES}在“节假日”中粘贴国务院办公厅通知录入，录入后自动重算。`

/**
 * R-W2/X-6: the years between two dates (either order, inclusive) whose arrangement is not entered.
 * Anything computed across them is 暂定: the one shape every caller uses to say so.
 */
export function provisionalYears(cal: HolidayCalendar, a: IsoDate, b: IsoDate): number[] {
  const [lo, hi] = a <= b ? [yearOf(a), yearOf(b)] : [yearOf(b), yearOf(a)]
  const out: number[] = []
  for (let y = lo; y <= hi; y++) if (!cal.years.has(y)) out.push(y)
  return out
}

export const isProvisional = (cal: HolidayCalendar, a: IsoDate, b: IsoDate = a): boolean => provisionalYears(cal, a, b).length > 0

/** A date in an unentered year is judged by weekends alone and marked provisional, never refused. */
export function dayInfo(cal: HolidayCalendar, date: IsoDate): DayInfo {
  const provisional = !cal.years.has(yearOf(date))
  const special = provisional ? undefined : cal.days.get(date)
  if (special?.kind === '放假') return { date, working: false, type: '法定节假日', name: special.name, provisional }
  if (special?.kind === '上班') return { date, working: true, type: '调休上班', name: special.name, provisional }
  return isWeekend(date) ? { date, working: false, type: '周末', name: null, provisional } : { date, working: true, type: '工作日', name: null, provisional }
}

export const isWorkingDay = (cal: HolidayCalendar, date: IsoDate): boolean => dayInfo(cal, date).working

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0), not counting `date` itself.
 * R-M3: a topic for a meeting on M is due by shiftWorkingDays(cal, M, -10).
 * Across an unentered year it counts weekends only: ask isProvisional(cal, date, result) before calling it final.
 */
export function shiftWorkingDays(cal: HolidayCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n) || n === 0) throw new RangeError('n must be a non-zero integer')
  const step = n > 0 ? 1 : -1
  let d = date
  for (let left = Math.abs(n); left > 0;) {
    d = addDays(d, step)
    if (isWorkingDay(cal, d)) left--
  }
  return d
}

/** Monday to Friday in the inclusive period [from, to] (0 when to < from), by arithmetic. */
function weekdays(from: IsoDate, to: IsoDate): number {
  const days = daysBetween(from, to) + 1
  if (days <= 0) return 0
  const full = Math.floor(days / 7)
  let n = full * 5
  for (let k = 0, w = weekdayOf(from); k < days % 7; k++, w = (w + 1) % 7) if (w !== 0 && w !== 6) n++
  return n
}

/**
 * The days that differ from an ordinary week (a weekday off, a weekend worked), in date order with running totals of
 * the difference: made once per calendar, so a count over years costs two binary searches, not a walk day by day
 * (a register page counts how far each of its rows is from its deadline, some of them years overdue).
 */
const exceptions = new WeakMap<HolidayCalendar, { dates: IsoDate[]; before: number[] }>()
function exceptionsOf(cal: HolidayCalendar) {
  let e = exceptions.get(cal)
  if (!e) {
    const deltas = [...cal.days].map(([date, { kind }]) => [date, kind === '放假' && !isWeekend(date) ? -1 : kind === '上班' && isWeekend(date) ? 1 : 0] as const)
      .filter(([, delta]) => delta !== 0).sort(([a], [b]) => a.localeCompare(b))
    const before = [0]
    for (const [, delta] of deltas) before.push(before.at(-1)! + delta)
    e = { dates: deltas.map(([date]) => date), before }
    exceptions.set(cal, e)
  }
  return e
}
/** How many of the sorted dates come before `date` (or up to it, with `inclusive`). */
function rank(dates: readonly IsoDate[], date: IsoDate, inclusive: boolean): number {
  let lo = 0
  let hi = dates.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (dates[mid] < date || (inclusive && dates[mid] === date)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Working days in the inclusive period [from, to]; 0 when to < from. The same answer as asking dayInfo of each day. */
export function countWorkingDays(cal: HolidayCalendar, from: IsoDate, to: IsoDate): number {
  if (to < from) return 0
  const { dates, before } = exceptionsOf(cal)
  return weekdays(from, to) + before[rank(dates, to, true)] - before[rank(dates, from, false)]
}

/** R-W1: statutory holidays other than ordinary weekends, grouped by holiday; none yet for an unentered year (暂定, X-6). */
export function statutoryHolidays(cal: HolidayCalendar, year: number): { name: string; dates: IsoDate[] }[] {
  const groups: { name: string; dates: IsoDate[] }[] = []
  const days = [...cal.days.entries()].filter(([d, v]) => yearOf(d) === year && v.kind === '放假').sort(([a], [b]) => a.localeCompare(b))
  for (const [date, { name }] of days) {
    const last = groups.at(-1)
    if (last && last.name === name && addDays(last.dates.at(-1)!, 1) === date) last.dates.push(date)
    else groups.push({ name, dates: [date] })
  }
  return groups
}

export interface ArrangementLine { date: IsoDate; kind: DayKind; name: string }

/**
 * Parses an arrangement as staff type it from the State Council's notice, one day or
 * period a line: "2027-10-01 至 2027-10-07 放假 国庆节" or "2027-09-26 上班 国庆节".
 * Returns the days, or the first line that cannot be read, in Chinese.
 */
export function parseArrangement(year: number, text: string): { days: ArrangementLine[] } | { error: string } {
  const days: ArrangementLine[] = []
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
  for (const [i, line] of lines.entries()) {
    const m = line.match(/^(\d{4}-\d{2}-\d{2})(?:\s*(?:至|到|~|-{1,2})\s*(\d{4}-\d{2}-\d{2}))?\s+(放假|休息|上班|调休上班)\s+(\S.*)$/)
    if (!m) return { error: `第${i + 1}行无法识别：“${line}”。格式如：2027-10-01 至 2027-10-07 放假 国庆节` }
    const [, from, to = m[1], kindWord, name] = m
    if (!isRealDate(from) || !isRealDate(to)) return { error: `第${i + 1}行的日期不存在` }
    if (to < from) return { error: `第${i + 1}行的结束日期早于开始日期` }
    for (let d = from; d <= to; d = addDays(d, 1)) {
      if (yearOf(d) !== year) return { error: `第${i + 1}行的日期 ${d} 不在${year}年内` }
      days.push({ date: d, kind: kindWord.includes('上班') ? '上班' : '放假', name: name.trim() })
    }
  }
  if (days.length === 0) return { error: '没有读到任何日期' }
  return { days }
}
