/**
 * 导入 (issue 18): read a file → propose the column mapping → 试导入 (dry run: nothing written) → 确认导入 (one
 * transaction, one audit record for the whole import). Reading and checking run in chunks that give the event loop
 * back between them, so other users' calls are answered while a 30,000-row file is checked; the write runs in a
 * worker with its own connection (write.ts, confirm-worker.ts).
 */
import { and, eq, inArray } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import type { ActionContext, QueryContext } from '../kernel/procedure'
import { AppError } from '../kernel/errors'
import { departments, people, postHoldings, posts } from '../org/schema'
import { LEADER_KINDS } from '../common/org'
import { readSettings } from '../settings/service'
import { clearanceOf } from '../security/clearance'
import { importerProblem, MAX_IMPORT_BYTES, type ImportKind } from '../common/imports'
import { importMappings } from './schema'
import type { Upload } from '../files/service'
import { uploadsIn } from '../files/uploads'
import { readTable } from './read'
import { proposeMapping, sourceOf, type Mapping } from './rules'
import type { LeaderHolding } from './leaders'
import { kindDef } from './kinds'
import type { ImportKindDef, RowContext } from './kinds/kind'
import { dropJob, jobOf, newJob, type Job } from './jobs'
import { parseRows, planRecords, report, type ImportReport } from './plan'
import { databaseAt, runWorker } from '../kernel/worker'
import { writeImport, type ImportWrite, type WriteProgress } from './write'
import type { ImportWorkerData } from './confirm-worker'

/** Refuses a role the office has not designated for 导入 (设置—导入人员); the page hides 导入 from it too. */
export function requireImporter(ctx: Pick<QueryContext, 'db' | 'user'>): void {
  // The router has checked the role is a 文秘 or 科长 (access: CLERKS) and signed in.
  const problem = importerProblem(ctx.user!.role, readSettings(ctx.db).importRoles)
  if (problem) throw new AppError('FORBIDDEN', problem)
}

/** Rows checked between two turns of the event loop. */
const CHUNK = 2000

const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve))

function rowContext(ctx: Pick<ActionContext, 'user' | 'clock'> & { db: ReadDb }): RowContext {
  return {
    clearance: clearanceOf(ctx.user),
    approved: readSettings(ctx.db).approvedClassification,
    today: ctx.clock.today(),
    departmentIds: new Map(ctx.db.select({ id: departments.id, name: departments.name }).from(departments).all().map((d) => [d.name, d.id])),
    leaders: leaderHoldings(ctx.db),
  }
}

/** Who held which 市领导 post when; a post made before 任职记录 existed counts as held by its holder throughout (org/turnover.ts holderOn). */
function leaderHoldings(db: ReadDb): LeaderHolding[] {
  const leaderPost = inArray(posts.kind, [...LEADER_KINDS])
  const recorded = db.select({ postId: posts.id, title: posts.title, name: people.name, from: postHoldings.fromDate, to: postHoldings.toDate })
    .from(postHoldings).innerJoin(posts, eq(posts.id, postHoldings.postId)).innerJoin(people, eq(people.id, postHoldings.personId))
    .where(leaderPost).all()
  const withRecords = new Set(recorded.map((h) => h.postId))
  const unrecorded = db.select({ postId: posts.id, title: posts.title, name: people.name }).from(posts).innerJoin(people, eq(people.id, posts.holderId))
    .where(leaderPost).all().filter((p) => !withRecords.has(p.postId)).map((p) => ({ ...p, from: null, to: null }))
  return [...recorded, ...unrecorded]
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
  return report(def, planRecords(def, ctx.db, records, refused, rc.clearance))
}

export const importProgress = (ctx: QueryContext, jobId: string) => jobOf(ctx.user?.id, jobId).progress

/**
 * 确认导入: written by the import worker on its own connection (write.ts), one transaction with its audit record; the
 * page's bar follows its progress. A database in memory (tests) has no file for a worker and is written here.
 */
export async function confirmImport(ctx: ActionContext, input: { jobId: string; saveMapping: boolean }): Promise<ImportReport> {
  const job = jobOf(ctx.user?.id, input.jobId)
  if (!job.checked) throw new AppError('CONFLICT', '请先试导入，看过检查结果后再确认')
  if (job.progress.phase === '写入') throw new AppError('CONFLICT', '这次导入正在写入，请等它完成')
  const write: ImportWrite = { kind: job.kind, fileName: job.fileName, headers: job.headers, checked: job.checked, saveMapping: input.saveMapping, user: ctx.user, at: ctx.clock.now() }
  const total = job.checked.records.length
  job.progress = { phase: '写入', done: 0, total }
  try {
    const at = databaseAt(ctx.db)
    const data: ImportWorkerData | null = at && { at, job: write }
    const result = data
      ? await runWorker<ImportReport, WriteProgress>('confirm-worker', __dirname, data, (p) => { job.progress = { phase: '写入', ...p } })
      : writeImport({ sqlite: ctx.db.$client, db: ctx.db }, write)
    dropJob(job.id)
    return result
  } finally {
    job.progress = { phase: '完成', done: total, total }
  }
}
