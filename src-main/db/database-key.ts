/** Which key opens the office's database: the key file, created on the very first start only. */
import { existsSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { generateKey, KeyFileError, pendingKeyFile, readKeyFile, syncDirectory, writeKeyFile } from './key'
import { isPlainDatabase, unlock, WrongKeyError } from './cipher'

export interface DatabaseKey {
  key: Buffer
  keyFile: string
  /** A new key file was written at this start: the office must copy it to removable media now. */
  created: boolean
}

export function keyOpens(databaseFile: string, key: Buffer): boolean {
  const sqlite = new Database(databaseFile, { fileMustExist: true })
  try {
    unlock(sqlite, key, databaseFile)
    return true
  } catch (e) {
    if (e instanceof WrongKeyError) return false
    throw e
  } finally { sqlite.close() }
}

const isEncrypted = (file: string) => existsSync(file) && !isPlainDatabase(file)

/**
 * A key change that stopped between re-encrypting the database and replacing the key file leaves
 * the new key beside the old. The old key is tried first: after an interrupted (rolled back) rekey
 * only the old key may open the database, since opening replays the journal with that key.
 */
function finishInterruptedChange(keyFile: string, databaseFile: string): void {
  const pending = pendingKeyFile(keyFile)
  if (!existsSync(pending)) return
  if (!isEncrypted(databaseFile) || (existsSync(keyFile) && keyOpens(databaseFile, readKeyFile(keyFile)))) {
    rmSync(pending)
    return
  }
  if (keyOpens(databaseFile, readKeyFile(pending))) {
    renameSync(pending, keyFile)
    syncDirectory(dirname(keyFile))
  }
}

/**
 * The key from `keyFile`. A missing key file is created with a fresh random key only when there
 * is nothing encrypted yet (a new office, or a database from before encryption): for an encrypted
 * database a new key would be useless, and the office must bring back its copy instead.
 */
export function resolveDatabaseKey(keyFile: string, databaseFile: string, now = new Date()): DatabaseKey {
  finishInterruptedChange(keyFile, databaseFile)
  if (existsSync(keyFile)) return { key: readKeyFile(keyFile), keyFile, created: false }
  if (isEncrypted(databaseFile)) {
    throw new KeyFileError(`找不到密钥文件 ${keyFile}。数据库已加密，没有密钥无法打开：请把保险柜中移动介质上的密钥文件复制到该位置，或用 --key-file 指定它所在的位置。`)
  }
  const key = generateKey()
  writeKeyFile(keyFile, key, now)
  return { key, keyFile, created: true }
}
