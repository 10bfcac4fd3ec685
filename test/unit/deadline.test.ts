import { describe, expect, it } from 'vitest'
import { deadlineTiming } from '../../src-main/calendar/deadline'
import { packagedCalendar } from '../helpers/calendar'

// Issue 16, one meaning of a deadline (R-D7, R-W2): time left and time overdue are both counted in working days
// from the holiday calendar, so a 收文, its 承办, a 督办 item and a 建议提案 show the same kind of figure everywhere.
// 2026: 国庆 10月1日–7日 off, 9月20日 (Sun) and 10月10日 (Sat) worked.

const cal = packagedCalendar()

describe('R-D7 how far a deadline is, in working days', () => {
  it.each([
    ['working days left are counted after today, holidays excluded', '2026-09-30', '2026-10-09', null, { state: '临期', workingDaysLeft: 2, label: '剩余2个工作日' }],
    ['due today', '2026-10-09', '2026-10-09', null, { state: '临期', workingDaysLeft: 0, label: '今日到期' }],
    ['four working days left is not yet 临期', '2026-11-02', '2026-11-06', null, { state: '正常', workingDaysLeft: 4 }],
    ['three working days left is 临期', '2026-11-03', '2026-11-06', null, { state: '临期', workingDaysLeft: 3 }],
    ['overdue from Friday 9 Oct to Monday 12 Oct: the 调休 Saturday 10 Oct and Monday are 2 working days', '2026-10-12', '2026-10-09', null, { state: '逾期', workingDaysOverdue: 2, label: '逾期2个工作日' }],
    ['overdue from Friday 13 Nov to Monday 16 Nov is 1 working day, not 3 calendar days', '2026-11-16', '2026-11-13', null, { state: '逾期', workingDaysOverdue: 1, label: '逾期1个工作日' }],
    ['on the Saturday right after a Friday deadline it is past, with no working day lost yet', '2026-11-14', '2026-11-13', null, { state: '逾期', workingDaysOverdue: 0, label: '已过时限' }],
    ['a deadline before 国庆 is 1 working day overdue on 8 October', '2026-10-08', '2026-09-30', null, { state: '逾期', workingDaysOverdue: 1 }],
    ['done on time', '2026-10-20', '2026-10-09', '2026-10-09', { state: '已完成', label: '按期完成' }],
    ['done late, in working days', '2026-10-20', '2026-10-09', '2026-10-12', { state: '已完成', label: '超期2个工作日完成' }],
  ] as const)('R-D7 %s', (_name, today, deadline, done, expected) => {
    expect(deadlineTiming(cal, today, deadline, done)).toMatchObject(expected)
  })

  it('R-W2 a deadline in a year without holiday data is counted by weekends and marked 暂定 (X-6)', () => {
    const t = deadlineTiming(cal, '2099-12-01', '2099-12-10')
    expect(t).toMatchObject({ state: '正常', workingDaysLeft: 7, provisional: true })
    expect(t.label).toBe('剩余7个工作日（暂定：节假日安排未录入）')
  })

  it('R-W2 overdue into a year without holiday data counts weekdays only (1 January included) and is marked 暂定', () => {
    expect(deadlineTiming(cal, '2099-01-05', '2098-12-31')).toMatchObject({ state: '逾期', provisional: true, label: '逾期3个工作日（暂定：节假日安排未录入）' })
  })
})
