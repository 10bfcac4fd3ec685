/**
 * The export worker (issue 16): builds one register's Excel file on a thread of its own, over its own read-only
 * connection to the (encrypted) database, so a year's export (~30,000 rows, seconds of work) never holds the server's
 * request thread and every other user's register page keeps being answered. Started by export-runner.ts; built as an
 * entry of its own (electron.vite.config.ts: out/main/export-worker.js) and run from source under tsx.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { setPriority } from 'node:os'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { checkReadable, unlock } from '../../db/cipher'
import { AppError } from '../../kernel/errors'
import { buildRegisterExport, type RegisterExportJob } from './export-build'

export interface ExportWorkerData { file: string; key: Uint8Array | null; job: RegisterExportJob }
export type ExportWorkerReply =
  | { ok: true; filename: string; bytes: Uint8Array }
  | { ok: false; code: AppError['code'] | null; message: string; field?: string }

/** Read-only: the worker can take nothing but a snapshot (WAL lets it read while the server writes). */
function openReadOnly(file: string, key: Uint8Array | null) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  if (key) unlock(sqlite, Buffer.from(key), file)
  else checkReadable(sqlite, file)
  sqlite.pragma('busy_timeout = 5000')
  return sqlite
}

/**
 * On Linux a thread has a niceness of its own (setpriority on "this process" sets the calling thread's only), so the
 * export gives the server's thread the processor whenever a request is waiting. Elsewhere it would slow the whole
 * server down, so only on Linux; where a container forbids it, the export runs at the normal priority.
 */
function yieldToRequests(): void {
  if (process.platform !== 'linux') return
  try { setPriority(19) } catch { /* not permitted here: normal priority */ }
}

async function run({ file, key, job }: ExportWorkerData): Promise<ExportWorkerReply> {
  yieldToRequests()
  const sqlite = openReadOnly(file, key)
  try {
    const built = await buildRegisterExport(drizzle(sqlite), job)
    return { ok: true, ...built }
  } finally {
    sqlite.close()
  }
}

function failure(e: unknown): ExportWorkerReply {
  if (e instanceof AppError) return { ok: false, code: e.code, message: e.message, field: e.extra.field }
  return { ok: false, code: null, message: e instanceof Error ? e.message : String(e) }
}

// The file is copied to the parent, not transferred: a small Buffer may sit in Node's shared pool, which cannot move.
run(workerData as ExportWorkerData).then((reply) => parentPort!.postMessage(reply), (e) => parentPort!.postMessage(failure(e)))
