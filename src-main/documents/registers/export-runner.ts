/**
 * Runs a register's Excel export off the request thread (issue 16): in a worker (export-worker.ts) with its own
 * read-only connection, one export at a time — a second waits for the first, so two year-long exports do not take
 * both of the server's cores from the office's other users. A database in memory (tests of the layout) has no file
 * for a worker to open and is exported on the calling thread.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { ReadDb } from '../../db/connection'
import { connectionKey } from '../../db/connection'
import { AppError } from '../../kernel/errors'
import { buildRegisterExport, type BuiltExport, type RegisterExportJob } from './export-build'
import type { ExportWorkerData, ExportWorkerReply } from './export-worker'

/**
 * The worker's script: the built one beside the bundle (out/main/export-worker.js, reached from out/main or from a
 * shared chunk in out/main/chunks), else this folder's source, loaded through tsx's require hook (server mode under
 * tsx, the tests).
 */
function workerScript(): { code: string } | { file: string } {
  const built = [join(__dirname, 'export-worker.js'), join(__dirname, '..', 'export-worker.js')].find(existsSync)
  if (built) return { file: built }
  const require = createRequire(__filename)
  return { code: `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(join(__dirname, 'export-worker.ts'))})` }
}

function inWorker(data: ExportWorkerData): Promise<BuiltExport> {
  const script = workerScript()
  const worker = 'file' in script ? new Worker(script.file, { workerData: data }) : new Worker(script.code, { eval: true, workerData: data })
  return new Promise((resolve, reject) => {
    worker.once('message', (reply: ExportWorkerReply) => {
      if (reply.ok) resolve({ filename: reply.filename, bytes: reply.bytes })
      else reject(reply.code ? new AppError(reply.code, reply.message, reply.field ? { field: reply.field } : {}) : new Error(reply.message))
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new AppError('INTERNAL', `导出线程意外退出（${code}），文件没有生成。请重试；仍不成功的，请联系系统管理员查看服务器日志。`)))
  })
}

/** Exports queue here: each starts when the one before has finished, whether it succeeded or not. */
let queue: Promise<unknown> = Promise.resolve()

export function runRegisterExport(db: ReadDb, job: RegisterExportJob): Promise<BuiltExport> {
  const sqlite = db.$client
  if (sqlite.memory || !sqlite.name) return buildRegisterExport(db, job)
  const key = connectionKey(sqlite)
  const run = queue.then(() => inWorker({ file: sqlite.name, key: key ? new Uint8Array(key) : null, job }))
  queue = run.catch(() => undefined)
  return run
}
