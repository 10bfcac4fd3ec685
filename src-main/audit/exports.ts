import type { z } from 'zod'
import { fieldLabel } from '../kernel/fields'
import { AuditTrail } from '../kernel/audit-trail'

/**
 * Naming convention: every query that hands data out of the system — a Word or Excel file, a
 * stored attachment — has `.export` or `.download` in its name (`outgoing.exportDocumentDocx`,
 * `duty.exportRosterXlsx`, `topics.downloadFile`). Queries are otherwise not audited; the router
 * records these once they have succeeded. An export named any other way would leave no trace, so
 * keep to the convention (test/api/audit-access.test.ts checks each such procedure has a label). The router
 * asks access.ts, which adds the 密级 of what was taken out.
 */
export const takesDataOut = (procedure: string): boolean => /\.(export|download)/.test(procedure)

const MAX_TEXT = 100

type Asked = Record<string, string | number | boolean>

/** The call's ids and filters under their Chinese labels (发文: 12, 年度: 2026): what was taken out. */
function whatWasAsked(schema: z.ZodType, input: unknown): { fields: Asked; recordId: number | null } {
  const fields: Asked = {}
  let recordId: number | null = null
  if (!input || typeof input !== 'object') return { fields, recordId }
  for (const [key, v] of Object.entries(input)) {
    if (typeof v !== 'number' && typeof v !== 'boolean' && typeof v !== 'string') continue
    fields[fieldLabel(schema, [key]) ?? key] = typeof v === 'string' ? v.slice(0, MAX_TEXT) : v
    if (recordId === null && typeof v === 'number' && (key === 'id' || key.endsWith('Id'))) recordId = v
  }
  return { fields, recordId }
}

/**
 * One audit record for an export or download: 导出/下载, the record it names if one, what was asked, and `more`
 * (the caller's address, the 收文 or 议题 a downloaded file belongs to: access.ts).
 */
export function dataOutTrail(procedure: string, schema: z.ZodType, input: unknown, more: Asked = {}): AuditTrail {
  const trail = new AuditTrail()
  const { fields, recordId } = whatWasAsked(schema, input)
  trail.record({ entity: procedure.includes('.download') ? '下载' : '导出', id: recordId, fields: { ...fields, ...more } })
  return trail
}
