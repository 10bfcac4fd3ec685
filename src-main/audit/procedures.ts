import { z } from 'zod'
import { query } from '../kernel/procedure'
import { id, isoDate } from '../kernel/fields'
import { listAudit, type AuditFilter } from './service'
import { verifyAuditTrail } from './verify'
import { auditXlsx } from './xlsx'
import { ENTITIES } from './labels'
import { AUDITOR } from '../common/roles'
import { AUDIT_DOMAIN_VALUES, AUDIT_DOMAINS } from '../common/audit-domains'
import { officeDateTimeText } from '../common/office-time'
import { download, XLSX_MIME } from '../files/download'

const filter = {
  from: isoDate('开始日期').optional(),
  to: isoDate('结束日期').optional(),
  userId: z.number().describe('操作人').int().optional(),
  domain: z.enum(AUDIT_DOMAIN_VALUES).describe('业务').optional(),
  entity: z.string().describe('记录类别').max(40).optional(),
  entityId: z.string().describe('记录编号').max(40).optional(),
  classification: z.enum(['秘密', '机密', '涉密']).describe('密级').optional(),
}

/** The most rows one Excel file holds; a longer period is exported in parts (the title says so). */
const EXPORT_LIMIT = 20_000

function describeFilter(f: Omit<AuditFilter, 'limit'>): string {
  const parts = [
    f.from || f.to ? `日期 ${f.from ?? '起'} 至 ${f.to ?? '今'}` : null,
    f.domain ? `业务 ${AUDIT_DOMAINS.find((d) => d.value === f.domain)?.label}` : null,
    f.entity ? `记录类别 ${f.entity}` : null,
    f.classification ? `密级 ${f.classification}` : null,
    f.userId ? `操作人编号 ${f.userId}` : null,
  ].filter(Boolean)
  return parts.length ? `筛选条件：${parts.join('；')}` : '全部记录'
}

export const auditProcedures = {
  'audit.list': query({
    summary: '审计日志（按时间倒序，可筛选；涉密记录只显示事件，不显示内容）',
    access: AUDITOR,
    input: z.object({
      ...filter,
      /** Keyset paging: the id of the last row already shown. */
      beforeId: z.number().describe('翻页位置').int().positive().nullable().optional(),
      limit: z.number().describe('每页条数').int().min(1).max(500).default(100),
    }),
    handler: ({ db }, f) => listAudit(db, f),
  }),
  'audit.entities': query({
    summary: '审计日志的记录类别（供筛选）',
    access: AUDITOR,
    input: z.object({}),
    handler: () => [...ENTITIES],
  }),
  'audit.exportXlsx': query({
    summary: '导出审计日志（Excel，与页面所见相同：涉密记录只有事件，没有内容）',
    access: AUDITOR,
    input: z.object(filter),
    handler: async ({ db, clock }, f) => {
      const { rows } = listAudit(db, { ...f, limit: EXPORT_LIMIT })
      const more = rows.length === EXPORT_LIMIT ? `　　仅含最新的 ${EXPORT_LIMIT} 条，请缩小日期范围分次导出` : ''
      const subtitle = `${describeFilter(f)}　　共 ${rows.length} 条${more}　　导出时间：${officeDateTimeText(clock.now())}`
      return download(`审计日志（${officeDateTimeText(clock.now()).replace(/[:\s]/g, '')}导出）.xlsx`, XLSX_MIME, await auditXlsx('审计日志', subtitle, rows))
    },
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
