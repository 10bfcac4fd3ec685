/**
 * The export worker (issue 16): builds one register's Excel file on a thread of its own, over its own read-only
 * connection to the (encrypted) database, so a year's export (~30,000 rows, seconds of work) never holds the server's
 * request thread and every other user's register page keeps being answered. Started by export-runner.ts.
 */
import { openInWorker, serveWorker, type DatabaseAt } from '../../kernel/worker'
import { buildRegisterExport, type BuiltExport, type RegisterExportJob } from './export-build'

export interface ExportWorkerData { at: DatabaseAt; job: RegisterExportJob }

serveWorker<ExportWorkerData, BuiltExport>(async ({ at, job }) => {
  const { sqlite, db } = openInWorker(at, 'read')
  try {
    return await buildRegisterExport(db, job)
  } finally {
    sqlite.close()
  }
})
