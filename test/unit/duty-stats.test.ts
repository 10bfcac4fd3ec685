import { describe, expect, it } from 'vitest'
import { packagedCalendar } from '../helpers/calendar'
import { fairnessCounts, type DutyAssignment } from '../../src-main/duty/rules'
import { withWeekends } from '../../src-main/duty/stats'

// 轮班统计: 平日, 周末 and 节假日 by the holiday calendar (R-W2), not by the weekday alone.
const cal = packagedCalendar()
const duties: DutyAssignment[] = [
  { date: '2026-10-01', role: '主班', personId: 201 }, // 国庆节 (Thursday): 节假日
  { date: '2026-10-03', role: '主班', personId: 201 }, // Saturday inside 国庆: 节假日, not 周末
  { date: '2026-10-10', role: '主班', personId: 201 }, // 调休上班 Saturday: a working day, 平日
  { date: '2026-10-11', role: '主班', personId: 201 }, // ordinary Sunday: 周末
  { date: '2026-10-12', role: '主班', personId: 201 }, // Monday: 平日
  { date: '2026-10-17', role: '带班', personId: 201 }, // Saturday: 周末
]

describe('轮班统计 by the calendar', () => {
  it('counts an ordinary weekend as 周末, a 调休 Saturday as 平日 and a weekend inside a holiday as 节假日', () => {
    const rows = withWeekends(fairnessCounts(duties, cal), cal, duties, new Map())
    expect(rows).toEqual([
      { personId: 201, role: '带班', ordinary: 1, holiday: 0, weighted: 1, workday: 0, weekend: 1 },
      { personId: 201, role: '主班', ordinary: 3, holiday: 2, weighted: 7, workday: 2, weekend: 1 },
    ])
  })

  it('adds the published history\'s weekends, keeping 平日 + 周末 equal to the ordinary days the rotation weighs', () => {
    const history = [{ personId: 201, role: '主班' as const, ordinary: 10, holiday: 1 }]
    const rows = withWeekends(fairnessCounts(duties, cal, { history }), cal, duties, new Map([['201|主班', 4]]))
    expect(rows.find((r) => r.role === '主班')).toEqual({ personId: 201, role: '主班', ordinary: 13, holiday: 3, weighted: 19, workday: 8, weekend: 5 })
  })
})
