/** 督办 (R-S1): pure rules — how far an item is from its deadline, and the order the 督查室 reads the list in. */
import type { IsoDate } from '../common/dates'
import type { HolidayCalendar } from '../calendar/rules'
import { deadlineTiming, type DeadlineTiming } from '../calendar/deadline'
import type { FollowUpState } from '../common/followups'

export type Urgency = '逾期' | '临期' | '办理中' | '已办结'

/** The 督办 list's words for how far an item is: the shared deadline figure (calendar/deadline.ts), in working days. */
export interface Timing {
  urgency: Urgency
  /** Working days past the deadline for an open item, else null. */
  workingDaysOverdue: number | null
  /** Working days left for an open item not overdue (0 = due today), else null. */
  workingDaysLeft: number | null
  /** One line for the list, in the office's words: the same label a 收文 shows. */
  label: string
}

export interface TimedItem { id: number; status: FollowUpState; deadline: IsoDate; closedOn: IsoDate | null }

const URGENCY: Record<DeadlineTiming['state'], Urgency> = { 逾期: '逾期', 临期: '临期', 正常: '办理中', 已完成: '已办结' }

/** 逾期 once today is past the deadline; 临期 within DUE_SOON_WORKING_DAYS; closed items say whether they were on time. */
export function timing(cal: HolidayCalendar, item: Pick<TimedItem, 'status' | 'deadline' | 'closedOn'>, today: IsoDate): Timing {
  const closed = item.status === '已办结'
  const t = deadlineTiming(cal, today, item.deadline, closed ? item.closedOn ?? item.deadline : null)
  return { urgency: URGENCY[t.state], workingDaysOverdue: t.workingDaysOverdue, workingDaysLeft: t.workingDaysLeft, label: closed ? `已办结（${t.label.replace(/完成/, '')}）` : t.label }
}

const RANK: Record<Urgency, number> = { 逾期: 0, 临期: 1, 办理中: 2, 已办结: 3 }

/**
 * The list's order: overdue first (the longest overdue on top), then open items by deadline,
 * then closed ones, the latest closed first; ties by id so the order is stable.
 */
export function compareFollowUps(cal: HolidayCalendar, today: IsoDate) {
  return (a: TimedItem, b: TimedItem): number => {
    const ra = RANK[timing(cal, a, today).urgency], rb = RANK[timing(cal, b, today).urgency]
    if (ra !== rb) return ra - rb
    if (ra === RANK.已办结) return (b.closedOn ?? '').localeCompare(a.closedOn ?? '') || a.id - b.id
    return a.deadline.localeCompare(b.deadline) || a.id - b.id
  }
}

export const isOverdue = (item: Pick<TimedItem, 'status' | 'deadline'>, today: IsoDate): boolean => item.status === '办理中' && item.deadline < today
