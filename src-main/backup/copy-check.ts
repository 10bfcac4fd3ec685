import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import { isPlainDatabase, keyPragmas } from '../db/cipher'
import type { Manifest } from './manifest'

/** What the check of a backup's database copy finds, for the manifest. */
export interface CopyCheck {
  integrity: string
  migration: Manifest['migration']
  attachments: { path: string; sha256: string }[]
  counts: Record<string, number>
}

/**
 * Makes the copy self-contained (no WAL beside it), runs SQLite's integrity check and reads what the manifest
 * records. On the ten years this reads the whole file (tens of seconds under load): on the main thread it held
 * every reader and writer of the office for that long, so it runs on a connection of its own in a worker thread.
 */
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads')
const Database = require(workerData.module)
const copy = new Database(workerData.file, { fileMustExist: true })
try {
  for (const p of workerData.pragmas) copy.pragma(p)
  copy.pragma('journal_mode = DELETE')
  const integrity = copy.pragma('integrity_check').map((r) => r.integrity_check).join('；')
  const migration = copy.prepare('SELECT created_at AS createdAt, hash FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1').get()
  const attachments = copy.prepare('SELECT DISTINCT path, sha256 FROM stored_files').all()
  const tables = copy.prepare("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' ORDER BY name").all()
  const counts = Object.fromEntries(tables.map(({ name }) => [name, copy.prepare('SELECT COUNT(*) AS n FROM "' + name.replace(/"/g, '""') + '"').get().n]))
  parentPort.postMessage({ integrity, migration, attachments, counts })
} finally { copy.close() }
`

export function checkCopyInWorker(file: string, key: Buffer | undefined): Promise<CopyCheck> {
  const module = createRequire(__filename).resolve('better-sqlite3')
  const pragmas = key && !isPlainDatabase(file) ? keyPragmas(key) : []
  const worker = new Worker(WORKER, { eval: true, workerData: { module, file, pragmas } })
  return new Promise((resolve, reject) => {
    let found: CopyCheck | null = null
    worker.once('message', (m: CopyCheck) => { found = m })
    worker.once('error', reject)
    worker.once('exit', (code) => (found ? resolve(found) : reject(new Error(`备份检查线程异常退出（${code}）`))))
  })
}
