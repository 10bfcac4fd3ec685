import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core'

/**
 * Files kept in the data directory (议题材料, 议题审批表, later scans of incoming documents): the row
 * records what the office was given — name, size and SHA-256 — and where the bytes are stored.
 */
export const storedFiles = sqliteTable('stored_files', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  /** Relative to the data directory, e.g. files/ab/ab12…; content-addressed, so the same bytes are stored once. */
  path: text('path').notNull(),
  uploadedAt: text('uploaded_at').notNull(),
  uploadedBy: text('uploaded_by'),
}, (t) => [index('stored_files_sha_idx').on(t.sha256)])
