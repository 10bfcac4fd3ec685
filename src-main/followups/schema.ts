import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core'
import { departments, posts } from '../org/schema'
import { storedFiles } from '../files/schema'
import { FOLLOW_UP_SOURCES, FOLLOW_UP_STATES } from '../common/followups'

/** 督办事项 (R-S1, 第五十八条): every item has an owner, a deadline, progress and a closing. */
export const followUps = sqliteTable('follow_ups', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  source: text('source', { enum: FOLLOW_UP_SOURCES }).notNull(),
  /** The minutes decision (meeting_decisions.id) or instruction it came from; the title keeps it readable if that goes. */
  sourceId: integer('source_id'),
  sourceTitle: text('source_title').notNull(),
  task: text('task').notNull(),
  departmentId: integer('department_id').notNull().references(() => departments.id, { onDelete: 'restrict' }),
  leaderPostId: integer('leader_post_id').references(() => posts.id, { onDelete: 'set null' }),
  deadline: text('deadline').notNull(),
  status: text('status', { enum: FOLLOW_UP_STATES }).notNull().default('办理中'),
  closedOn: text('closed_on'),
  outcome: text('outcome'),
  createdAt: text('created_at').notNull(),
}, (t) => [index('follow_ups_status_deadline_idx').on(t.status, t.deadline), index('follow_ups_source_idx').on(t.source, t.sourceId)])

/** 进展情况: each report from the owner department. */
export const followUpReports = sqliteTable('follow_up_reports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  followUpId: integer('follow_up_id').notNull().references(() => followUps.id, { onDelete: 'cascade' }),
  reportedOn: text('reported_on').notNull(),
  content: text('content').notNull(),
  reporter: text('reporter'),
  /** 佐证材料. */
  fileId: integer('file_id').references(() => storedFiles.id, { onDelete: 'set null' }),
  recordedAt: text('recorded_at').notNull(),
}, (t) => [index('follow_up_reports_item_idx').on(t.followUpId)])
