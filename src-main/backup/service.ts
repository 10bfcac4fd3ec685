/**
 * Backups on disk: a folder holding a consistent copy of the database (SQLite's backup API, taken
 * while the office works), the attachments it refers to, and a manifest. The folder is written under
 * a hidden temporary name and renamed only after its checks pass, so a crash never leaves a backup
 * that looks good.
 */
import { createHash } from 'node:crypto'
import { copyFile, mkdir, readFile, rm, stat } from 'node:fs/promises'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { connectionKey, type Sqlite } from '../db/connection'
import { backupDatabase } from '../db/backup'
import { checkCopyInWorker } from './copy-check'
import { isPlainDatabase, unlock, WrongKeyError } from '../db/cipher'
import { filesDataKey, SealBrokenError, unseal } from '../files/crypto'
import { AppError } from '../kernel/errors'
import { removeFolder, sha256OfFile, syncFile, syncPath, writeFileAtomically } from './disk'
import { manifestSchema, type Manifest } from './manifest'
import {
  backupFolderName, backupsToRotate, DATABASE_ENTRY, isAttachmentPath, isUnfinishedName, MANIFEST_ENTRY,
  parseBackupFolderName, unfinishedName, type BackupKind, type RotationPolicy,
} from './rules'

/** Progress of one step, 0–1, and what is being done (shown under the progress bar). */
export type Progress = (fraction: number, phase: string) => void

export interface BackupInfo {
  name: string
  kind: BackupKind
  createdAt: string
  size: number
  fileCount: number
  missingFiles: number
  /** The manifest is present and records a passed integrity check; only such a backup can be restored. */
  checked: boolean
  problem: string | null
}

/**
 * A backup's copy of the database, opened as the office's own database is: with the office key when the
 * copy is encrypted (db/backup.ts writes it so), plainly when it is a copy from before encryption.
 */
export function openCopy(file: string, readonly: boolean, key: Buffer | undefined): Sqlite {
  const copy = new Database(file, { readonly, fileMustExist: true })
  try {
    if (key && !isPlainDatabase(file)) unlock(copy, key, file)
    return copy
  } catch (e) {
    copy.close()
    throw e
  }
}

function integrityOf(copy: Sqlite): string {
  const rows = copy.pragma('integrity_check') as { integrity_check: string }[]
  return rows.map((r) => r.integrity_check).join('；')
}

interface CopyFacts {
  migration: Manifest['migration']
  attachments: { path: string; sha256: string }[]
  counts: Record<string, number>
  /** The attachments' data key (files/crypto.ts), kept inside the database. */
  filesKey: Buffer | null
}

/** Checks the copy (in a worker thread: copy-check.ts) and reads what the manifest records. */
async function checkCopy(file: string, key: Buffer | undefined): Promise<CopyFacts> {
  const { integrity, migration, attachments, counts } = await checkCopyInWorker(file, key)
  if (integrity !== 'ok') throw new AppError('INTERNAL', `备份的数据库副本未通过完整性检查（${integrity.slice(0, 200)}），备份未完成`)
  return { migration, attachments, counts, filesKey: attachments.length ? filesKeyOf(file, key) : null }
}

/** The attachments' data key, read from the checked copy (a small table: on the main thread). */
function filesKeyOf(file: string, key: Buffer | undefined): Buffer | null {
  const copy = openCopy(file, true, key)
  try { return filesDataKey(drizzle(copy)) } finally { copy.close() }
}

/**
 * Copies each attachment as stored (encrypted) and checks the copy: it must open with the data key and
 * match the checksum the office recorded. A missing or damaged original is recorded, not copied. The
 * manifest keeps the checksum of the stored bytes, so a restore can check them without any key.
 */
async function copyAttachments(dataDir: string, target: string, facts: CopyFacts, progress: Progress) {
  const files: Manifest['files'] = []
  const missingFiles: Manifest['missingFiles'] = []
  const { attachments } = facts
  for (const [i, a] of attachments.entries()) {
    progress(i / Math.max(attachments.length, 1), `复制附件（${i + 1}/${attachments.length}）`)
    if (!isAttachmentPath(a.path)) { missingFiles.push({ path: a.path, reason: '存放路径不合规' }); continue }
    const source = join(dataDir, a.path)
    if (!existsSync(source)) { missingFiles.push({ path: a.path, reason: '数据目录中找不到' }); continue }
    const dest = join(target, a.path)
    await mkdir(dirname(dest), { recursive: true })
    await copyFile(source, dest)
    const stored = await readFile(dest)
    if (!opensAs(stored, facts.filesKey!, a.sha256)) {
      await rm(dest)
      missingFiles.push({ path: a.path, reason: '校验值不符（数据目录中的文件已损坏）' })
      continue
    }
    await syncFile(dest)
    files.push({ path: a.path, size: stored.length, sha256: createHash('sha256').update(stored).digest('hex') })
  }
  return { files, missingFiles }
}

function opensAs(stored: Buffer, key: Buffer, sha256: string): boolean {
  try {
    return createHash('sha256').update(unseal(stored, key)).digest('hex') === sha256
  } catch (e) {
    if (e instanceof SealBrokenError) return false
    throw e
  }
}

/** A name not yet taken in the folder (two backups can start in the same second). */
export function freeName(folder: string, at: Date, kind: BackupKind): string {
  for (let n = 1; ; n++) {
    const name = backupFolderName(at, kind, n)
    if (!existsSync(join(folder, name)) && !existsSync(join(folder, unfinishedName(name)))) return name
  }
}

export interface CreateBackup {
  sqlite: Sqlite
  dataDir: string
  /** The folder backups are kept in. */
  folder: string
  kind: BackupKind
  at: Date
  appVersion: string
  progress: Progress
}

/** Takes a backup into `folder` and returns its name; nothing is listed unless every check passed. */
export async function createBackup(job: CreateBackup): Promise<string> {
  mkdirSync(job.folder, { recursive: true })
  const name = freeName(job.folder, job.at, job.kind)
  const temp = join(job.folder, unfinishedName(name))
  mkdirSync(temp)
  try {
    const dbFile = join(temp, DATABASE_ENTRY)
    await backupDatabase(job.sqlite, dbFile, ({ totalPages, remainingPages }) =>
      job.progress(0.6 * (totalPages ? 1 - remainingPages / totalPages : 1), '复制数据库'))
    job.progress(0.6, '检查数据库副本')
    const facts = await checkCopy(dbFile, connectionKey(job.sqlite))
    const { files, missingFiles } = await copyAttachments(job.dataDir, temp, facts, (f, phase) => job.progress(0.6 + 0.3 * f, phase))
    job.progress(0.9, '计算校验值')
    await syncFile(dbFile)
    const manifest: Manifest = {
      format: 'sanban-backup', formatVersion: 1, appVersion: job.appVersion, migration: facts.migration,
      createdAt: job.at.toISOString(), kind: job.kind,
      database: { size: (await stat(dbFile)).size, sha256: await sha256OfFile(dbFile), integrity: 'ok' },
      files, missingFiles, counts: facts.counts,
    }
    writeFileAtomically(join(temp, MANIFEST_ENTRY), JSON.stringify(manifest, null, 2))
    syncPath(temp)
    renameSync(temp, join(job.folder, name))
    syncPath(job.folder)
    job.progress(1, '完成')
    return name
  } catch (e) {
    rmSync(temp, { recursive: true, force: true })
    throw e
  }
}

/** The manifest of a backup folder, or why it cannot be trusted. */
export function readManifest(folder: string, name = basename(folder)): Manifest {
  try {
    return manifestSchema.parse(JSON.parse(readFileSync(join(folder, MANIFEST_ENTRY), 'utf8')))
  } catch {
    throw refused(name, '备份清单（manifest.json）缺失或已损坏')
  }
}

const refused = (name: string, why: string) =>
  new AppError('CONFLICT', `备份「${name}」未通过校验：${why}。不能用它恢复，当前数据未作任何改动。`)

/**
 * Checks a backup before it is used: the manifest, the database's checksum and integrity, the migration
 * level this version understands, and every attachment's checksum. Throws a Chinese refusal otherwise.
 */
export async function verifyBackup(folder: string, key: Buffer | undefined, latestKnownMigration: number, progress: Progress, name = basename(folder)): Promise<Manifest> {
  const manifest = readManifest(folder, name)
  const dbFile = join(folder, DATABASE_ENTRY)
  progress(0, '核对数据库校验值')
  if (!existsSync(dbFile) || await sha256OfFile(dbFile) !== manifest.database.sha256) throw refused(name, '数据库文件缺失、已损坏或被改动（校验值不符）')
  if (manifest.migration.createdAt > latestKnownMigration) throw refused(name, '它由较新版本的三办生成，请先升级三办')
  progress(0.3, '检查数据库完整性')
  let integrity: string
  try {
    const copy = openCopy(dbFile, true, key)
    try { integrity = integrityOf(copy) } finally { copy.close() }
  } catch (e) {
    if (e instanceof WrongKeyError) throw refused(name, '数据库无法用本机的密钥打开（它来自另一台电脑或更换密钥之前）。请用原来的密钥文件启动三办后再试')
    integrity = '无法打开'
  }
  if (integrity !== 'ok') throw refused(name, `数据库未通过完整性检查（${integrity.slice(0, 200)}）`)
  for (const [i, f] of manifest.files.entries()) {
    progress(0.5 + 0.5 * i / manifest.files.length, `核对附件（${i + 1}/${manifest.files.length}）`)
    const file = join(folder, f.path)
    if (!isAttachmentPath(f.path) || !existsSync(file) || await sha256OfFile(file) !== f.sha256) throw refused(name, `附件 ${f.path} 缺失或已损坏`)
  }
  progress(1, '校验通过')
  return manifest
}

function describe(folder: string, name: string, kind: BackupKind): BackupInfo {
  try {
    const m = readManifest(join(folder, name))
    const size = m.database.size + m.files.reduce((sum, f) => sum + f.size, 0)
    return { name, kind, createdAt: m.createdAt, size, fileCount: m.files.length, missingFiles: m.missingFiles.length, checked: true, problem: null }
  } catch (e) {
    const at = statCreated(join(folder, name))
    return { name, kind, createdAt: at, size: 0, fileCount: 0, missingFiles: 0, checked: false, problem: (e as Error).message }
  }
}

function statCreated(path: string): string {
  try { return statSync(path).mtime.toISOString() } catch { return new Date(0).toISOString() }
}

/** The finished backups in a folder, newest first; unfinished (crashed) ones are never listed. */
export function listBackups(folder: string): BackupInfo[] {
  if (!existsSync(folder)) return []
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((d) => {
      const parsed = d.isDirectory() ? parseBackupFolderName(d.name) : null
      return parsed ? [describe(folder, d.name, parsed.kind)] : []
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
}

/** A named backup in the folder; the name must be a backup's, so it cannot point anywhere else. */
export function backupPath(folder: string, name: string): string {
  if (!parseBackupFolderName(name) || !existsSync(join(folder, name))) throw new AppError('NOT_FOUND', `备份「${name}」不存在`)
  return join(folder, name)
}

export function deleteBackup(folder: string, name: string): void {
  removeFolder(backupPath(folder, name), unfinishedName(name))
}

/** Deletes the 定时 backups the rotation no longer keeps; returns their names. */
export function rotateBackups(folder: string, policy: RotationPolicy): string[] {
  const doomed = backupsToRotate(listBackups(folder).filter((b) => b.checked).map((b) => ({ ...b, createdAt: new Date(b.createdAt) })), policy)
  for (const b of doomed) deleteBackup(folder, b.name)
  return doomed.map((b) => b.name)
}

/** Leftovers of a backup, export or import that was interrupted (a crash, a pulled drive). */
export function removeUnfinished(folder: string): void {
  if (!existsSync(folder)) return
  for (const name of readdirSync(folder)) if (isUnfinishedName(name)) rmSync(join(folder, name), { recursive: true, force: true })
}
