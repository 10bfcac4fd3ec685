/**
 * The office's database key: 256 random bits in a key file that the office keeps where it decides
 * (by default beside, not inside, the data folder) and copies to removable media kept in the safe.
 */
import { createHash, randomBytes } from 'node:crypto'
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'

export const KEY_BYTES = 32

export class KeyFileError extends Error {}

export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES)
}

/** Outside the data folder, so a copy of that folder (or a stolen backup of it) does not carry its key. */
export function defaultKeyFile(dataDir: string): string {
  const dir = resolve(dataDir)
  return join(dirname(dir), `${basename(dir)}.key`)
}

/** A short label to write on the removable media, so the office can tell which key opens which database. */
export function keyFingerprint(key: Buffer): string {
  const hex = createHash('sha256').update(key).digest('hex')
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}`
}

/** 64 hex digits (lines starting with # are notes): short enough to print and keep on paper too. */
export function readKeyFile(path: string): Buffer {
  if (!existsSync(path)) throw new KeyFileError(`找不到密钥文件 ${path}`)
  const hex = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => !l.trimStart().startsWith('#')).join('').replace(/\s+/g, '')
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new KeyFileError(`密钥文件 ${path} 格式不正确：应为64位十六进制数字`)
  return Buffer.from(hex, 'hex')
}

/** Makes a rename or a new file survive a power cut (POSIX; Windows cannot open a folder and needs nothing). */
export function syncDirectory(dir: string): void {
  if (process.platform === 'win32') return
  const fd = openSync(dir, 'r')
  try { fsyncSync(fd) } finally { closeSync(fd) }
}

/** Readable by the owner only (0600), written whole or not at all: a half-written key would lose the database. */
export function writeKeyFile(path: string, key: Buffer, now = new Date()): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  const note = `# 三办数据库密钥（指纹 ${keyFingerprint(key)}，生成于 ${now.toISOString().slice(0, 10)}）。丢失将无法读取数据库，请复制到移动介质存放在保险柜中。`
  const tmp = `${path}.tmp`
  rmSync(tmp, { force: true })
  const fd = openSync(tmp, 'wx', 0o600)
  try {
    writeFileSync(fd, `${note}\n${key.toString('hex')}\n`)
    fsyncSync(fd)
  } finally { closeSync(fd) }
  renameSync(tmp, path)
  syncDirectory(dirname(path))
}

/** Where a key change writes the new key until the database has been re-encrypted with it. */
export const pendingKeyFile = (keyFile: string) => `${keyFile}.new`
