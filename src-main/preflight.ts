/**
 * What is in the data folder before the database is opened, so that a start never mistakes a lost or
 * damaged database for a new office (which would create fresh accounts and start every number at 1 again),
 * nor blames the key for a file that is simply broken.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { isPlainDatabase, unlock, WrongKeyError } from './db/cipher'
import { backupFolderOf, readBackupSettings } from './backup/settings'
import { restoreHint } from './system/startup-errors'
import type { Sqlite } from './db/connection'

/** A refusal to start because of the database file itself; the message says which case and how to restore. */
export class DatabaseStateError extends Error {}

/** SQLCipher 4 pages (and the default SQLite page): every intact database file is a whole number of them. */
export const PAGE_BYTES = 4096

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0)

/** Things a Sanban office leaves in its data folder besides the database (the lock files are made by this very start). */
const OFFICE_TRACES = ['files', 'backups', 'backup-settings.json', '初始账户密码.txt']

function hasOfficeTraces(dataDir: string, databaseFile: string): boolean {
  const name = basename(databaseFile)
  return OFFICE_TRACES.some((t) => existsSync(join(dataDir, t))) || [`${name}-wal`, `${name}-shm`].some((t) => existsSync(join(dataDir, t)))
}

function newestFirst(paths: string[]): string[] {
  return paths.map((p) => ({ p, t: statSync(p).mtimeMs })).sort((a, b) => b.t - a.t).map((x) => x.p)
}

/** The database copies of this office's backups, newest first: online backups and the pre-upgrade copies. */
export function backupDatabases(dataDir: string): string[] {
  const found: string[] = []
  const folders = new Set([join(dataDir, 'backups'), backupFolderOf(dataDir, readBackupSettings(dataDir))])
  for (const folder of folders) {
    if (!existsSync(folder)) continue
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue // unfinished backups (backup/rules.ts)
      const path = join(folder, entry.name)
      if (entry.isFile() && entry.name.endsWith('.sqlite')) found.push(path)
      else if (entry.isDirectory() && existsSync(join(path, 'sanban.sqlite'))) found.push(join(path, 'sanban.sqlite'))
    }
  }
  return newestFirst(found)
}

/** The newest backup to name in a message; a folder that cannot be read names none. */
export function newestBackup(dataDir: string): string | null {
  try { return backupDatabases(dataDir)[0] ?? null } catch { return null }
}

function keyOpensCopy(file: string, key: Buffer): boolean {
  let copy: Sqlite | null = null
  try {
    copy = new Database(file, { readonly: true, fileMustExist: true })
    unlock(copy, key, file)
    return true
  } catch {
    return false
  } finally { copy?.close() }
}

/**
 * A plain (unencrypted) SQLite file that Sanban did not write: some other program's database put in its place.
 * Sanban's have drizzle's migration table from the first start on.
 */
function isForeignPlainDatabase(file: string): boolean {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return !sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get()
  } finally { sqlite.close() }
}

export interface PreflightFacts { databaseFile: string; keyFile?: string }

/**
 * Refuses what must not be opened. A new office is made only where there is neither a database nor a key,
 * or where the key was brought to an otherwise empty data folder (moving to a new PC, docs/backup.md).
 */
export function checkBeforeOpening({ databaseFile, keyFile }: PreflightFacts): void {
  const dataDir = dirname(databaseFile)
  const hint = () => restoreHint(databaseFile, newestBackup(dataDir))
  const keyExists = !!keyFile && existsSync(keyFile)
  if (!existsSync(databaseFile)) {
    if (keyExists && hasOfficeTraces(dataDir, databaseFile)) {
      throw new DatabaseStateError(`找不到数据库 ${databaseFile}，但密钥文件 ${keyFile} 和这个办公室的其他数据（附件、备份）都在：数据库文件被删除或移走了。三办不会在这里新建一个空的办公室（那样账户要重建，收文号、发文字号都会从1重新开始）。${hint()}`)
    }
    return
  }
  const size = sizeOf(databaseFile)
  if (size === 0 && sizeOf(`${databaseFile}-wal`) === 0) {
    throw new DatabaseStateError(`数据库文件 ${databaseFile} 是空的（0 字节），里面没有任何数据：可能是磁盘写满、复制中断或被误清空。三办不会把它当作新办公室重新建立（那样收文号、发文字号都会从1重新开始）。${hint()}`)
  }
  if (isPlainDatabase(databaseFile)) {
    if (isForeignPlainDatabase(databaseFile)) {
      throw new DatabaseStateError(`数据库文件 ${databaseFile} 是一个 SQLite 数据库，但不是三办的数据库（没有三办的数据表），可能是别的程序的文件被放到了这里。三办不会改动它。${hint()}`)
    }
    return
  }
  if (keyExists && size % PAGE_BYTES !== 0) {
    throw new DatabaseStateError(`数据库文件 ${databaseFile} 已损坏：长度 ${size} 字节不是整页（每页 ${PAGE_BYTES} 字节），文件被截断或被写坏了，与密钥无关。${hint()}`)
  }
}

/**
 * The key did not open the live database. If it opens one of this office's backups it is the office's key,
 * so the database file is what is broken: say so, rather than send the office looking for another key.
 */
export function explainWrongKey(error: WrongKeyError, databaseFile: string, key: Buffer): Error {
  const backups = backupDatabases(dirname(databaseFile)).filter((f) => !isPlainDatabase(f)).slice(0, 5)
  const opened = backups.find((f) => keyOpensCopy(f, key))
  if (opened) {
    return new DatabaseStateError(`数据库文件 ${databaseFile} 已损坏，不是可读的三办数据库：同一把密钥能打开本办公室的备份 ${opened}，所以密钥是对的，坏的是数据库文件。${restoreHint(databaseFile, opened)}`)
  }
  return new WrongKeyError(`${error.message}如果确认密钥无误，则是数据库文件已损坏：${restoreHint(databaseFile, backups[0] ?? null)}`)
}

/**
 * A file cut short at a page boundary still opens (page 1 is there) and fails later, at some query. The
 * database's own header says how many pages it has; with no WAL holding newer pages, the file must have them.
 */
export function checkWholeFile(sqlite: Sqlite, databaseFile: string): void {
  if (sizeOf(`${databaseFile}-wal`) > 0) return
  const pages = sqlite.pragma('page_count', { simple: true }) as number
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number
  const size = sizeOf(databaseFile)
  if (pages * pageSize > size) {
    throw new DatabaseStateError(`数据库文件 ${databaseFile} 不完整：应有 ${pages} 页，文件只有 ${Math.floor(size / pageSize)} 页，文件被截断了（可能是复制中断或磁盘故障）。${restoreHint(databaseFile, newestBackup(dirname(databaseFile)))}`)
  }
}
