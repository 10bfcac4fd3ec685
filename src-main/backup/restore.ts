/**
 * Putting a checked backup in place. Attachments go in first (they are content-addressed, so adding
 * them never disturbs the current data); the database is copied beside the live one and swapped in by
 * one rename, with the connection closed (core.reopenDatabase). A crash at any step leaves either the
 * old database or the restored one, each with all its files.
 */
import { copyFile, mkdir, rename } from 'node:fs/promises'
import { existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { AppError } from '../kernel/errors'
import { sha256OfFile, syncPath } from './disk'
import type { Manifest } from './manifest'
import { DATABASE_ENTRY } from './rules'
import type { Progress } from './service'

const STAGED_SUFFIX = '.恢复中'

async function putAttachment(from: string, to: string, sha256: string): Promise<void> {
  if (existsSync(to) && await sha256OfFile(to) === sha256) return
  await mkdir(dirname(to), { recursive: true })
  await copyFile(from, `${to}.tmp`)
  syncPath(`${to}.tmp`)
  await rename(`${to}.tmp`, to)
}

/** Copies the backup's attachments into the data folder and its database beside the live one; returns the staged file. */
export async function stageRestore(backup: string, manifest: Manifest, dataDir: string, databaseFile: string, progress: Progress): Promise<string> {
  for (const [i, f] of manifest.files.entries()) {
    progress(i / Math.max(manifest.files.length, 1), `放回附件（${i + 1}/${manifest.files.length}）`)
    await putAttachment(join(backup, f.path), join(dataDir, f.path), f.sha256)
  }
  progress(0.8, '复制数据库')
  const staged = `${databaseFile}${STAGED_SUFFIX}`
  await copyFile(join(backup, DATABASE_ENTRY), staged)
  syncPath(staged)
  if (await sha256OfFile(staged) !== manifest.database.sha256) {
    rmSync(staged, { force: true })
    throw new AppError('INTERNAL', '复制备份的数据库时出错（校验值不符），未恢复，当前数据未作任何改动')
  }
  progress(1, '替换数据库')
  return staged
}

/**
 * Runs with the connection closed. A write-ahead log left beside the database would be replayed onto
 * the restored file and corrupt it, so it must be gone (a clean close checkpoints and removes it).
 */
export function swapDatabaseFile(databaseFile: string, staged: string): void {
  const wal = `${databaseFile}-wal`
  if (existsSync(wal) && statSync(wal).size > 0) {
    throw new AppError('CONFLICT', '数据库仍被其他程序打开（还有未写入的日志），未恢复，当前数据未作任何改动。请关闭其他三办程序后重试')
  }
  rmSync(wal, { force: true })
  rmSync(`${databaseFile}-shm`, { force: true })
  renameSync(staged, databaseFile)
  syncPath(dirname(databaseFile))
}
