/** 我的待办 and 提醒 (issue 17): who has which step, what a reminder is remembered by, what the desktop shows. */
import { describe, expect, it } from 'vitest'
import { groupsOf, reviewStepsOf, rosterWanted } from '../../src-main/todo/rules'
import { monthStart } from '../../src-main/common/dates'
import { kindsOf, nativeNotices, parseNotices, reminderKey, toDeliver, withMarks, type ReminderEvent } from '../../src-main/reminders/rules'

const event = (kind: ReminderEvent['kind'], subject: string, date: string): ReminderEvent =>
  ({ kind, subject, date, title: `${kind}${subject}`, text: '说明', href: 'documents/incoming/1' })

describe('我的待办 by role', () => {
  it.each([
    ['科长', ['待初审', '待拟办', '待送批', '待交办', '待核稿', '待编号', '待印发', '纪要待签发', '议题待确认', '督办待反馈', '值班表待发布', '节假日待录入']],
    ['文秘', ['待拟办', '待送批', '待交办', '待核稿', '待编号', '待印发', '纪要待签发', '议题待确认', '督办待反馈', '值班表待发布', '节假日待录入']],
    ['查阅', []],
    ['系统管理员', []],
  ] as const)('%s waits on %j', (role, groups) => {
    expect(groupsOf(role)).toEqual(groups)
  })

  it('核稿: the 文秘 records only the 办公室秘书 step (the second), the 科长 all three', () => {
    expect(reviewStepsOf('文秘')).toEqual([1])
    expect(reviewStepsOf('科长')).toEqual([0, 1, 2])
    expect(reviewStepsOf('查阅')).toEqual([])
  })

  it.each([['2026-11-19', false, '2026-12-01'], ['2026-11-20', true, '2026-12-01'], ['2026-12-31', true, '2027-01-01']])(
    'X-4 next month\'s roster on %s: wanted %s, starting %s', (today, wanted, next) => {
      expect(rosterWanted(today)).toBe(wanted)
      expect(monthStart(today, 1)).toBe(next)
    })
})

describe('提醒', () => {
  it('the clerks hear of the work, every business reader of tomorrow\'s meeting, the 三员 of nothing', () => {
    expect(kindsOf('文秘')).toEqual(['批示已回', '临期', '逾期', '议题截止', '明日会议', '值班缺口', '督办期限'])
    expect(kindsOf('查阅')).toEqual(['明日会议'])
    expect(kindsOf('安全审计员')).toEqual([])
  })

  it('an event is remembered by kind, subject and day: read stays read, the same event twice is one reminder, unread first', () => {
    const events = [event('临期', '收文1', '2026-12-03'), event('批示已回', '批示7', '2026-12-01'), event('临期', '收文1', '2026-12-03'), event('逾期', '收文1', '2026-12-03')]
    const marks = [{ kind: '批示已回', subject: '批示7', onDate: '2026-12-01', deliveredAt: '2026-12-01T01:00:00Z', readAt: '2026-12-01T02:00:00Z' }]
    const list = withMarks(events, marks)
    expect(list.map((r) => [r.key, r.read])).toEqual([['临期|收文1|2026-12-03', false], ['逾期|收文1|2026-12-03', false], ['批示已回|批示7|2026-12-01', true]])
    expect(reminderKey(marks[0])).toBe('批示已回|批示7|2026-12-01')
  })

  it('the desktop is given only unread reminders not shown before', () => {
    const list = withMarks([event('临期', 'a', '2026-12-03'), event('临期', 'b', '2026-12-03'), event('临期', 'c', '2026-12-03')], [
      { kind: '临期', subject: 'a', onDate: '2026-12-03', deliveredAt: '2026-12-01T01:00:00Z', readAt: null },
      { kind: '临期', subject: 'b', onDate: '2026-12-03', deliveredAt: null, readAt: '2026-12-01T01:00:00Z' },
    ])
    expect(toDeliver(list).map((r) => r.subject)).toEqual(['c'])
  })

  it('a few reminders are shown one by one without the document\'s title, many as one summary that opens the 提醒 page', () => {
    const few = nativeNotices([{ title: '常务副市长李建国批示已回', href: 'documents/incoming/1' }])
    expect(few).toEqual([{ title: '三办提醒：常务副市长李建国批示已回', body: '点击打开三办查看', href: 'documents/incoming/1' }])
    const many = nativeNotices(Array.from({ length: 5 }, (_, i) => ({ title: `提醒${i}`, href: 'followups' })))
    expect(many).toEqual([{ title: '三办：5条新提醒', body: '提醒0；提醒1；提醒2等，请在三办中查看', href: 'todo/reminders' }])
  })

  it('main shows only notices of that shape: an outside link, long text or too many are refused whole', () => {
    const ok = { title: '三办提醒：明天上午会议', body: '12月2日 09:00', href: 'meetings/3' }
    expect(parseNotices([ok])).toEqual([ok])
    expect(parseNotices([{ ...ok, href: 'https://example.com' }])).toBeNull()
    expect(parseNotices([{ ...ok, body: '长'.repeat(301) }])).toBeNull()
    expect(parseNotices([ok, ok, ok, ok])).toBeNull()
    expect(parseNotices('notices')).toBeNull()
  })
})
