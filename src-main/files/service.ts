/** The office's stored files: bytes in the data directory by their SHA-256, a row with name, size and checksum. */
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

/**
 * Writes the bytes (once per checksum, via a temporary file so a crash never leaves half a file) and
 * records the row in the caller's transaction. A rolled-back action leaves at most an unreferenced file.
 */
export function storeFile(ctx: ActionContext, upload: Upload) {
  const bytes = Buffer.from(upload.base64, 'base64')
  if (!bytes.length) throw new AppError('VALIDATION', `「${upload.name}」是空文件`)
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  const path = join('files', sha256.slice(0, 2), sha256)
  const full = join(ctx.dataDir, path)
  if (!existsSync(full)) {
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(`${full}.tmp`, bytes)
    renameSync(`${full}.tmp`, full)
  }
  const row = ctx.db.insert(storedFiles).values({
    name: upload.name, mime: upload.mime, size: bytes.length, sha256, path,
    uploadedAt: ctx.clock.now().toISOString(), uploadedBy: ctx.user?.displayName ?? null,
  }).returning().get()
  ctx.audit.record({ entity: '文件', id: row.id, after: { 文件名: row.name, 大小: row.size, 校验值: row.sha256 } })
  return row
}

/** The file for download; a file whose bytes no longer match their checksum is refused, not served. */
export function readStoredFile(db: Db, dataDir: string, id: number) {
  const row = requireById(db, storedFiles, id, '文件')
  const full = join(dataDir, row.path)
  if (!existsSync(full)) throw new AppError('NOT_FOUND', `文件「${row.name}」在数据目录中找不到，请从备份恢复`)
  const bytes = readFileSync(full)
  if (createHash('sha256').update(bytes).digest('hex') !== row.sha256) {
    throw new AppError('CONFLICT', `文件「${row.name}」校验值不符，可能已损坏或被改动，请从备份恢复`)
  }
  return { filename: row.name, mime: row.mime, base64: bytes.toString('base64') }
}

export type StoredFile = typeof storedFiles.$inferSelect
