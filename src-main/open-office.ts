/**
 * How the server and the desktop window take their data folder: the folder checked, then locked (one owner,
 * system/data-lock.ts), then the database opened (core.ts). A start that fails leaves the disk as it found
 * it: whatever this start created — the folder, the lock file, a new key, a new database — is removed again,
 * so the next attempt (or the operator's backup restore) sees exactly what was there before.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { openCore, type Core, type CoreOptions } from './core'
import { acquireDataLock, LOCK_FILE, OWNER_FILE, type DataLock } from './system/data-lock'

/** What exists before a start: the top of the data folder and of its backups folder, and the key file. */
interface Footprint { dataDirCreated: string | undefined; names: Map<string, Set<string>>; keyFileExisted: boolean }

const listed = (dir: string) => new Set(existsSync(dir) ? readdirSync(dir) : [])

function watchedDirs(dataDir: string): string[] {
  return [dataDir, join(dataDir, 'backups')]
}

/** A data path that exists must be a folder; a missing one is created (the first start of a new office). */
function prepareDataDir(dataDir: string, keyFile: string | undefined): Footprint {
  if (existsSync(dataDir) && !statSync(dataDir).isDirectory()) {
    throw Object.assign(new Error(`数据路径 ${dataDir} 是一个文件`), { code: 'ENOTDIR', path: dataDir })
  }
  const names = new Map(watchedDirs(dataDir).map((d) => [d, listed(d)]))
  const keyFileExisted = !keyFile || existsSync(keyFile)
  return { dataDirCreated: mkdirSync(dataDir, { recursive: true }), names, keyFileExisted }
}

/** Removes what this start created, while it still holds the lock (nobody else can be writing there). */
function removeCreated(footprint: Footprint, keyFile: string | undefined, lock: DataLock): void {
  for (const [dir, before] of footprint.names) {
    for (const name of listed(dir)) {
      // The lock's own files go with release(), the lock file last.
      if (before.has(name) || name === LOCK_FILE || name === OWNER_FILE) continue
      rmSync(join(dir, name), { recursive: true, force: true })
    }
  }
  if (!footprint.keyFileExisted && keyFile) rmSync(keyFile, { force: true })
  lock.release({ removeLockFile: lock.created })
  if (footprint.dataDirCreated) rmSync(footprint.dataDirCreated, { recursive: true, force: true })
}

export interface OfficeOwner { mode: 'server' | 'desktop'; port?: number | null }

export interface OpenedOffice {
  core: Core
  lock: DataLock
}

/**
 * openCore behind the data-folder lock; closing the core gives the folder up. Errors are passed on as they
 * are (system/startup-errors.ts words them).
 */
export function openOffice(options: CoreOptions, owner: OfficeOwner): OpenedOffice {
  const footprint = prepareDataDir(options.dataDir, options.keyFile)
  let lock: DataLock
  try {
    lock = acquireDataLock(options.dataDir, { mode: owner.mode, port: owner.port ?? null })
  } catch (e) {
    // Not ours to clean: another process may own the folder. Only a folder this start made, if still empty.
    if (footprint.dataDirCreated) try { rmdirSync(footprint.dataDirCreated) } catch { /* someone else's now */ }
    throw e
  }
  try {
    const core = openCore(options)
    const close = core.close
    core.close = () => { close(); lock.release() }
    return { core, lock }
  } catch (e) {
    removeCreated(footprint, options.keyFile, lock)
    throw e
  }
}
