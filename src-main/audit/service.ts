import { and, desc, eq, gte, inArray, like, lt, lte, or, type SQL } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { auditLog } from './schema'
import { AUDIT_DOMAINS, renamedInto, type AuditDomain } from '../common/audit-domains'

export interface AuditFilter {
  from?: string
  to?: string
  userId?: number
  domain?: AuditDomain
  entity?: string
  entityId?: string
  beforeId?: number
  limit: number
}

/** Newest first, paged by id (keyset) so the log stays fast however long it grows. */
export function listAudit(db: Db, f: AuditFilter) {
  const where: SQL[] = []
  // `at` is stored in UTC; the filter's dates are the office's (UTC+8) calendar days.
  if (f.from) where.push(gte(auditLog.at, new Date(`${f.from}T00:00:00+08:00`).toISOString()))
  if (f.to) where.push(lte(auditLog.at, new Date(`${f.to}T23:59:59.999+08:00`).toISOString()))
  if (f.userId) where.push(eq(auditLog.userId, f.userId))
  const domain = AUDIT_DOMAINS.find((d) => d.value === f.domain)
  if (domain) where.push(or(...domain.prefixes.map((p) => like(auditLog.procedure, `${p}.%`)), inArray(auditLog.procedure, renamedInto(domain.prefixes)))!)
  if (f.entity) where.push(eq(auditLog.entity, f.entity))
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId))
  if (f.beforeId) where.push(lt(auditLog.id, f.beforeId))
  const rows = db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.id)).limit(f.limit + 1).all()
  const page = rows.slice(0, f.limit).map((r) => ({ ...r, changes: r.changes ? (JSON.parse(r.changes) as Record<string, unknown>) : null }))
  return { rows: page, nextBeforeId: rows.length > f.limit ? page.at(-1)!.id : null }
}
