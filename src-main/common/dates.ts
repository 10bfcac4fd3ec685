/**
 * Date-only arithmetic on 'YYYY-MM-DD' strings, done in UTC so the server's own zone and
 * daylight saving never shift a day. Every domain stores and compares dates this way.
 */
export type IsoDate = string

const toUtc = (d: IsoDate) => {
  const [y, m, day] = d.split('-').map(Number)
  return Date.UTC(y, m - 1, day)
}
const fromUtc = (t: number): IsoDate => new Date(t).toISOString().slice(0, 10)

export const addDays = (d: IsoDate, n: number): IsoDate => fromUtc(toUtc(d) + n * 86_400_000)
export const yearOf = (d: IsoDate): number => Number(d.slice(0, 4))
/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (d: IsoDate): number => new Date(toUtc(d)).getUTCDay()
/** 星期一 … 星期日. */
export const chineseWeekday = (d: IsoDate): string => `星期${'日一二三四五六'[weekdayOf(d)]}`
export const isWeekend = (d: IsoDate): boolean => weekdayOf(d) === 0 || weekdayOf(d) === 6
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((toUtc(to) - toUtc(from)) / 86_400_000)

/**
 * The first day of the month `n` months after the month of `d` (YYYY-MM-DD, or YYYY-MM): (2026-12-31, 1) → 2027-01-01.
 * Counted in months, never in days, so no month's length is guessed.
 */
export function monthStart(d: string, n = 0): IsoDate {
  const k = Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1 + n
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}-01`
}
/** The last day of the month of `d` (YYYY-MM-DD, or YYYY-MM). */
export const monthEnd = (d: string): IsoDate => addDays(monthStart(d, 1), -1)

/** 2026年10月1日: the Chinese way, year in full, no leading zeros (GB/T 9704). */
export function chineseDate(d: IsoDate): string {
  const [y, m, day] = d.split('-').map(Number)
  return `${y}年${m}月${day}日`
}

/** Whether two inclusive periods share a day; gives the shared period. */
export function overlap(a: { startDate: IsoDate; endDate: IsoDate }, b: { startDate: IsoDate; endDate: IsoDate }): { startDate: IsoDate; endDate: IsoDate } | null {
  const startDate = a.startDate > b.startDate ? a.startDate : b.startDate
  const endDate = a.endDate < b.endDate ? a.endDate : b.endDate
  return startDate <= endDate ? { startDate, endDate } : null
}

export const covers = (p: { startDate: IsoDate; endDate: IsoDate }, d: IsoDate): boolean => p.startDate <= d && d <= p.endDate

export function isRealDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const [y, m, d] = s.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}
