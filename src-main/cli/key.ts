/**
 * Key management from a terminal, with Sanban stopped (both hold the data folder's lock, so a running
 * server or desktop window is named and nothing is touched):
 *   npm run key:check  -- [--data 目录] [--key-file 文件]   does this key file open this database?
 *   npm run key:change -- [--data 目录] [--key-file 文件]   re-encrypt with a new random key
 */
import { existsSync, renameSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'
import { changeDatabaseKey, isPlainDatabase } from '../db/cipher'
import { keyOpens } from '../db/database-key'
import { acquireDataLock } from '../system/data-lock'
import { generateKey, keyFingerprint, pendingKeyFile, readKeyFile, syncDirectory, writeKeyFile } from '../db/key'

import { keyTarget, type KeyTarget } from './target'

export type { KeyTarget }

function requireEncryptedDatabase(file: string): void {
  if (!existsSync(file)) throw new Error(`找不到数据库 ${file}（请用 --data 指定数据目录）`)
  if (isPlainDatabase(file)) throw new Error(`数据库 ${file} 尚未加密：用 --key-file 启动一次三办即会加密`)
}

/** Runs `work` as the data folder's only user; refused, naming the owner, while Sanban runs there. */
function alone<T>(databaseFile: string, what: string, work: () => T): T {
  requireEncryptedDatabase(databaseFile)
  const lock = acquireDataLock(dirname(databaseFile), {
    mode: 'cli',
    remedy: () => `${what}要在三办停止时进行：请先停止三办（服务器在其终端按 Ctrl+C，桌面程序关闭窗口）再运行本命令。`,
  })
  try { return work() } finally { lock.release() }
}

function fingerprintIfOpens({ databaseFile, keyFile }: KeyTarget): string {
  const key = readKeyFile(keyFile)
  if (!keyOpens(databaseFile, key)) throw new Error(`数据库密钥不正确：密钥文件 ${keyFile}（指纹 ${keyFingerprint(key)}）打不开 ${databaseFile}。`)
  return keyFingerprint(key)
}

/** The fingerprint of a key that opens the database; throws the Chinese wrong-key message otherwise. */
export function checkKey(target: KeyTarget): string {
  return alone(target.databaseFile, '检查密钥', () => fingerprintIfOpens(target))
}

/**
 * The new key is written beside the old one first, then the database re-encrypted (one
 * transaction), then the new key file renamed over the old. Interrupted anywhere, the next start
 * sees which of the two opens the database (database-key.ts). Files are not touched: their data
 * key lives inside the database.
 */
export function changeKey(target: KeyTarget, newKey = generateKey()): { oldFingerprint: string; newFingerprint: string } {
  return alone(target.databaseFile, '更换密钥', () => changeKeyAlone(target, newKey))
}

function changeKeyAlone(target: KeyTarget, newKey: Buffer): { oldFingerprint: string; newFingerprint: string } {
  const { databaseFile, keyFile } = target
  const oldFingerprint = fingerprintIfOpens(target)
  const pending = pendingKeyFile(keyFile)
  rmSync(pending, { force: true })
  writeKeyFile(pending, newKey)
  try {
    changeDatabaseKey(databaseFile, readKeyFile(keyFile), newKey)
  } catch (e) {
    rmSync(pending, { force: true })
    throw e
  }
  renameSync(pending, keyFile)
  syncDirectory(dirname(keyFile))
  return { oldFingerprint, newFingerprint: keyFingerprint(newKey) }
}

function main(): void {
  const [command, ...rest] = process.argv.slice(2)
  const target = keyTarget(rest, process.env)
  if (command === 'check') {
    console.log(`密钥正确：${target.keyFile}（指纹 ${checkKey(target)}）能打开 ${target.databaseFile}。`)
  } else if (command === 'change') {
    const { oldFingerprint, newFingerprint } = changeKey(target)
    console.log(`已更换数据库密钥：指纹 ${oldFingerprint} → ${newFingerprint}，密钥文件 ${target.keyFile}。`)
    console.log('请立即把新密钥文件复制到移动介质存放在保险柜中。此前的备份仍用旧密钥加密：旧密钥要与这些备份一起保管，直到它们不再需要。')
  } else {
    console.log('用法：npm run key:check -- [--data 目录] [--key-file 文件]\n      npm run key:change -- [--data 目录] [--key-file 文件]')
    process.exitCode = command ? 1 : 0
  }
}

if (require.main === module) {
  try { main() } catch (e) {
    console.error(`三办密钥：${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  }
}
