/**
 * when a year's arrangement is entered, corrected or removed, dates that were computed from working days and
 * STORED are computed again. Dates computed on read (a topic's 报送截止, time left) follow by themselves. The domains
 * holding stored dates provide a recompute; the API wires them in (src-main/rpc/procedures.ts), so the calendar
 * depends on none of them.
 */
import type { ActionContext } from '../kernel/procedure'
import type { HolidayCalendar } from './rules'

/** One stored date that moved, as the year's audit record lists it. */
export interface MovedDate { what: string; from: string; to: string }

export interface CalendarChange {
  /** The year whose arrangement changed. */
  year: number
  before: HolidayCalendar
  after: HolidayCalendar
}

/** Recomputes one domain's stored dates touched by the change, each write audited by the domain; returns what moved. */
export type StoredDateRecompute = (ctx: ActionContext, change: CalendarChange) => MovedDate[]

/** Whether a walk from `from` to `to` passes through the changed year: only then can its result differ. */
export const spanTouches = (year: number, from: string, to: string): boolean => {
  const [lo, hi] = from <= to ? [from, to] : [to, from]
  return lo <= `${year}-12-31` && hi >= `${year}-01-01`
}
