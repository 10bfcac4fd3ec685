/** The period the 统计 page counts: a year, a month or a range of dates (at most MAX_PERIOD_DAYS). */
import { MAX_PERIOD_DAYS } from '../../../src-main/common/stats'
import { daysBetween, monthEnd } from '../../../src-main/common/dates'

export type PeriodKind = '年度' | '月份' | '期间'
export interface PeriodChoice { kind: PeriodKind; year: number; month: number; from: string | null; to: string | null }

const pad = (n: number) => String(n).padStart(2, '0')

/** The period asked for, or why it cannot be counted (shown instead of the figures). */
export function periodOf(c: PeriodChoice): { from: string; to: string } | { problem: string } {
  if (c.kind === '年度') return { from: `${c.year}-01-01`, to: `${c.year}-12-31` }
  if (c.kind === '月份') {
    const from = `${c.year}-${pad(c.month)}-01`
    return { from, to: monthEnd(from) }
  }
  if (!c.from || !c.to) return { problem: '请选择起始日期和截止日期' }
  if (c.to < c.from) return { problem: '截止日期不能早于起始日期' }
  if (daysBetween(c.from, c.to) >= MAX_PERIOD_DAYS) return { problem: `统计期间最长一年（${MAX_PERIOD_DAYS}天）；更长的期间请按年分别统计` }
  return { from: c.from, to: c.to }
}
