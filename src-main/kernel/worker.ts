/**
 * Work that takes seconds, done on a thread of its own with its own connection to the (encrypted) database, so the
 * server's request thread keeps answering every other user meanwhile: a register's Excel export (read-only) and the
 * write of an import (issue 18). Each worker is built as an entry of its own (electron.vite.config.ts:
 * out/main/<name>.js) and runs from source under tsx in server mode and the tests.
 */
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { setPriority } from 'node:os'
import { parentPort, Worker, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { checkReadable, unlock } from '../db/cipher'
import { applyPragmas, connectionKey, type Connection, type ReadDb } from '../db/connection'
import { AppError, type WireError } from './errors'

/** Where a worker finds the database: its file and the key the office's connection was opened with. */
export interface DatabaseAt { file: string; key: Uint8Array | null }

/** The database under `db` for a worker to open, or null for one in memory (tests of a layout), which only this thread sees. */
export function databaseAt(db: ReadDb): DatabaseAt | null {
  const sqlite = db.$client
  if (sqlite.memory || !sqlite.name) return null
  const key = connectionKey(sqlite)
  return { file: sqlite.name, key: key ? new Uint8Array(key) : null }
}

/** Opens the database in a worker: read-only takes nothing but a snapshot (WAL lets it read while others write). */
export function openInWorker({ file, key }: DatabaseAt, access: 'read' | 'write'): Connection {
  const sqlite = new Database(file, { readonly: access === 'read', fileMustExist: true })
  try {
    if (key) unlock(sqlite, Buffer.from(key), file)
    else checkReadable(sqlite, file)
    if (access === 'write') applyPragmas(sqlite)
    else sqlite.pragma('busy_timeout = 5000')
  } catch (e) {
    sqlite.close()
    throw e
  }
  return { sqlite, db: drizzle(sqlite) }
}

type Failure = { app: WireError } | { sqlite: { code: string; message: string } } | { message: string }
type Message<R, P> = { progress: P } | { ok: true; result: R } | ({ ok: false } & Failure)

function failure(e: unknown): Failure {
  if (e instanceof AppError) return { app: e.toWire() }
  if (e instanceof Database.SqliteError) return { sqlite: { code: e.code, message: e.message } }
  return { message: e instanceof Error ? e.message : String(e) }
}

/** The worker's failure as the request thread's own kind of error, so the router words it as it words any other. */
function rethrown(f: Failure): Error {
  if ('app' in f) { const { code, message, ...extra } = f.app; return new AppError(code, message, extra) }
  if ('sqlite' in f) return new Database.SqliteError(f.sqlite.message, f.sqlite.code)
  return new Error(f.message)
}

/**
 * The worker's script: the built one beside the bundle (out/main/<name>.js, reached from out/main or from a shared
 * chunk in out/main/chunks), else `<sourceDir>/<name>.ts` through tsx's require hook (server mode under tsx, the tests).
 */
function workerOf(name: string, sourceDir: string, data: unknown): Worker {
  const built = [join(__dirname, `${name}.js`), join(__dirname, '..', `${name}.js`)].find(existsSync)
  if (built) return new Worker(built, { workerData: data })
  const require = createRequire(__filename)
  const code = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(join(sourceDir, `${name}.ts`))})`
  return new Worker(code, { eval: true, workerData: data })
}

/** Runs the worker `name` on `data`: its result, or its failure thrown here; `onProgress` hears what it reports on the way. */
export function runWorker<R, P = never>(name: string, sourceDir: string, data: unknown, onProgress?: (p: P) => void): Promise<R> {
  const worker = workerOf(name, sourceDir, data)
  return new Promise<R>((resolve, reject) => {
    worker.on('message', (m: Message<R, P>) => {
      if ('progress' in m) { onProgress?.(m.progress); return }
      if (m.ok) resolve(m.result)
      else reject(rethrown(m))
      void worker.terminate()
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new AppError('INTERNAL', `后台线程意外退出（${code}），操作未完成，数据未改动。请重试；仍不成功的，请联系系统管理员查看服务器日志。`)))
  })
}

/**
 * On Linux a thread has a niceness of its own (setpriority on "this process" sets the calling thread's only), so a
 * worker that lowers its own gives the server's thread the processor whenever a request is waiting. Elsewhere it would
 * slow the whole server down, so only on Linux; where a container forbids it, the worker runs at the normal priority.
 */
function yieldToRequests(): void {
  if (process.platform !== 'linux') return
  try { setPriority(19) } catch { /* not permitted here: normal priority */ }
}

/**
 * The worker's side: runs `work` on the data it was started with and sends back the result or the failure. A result
 * is copied to the parent, not transferred: a small Buffer may sit in Node's shared pool, which cannot move.
 */
export function serveWorker<D, R, P = never>(work: (data: D, progress: (p: P) => void) => R | Promise<R>): void {
  yieldToRequests()
  const port = parentPort!
  const progress = (p: P) => port.postMessage({ progress: p } satisfies Message<R, P>)
  Promise.resolve()
    .then(() => work(workerData as D, progress))
    .then((result) => port.postMessage({ ok: true, result } satisfies Message<R, P>), (e: unknown) => port.postMessage({ ok: false, ...failure(e) } satisfies Message<R, P>))
}
