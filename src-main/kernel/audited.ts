import { eq } from 'drizzle-orm'
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core'
import type { ActionContext } from './procedure'
import { notFound } from './errors'
import type { ReadDb } from '../db/connection'

/**
 * Insert, update and delete that also write the audit trail, so no service can change a
 * record without it being recorded. `entity` is the record's kind in the office's words.
 */
type IdTable = SQLiteTable & { id: SQLiteColumn<{ data: number } & any> }

export function findById<T extends IdTable>(db: ReadDb, table: T, id: number): T['$inferSelect'] | undefined {
  return (db as any).select().from(table).where(eq(table.id, id)).get()
}

export function requireById<T extends IdTable>(db: ReadDb, table: T, id: number, what: string): T['$inferSelect'] {
  const row = findById(db, table, id)
  if (!row) throw notFound(what)
  return row
}

export function insertAudited<T extends IdTable>(ctx: ActionContext, table: T, entity: string, values: T['$inferInsert']): T['$inferSelect'] {
  const row = (ctx.db as any).insert(table).values(values).returning().get() as T['$inferSelect']
  ctx.audit.record({ entity, id: (row as { id: number }).id, after: row })
  return row
}

export function updateAudited<T extends IdTable>(ctx: ActionContext, table: T, entity: string, id: number, patch: Partial<T['$inferInsert']>): T['$inferSelect'] {
  const before = requireById(ctx.db, table, id, entity)
  const after = (ctx.db as any).update(table).set(patch).where(eq(table.id, id)).returning().get() as T['$inferSelect']
  ctx.audit.record({ entity, id, before, after })
  return after
}

export function deleteAudited<T extends IdTable>(ctx: ActionContext, table: T, entity: string, id: number): T['$inferSelect'] {
  const before = requireById(ctx.db, table, id, entity)
  ;(ctx.db as any).delete(table).where(eq(table.id, id)).run()
  ctx.audit.record({ entity, id, before })
  return before
}

/** Create when there is no id, update otherwise: the "save" of every edit form. */
export function saveAudited<T extends IdTable>(ctx: ActionContext, table: T, entity: string, input: { id?: number } & Partial<T['$inferInsert']>): T['$inferSelect'] {
  const { id, ...values } = input
  return id === undefined
    ? insertAudited(ctx, table, entity, values as T['$inferInsert'])
    : updateAudited(ctx, table, entity, id, values as Partial<T['$inferInsert']>)
}

/**
 * Replaces the rows a parent has in a link table (the people an absence was reported to, a topic's units and files)
 * and records the change once, under the parent, when the set changed: the one way child rows are rewritten.
 */
export function replaceLinksAudited<T extends SQLiteTable, R extends T['$inferInsert']>(
  ctx: ActionContext, table: T, parentColumn: SQLiteColumn, rows: readonly R[],
  audit: { entity: string; id: number; field: string; describe: (row: T['$inferSelect']) => unknown },
): void {
  const parentId = audit.id
  const before = ((ctx.db as any).select().from(table).where(eq(parentColumn, parentId)).all() as T['$inferSelect'][]).map(audit.describe)
  ;(ctx.db as any).delete(table).where(eq(parentColumn, parentId)).run()
  if (rows.length) (ctx.db as any).insert(table).values(rows).onConflictDoNothing().run()
  const after = ((ctx.db as any).select().from(table).where(eq(parentColumn, parentId)).all() as T['$inferSelect'][]).map(audit.describe)
  if (JSON.stringify(before) !== JSON.stringify(after)) ctx.audit.record({ entity: audit.entity, id: parentId, before: { [audit.field]: before }, after: { [audit.field]: after } })
}
