/** The office's stored files: bytes encrypted in the data directory under a keyed content address, a row with name, size and SHA-256. */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { z } from 'zod'
import type { Db } from '../db/connection'
import type { ActionContext } from '../rpc/procedure'
import { AppError } from '../rpc/errors'
import { requireById } from '../db/audited'
import { text } from '../rpc/validation'
import { storedFiles } from './schema'
import { filesDataKey, seal, SealBrokenError, storageName, unseal } from './crypto'

/** 20 MB per file: a scanned 议题审批表 or a topic file with its annexes fits; the HTTP limit allows for base64. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024

/** An uploaded file as both transports carry it: name, type and the bytes in base64. */
export const uploadSchema = z.object({
  name: text('文件名', 120).refine((s) => !/[\\/\0]/.test(s), '不能包含路径符号'),
  mime: z.string().describe('文件类型').max(120).default('application/octet-stream'),
  base64: z.string().describe('文件内容').min(1, '文件为空').max(Math.ceil(MAX_FILE_BYTES / 3) * 4, `文件不能超过${MAX_FILE_BYTES / 1024 / 1024}MB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容编码有误'),
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
  const name = storageName(bytes, key)
  return join('files', name.slice(0, 2), name)
}

/**
 * Writes the bytes encrypted (once per content) and records the row in the caller's transaction.
 * A rolled-back action leaves at most an unreferenced file.
 */
export function storeFile(ctx: ActionContext, upload: Upload) {
  const bytes = Buffer.from(upload.base64, 'base64')
  if (!bytes.length) throw new AppError('VALIDATION', `「${upload.name}」是空文件`)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const key = filesDataKey(ctx.db)
  const path = storagePath(bytes, key)
  const full = join(ctx.dataDir, path)
  if (!existsSync(full)) writeWhole(full, seal(bytes, key))
  const row = ctx.db.insert(storedFiles).values({
    name: upload.name, mime: upload.mime, size: bytes.length, sha256, path,
    uploadedAt: ctx.clock.now().toISOString(), uploadedBy: ctx.user?.displayName ?? null,
  }).returning().get()
  ctx.audit.record({ entity: '文件', id: row.id, after: { 文件名: row.name, 大小: row.size, 校验值: row.sha256 } })
  return row
}

/** The file for download; a file whose bytes no longer match their checksum (or whose seal is broken) is refused, not served. */
export function readStoredFile(db: Db, dataDir: string, id: number) {
  const row = requireById(db, storedFiles, id, '文件')
  const full = join(dataDir, row.path)
  if (!existsSync(full)) throw new AppError('NOT_FOUND', `文件「${row.name}」在数据目录中找不到，请从备份恢复`)
  const damaged = () => new AppError('CONFLICT', `文件「${row.name}」校验值不符，可能已损坏或被改动，请从备份恢复`)
  let bytes: Buffer
  try {
    bytes = unseal(readFileSync(full), filesDataKey(db))
  } catch (e) {
    if (e instanceof SealBrokenError) throw damaged()
    throw e
  }
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) throw damaged()
  return { filename: row.name, mime: row.mime, base64: bytes.toString('base64') }
}

export type StoredFile = typeof storedFiles.$inferSelect
