import { sqliteTable, text, primaryKey } from 'drizzle-orm/sqlite-core'
import { IMPORT_KINDS } from '../common/imports'

/**
 * 导入的列对应, saved per source so next year's file of the same office maps itself: the source is the file's
 * header row (its column names in order), so a register exported the same way again is recognised without a name.
 */
export const importMappings = sqliteTable('import_mappings', {
  kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
  source: text('source').notNull(),
  /** JSON: field → the column's header text. */
  mapping: text('mapping').notNull(),
  savedBy: text('saved_by'),
  savedAt: text('saved_at').notNull(),
}, (t) => [primaryKey({ columns: [t.kind, t.source] })])
