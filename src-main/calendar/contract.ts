/** The holiday calendar's inputs, defined once (R-W2, X-6): the procedures check calls against them, the service takes their output types. */
import { z } from 'zod'
import { isoDate, optionalText, text } from '../kernel/fields'
import { DAY_KINDS } from '../common/calendar'

export const year = z.number().describe('年份').int('应为整数').min(2000, '不能早于2000年').max(2100, '不能晚于2100年')

/** 录入一年的安排, with the notice it came from. */
export const importYearInput = z.object({ year, source: text('来源通知', 200), text: text('安排内容', 5000) })
export type ImportYearInput = z.output<typeof importYearInput>

/** 预览: the pasted notice read before anything is saved. */
export const parseInput = z.object({ year, text: text('安排内容', 5000) })

/** 更正某日. */
export const correctDayInput = z.object({ date: isoDate('日期'), kind: z.enum([...DAY_KINDS, '平常']).describe('类别'), name: optionalText('节日名称', 20) })
export type CorrectDayInput = z.output<typeof correctDayInput>
