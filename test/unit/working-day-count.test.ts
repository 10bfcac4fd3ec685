import { describe, expect, it } from 'vitest'
import { addDays, type IsoDate } from '../../src-main/common/dates'
import { countWorkingDays, dayInfo } from '../../src-main/calendar/rules'
import { packagedCalendar } from '../helpers/calendar'

// R-W2: counting the working days between two dates by arithmetic (weekdays plus the year's exceptions) gives exactly
// what asking each day gives — 调休 Saturdays worked, 国庆 weekdays off, unentered years by weekends (暂定) — so a
// register page can count years of overdue rows quickly without a second meaning.

const cal = packagedCalendar()
const byDay = (from: IsoDate, to: IsoDate) => {
  let n = 0
  for (let d = from; d <= to; d = addDays(d, 1)) if (dayInfo(cal, d).working) n++
  return n
}

describe('R-W2 working days between two dates', () => {
  it.each([
    ['国庆 2026: 28–30 September, then 8, 9 and the 调休 Saturday 10 October', '2026-09-28', '2026-10-11', 6],
    ['the 调休 Saturday 10 October counts', '2026-10-10', '2026-10-10', 1],
    ['a weekday of 国庆 does not', '2026-10-05', '2026-10-05', 0],
    ['an empty period', '2026-10-12', '2026-10-11', 0],
    ['into a year without data, weekends only (暂定)', '2099-12-28', '2100-01-08', 10],
  ])('%s: %s to %s is %i', (_name, from, to, n) => {
    expect(countWorkingDays(cal, from, to)).toBe(n)
  })

  it('equals a day-by-day count over 400 random periods of up to twelve years, across entered and unentered years', () => {
    let seed = 20261206
    const random = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n }
    for (let i = 0; i < 400; i++) {
      const from = addDays('2015-01-01', random(365 * 14))
      const to = addDays(from, random(365 * 12) - 30)
      expect(countWorkingDays(cal, from, to), `${from} → ${to}`).toBe(byDay(from, to))
    }
  })
})
