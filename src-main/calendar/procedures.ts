import { z } from 'zod'
import { query, mutation } from '../kernel/procedure'
import { isoDate } from '../kernel/fields'
import { correctDay, deleteYear, importYear, listYears, loadCalendar, yearView } from './service'
import { countWorkingDays, dayInfo, shiftWorkingDays } from './rules'
import { CLERKS } from '../common/roles'
import { importYearInput, correctDayInput, parseInput, year } from './contract'
import { parseHolidayText } from './notice'
import type { StoredDateRecompute } from './recompute'

export const calendarProcedures = {
  'calendar.years': query({
    summary: '已录入节假日安排的年份',
    access: 'signedIn',
    input: z.object({}),
    handler: ({ db }) => listYears(db),
  }),
  'calendar.year': query({
    summary: '某一年的每一天（工作日、周末、法定节假日、调休上班）',
    access: 'signedIn',
    input: z.object({ year }),
    handler: ({ db }, { year }) => yearView(db, year),
  }),
  'calendar.day': query({
    summary: '某一天是否为工作日',
    access: 'signedIn',
    input: z.object({ date: isoDate('日期') }),
    handler: ({ db }, { date }) => dayInfo(loadCalendar(db), date),
  }),
  'calendar.shift': query({
    summary: '某日之前或之后第N个工作日',
    access: 'signedIn',
    input: z.object({ date: isoDate('日期'), workingDays: z.number().describe('工作日数').int().min(-366).max(366).refine((n) => n !== 0, '不能为0') }),
    handler: ({ db }, { date, workingDays }) => ({ date: shiftWorkingDays(loadCalendar(db), date, workingDays) }),
  }),
  'calendar.count': query({
    summary: '两日之间（含首尾）的工作日数',
    access: 'signedIn',
    input: z.object({ from: isoDate('开始日期'), to: isoDate('结束日期') }),
    handler: ({ db }, { from, to }) => ({ workingDays: countWorkingDays(loadCalendar(db), from, to) }),
  }),
  'calendar.parse': query({
    summary: '读取粘贴的节假日通知（只预览，不保存）',
    access: CLERKS,
    input: parseInput,
    handler: (_ctx, { year, text }) => parseHolidayText(year, text),
  }),
}

/**
 * The three writes to the calendar, with the stored dates they recompute. The API passes every domain's
 * recompute (src-main/rpc/procedures.ts): the calendar itself imports none of them.
 */
export function calendarMutations(recompute: readonly StoredDateRecompute[]) {
  return {
    'calendar.importYear': mutation({
      summary: '录入或导入一年的节假日安排',
      access: CLERKS,
      input: importYearInput,
      handler: (ctx, input) => importYear(ctx, input, recompute),
    }),
    'calendar.correctDay': mutation({
      summary: '更正某一天的安排',
      access: CLERKS,
      input: correctDayInput,
      handler: (ctx, input) => correctDay(ctx, input, recompute),
    }),
    'calendar.deleteYear': mutation({
      summary: '删除一年的节假日安排',
      access: CLERKS,
      input: z.object({ year }),
      handler: (ctx, { year }) => { deleteYear(ctx, year, recompute); return null },
    }),
  }
}
