/** 督办 (R-S1): pure rules — how far an item is from its deadline, and the order the 督查室 reads the list in. */
import { daysBetween, type IsoDate } from '../common/dates'
import type { FollowUpState } from '../common/followups'

/** Due within this many days (today included) counts as 临期. */
export const SOON_DAYS = 7

export type Urgency = '逾期' | '临期' | '办理中' | '已办结'

export interface Timing {
  urgency: Urgency
  /** Days past the deadline for an open item (≥ 1), else null. */
  daysOverdue: number | null
  /** Days left for an open item not overdue (0 = due today), else null. */
  daysRemaining: number | null
  /** A closed item: days it was closed after its deadline (0 when on time). */
  daysLate: number | null
  /** One line for the list, in the office's words. */
  label: string
}

export interface TimedItem { id: number; status: FollowUpState; deadline: IsoDate; closedOn: IsoDate | null }

/** 逾期 once today is past the deadline; 临期 within SOON_DAYS; closed items say whether they were on time. */
export function timing(item: Pick<TimedItem, 'status' | 'deadline' | 'closedOn'>, today: IsoDate, soonDays = SOON_DAYS): Timing {
  if (item.status === '已办结') {
    const late = item.closedOn ? Math.max(0, daysBetween(item.deadline, item.closedOn)) : 0
    return { urgency: '已办结', daysOverdue: null, daysRemaining: null, daysLate: late, label: late > 0 ? `已办结（超期${late}天）` : '已办结（按期）' }
  }
  const left = daysBetween(today, item.deadline)
  if (left < 0) return { urgency: '逾期', daysOverdue: -left, daysRemaining: null, daysLate: null, label: `逾期${-left}天` }
  const label = left === 0 ? '今日到期' : `剩余${left}天`
  return { urgency: left < soonDays ? '临期' : '办理中', daysOverdue: null, daysRemaining: left, daysLate: null, label }
}

const RANK: Record<Urgency, number> = { 逾期: 0, 临期: 1, 办理中: 2, 已办结: 3 }

/**
 * The list's order: overdue first (the longest overdue on top), then open items by deadline,
 * then closed ones, the latest closed first; ties by id so the order is stable.
 */
export function compareFollowUps(today: IsoDate, soonDays = SOON_DAYS) {
  return (a: TimedItem, b: TimedItem): number => {
    const ra = RANK[timing(a, today, soonDays).urgency], rb = RANK[timing(b, today, soonDays).urgency]
    if (ra !== rb) return ra - rb
    if (ra === RANK.已办结) return (b.closedOn ?? '').localeCompare(a.closedOn ?? '') || a.id - b.id
    return a.deadline.localeCompare(b.deadline) || a.id - b.id
  }
}

export const isOverdue = (item: Pick<TimedItem, 'status' | 'deadline'>, today: IsoDate): boolean => item.status === '办理中' && item.deadline < today
