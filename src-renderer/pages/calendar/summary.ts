import type { OutputOf } from '../../api/client'
import { formatMonthDay, weekdayOf } from '../../lib/format'

export type YearView = OutputOf<'calendar.year'>
export type DayInfo = Extract<YearView, { known: true }>['days'][number]
export type DayType = DayInfo['type']

export interface HolidayLine {
  name: string
  /** 放假 periods, e.g. "10月1日至7日". */
  periods: string[]
  holidayDays: number
  /** 调休上班 days, e.g. "9月20日（周日）". */
  workdays: string[]
}

const addDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

/** '10月1日至7日', '9月30日至10月8日', '4月5日': as the State Council's notices write periods. */
function period(from: string, to: string): string {
  if (from === to) return formatMonthDay(from)
  const sameMonth = from.slice(0, 7) === to.slice(0, 7)
  return `${formatMonthDay(from)}至${sameMonth ? `${Number(to.slice(8))}日` : formatMonthDay(to)}`
}

/** The year's arrangement as the State Council's notice reads: per holiday, its periods off and its make-up days. */
export function summarise(days: readonly DayInfo[]): HolidayLine[] {
  type Acc = HolidayLine & { first?: string; start?: string; last?: string }
  const lines = new Map<string, Acc>()
  const line = (name: string) => lines.get(name) ?? lines.set(name, { name, periods: [], holidayDays: 0, workdays: [] }).get(name)!
  const closePeriod = (l: Acc) => {
    if (l.start && l.last) l.periods.push(period(l.start, l.last))
    l.start = l.last = undefined
  }
  for (const d of days) {
    if (!d.name) continue
    const l = line(d.name)
    if (d.type === '法定节假日') {
      if (l.last && addDay(l.last) !== d.date) closePeriod(l)
      l.start ??= d.date
      l.first ??= d.date
      l.last = d.date
      l.holidayDays++
    } else if (d.type === '调休上班') {
      l.workdays.push(`${formatMonthDay(d.date)}（${weekdayOf(d.date).replace('星期', '周')}）`)
    }
  }
  // In the order the holidays fall, not the order their make-up days do.
  const ordered = [...lines.values()].sort((a, b) => (a.first ?? '9999').localeCompare(b.first ?? '9999'))
  return ordered.map((l) => { closePeriod(l); return { name: l.name, periods: l.periods, holidayDays: l.holidayDays, workdays: l.workdays } })
}

export function countByType(days: readonly DayInfo[]): Record<DayType, number> {
  const counts: Record<DayType, number> = { 工作日: 0, 周末: 0, 法定节假日: 0, 调休上班: 0 }
  for (const d of days) counts[d.type]++
  return counts
}
