import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { connectionKey, type Sqlite } from './connection'
import { keyPragmas } from './cipher'

export interface BackupProgress { totalPages: number; remainingPages: number }

/**
 * SQLite3MC's backup API refuses an encrypted source (its destination is opened without a key), so
 * an encrypted database is copied with VACUUM INTO, which writes the copy encrypted with the same
 * key. It runs on its own connection in a worker thread: the app keeps working meanwhile (WAL lets
 * a reader take a consistent snapshot) and the event loop is never blocked.
 */
const WORKER = `
const { workerData } = require('node:worker_threads')
const Database = require(workerData.module)
const db = new Database(workerData.file, { fileMustExist: true })
try {
  for (const p of workerData.pragmas) db.pragma(p)
  db.prepare('VACUUM INTO ?').run(workerData.dest)
} finally { db.close() }
`

function vacuumIntoInWorker(file: string, key: Buffer, dest: string): Promise<void> {
  const module = createRequire(__filename).resolve('better-sqlite3')
  const worker = new Worker(WORKER, { eval: true, workerData: { module, file, dest, pragmas: keyPragmas(key) } })
  return new Promise((resolve, reject) => {
    worker.once('error', reject)
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`备份线程异常退出（${code}）`))))
  })
}

/** Progress from the growing copy's size: VACUUM INTO has no callback of its own. */
async function encryptedCopy(sqlite: Sqlite, key: Buffer, destination: string, onProgress?: (p: BackupProgress) => void): Promise<void> {
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number
  const totalPages = sqlite.pragma('page_count', { simple: true }) as number
  const tmp = `${destination}.tmp`
  rmSync(tmp, { force: true })
  onProgress?.({ totalPages, remainingPages: totalPages })
  const timer = setInterval(() => {
    const done = existsSync(tmp) ? Math.floor(statSync(tmp).size / pageSize) : 0
    onProgress?.({ totalPages, remainingPages: Math.max(0, totalPages - done) })
  }, 100)
  try {
    await vacuumIntoInWorker(sqlite.name, key, tmp)
  } catch (e) {
    rmSync(tmp, { force: true })
    throw e
  } finally { clearInterval(timer) }
  renameSync(tmp, destination)
  onProgress?.({ totalPages, remainingPages: 0 })
}

/**
 * A consistent online copy of the open database (the app keeps working meanwhile), never a file
 * copy, encrypted with the database's own key when it has one. `onProgress` sees each step, for the
 * progress bar.
 */
export async function backupDatabase(sqlite: Sqlite, destination: string, onProgress?: (p: BackupProgress) => void): Promise<void> {
  const key = connectionKey(sqlite)
  if (key) return encryptedCopy(sqlite, key, destination, onProgress)
  await sqlite.backup(destination, {
    progress: ({ totalPages, remainingPages }) => {
      onProgress?.({ totalPages, remainingPages })
      return 256
    },
  })
}
