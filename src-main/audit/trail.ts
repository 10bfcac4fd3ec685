import { auditLog } from './schema'
import type { Db } from '../db/connection'
import type { SessionUser } from '../kernel/procedure'
import type { AuditTrail } from '../kernel/audit-trail'
import { chainHash, headHash, sqliteOf } from './chain'
import { higher, isClassified, levelOfAction } from './classified'
import type { Classification } from '../common/classification'

type Row = Record<string, unknown>

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

/**
 * Writes the action's rows, each chained to the one before (chain.ts). Must run inside the action's
 * BEGIN IMMEDIATE transaction: the head of the chain is read there, so two server processes never
 * chain two records to the same predecessor. Every row carries the highest 密级 the action touched
 * (classified.ts), or `classification` when the caller knows it (a read of a 机密 record).
 */
export function writeAudit(db: Db, at: Date, user: SessionUser | null, procedure: string, trail: AuditTrail, classification: Classification = '无'): void {
  const level = higher(classification, levelOfAction(sqliteOf(db), trail.changes))
  const base = {
    at: at.toISOString(), userId: user?.id ?? null, username: user?.displayName ?? null, procedure,
    classification: isClassified(level) ? level : null,
  }
  const rows = trail.changes.length === 0
    ? [{ ...base, entity: null, entityId: null, changes: null }]
    : trail.changes.map((c) => ({
      ...base, entity: c.entity, entityId: c.id === null ? null : String(c.id), changes: JSON.stringify(c.fields ?? diffRecords(c.before, c.after)),
    }))
  let prevHash = headHash(sqliteOf(db))
  const chained = rows.map((r) => {
    const hash = chainHash(prevHash, r)
    const row = { ...r, prevHash, hash }
    prevHash = hash
    return row
  })
  db.insert(auditLog).values(chained).run()
}
