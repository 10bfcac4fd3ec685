/** The office's stored files: bytes encrypted in the data directory under a keyed content address, a row with name, size and SHA-256. */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import type { ReadDb } from '../db/connection'
import type { ActionContext } from '../kernel/procedure'
import { AppError } from '../kernel/errors'
import { requireById } from '../kernel/audited'
import { text } from '../kernel/fields'
import { storedFiles } from './schema'
import { existingFilesDataKey, isSealed, SealBrokenError, storageName, unseal } from './crypto'
import { storedPathOf, uploadsIn } from './uploads'

export { MAX_FILE_BYTES } from './uploads'

/** Both transports' upload token (files/uploads.ts): 24 random bytes in base64url. */
const UPLOAD_TOKEN = /^[A-Za-z0-9_-]{32}$/

/**
 * A file in an action's input: its name and type, and the token of its upload (POST /upload or the desktop's
 * 'upload' channel), never the bytes themselves (issue 21).
 */
export const uploadSchema = z.object({
  name: text('文件名', 120).refine((s) => !/[\\/\0]/.test(s), '不能包含路径符号'),
  mime: z.string().describe('文件类型').max(120).default('application/octet-stream'),
  upload: z.string().describe('上传凭据').regex(UPLOAD_TOKEN, '不是有效的上传凭据，请重新选择文件'),
}).describe('文件')
export type Upload = z.output<typeof uploadSchema>

/** Whole or not at all: through a temporary file, so a crash never leaves half a file under its name. */
export function writeWhole(full: string, bytes: Buffer): void {
  mkdirSync(dirname(full), { recursive: true })
  writeFileSync(`${full}.tmp`, bytes)
  renameSync(`${full}.tmp`, full)
}

/** Relative to the data directory: files/ab/ab12…, by the keyed name of the content (crypto.ts). */
export function storagePath(bytes: Buffer, key: Buffer): string {
  return storedPathOf(storageName(bytes, key))
}

/**
 * Records an uploaded file in the caller's transaction: the upload (already sealed on disk) is claimed for
 * the calling user and moved to its stored name. A rolled-back action leaves at most an unreferenced file.
 */
export function storeFile(ctx: ActionContext, upload: Upload) {
  const { size, sha256, path } = uploadsIn(ctx.dataDir).claim(ctx.db, ctx.user?.id, upload.upload, upload.name)
  const row = ctx.db.insert(storedFiles).values({
    name: upload.name, mime: upload.mime, size, sha256, path,
    uploadedAt: ctx.clock.now().toISOString(), uploadedBy: ctx.user?.displayName ?? null,
  }).returning().get()
  ctx.audit.record({ entity: '文件', id: row.id, after: { 文件名: row.name, 大小: row.size, 校验值: row.sha256 } })
  return row
}

/** The file for download; a file whose bytes no longer match their checksum (or whose seal is broken) is refused, not served. */
export function readStoredFile(db: ReadDb, dataDir: string, id: number) {
  const row = requireById(db, storedFiles, id, '文件')
  const full = join(dataDir, row.path)
  if (!existsSync(full)) throw new AppError('NOT_FOUND', `文件「${row.name}」在数据目录中找不到，请从备份恢复`)
  const damaged = () => new AppError('CONFLICT', `文件「${row.name}」校验值不符，可能已损坏或被改动，请从备份恢复`)
  let bytes: Buffer
  try {
    const stored = readFileSync(full)
    // A sealed file with no data key in the database cannot be this database's: it is refused as damaged.
    const key = existingFilesDataKey(db)
    if (!key && isSealed(stored)) throw damaged()
    bytes = key ? unseal(stored, key) : stored
  } catch (e) {
    if (e instanceof SealBrokenError) throw damaged()
    throw e
  }
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) throw damaged()
  return { filename: row.name, mime: row.mime, base64: bytes.toString('base64') }
}

export type StoredFile = typeof storedFiles.$inferSelect
