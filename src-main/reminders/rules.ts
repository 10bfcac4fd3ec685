/**
 * 提醒 (issue 17): the events that concern a user, each shown once per person and kept read once read. Pure: the
 * kinds, who gets which, the key a reminder is remembered by, and what a desktop notification shows.
 */
import { CLERKS, READERS, type Role } from '../common/roles'
import type { IsoDate } from '../common/dates'
import { TODO_LINKS } from '../todo/rules'

export const REMINDER_KINDS = ['批示已回', '临期', '逾期', '议题截止', '明日会议', '值班缺口', '督办期限'] as const
export type ReminderKind = (typeof REMINDER_KINDS)[number]

/** Who each reminder concerns: the office's clerks act on the work, every business reader attends the meetings. */
export const KIND_ROLES: Readonly<Record<ReminderKind, readonly Role[]>> = {
  批示已回: CLERKS, 临期: CLERKS, 逾期: CLERKS, 议题截止: CLERKS, 明日会议: READERS, 值班缺口: CLERKS, 督办期限: CLERKS,
}
export const kindsOf = (role: Role): ReminderKind[] => REMINDER_KINDS.filter((k) => KIND_ROLES[k].includes(role))

/** An event: what happened (kind) to what (subject) on which day — the same event is never told twice. */
export interface ReminderEvent {
  kind: ReminderKind
  subject: string
  date: IsoDate
  title: string
  text: string
  /** The renderer's hash route where it is dealt with. */
  href: string
}
export interface Mark { kind: string; subject: string; onDate: string; deliveredAt: string | null; readAt: string | null }
export type Reminder = ReminderEvent & { key: string; read: boolean; delivered: boolean }

export const reminderKey = (e: { kind: string; subject: string; date?: string; onDate?: string }): string =>
  `${e.kind}|${e.subject}|${e.date ?? e.onDate}`

/** The events with what this person has seen of them: unread first, then the newest day first. */
export function withMarks(events: readonly ReminderEvent[], marks: readonly Mark[]): Reminder[] {
  const byKey = new Map(marks.map((m) => [reminderKey(m), m]))
  const seenKeys = new Set<string>()
  const out: Reminder[] = []
  for (const e of events) {
    const key = reminderKey(e)
    if (seenKeys.has(key)) continue
    seenKeys.add(key)
    const m = byKey.get(key)
    out.push({ ...e, key, read: !!m?.readAt, delivered: !!m?.deliveredAt })
  }
  return out.sort((a, b) => Number(a.read) - Number(b.read) || b.date.localeCompare(a.date) || a.key.localeCompare(b.key))
}

/** What the desktop shows as native notifications now: the unread ones not shown before. */
export const toDeliver = (reminders: readonly Reminder[]): Reminder[] => reminders.filter((r) => !r.read && !r.delivered)

/** Beyond this many at once, one summary notification instead of a stack of them. */
export const NOTIFY_AT_ONCE = 3

export interface NativeNotice { title: string; body: string; href: string }

/** What a native notification says instead of the item's text: the system's notification list outlives the screen lock. */
export const NOTICE_BODY = '点击打开三办查看'

/**
 * The native notifications for newly delivered reminders: each of a few, or a summary of many (links to 提醒). They
 * carry the reminder's heading (收文号, leader, department, meeting) but never a document's title or a 批示's words —
 * the desktop keeps notifications where anyone at the computer can read them, lock screen or not.
 */
export function nativeNotices(fresh: readonly Pick<Reminder, 'title' | 'href'>[]): NativeNotice[] {
  if (fresh.length <= NOTIFY_AT_ONCE) return fresh.map((r) => ({ title: `三办提醒：${r.title}`, body: NOTICE_BODY, href: r.href }))
  const head = fresh.slice(0, NOTIFY_AT_ONCE).map((r) => r.title).join('；')
  return [{ title: `三办：${fresh.length}条新提醒`, body: `${head}等，请在三办中查看`, href: TODO_LINKS.reminders() }]
}

const NOTICE_TEXT = 300
const ROUTE = /^[a-z0-9/]{1,80}$/

/**
 * What the window may ask the main process to show (electron/ipc.ts 'notify'): a few notices of bounded text whose
 * link is one of the application's own routes; anything else is refused whole (null).
 */
export function parseNotices(value: unknown): NativeNotice[] | null {
  if (!Array.isArray(value) || value.length > NOTIFY_AT_ONCE) return null
  const ok = (n: unknown): n is NativeNotice => {
    const r = n as Partial<NativeNotice> | null
    return !!r && typeof r.title === 'string' && typeof r.body === 'string' && typeof r.href === 'string'
      && r.title.length <= NOTICE_TEXT && r.body.length <= NOTICE_TEXT && ROUTE.test(r.href)
  }
  return value.every(ok) ? value.map(({ title, body, href }: NativeNotice) => ({ title, body, href })) : null
}

/** A 批示 is news for this many calendar days; an overdue item for this many after its deadline (older ones are on 首页 and the registers). */
export const INSTRUCTION_NEWS_DAYS = 7
export const OVERDUE_NEWS_DAYS = 30
/** R-M3: the topic deadline is told this many working days ahead. */
export const TOPIC_DEADLINE_AHEAD = 2
/** A roster gap is told for duties within this many days. */
export const ROSTER_GAP_DAYS = 7
