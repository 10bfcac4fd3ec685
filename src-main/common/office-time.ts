/**
 * The office's clock: every time the product shows, prints, files or compares is the wall-clock time in the
 * city (Asia/Shanghai, no daylight saving), whatever zone the server or the reading PC is set to. One place
 * builds the parts, so a backup's name, the lock-out message and the page all say the same 17:16.
 */
import type { IsoDate } from './dates'

export const OFFICE_TIME_ZONE = 'Asia/Shanghai'

export interface OfficeTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

/** Built once: an Intl.DateTimeFormat costs about 0.2 ms, more than a register page's query. */
let formatter: Intl.DateTimeFormat | null = null

/** The office's wall-clock reading of an instant. */
export function officeTime(at: Date): OfficeTime {
  formatter ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: OFFICE_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  })
  const out: Record<string, number> = {}
  for (const p of formatter.formatToParts(at)) if (p.type !== 'literal') out[p.type] = Number(p.value)
  return out as unknown as OfficeTime
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * The instant of a wall-clock time (HH:MM) on an office date. The office's zone (Asia/Shanghai) has had no daylight
 * saving since 1991, so the offset is always +08:00 and needs no time-zone data.
 */
export const officeInstant = (date: IsoDate, time: string): Date => new Date(`${date}T${time}:00+08:00`)

/**
 * The instant an office day starts, as created_at and the audit log store instants (ISO, UTC): 2026-03-01 begins at
 * 2026-02-28T16:00:00.000Z. A day's records are those from its start up to (not including) the next day's.
 */
export const officeDayStart = (date: IsoDate): string => officeInstant(date, '00:00').toISOString()

/** YYYY-MM-DD: the office's date of an instant. */
export function officeDate(at: Date): string {
  const t = officeTime(at)
  return `${t.year}-${pad(t.month)}-${pad(t.day)}`
}

/** HH:MM (HH:MM:SS with seconds) on the office's clock. */
export function officeClockText(at: Date, seconds = false): string {
  const t = officeTime(at)
  return `${pad(t.hour)}:${pad(t.minute)}${seconds ? `:${pad(t.second)}` : ''}`
}

/** YYYY-MM-DD HH:MM, as the duty log is read and searched. */
export const officeMinute = (at: Date): string => `${officeDate(at)} ${officeClockText(at)}`

/** YYYYMMDD-HHMMSS, for names an administrator reads on the drive (backups, exports). */
export function officeStamp(at: Date): string {
  const t = officeTime(at)
  return `${t.year}${pad(t.month)}${pad(t.day)}-${pad(t.hour)}${pad(t.minute)}${pad(t.second)}`
}

/** 2026年10月12日 09:30 (… 09:30:05 with seconds, for logs): a timestamp as every page shows it. */
export function officeDateTimeText(at: Date, seconds = false): string {
  const t = officeTime(at)
  return `${t.year}年${t.month}月${t.day}日 ${officeClockText(at, seconds)}`
}
