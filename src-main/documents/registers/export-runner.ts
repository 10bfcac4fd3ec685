/**
 * Runs a register's Excel export off the request thread (issue 16): in a worker (export-worker.ts) with its own
 * read-only connection, one export at a time — a second waits for the first, so two year-long exports do not take
 * both of the server's cores from the office's other users. A database in memory (tests of the layout) has no file
 * for a worker to open and is exported on the calling thread.
 */
import type { ReadDb } from '../../db/connection'
import { databaseAt, runWorker } from '../../kernel/worker'
import { buildRegisterExport, type BuiltExport, type RegisterExportJob } from './export-build'
import type { ExportWorkerData } from './export-worker'

/** Exports queue here: each starts when the one before has finished, whether it succeeded or not. */
let queue: Promise<unknown> = Promise.resolve()

export function runRegisterExport(db: ReadDb, job: RegisterExportJob): Promise<BuiltExport> {
  const at = databaseAt(db)
  if (!at) return buildRegisterExport(db, job)
  const data: ExportWorkerData = { at, job }
  const run = queue.then(() => runWorker<BuiltExport>('export-worker', __dirname, data))
  queue = run.catch(() => undefined)
  return run
}
