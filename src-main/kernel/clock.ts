/** The office's clock as actions see it; system/clock.ts has the real one and the one tests move. */
export interface Clock {
  now(): Date
  /** Today's date in the office, YYYY-MM-DD. */
  today(): string
}

/**
 * A clock that end-to-end tests can move (server started with --test-clock), so a deadline
 * can pass without sleeping. Time runs on from the set instant.
 */
export interface AdjustableClock extends Clock {
  set(at: Date): void
}
