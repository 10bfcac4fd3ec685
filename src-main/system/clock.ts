/** The office's time zone: "today" is the date in the city, whatever the server's zone. */
export const OFFICE_TIME_ZONE = 'Asia/Shanghai'

export interface Clock {
  now(): Date
  /** Today's date in the office, YYYY-MM-DD. */
  today(): string
}

/** One formatter per zone: building an Intl.DateTimeFormat costs about 0.2 ms, more than a register page's query. */
const formatters = new Map<string, Intl.DateTimeFormat>()

/** The date at `at` in `timeZone`, YYYY-MM-DD. */
export function dateIn(timeZone: string, at: Date): string {
  let f = formatters.get(timeZone)
  if (!f) formatters.set(timeZone, f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }))
  return f.format(at)
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
