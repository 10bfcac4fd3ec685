/**
 * 确认导入's write (issue 18): the rows the dry run accepted, judged again against the data as it is now (someone may
 * have registered a number since), written in one transaction with the import's one audit record, and the mapping
 * saved if asked. Run by the import worker (confirm-worker.ts) on its own connection, so the office's other users are
 * answered meanwhile; on this thread only for a database in memory.
 */
import type { Connection } from '../db/connection'
import type { SessionUser } from '../kernel/procedure'
import { AuditTrail } from '../kernel/audit-trail'
import { writeAudit } from '../audit/trail'
import { clearanceOf } from '../security/clearance'
import type { ImportKind } from '../common/imports'
import { importMappings } from './schema'
import { sourceOf, type Mapping } from './rules'
import { kindDef } from './kinds'
import { LISTED, planRecords, report, type ImportReport, type ParsedRow, type Refusal } from './plan'

/** Everything the write needs, as plain data a worker can be handed. */
export interface ImportWrite {
  kind: ImportKind
  fileName: string
  headers: string[]
  checked: { mapping: Mapping; records: ParsedRow<Record<string, unknown>>[]; refused: Refusal[] }
  saveMapping: boolean
  user: SessionUser | null
  at: Date
}

export interface WriteProgress { done: number; total: number }

/** Records written between two progress reports. */
const REPORT_EVERY = 1000

export function writeImport({ sqlite, db }: Connection, job: ImportWrite, progress: (p: WriteProgress) => void = () => {}): ImportReport {
  return sqlite.transaction(() => {
    const def = kindDef(job.kind)
    const plan = planRecords(def, db, job.checked.records, job.checked.refused, clearanceOf(job.user))
    const w = { db, by: job.user?.displayName ?? '', now: job.at.toISOString() }
    const total = plan.creates.length + plan.updates.length
    let done = 0
    const step = () => { if (++done % REPORT_EVERY === 0) progress({ done, total }) }
    for (const c of plan.creates) { def.insert(w, c.record); step() }
    for (const u of plan.updates) { def.update(w, u.id, u.record); step() }
    if (job.saveMapping) {
      const values = { kind: job.kind, source: sourceOf(job.headers), mapping: JSON.stringify(job.checked.mapping), savedBy: job.user?.displayName ?? null, savedAt: w.now }
      db.insert(importMappings).values(values).onConflictDoUpdate({ target: [importMappings.kind, importMappings.source], set: values }).run()
    }
    const result = report(def, plan)
    const trail = new AuditTrail()
    trail.record({
      entity: '导入', id: null,
      fields: {
        类别: job.kind, 文件: job.fileName, 新增: result.created, 更新: result.updated, 无变化: result.unchanged, 未导入的行: result.refusedRows,
        更新的记录: plan.updates.slice(0, LISTED).map((u) => `${u.label}：${u.changes.join('；')}`),
        ...(job.saveMapping ? { 保存列对应: job.checked.mapping } : {}),
      },
    })
    writeAudit(db, job.at, job.user, 'imports.confirm', trail)
    return result
  }).immediate()
}
