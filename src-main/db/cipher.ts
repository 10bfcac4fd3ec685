/**
 * SQLCipher 4 encryption of the database file (better-sqlite3-multiple-ciphers): every page,
 * the WAL and the rollback journal are encrypted with the office's raw 256-bit key (no
 * passphrase, so no key derivation on every open). The files open with Debian's sqlcipher too.
 */
import { closeSync, existsSync, openSync, readdirSync, readSync, renameSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { syncDirectory } from './key'

type Sqlite = Database.Database

export class WrongKeyError extends Error {}
export class EncryptedDatabaseError extends Error {}

/** The pragmas that unlock a database, in order; also sent to the backup worker. */
export function keyPragmas(key: Buffer): string[] {
  return ["cipher = 'sqlcipher'", 'legacy = 4', `key = "x'${key.toString('hex')}'"`]
}

const rawKey = (key: Buffer) => `"x'${key.toString('hex')}'"`

function isNotADatabase(e: unknown): boolean {
  return (e as { code?: string }).code === 'SQLITE_NOTADB'
}

/** Page 1 is read right away: a wrong key fails here, before anything could be written. */
export function unlock(sqlite: Sqlite, key: Buffer, file: string): void {
  for (const p of keyPragmas(key)) sqlite.pragma(p)
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (e) {
    if (!isNotADatabase(e)) throw e
    throw new WrongKeyError(`数据库密钥不正确：用所给的密钥无法打开 ${file}。数据库未作任何改动。请确认使用的是这个数据库的密钥文件（更换过密钥的，用更换后的密钥；密钥文件丢失的，从保险柜中的移动介质复制回来）。`)
  }
}

/** A connection without a key (tests only) says so plainly when the file turns out to be encrypted. */
export function checkReadable(sqlite: Sqlite, file: string): void {
  try {
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch (e) {
    if (!isNotADatabase(e)) throw e
    throw new EncryptedDatabaseError(`数据库 ${file} 已加密（或不是三办的数据库），需要密钥文件才能打开。数据库未作任何改动。`)
  }
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

/** An unencrypted SQLite file starts with its well-known header; an encrypted one starts with random salt. */
export function isPlainDatabase(file: string): boolean {
  if (!existsSync(file)) return false
  const head = Buffer.alloc(SQLITE_HEADER.length)
  const fd = openSync(file, 'r')
  try { readSync(fd, head, 0, head.length, 0) } finally { closeSync(fd) }
  return head.equals(SQLITE_HEADER)
}

function tableCounts(sqlite: Sqlite): Record<string, number> {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]
  return Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`SELECT count(*) FROM "${t.replace(/"/g, '""')}"`).pluck().get() as number]))
}

function removeWithJournals(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true })
}

/**
 * Encrypts an existing unencrypted database file in place, the safe way: a consistent copy
 * (VACUUM INTO), encrypted (rekey), checked (integrity and the row count of every table), and only
 * then renamed over the original. An interruption at any point leaves the original untouched.
 */
export function encryptPlainDatabase(file: string, key: Buffer): void {
  const work = `${file}.encrypting`
  removeWithJournals(work)
  const plain = new Database(file)
  let counts: Record<string, number>
  try {
    plain.pragma('wal_checkpoint(TRUNCATE)')
    counts = tableCounts(plain)
    plain.prepare('VACUUM INTO ?').run(work)
  } finally { plain.close() }
  const copy = new Database(work)
  try {
    for (const p of keyPragmas(key).slice(0, 2)) copy.pragma(p)
    copy.pragma('journal_mode = DELETE')
    copy.pragma(`rekey = ${rawKey(key)}`)
  } finally { copy.close() }
  verifyEncryptedCopy(work, key, counts)
  // Everything of the WAL is in the copy (checkpointed above); a plaintext WAL left beside the
  // encrypted file would otherwise be replayed into it.
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
  renameSync(work, file)
  syncDirectory(dirname(file))
}

function verifyEncryptedCopy(file: string, key: Buffer, expected: Record<string, number>): void {
  const check = new Database(file, { fileMustExist: true })
  try {
    unlock(check, key, file)
    const integrity = check.pragma('integrity_check', { simple: true })
    const counts = tableCounts(check)
    if (integrity !== 'ok' || JSON.stringify(counts) !== JSON.stringify(expected)) {
      throw new Error(`加密后的数据库副本校验不通过（${String(integrity)}），原数据库未作改动`)
    }
  } finally { check.close() }
  if (isPlainDatabase(file)) throw new Error('加密后的数据库副本仍是明文，原数据库未作改动')
}

/**
 * Re-encrypts the database with a new key (PRAGMA rekey, one transaction: an interruption rolls
 * back to the old key). SQLite3MC cannot rekey in WAL mode, and leaving WAL needs the only
 * connection, so this refuses while Sanban (or anything else) has the database open.
 */
export function changeDatabaseKey(file: string, oldKey: Buffer, newKey: Buffer): void {
  const sqlite = new Database(file, { fileMustExist: true, timeout: 0 })
  try {
    unlock(sqlite, oldKey, file)
    let mode: unknown
    try {
      sqlite.pragma('wal_checkpoint(TRUNCATE)')
      mode = sqlite.pragma('journal_mode = DELETE', { simple: true })
    } catch { mode = null }
    if (mode !== 'delete') throw new Error('数据库正被使用：请先停止三办（服务器和桌面程序）再更换密钥。密钥未更换。')
    sqlite.pragma(`rekey = ${rawKey(newKey)}`)
    sqlite.pragma('journal_mode = WAL')
  } finally { sqlite.close() }
}

/** Backups made before encryption (e.g. the pre-upgrade copies in backups/) are encrypted too: plaintext stays nowhere. */
export function encryptPlainDatabasesIn(dir: string, key: Buffer): string[] {
  if (!existsSync(dir)) return []
  const plain = readdirSync(dir).filter((f) => f.endsWith('.sqlite')).map((f) => join(dir, f)).filter(isPlainDatabase)
  for (const file of plain) encryptPlainDatabase(file, key)
  return plain
}
