/** "today" is the date in the city, whatever the server's zone (common/office-time.ts). */
import { officeDate } from '../common/office-time'

export interface Clock {
  now(): Date
  /** Today's date in the office, YYYY-MM-DD. */
  today(): string
}

export function systemClock(): Clock {
  return { now: () => new Date(), today: () => officeDate(new Date()) }
}

/**
 * A clock that end-to-end tests can move (server started with --test-clock), so a deadline
 * can pass without sleeping. Time runs on from the set instant.
 */
export interface AdjustableClock extends Clock {
  set(at: Date): void
}

export function adjustableClock(): AdjustableClock {
  let offset = 0
  const now = () => new Date(Date.now() + offset)
  return { now, today: () => officeDate(now()), set: (at) => { offset = at.getTime() - Date.now() } }
}
