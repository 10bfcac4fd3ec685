/** The office's time zone: "today" is the date in the city, whatever the server's zone. */
export const OFFICE_TIME_ZONE = 'Asia/Shanghai'

export interface Clock {
  now(): Date
  /** Today's date in the office, YYYY-MM-DD. */
  today(): string
}

export function dateIn(timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at)
}

export function systemClock(timeZone = OFFICE_TIME_ZONE): Clock {
  return { now: () => new Date(), today: () => dateIn(timeZone, new Date()) }
}

/**
 * A clock that end-to-end tests can move (server started with --test-clock), so a deadline
 * can pass without sleeping. Time runs on from the set instant.
 */
export interface AdjustableClock extends Clock {
  set(at: Date): void
}

export function adjustableClock(timeZone = OFFICE_TIME_ZONE): AdjustableClock {
  let offset = 0
  const now = () => new Date(Date.now() + offset)
  return { now, today: () => dateIn(timeZone, now()), set: (at) => { offset = at.getTime() - Date.now() } }
}
