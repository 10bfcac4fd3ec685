/** The 统计 page's period (issue 17): a year, a month to its last day (February of a leap year too), or a range of at most a year. */
import { describe, expect, it } from 'vitest'
import { periodOf, type PeriodChoice } from '../../src-renderer/pages/stats/period'

const choice = (c: Partial<PeriodChoice>): PeriodChoice => ({ kind: '期间', year: 2026, month: 1, from: null, to: null, ...c })

describe('periodOf', () => {
  it.each([
    ['a year', choice({ kind: '年度', year: 2026 }), { from: '2026-01-01', to: '2026-12-31' }],
    ['a month of 30 days', choice({ kind: '月份', month: 11 }), { from: '2026-11-01', to: '2026-11-30' }],
    ['February of a leap year', choice({ kind: '月份', year: 2028, month: 2 }), { from: '2028-02-01', to: '2028-02-29' }],
    ['December', choice({ kind: '月份', month: 12 }), { from: '2026-12-01', to: '2026-12-31' }],
    ['a whole calendar year as a range', choice({ from: '2026-01-01', to: '2026-12-31' }), { from: '2026-01-01', to: '2026-12-31' }],
    ['a range ending before it starts', choice({ from: '2026-03-02', to: '2026-03-01' }), { problem: '截止日期不能早于起始日期' }],
    ['a range without its end', choice({ from: '2026-03-02' }), { problem: '请选择起始日期和截止日期' }],
  ])('%s', (_, c, expected) => expect(periodOf(c)).toEqual(expected))

  it('a range longer than a year is refused with what to do instead', () => {
    expect(periodOf(choice({ from: '2025-01-01', to: '2026-12-31' }))).toMatchObject({ problem: expect.stringContaining('请按年分别统计') })
  })
})
