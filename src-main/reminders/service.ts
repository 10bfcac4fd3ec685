/** 提醒 (issue 17): the signed-in person's reminders with what they have seen of them; marking read; the desktop's delivery. */
import { and, eq } from 'drizzle-orm'
import type { ActionContext } from '../kernel/procedure'
import type { Clock } from '../kernel/clock'
import { insertAudited, updateAudited } from '../kernel/audited'
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

/** 提醒 list: unread first; read ones stay (marked) while their event is current. */
export function listReminders(reader: Reader, clock: Clock) {
  const items = currentReminders(reader, clock)
  return { items, unread: items.filter((r) => !r.read).length }
}

/** Writes this person's mark of a reminder (one row per person, kind, subject and day), audited. */
function mark(ctx: ActionContext, r: Reminder, patch: { readAt?: string; deliveredAt?: string }) {
  const userId = ctx.user!.id
  const row = ctx.db.select().from(reminderMarks).where(and(eq(reminderMarks.userId, userId), eq(reminderMarks.kind, r.kind),
    eq(reminderMarks.subject, r.subject), eq(reminderMarks.onDate, r.date))).get()
  if (row) updateAudited(ctx, reminderMarks, ENTITY, row.id, patch)
  else insertAudited(ctx, reminderMarks, ENTITY, { userId, kind: r.kind, subject: r.subject, onDate: r.date, ...patch })
}

/** 标为已读: the reminders named by key, or every unread one; a read reminder stays read. */
export function markRead(ctx: ActionContext, input: MarkReadInput) {
  const now = ctx.clock.now().toISOString()
  const wanted = input.keys ? new Set(input.keys) : null
  for (const r of currentReminders(ctx, ctx.clock)) if (!r.read && (!wanted || wanted.has(r.key))) mark(ctx, r, { readAt: now })
  return listReminders(ctx, ctx.clock)
}

/**
 * The desktop window's native notifications (electron/notify.ts): the unread reminders not yet shown are marked
 * delivered and returned with the notices to show, so each is shown once per person, on whichever computer.
 */
export function deliverReminders(ctx: ActionContext) {
  const now = ctx.clock.now().toISOString()
  const fresh = toDeliver(currentReminders(ctx, ctx.clock))
  for (const r of fresh) mark(ctx, r, { deliveredAt: now })
  return { fresh: fresh.map((r) => ({ ...r, delivered: true })), notices: nativeNotices(fresh) }
}

