/**
 * The event channel (issue 17): how a page hears of new 提醒 without the user asking. Both transports poll the same
 * procedures in the background — over HTTP with this header, over IPC with the bridge's background flag — and such a
 * poll does not count as use of the session, so an idle session still ends (sessionIdleMinutes).
 */
export const BACKGROUND_HEADER = 'x-sanban-background'

/** The only calls a background poll may make. */
export const BACKGROUND_CALLS: readonly string[] = ['reminders.list', 'reminders.deliver', 'todo.counts']

/** How often a page asks (milliseconds): a reminder is about days, not seconds. */
export const POLL_INTERVAL_MS = 60_000

/** What the desktop's main process tells the window: a native notification was clicked — open this route. */
export interface AppEvent { type: 'open'; href: string }
