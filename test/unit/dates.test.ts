/** Month arithmetic on office dates (common/dates.ts): 下月值班表, 统计's months and 月度通报's period all count with it. */
import { describe, expect, it } from 'vitest'
import { monthEnd, monthStart } from '../../src-main/common/dates'

describe('months of office dates', () => {
  it.each([
    ['2026-11-19', 0, '2026-11-01'], ['2026-11-20', 1, '2026-12-01'], ['2026-12-31', 1, '2027-01-01'], ['2026-01-15', -1, '2025-12-01'],
    ['2026-03', 0, '2026-03-01'], ['2026-03', 10, '2027-01-01'], ['2026-03', -15, '2024-12-01'], ['2026-12', 13, '2028-01-01'],
  ])('the month of %s moved by %i starts on %s', (d, n, start) => {
    expect(monthStart(d, n)).toBe(start)
  })
  it.each([
    ['2026-02', '2026-02-28'], ['2024-02-10', '2024-02-29'], ['2000-02', '2000-02-29'], ['1900-02', '1900-02-28'], ['2026-04-30', '2026-04-30'], ['2026-12-01', '2026-12-31'],
  ])('the month of %s ends on %s', (d, end) => {
    expect(monthEnd(d)).toBe(end)
  })
})
