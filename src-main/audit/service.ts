import { and, desc, eq, gte, inArray, isNotNull, like, lt, or, type SQL } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import { auditLog } from './schema'
import { AUDIT_DOMAINS, renamedInto, type AuditDomain } from '../common/audit-domains'
import { addDays } from '../common/dates'
import { officeDayStart } from '../common/office-time'
import { viewRows, type AuditView } from './view'

export interface AuditFilter {
  from?: string
  to?: string
  userId?: number
  domain?: AuditDomain
  entity?: string
  entityId?: string
  /** 秘密 or 机密 alone, or 涉密 for both. */
  classification?: '秘密' | '机密' | '涉密'
  /** Keyset paging: the `next` of the page before; null or absent for the first page. */
  beforeId?: number | null
  limit: number
}

function whereOf(f: AuditFilter): SQL | undefined {
  const where: SQL[] = []
  // `at` is stored in UTC; the filter's dates are the office's calendar days, `to` included.
  if (f.from) where.push(gte(auditLog.at, officeDayStart(f.from)))
  if (f.to) where.push(lt(auditLog.at, officeDayStart(addDays(f.to, 1))))
  if (f.userId) where.push(eq(auditLog.userId, f.userId))
  const domain = AUDIT_DOMAINS.find((d) => d.value === f.domain)
  if (domain) where.push(or(...domain.prefixes.map((p) => like(auditLog.procedure, `${p}.%`)), inArray(auditLog.procedure, renamedInto(domain.prefixes)))!)
  if (f.entity) where.push(eq(auditLog.entity, f.entity))
  if (f.entityId) where.push(eq(auditLog.entityId, f.entityId))
  if (f.classification) where.push(f.classification === '涉密' ? isNotNull(auditLog.classification) : eq(auditLog.classification, f.classification))
  if (f.beforeId) where.push(lt(auditLog.id, f.beforeId))
  return and(...where)
}

/**
 * Newest first, paged by id (keyset) so the log stays fast however long it grows; each row labelled and, for
 * 秘密/机密 work, without its content (view.ts). `next` is the id to page on, null after the last page.
 */
export function listAudit(db: ReadDb, f: AuditFilter): { rows: AuditView[]; next: number | null } {
  const rows = db.select().from(auditLog).where(whereOf(f)).orderBy(desc(auditLog.id)).limit(f.limit + 1).all()
  const page = viewRows(db, rows.slice(0, f.limit))
  return { rows: page, next: rows.length > f.limit ? page.at(-1)!.id : null }
}
