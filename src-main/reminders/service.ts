/** 提醒 (issue 17): the signed-in person's reminders with what they have seen of them; marking read; the desktop's delivery. */
import { eq } from 'drizzle-orm'
import type { ActionContext } from '../kernel/procedure'
import type { Clock } from '../kernel/clock'
import { clearanceOf, type Reader } from '../security/clearance'
import { loadCalendar } from '../calendar/service'
import { readSettings } from '../settings/service'
import { reminderMarks } from './schema'
import { eventsFor } from './events'
import { kindsOf, nativeNotices, toDeliver, withMarks, type Reminder } from './rules'
import type { MarkReadInput } from './contract'

const ENTITY = '提醒'

function currentReminders(reader: Reader, clock: Clock): Reminder[] {
  const user = reader.user!
  clearanceOf(user)
  const today = clock.today()
  const scope = { reader, today, cal: loadCalendar(reader.db), aheadDays: readSettings(reader.db).reminderWorkingDays }
  const events = eventsFor(scope, new Set(kindsOf(user.role)))
  const marks = reader.db.select().from(reminderMarks).where(eq(reminderMarks.userId, user.id)).all()
  return withMarks(events, marks)
}

/**
 * 提醒 list: unread first; read ones stay (marked) while their event is current. `undelivered`: how many the desktop
 * has not shown yet, so the window asks reminders.deliver only when there is something to show.
 */
export function listReminders(reader: Reader, clock: Clock) {
  const items = currentReminders(reader, clock)
  return { items, unread: items.filter((r) => !r.read).length, undelivered: toDeliver(items).length }
}

/**
 * Writes this person's marks of reminders (one row per person, kind, subject and day) and one audit record for the
 * act naming them all: marking twenty read is one act, not twenty.
 */
function mark(ctx: ActionContext, reminders: readonly Reminder[], patch: { readAt?: string; deliveredAt?: string }, act: string) {
  if (!reminders.length) return
  const userId = ctx.user!.id
  for (const r of reminders) {
    ctx.db.insert(reminderMarks).values({ userId, kind: r.kind, subject: r.subject, onDate: r.date, ...patch })
      .onConflictDoUpdate({ target: [reminderMarks.userId, reminderMarks.kind, reminderMarks.subject, reminderMarks.onDate], set: patch }).run()
  }
  ctx.audit.record({ entity: ENTITY, id: null, fields: { [act]: reminders.map((r) => r.title), 条数: reminders.length } })
}

/** 标为已读: the reminders named by key, or every unread one; a read reminder stays read. */
export function markRead(ctx: ActionContext, input: MarkReadInput) {
  const now = ctx.clock.now().toISOString()
  const wanted = input.keys ? new Set(input.keys) : null
  mark(ctx, currentReminders(ctx, ctx.clock).filter((r) => !r.read && (!wanted || wanted.has(r.key))), { readAt: now }, '标为已读')
  return listReminders(ctx, ctx.clock)
}

/**
 * The desktop window's native notifications (electron/notify.ts): the unread reminders not yet shown are marked
 * delivered and returned with the notices to show, so each is shown once per person, on whichever computer.
 */
export function deliverReminders(ctx: ActionContext) {
  const now = ctx.clock.now().toISOString()
  const fresh = toDeliver(currentReminders(ctx, ctx.clock))
  mark(ctx, fresh, { deliveredAt: now }, '桌面通知')
  return { fresh: fresh.map((r) => ({ ...r, delivered: true })), notices: nativeNotices(fresh) }
}

