/** Files stored before encryption existed: sealed at start, moved to their keyed name, the plaintext removed. */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import { eq } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { storedFiles } from './schema'
import { filesDataKey, isSealed, seal } from './crypto'
import { storagePath, writeWhole } from './service'

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    if (entry.isDirectory()) yield* filesUnder(full)
    else if (entry.isFile()) yield full
  }
}

function head(full: string, length: number): Buffer {
  const buf = Buffer.alloc(length)
  const fd = openSync(full, 'r')
  try { return buf.subarray(0, readSync(fd, buf, 0, length, 0)) } finally { closeSync(fd) }
}

/**
 * Idempotent and cheap once done (it reads eight bytes of each file). The order — sealed copy,
 * rows repointed, plaintext removed — means an interruption loses nothing and the next start
 * finishes the job. Temporary files are leftovers of an interrupted write and are removed.
 */
export function sealPlainFiles(db: Db, dataDir: string): number {
  const root = join(dataDir, 'files')
  if (!existsSync(root)) return 0
  const key = filesDataKey(db)
  let sealed = 0
  for (const full of [...filesUnder(root)]) {
    if (full.endsWith('.tmp')) { rmSync(full); continue }
    if (isSealed(head(full, 8))) continue
    const bytes = readFileSync(full)
    const path = storagePath(bytes, key)
    if (!existsSync(join(dataDir, path))) writeWhole(join(dataDir, path), seal(bytes, key))
    db.update(storedFiles).set({ path }).where(eq(storedFiles.path, relative(dataDir, full))).run()
    rmSync(full)
    sealed++
  }
  return sealed
}
