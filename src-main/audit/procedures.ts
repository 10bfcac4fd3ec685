import { z } from 'zod'
import { query } from '../kernel/procedure'
import { id, isoDate } from '../kernel/fields'
import { listAudit } from './service'
import { verifyAuditTrail } from './verify'
import { AUDITOR } from '../common/roles'
import { AUDIT_DOMAIN_VALUES } from '../common/audit-domains'

export const auditProcedures = {
  'audit.list': query({
    summary: '审计日志（按时间倒序，可筛选）',
    access: AUDITOR,
    input: z.object({
      from: isoDate('开始日期').optional(),
      to: isoDate('结束日期').optional(),
      userId: z.number().describe('操作人').int().optional(),
      domain: z.enum(AUDIT_DOMAIN_VALUES).describe('业务').optional(),
      entity: z.string().describe('记录类别').max(40).optional(),
      entityId: z.string().describe('记录编号').max(40).optional(),
      /** Keyset paging: the id of the last row already shown. */
      beforeId: z.number().describe('翻页位置').int().positive().optional(),
      limit: z.number().describe('每页条数').int().min(1).max(500).default(100),
    }),
    handler: ({ db }, filter) => listAudit(db, filter),
  }),
  'audit.verify': query({
    summary: '校验审计日志的完整性',
    access: AUDITOR,
    input: z.object({
      /** An id and hash written down at an earlier check: catches a log rewritten with fresh hashes. */
      anchor: z.object({
        id: id('记下的记录编号'),
        hash: z.string().describe('记下的校验值').trim().toLowerCase().regex(/^[0-9a-f]{64}$/, '应为64位十六进制校验值'),
      }).describe('记下的校验值').optional(),
    }),
    handler: ({ db }, { anchor }) => verifyAuditTrail(db, anchor),
  }),
}
