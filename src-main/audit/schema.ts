import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core'

/** 审计日志: one row per record a mutation changed (or one per mutation that changed none). */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  userId: integer('user_id'),
  username: text('username'),
  procedure: text('procedure').notNull(),
  entity: text('entity'),
  entityId: text('entity_id'),
  /** JSON: { field: [before, after] } or the created/deleted record. */
  changes: text('changes'),
  /**
   * 密级 of the business record the action touched (秘密/机密), null for anything unclassified: the auditor's view
   * shows such a record's number, 密级, actor, action and time, never its content (audit/view.ts). Covered by the hash.
   */
  classification: text('classification'),
  /** Hash chain (tamper evidence): sha256 of the previous row's hash and this row's fields. */
  prevHash: text('prev_hash'),
  hash: text('hash'),
}, (t) => [
  index('audit_at_idx').on(t.at),
  index('audit_entity_idx').on(t.entity, t.entityId),
  index('audit_user_idx').on(t.userId, t.at),
])
