/**
 * 导入 (issue 18): read a file → propose the column mapping → 试导入 (dry run: nothing written) → 确认导入 (one
 * transaction, one audit record for the whole import). Reading and checking run in chunks that give the event loop
 * back between them, so other users' calls are answered while a 30,000-row file is checked; the write itself is
 * one short transaction of prepared inserts.
 */
import { and, eq } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import type { ActionContext, QueryContext } from '../kernel/procedure'
import { AppError } from '../kernel/errors'
import { departments } from '../org/schema'
import { readSettings } from '../settings/service'
import { clearanceOf } from '../security/clearance'
import { MAX_IMPORT_BYTES, type ImportKind } from '../common/imports'
import { importMappings } from './schema'
import type { Upload } from '../files/service'
import { uploadsIn } from '../files/uploads'
import { readTable } from './read'
import { proposeMapping, sourceOf, type Mapping } from './rules'
import { KINDS } from './kinds'
import type { ImportKindDef, RowContext } from './kinds/kind'
import { dropJob, jobOf, newJob, type Job } from './jobs'
import { parseRows, planRecords, type Plan } from './plan'

/** Rows checked between two turns of the event loop. */
const CHUNK = 2000
/** Refusals and changes listed in full up to this many; the counts are always whole. */
const LISTED = 500

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve))

export function kindDef(kind: ImportKind): ImportKindDef<Record<string, unknown>> {
  const def = (KINDS as Partial<Record<ImportKind, ImportKindDef<Record<string, unknown>>>>)[kind]
  if (!def) throw new AppError('VALIDATION', `暂不支持导入「${kind}」`)
  return def
}

function rowContext(ctx: Pick<ActionContext, 'user' | 'clock'> & { db: ReadDb }): RowContext {
  return {
    clearance: clearanceOf(ctx.user),
    approved: readSettings(ctx.db).approvedClassification,
    today: ctx.clock.today(),
    departmentIds: new Map(ctx.db.select({ id: departments.id, name: departments.name }).from(departments).all().map((d) => [d.name, d.id])),
  }
}

function savedMapping(db: ReadDb, kind: ImportKind, headers: string[]): Mapping | null {
  const row = db.select().from(importMappings).where(and(eq(importMappings.kind, kind), eq(importMappings.source, sourceOf(headers)))).get()
  if (!row) return null
  const mapping = JSON.parse(row.mapping) as Mapping
  return Object.values(mapping).every((h) => headers.includes(h)) ? mapping : null
}

/** Reads the file into a job: its columns, the mapping proposed (or saved for this source), a sample of rows. */
export async function readImport(ctx: QueryContext, input: { kind: ImportKind; file: Upload }) {
  const def = kindDef(input.kind)
  const fileName = input.file.name
  const bytes = uploadsIn(ctx.dataDir).read(ctx.db, ctx.user?.id, input.file.upload, fileName)
  if (bytes.length === 0) throw new AppError('VALIDATION', '文件为空，请选择有内容的文件')
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('VALIDATION', `文件超过${MAX_IMPORT_BYTES / 1024 / 1024}MB，请分成几个文件（如按年度）分别导入`)
  const job = newJob(ctx.user!.id, input.kind, fileName)
  const table = await readTable(fileName, bytes).catch((e: unknown) => { dropJob(job.id); throw e })
  Object.assign(job, { headers: table.headers, rows: table.rows, rowNumbers: table.rowNumbers, progress: { phase: '完成', done: table.rows.length, total: table.rows.length } })
  const saved = savedMapping(ctx.db, input.kind, table.headers)
  return {
    jobId: job.id,
    headers: table.headers,
    rowCount: table.rows.length,
    encoding: table.encoding,
    fields: def.fields.map((f) => ({ key: f.key, label: f.label, required: f.required ?? false })),
    mapping: saved ?? proposeMapping(def.fields, table.headers),
    mappingSaved: saved !== null,
  }
}

function checkMapping(def: ImportKindDef<Record<string, unknown>>, job: Job, mapping: Mapping): void {
  for (const [key, header] of Object.entries(mapping)) {
    if (!def.fields.some((f) => f.key === key)) throw new AppError('VALIDATION', `没有名为“${key}”的项目`)
    if (!job.headers.includes(header)) throw new AppError('VALIDATION', `文件中没有“${header}”这一列`)
  }
  const missing = def.fields.filter((f) => f.required && !mapping[f.key]).map((f) => `「${f.label}」`)
  if (missing.length) throw new AppError('VALIDATION', `请为${missing.join('')}选择文件中对应的列（这些项目必填）`)
}

/** What the page shows of a plan: counts, the refusals and changes (the first LISTED), a preview of the new records. */
function report(def: ImportKindDef<Record<string, unknown>>, plan: Plan<Record<string, unknown>>) {
  return {
    total: plan.creates.length + plan.updates.length + plan.unchanged + new Set(plan.refused.map((r) => r.row)).size,
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    refusedRows: new Set(plan.refused.map((r) => r.row)).size,
    refused: plan.refused.slice(0, LISTED),
    changes: plan.updates.slice(0, LISTED).map((u) => ({ row: u.row, label: u.label, changes: u.changes })),
    preview: plan.creates.slice(0, 20).map((c) => ({ row: c.row, text: def.describe(c.record) })),
  }
}
export type ImportReport = ReturnType<typeof report>

/** 试导入: every row checked as the forms check it, in chunks; nothing is written. */
export async function checkImport(ctx: QueryContext, input: { jobId: string; mapping: Mapping }): Promise<ImportReport> {
  const job = jobOf(ctx.user?.id, input.jobId)
  const def = kindDef(job.kind)
  checkMapping(def, job, input.mapping)
  const rc = rowContext(ctx)
  job.checked = null
  job.progress = { phase: '检查', done: 0, total: job.rows.length }
  const records: ReturnType<typeof parseRows>['records'] = []
  const refused: ReturnType<typeof parseRows>['refused'] = []
  for (let from = 0; from < job.rows.length; from += CHUNK) {
    const part = parseRows(def, job.headers, job.rows, job.rowNumbers, input.mapping, rc, from, from + CHUNK)
    records.push(...part.records)
    refused.push(...part.refused)
    job.progress.done = Math.min(from + CHUNK, job.rows.length)
    await yieldToOthers()
  }
  job.checked = { mapping: input.mapping, records, refused }
  job.progress = { phase: '完成', done: job.rows.length, total: job.rows.length }
  return report(def, planRecords(def, ctx.db, records, refused))
}

export const importProgress = (ctx: QueryContext, jobId: string) => jobOf(ctx.user?.id, jobId).progress

/**
 * 确认导入: the rows the dry run accepted, judged again against the data as it is now (someone may have registered
 * a number since), written in this mutation's one transaction with one audit record; the mapping saved if asked.
 */
export function confirmImport(ctx: ActionContext, input: { jobId: string; saveMapping: boolean }) {
  const job = jobOf(ctx.user?.id, input.jobId)
  if (!job.checked) throw new AppError('CONFLICT', '请先试导入，看过检查结果后再确认')
  const def = kindDef(job.kind)
  const plan = planRecords(def, ctx.db, job.checked.records, job.checked.refused)
  const w = { db: ctx.db, by: ctx.user?.displayName ?? '', now: ctx.clock.now().toISOString() }
  for (const c of plan.creates) def.insert(w, c.record)
  for (const u of plan.updates) def.update(w, u.id, u.record)
  if (input.saveMapping) saveMapping(ctx, job)
  const result = report(def, plan)
  ctx.audit.record({
    entity: '导入', id: null,
    fields: {
      类别: job.kind, 文件: job.fileName, 新增: result.created, 更新: result.updated, 无变化: result.unchanged, 未导入的行: result.refusedRows,
      更新的记录: plan.updates.slice(0, LISTED).map((u) => `${u.label}：${u.changes.join('；')}`),
      ...(input.saveMapping ? { 保存列对应: job.checked.mapping } : {}),
    },
  })
  ctx.afterCommit(() => dropJob(job.id))
  return result
}

function saveMapping(ctx: ActionContext, job: Job): void {
  const values = { kind: job.kind, source: sourceOf(job.headers), mapping: JSON.stringify(job.checked!.mapping), savedBy: ctx.user?.displayName ?? null, savedAt: ctx.clock.now().toISOString() }
  ctx.db.insert(importMappings).values(values).onConflictDoUpdate({ target: [importMappings.kind, importMappings.source], set: values }).run()
}
