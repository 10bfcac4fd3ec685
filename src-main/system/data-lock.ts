/**
 * One owner of a data folder at a time: a server, the desktop window or an offline command-line tool.
 * Two processes on one database each keep their own idea of it — a restore through one throws away what
 * the other acknowledged, and numbers it issued are issued again — so whoever comes second is refused.
 *
 * Why this lock: an exclusive SQLite lock on a small file of its own (sanban.lock, 0 bytes), held by an
 * open connection in locking_mode=EXCLUSIVE inside BEGIN EXCLUSIVE for the life of the process. It is an
 * OS lock (fcntl on POSIX, LockFileEx on Windows) that the kernel drops when the process dies, so a server
 * killed with SIGKILL or a power cut leaves no stale lock behind, unlike a pid file; SQLite already knows
 * the platforms' quirks (a POSIX lock is lost when the process closes any handle on the file, which SQLite
 * avoids for its own handles; nothing in Sanban opens sanban.lock otherwise). The file itself is never
 * deleted while in use: a new file would be a new lock while a waiting process still holds the old one.
 * Who holds it is written to a separate owner file once the lock is held, readable by the owner only,
 * because it carries the token the account tool uses to ask the running server (server/local-control.ts).
 */
import { randomBytes } from 'node:crypto'
import { accessSync, constants, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { officeMinute } from '../common/office-time'

export const LOCK_FILE = 'sanban.lock'
export const OWNER_FILE = 'sanban.owner.json'

export type OwnerMode = 'server' | 'desktop' | 'cli'

export interface LockOwner {
  pid: number
  mode: OwnerMode
  /** ISO time the owner took the folder. */
  since: string
  /** The server's HTTP port (server mode only). */
  port: number | null
  /** The local control token (server mode only): whoever can read this file may ask the server to act. */
  token: string | null
}

const MODE_NAMES: Record<OwnerMode, string> = { server: '三办服务器', desktop: '三办桌面程序', cli: '三办命令行工具' }


/** “三办服务器（进程 1234，2026-11-25 09:30 起运行，端口 5730）” — how the operator recognises it. */
export function describeOwner(owner: LockOwner | null): string {
  if (!owner) return '另一个三办进程（读不到它的进程信息）'
  const port = owner.port ? `，端口 ${owner.port}` : ''
  return `${MODE_NAMES[owner.mode]}（进程 ${owner.pid}，${officeMinute(new Date(owner.since))} 起运行${port}）`
}

export class DataDirBusyError extends Error {
  constructor(readonly owner: LockOwner | null, dataDir: string, remedy: string) {
    super(`数据目录 ${dataDir} 正由${describeOwner(owner)}使用，同一数据目录同时只能由一个三办打开。${remedy}本次未改动任何文件。`)
  }
}

/** What to do when the folder is taken, by what the second comer wanted. */
export function busyRemedy(owner: LockOwner | null): string {
  if (owner?.mode === 'server' && owner.port) return `请直接用浏览器打开 http://127.0.0.1:${owner.port}/ 使用正在运行的三办；要换端口或参数，先停止它（在它的终端按 Ctrl+C）再启动。`
  return '请使用正在运行的三办，或先关闭它再启动。'
}

/** The owner file as written by the process holding the lock; null when absent or unreadable (another user's). */
export function readLockOwner(dataDir: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, OWNER_FILE), 'utf8')) as LockOwner
  } catch {
    return null
  }
}

export interface DataLock {
  owner: LockOwner
  /** The lock file was created by this process (a failed start removes it again). */
  created: boolean
  /** Gives the folder up: the owner file goes first, so it never names a process that no longer holds the lock. */
  release(options?: { removeLockFile?: boolean }): void
}

export interface LockRequest {
  mode: OwnerMode
  port?: number | null
  /** Said to the operator when the folder is taken; by default: use the running one or stop it. */
  remedy?: (owner: LockOwner | null) => string
}

/**
 * Every lock this process holds, until released: a connection nobody references would be closed by the garbage
 * collector, and with it the lock, while the process still believes it owns the folder.
 */
const held = new Set<Database.Database>()

function takeLock(file: string): Database.Database {
  // timeout 0: a second comer is answered at once instead of waiting for a lock held for hours.
  const sqlite = new Database(file, { timeout: 0 })
  try {
    sqlite.pragma('locking_mode = EXCLUSIVE')
    sqlite.pragma('journal_mode = MEMORY') // no -journal file beside the lock
    sqlite.exec('BEGIN EXCLUSIVE')
    held.add(sqlite)
    return sqlite
  } catch (e) {
    sqlite.close()
    throw e
  }
}

function writeOwner(dataDir: string, owner: LockOwner): void {
  const file = join(dataDir, OWNER_FILE)
  const temp = `${file}.tmp`
  rmSync(temp, { force: true })
  try {
    writeFileSync(temp, JSON.stringify(owner), { mode: 0o600, flag: 'wx' })
    renameSync(temp, file)
  } catch (e) {
    rmSync(temp, { force: true }) // a full disk leaves an empty file behind
    throw e
  }
}

/** Takes the data folder (which must exist) or throws DataDirBusyError naming its owner; touches nothing else. */
export function acquireDataLock(dataDir: string, request: LockRequest, now = new Date()): DataLock {
  // A folder that cannot be written (read-only disk, another user's) is refused before any file is made;
  // SQLite would otherwise open an existing lock file read-only and seem to succeed.
  accessSync(dataDir, constants.W_OK)
  const file = join(dataDir, LOCK_FILE)
  const created = !existsSync(file)
  let sqlite: Database.Database
  try {
    sqlite = takeLock(file)
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') {
      const owner = readLockOwner(dataDir)
      throw new DataDirBusyError(owner, dataDir, (request.remedy ?? busyRemedy)(owner))
    }
    // Opened but not locked (a read-only disk, say): the empty file this attempt made goes again.
    if (created) rmSync(file, { force: true })
    throw e
  }
  const owner: LockOwner = {
    pid: process.pid, mode: request.mode, since: now.toISOString(), port: request.port ?? null,
    token: request.mode === 'server' ? randomBytes(32).toString('base64url') : null,
  }
  try {
    writeOwner(dataDir, owner)
  } catch (e) {
    held.delete(sqlite)
    sqlite.close()
    if (created) rmSync(file, { force: true })
    throw e
  }
  return {
    owner,
    created,
    release({ removeLockFile = false } = {}) {
      if (!sqlite.open) return
      rmSync(join(dataDir, OWNER_FILE), { force: true })
      if (removeLockFile) rmSync(file, { force: true })
      held.delete(sqlite)
      sqlite.close()
    },
  }
}
