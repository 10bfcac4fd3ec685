import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { users } from '../auth/schema'
import { REMINDER_KINDS } from './rules'

/**
 * 提醒 as each person has seen them (issue 17): one row per person, kind, subject and day, written when the desktop
 * first shows it (delivered) or the person marks it read. The reminders themselves are computed from the data.
 */
export const reminderMarks = sqliteTable('reminder_marks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: REMINDER_KINDS }).notNull(),
  subject: text('subject').notNull(),
  onDate: text('on_date').notNull(),
  deliveredAt: text('delivered_at'),
  readAt: text('read_at'),
}, (t) => [uniqueIndex('reminder_marks_key_idx').on(t.userId, t.kind, t.subject, t.onDate)])
