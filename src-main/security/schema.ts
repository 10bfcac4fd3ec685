import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core'
import { CLASSIFICATIONS } from '../common/classification'
import { RECLASSIFIED_KINDS } from '../common/reclassification'

/**
 * 定密变更: every change of a record's 密级 or 保密期限, raised or lowered, as its own act with the reason and the
 * approving leader. Names are kept as on the day, so the history reads the same after the org changes.
 */
export const reclassifications = sqliteTable('reclassifications', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** 收文, 发文 or 议题, and the record's id in its own table. */
  kind: text('kind', { enum: RECLASSIFIED_KINDS }).notNull(),
  recordId: integer('record_id').notNull(),
  fromClassification: text('from_classification', { enum: CLASSIFICATIONS }).notNull(),
  fromPeriod: text('from_period'),
  toClassification: text('to_classification', { enum: CLASSIFICATIONS }).notNull(),
  toPeriod: text('to_period'),
  reason: text('reason').notNull(),
  approverId: integer('approver_id').notNull(),
  /** 副市长李华: the approver's post and name that day. */
  approverName: text('approver_name').notNull(),
  changedBy: text('changed_by').notNull(),
  changedAt: text('changed_at').notNull(),
}, (t) => [index('reclassifications_record_idx').on(t.kind, t.recordId, t.id)])
