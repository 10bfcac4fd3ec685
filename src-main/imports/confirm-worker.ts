/**
 * The import worker (issue 18): writes one confirmed import on a thread of its own with its own connection, so the
 * seconds a 30,000-row write takes hold no other user's page (reads go on beside it; writes wait for it off the
 * request thread, rpc/router.ts). Started by service.ts through kernel/worker.ts.
 */
import { openInWorker, serveWorker, type DatabaseAt } from '../kernel/worker'
import { writeImport, type ImportWrite, type WriteProgress } from './write'
import type { ImportReport } from './plan'

export interface ImportWorkerData { at: DatabaseAt; job: ImportWrite }

serveWorker<ImportWorkerData, ImportReport, WriteProgress>(({ at, job }, progress) => {
  const conn = openInWorker(at, 'write')
  try {
    return writeImport(conn, job, progress)
  } finally {
    conn.sqlite.close()
  }
})
