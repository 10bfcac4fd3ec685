/**
 * Dates the Chinese way, as every page shows them (GB/T 9704: year in full, no leading zeros).
 * Date-only values ('2026-10-12') are read as calendar days, never shifted by the time zone;
 * timestamps ('2026-10-12T01:30:00.000Z') are shown on the office's clock (Asia/Shanghai), whatever zone the
 * PC is set to, so the page, the server's messages and the files it names all say the same time.
 */
import { officeDate, officeDateTimeText } from '../../src-main/common/office-time'

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'] as const

function parts(isoDate: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate)
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null
}

/** '2026-10-12' → '2026年10月12日' ('' for an empty value, the input itself if unreadable). */
export function formatDate(isoDate: string | null | undefined): string {
  if (!isoDate) return ''
  const p = parts(isoDate)
  return p ? `${p[0]}年${p[1]}月${p[2]}日` : isoDate
}

/** '2026-10-12' → '星期一'. */
export function weekdayOf(isoDate: string): string {
  const p = parts(isoDate)
  return p ? WEEKDAYS[new Date(Date.UTC(p[0], p[1] - 1, p[2])).getUTCDay()] : ''
}

/** '2026-10-12' → '2026年10月12日 星期一'. */
export function formatDateWithWeekday(isoDate: string | null | undefined): string {
  if (!isoDate) return ''
  return parts(isoDate) ? `${formatDate(isoDate)} ${weekdayOf(isoDate)}` : isoDate
}

/** '2026-10-12' → '10月12日' (within a year already named on the page). */
export function formatMonthDay(isoDate: string | null | undefined): string {
  if (!isoDate) return ''
  const p = parts(isoDate)
  return p ? `${p[1]}月${p[2]}日` : isoDate
}

/** An ISO timestamp → '2026年10月12日 09:30' on the office's clock ('… 09:30:05' with seconds, for logs). */
export function formatDateTime(timestamp: string | null | undefined, options: { seconds?: boolean } = {}): string {
  if (!timestamp) return ''
  const t = new Date(timestamp)
  return Number.isNaN(t.getTime()) ? timestamp : officeDateTimeText(t, options.seconds)
}

/** Today's date in the office as 'YYYY-MM-DD'. */
export function todayIso(now: Date = new Date()): string {
  return officeDate(now)
}

/** This year in the office. */
export const thisYear = (now: Date = new Date()): number => Number(officeDate(now).slice(0, 4))

/** Date pickers read the Chinese way: '2026年12月' above the days, '2026年12月7日' in the field. */
export const DATE_PROPS = {
  valueFormat: 'YYYY年M月D日',
  monthLabelFormat: 'YYYY年M月',
  yearLabelFormat: 'YYYY年',
  monthsListFormat: 'M月',
  yearsListFormat: 'YYYY年',
  getDayAriaLabel: (d: string) => formatDate(d),
} as const

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 35 → 三十五: how agendas and minutes number their items (up to 99). */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]
  const tens = Math.floor(n / 10), ones = n % 10
  return n < 100 ? `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}` : String(n)
}

/** 800 → '800字节', 12 345 → '12.1 KB'. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}字节`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
