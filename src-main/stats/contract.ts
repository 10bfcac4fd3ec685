/** 统计 (issue 17): a period of at most a year, and the month of a 督查通报. */
import { z } from 'zod'
import { isoDate, yearNumber } from '../kernel/fields'
import { daysBetween } from '../common/dates'
import { MAX_PERIOD_DAYS, STAT_IDS } from '../common/stats'

export { STAT_IDS, type StatId } from '../common/stats'

export const statsPeriod = z.object({
  from: isoDate('起始日期'),
  to: isoDate('截止日期'),
}).refine((p) => p.to >= p.from, { message: '截止日期不能早于起始日期', path: ['to'] })
  .refine((p) => daysBetween(p.from, p.to) < MAX_PERIOD_DAYS, { message: `统计期间最长一年（${MAX_PERIOD_DAYS}天）；更长的期间请按年分别统计`, path: ['to'] })

export const statsExportInput = z.object({ period: statsPeriod, table: z.enum(STAT_IDS).describe('统计表') })

export const monthlyReportInput = z.object({
  year: yearNumber('年份'),
  month: z.number().describe('月份').int('应为整数').min(1, '月份应为1至12').max(12, '月份应为1至12'),
})

export type StatsPeriod = z.output<typeof statsPeriod>
export type MonthlyReportInput = z.output<typeof monthlyReportInput>
