import { describe, expect, it } from 'vitest'
import { compareFollowUps, isOverdue, timing, type TimedItem } from '../../src-main/followups/rules'
import { packagedCalendar } from '../helpers/calendar'

const cal = packagedCalendar()

const TODAY = '2026-11-10'
const open = (id: number, deadline: string): TimedItem => ({ id, status: '办理中', deadline, closedOn: null })
const closed = (id: number, deadline: string, closedOn: string): TimedItem => ({ id, status: '已办结', deadline, closedOn })

describe('R-S1 how far a 督办事项 is from its deadline, in working days as a 收文 is (issue 16)', () => {
  it.each([
    ['overdue by a day', open(1, '2026-11-09'), { urgency: '逾期', workingDaysOverdue: 1, workingDaysLeft: null, label: '逾期1个工作日' }],
    ['overdue from Saturday 31 October: 7 working days, not 10 calendar days', open(1, '2026-10-31'), { urgency: '逾期', workingDaysOverdue: 7, label: '逾期7个工作日' }],
    ['due today is not yet overdue', open(1, '2026-11-10'), { urgency: '临期', workingDaysOverdue: null, workingDaysLeft: 0, label: '今日到期' }],
    ['3 working days left is 临期, as for a 收文', open(1, '2026-11-13'), { urgency: '临期', workingDaysLeft: 3, label: '剩余3个工作日' }],
    ['4 working days left is ordinary', open(1, '2026-11-16'), { urgency: '办理中', workingDaysLeft: 4, label: '剩余4个工作日' }],
    ['closed on time', closed(1, '2026-11-09', '2026-11-09'), { urgency: '已办结', workingDaysOverdue: null, label: '已办结（按期）' }],
    ['closed late, whatever today is', closed(1, '2026-11-01', '2026-11-04'), { urgency: '已办结', label: '已办结（超期3个工作日）' }],
  ] as const)('%s', (_name, item, expected) => {
    expect(timing(cal, item, TODAY)).toMatchObject(expected)
  })

  it('calls an item overdue only while it is open and past its deadline', () => {
    expect(isOverdue(open(1, '2026-11-09'), TODAY)).toBe(true)
    expect(isOverdue(open(1, '2026-11-10'), TODAY)).toBe(false)
    expect(isOverdue(closed(1, '2026-11-01', '2026-11-05'), TODAY)).toBe(false)
  })
})

describe('R-S1 the order of the 督办 list', () => {
  it('puts overdue first (longest overdue on top), then open by deadline, then closed (latest closed first), ties by id', () => {
    const items = [
      closed(1, '2026-10-01', '2026-10-05'),
      open(2, '2026-12-01'),
      open(3, '2026-11-08'),
      closed(4, '2026-11-01', '2026-11-09'),
      open(5, '2026-11-01'),
      open(6, '2026-11-12'),
      open(7, '2026-12-01'),
      open(8, '2026-11-10'),
    ]
    expect([...items].sort(compareFollowUps(cal, TODAY)).map((i) => i.id)).toEqual([5, 3, 8, 6, 2, 7, 4, 1])
  })

  it('moves an item up once its deadline passes', () => {
    const items = [open(1, '2026-11-20'), open(2, '2026-11-11')]
    expect([...items].sort(compareFollowUps(cal, TODAY)).map((i) => i.id)).toEqual([2, 1])
    const later = [open(1, '2026-11-20'), closed(2, '2026-11-11', '2026-11-12'), open(3, '2026-11-12')]
    expect([...later].sort(compareFollowUps(cal, '2026-11-15')).map((i) => i.id)).toEqual([3, 1, 2])
  })
})
