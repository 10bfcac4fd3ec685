/** Small file-system steps a backup needs to survive a crash or a power cut. */
import { createHash } from 'node:crypto'
import { createReadStream, closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { open } from 'node:fs/promises'
import { dirname, join } from 'node:path'

export function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(path).on('data', (chunk) => hash.update(chunk)).on('end', () => resolve(hash.digest('hex'))).on('error', reject)
  })
}

/** Flushes a file (or, where the system allows, a folder's entries) to the disk before a rename relies on it. */
export function syncPath(path: string): void {
  let fd: number
  try { fd = openSync(path, 'r') } catch { return }
  try { fsyncSync(fd) } catch { /* Windows cannot fsync a folder; its renames are journaled by NTFS. */ } finally { closeSync(fd) }
}

/**
 * The same for a large file (the database copy, about a gigabyte after ten years), off the server's thread: a
 * synchronous fsync of it held every reader and writer of the office for a third of a second (npm run bench, 办公日中备份).
 */
export async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r')
  try { await handle.sync() } finally { await handle.close() }
}

export function writeFileAtomically(path: string, content: string): void {
  const temp = `${path}.tmp`
  writeFileSync(temp, content)
  syncPath(temp)
  renameSync(temp, path)
  syncPath(dirname(path))
}

/** A folder is renamed out of the list first, so a crash halfway through deleting never leaves a listed half. */
export function removeFolder(folder: string, hiddenName: string): void {
  const doomed = join(dirname(folder), hiddenName)
  renameSync(folder, doomed)
  rmSync(doomed, { recursive: true, force: true })
}
