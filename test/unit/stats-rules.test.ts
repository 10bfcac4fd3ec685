/** 统计's pure rules (issue 17), as tables of cases: percentiles, tallies, months of a period, days within it, working days. */
import { describe, expect, it } from 'vitest'
import { addTo, daysWithin, durationCells, monthsOf, monthText, percentile, pivot, rateText, withTotals, workingDaysTaken, type Tally } from '../../src-main/stats/rules'
import { countWorkingDays } from '../../src-main/calendar/rules'
import { addDays } from '../../src-main/common/dates'
import { packagedCalendar } from '../helpers/calendar'

describe('percentile (nearest rank)', () => {
  it.each([
    [[], 0.9, null], [[5], 0.9, 5], [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9, 9], [[10, 1, 3], 0.9, 10], [[0, 0, 0, 7], 0.5, 0], [[2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22], 0.9, 20],
  ])('%j 的 P%s = %s', (values, p, expected) => expect(percentile(values, p)).toBe(expected))
})

describe('durationCells: a tally gives the figures of the list it stands for', () => {
  it.each([[[]], [[0]], [[3, 1, 4, 1, 5, 9, 2, 6]], [[0, 0, 0, 1, 1, 2, 15]], [Array.from({ length: 37 }, (_, i) => (i * 7) % 11)]])('%j', (values) => {
    const tally: Tally = new Map()
    for (const v of values) addTo(tally, v, 1)
    const expected = values.length
      ? [values.length, Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 10) / 10, percentile(values, 0.9), Math.max(...values)]
      : [0, '—', '—', '—']
    expect(durationCells(tally)).toEqual(expected)
  })
  it('counts of 0 (a summary row emptied by a change) count for nothing', () => {
    expect(durationCells(new Map([[3, 0], [5, 2]]))).toEqual([2, 5, 5, 5])
  })
})

describe('months, shares and tables', () => {
  it.each([
    ['2025-01-01', '2025-12-31', 12, '2025-01', '2025-12'], ['2025-11-15', '2026-02-03', 4, '2025-11', '2026-02'], ['2026-03-01', '2026-03-31', 1, '2026-03', '2026-03'], ['2024-01-31', '2024-03-01', 3, '2024-01', '2024-03'],
  ])('%s 至 %s 跨 %i 个月', (from, to, n, first, last) => {
    const months = monthsOf(from, to)
    expect([months.length, months[0], months.at(-1)]).toEqual([n, first, last])
  })
  it('2026-03 reads 2026年3月', () => expect(monthText('2026-03')).toBe('2026年3月'))
  it.each([[0, 0, '—'], [1, 3, '33.3%'], [2, 2, '100.0%'], [0, 5, '0.0%']])('%i/%i = %s', (a, b, t) => expect(rateText(a, b)).toBe(t))
  it.each([
    ['2025-12-29', '2026-01-03', '2026-01-01', '2026-01-31', 3], ['2025-05-01', '2025-05-06', '2025-01-01', '2025-12-31', 6], ['2024-01-01', '2024-01-02', '2025-01-01', '2025-12-31', 0], ['2025-12-31', '2026-01-01', '2025-01-01', '2025-12-31', 1],
  ])('外出 %s—%s 在 %s—%s 内 %i 天', (a, b, from, to, n) => expect(daysWithin(a, b, from, to)).toBe(n))
  it('pivot fills zeros and withTotals adds a 合计 column and row', () => {
    const rows = pivot(new Map([['1月|函', 2], ['2月|通知', 3]]), ['1月', '2月'], ['函', '通知'])
    expect(withTotals(rows)).toEqual([['1月', 2, 0, 2], ['2月', 0, 3, 3], ['合计', 2, 3, 5]])
  })
})

describe('workingDaysTaken: the days strictly after the start up to the end, as deadlines count them', () => {
  const cal = packagedCalendar()
  const taken = workingDaysTaken(cal)
  it.each([
    ['2025-09-30', '2025-10-09', 1], ['2025-10-09', '2025-10-09', 0], ['2025-10-10', '2025-10-09', 0], ['2026-02-13', '2026-02-24', 2], ['1989-12-29', '1990-01-02', countWorkingDays(cal, '1989-12-30', '1990-01-02')],
  ])('%s → %s：%i 个工作日', (a, b, n) => expect(taken(a, b)).toBe(n))
  it('equals countWorkingDays(start + 1, end) over 300 periods of the holiday years', () => {
    for (let i = 0; i < 300; i++) {
      const a = addDays('2019-01-01', (i * 37) % 2500)
      const b = addDays(a, (i * 13) % 60)
      expect(taken(a, b), `${a} → ${b}`).toBe(countWorkingDays(cal, addDays(a, 1), b))
    }
  })
})
