import { auditLog } from './schema'
import type { Db } from '../db/connection'
import type { SessionUser } from '../rpc/procedure'

type Row = Record<string, unknown>

export interface Change {
  /** The record's kind in the office's words (人员, 岗位, 外出 …). */
  entity: string
  id: string | number
  before?: Row | null
  after?: Row | null
}

/** Only the fields that changed, as { field: [before, after] }; a creation or deletion keeps the whole record. */
export function diffRecords(before: Row | null | undefined, after: Row | null | undefined): Row {
  if (!before) return { 新建: after ?? null }
  if (!after) return { 删除: before }
  const out: Row = {}
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = [before[key] ?? null, after[key] ?? null]
  }
  return out
}

/** Collects what one mutation changed; the router writes it in the mutation's own transaction. */
export class AuditTrail {
  readonly changes: Change[] = []
  record(change: Change): void {
    this.changes.push(change)
  }
}

export function writeAudit(db: Db, at: Date, user: SessionUser | null, procedure: string, trail: AuditTrail): void {
  const base = { at: at.toISOString(), userId: user?.id ?? null, username: user?.displayName ?? null, procedure }
  const rows = trail.changes.length === 0
    ? [{ ...base, entity: null, entityId: null, changes: null }]
    : trail.changes.map((c) => ({ ...base, entity: c.entity, entityId: String(c.id), changes: JSON.stringify(diffRecords(c.before, c.after)) }))
  db.insert(auditLog).values(rows).run()
}
