/** "today" is the date in the city, whatever the server's zone (common/office-time.ts). */
import { officeDate } from '../common/office-time'
import type { AdjustableClock, Clock } from '../kernel/clock'

export function systemClock(): Clock {
  return { now: () => new Date(), today: () => officeDate(new Date()) }
}

/** Moved by system.setClock on a server started with --test-clock. */
export function adjustableClock(): AdjustableClock {
  let offset = 0
  const now = () => new Date(Date.now() + offset)
  return { now, today: () => officeDate(now()), set: (at) => { offset = at.getTime() - Date.now() } }
}
