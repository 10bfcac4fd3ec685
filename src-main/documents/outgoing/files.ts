/**
 * A 发文's files (issue 16): the body as the drafter's .docx (正文) and the 附件 as real files, stored encrypted and
 * checksummed like every file (files/). The body is read when it arrives, so a file that is not a readable .docx is
 * refused there with the reason, and its text becomes the draft's text (search, R-D5's “经市政府同意”, the page); the
 * file stays the source of the print (套红). Files change with the text: until the document is signed.
 */
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { ReadDb } from '../../db/connection'
import type { ActionContext } from '../../kernel/procedure'
import type { Reader } from '../../security/clearance'
import { AppError, notFound } from '../../kernel/errors'
import { replaceLinksAudited, updateAudited } from '../../kernel/audited'
import { readStoredFile, storeFile, type Upload } from '../../files/service'
import { storedFiles } from '../../files/schema'
import { blocksText, DocxReadError, notDocxReason, readDocxBody, withoutRepeatedHeads, type DocxBlock } from '../../print/docx-reader'
import { outgoingDocuments, outgoingFiles } from '../schema'
import { reindex, requireOutgoing, type OutgoingRow } from './service'

type Link = typeof outgoingFiles.$inferInsert

/** The 附件 title 附件说明 prints for a file: its name without the extension. */
export const attachmentTitle = (name: string) => name.replace(/\.[A-Za-z0-9]{1,5}$/, '').trim() || name

const isDocxName = (name: string) => /\.docx$/i.test(name)

/** The files of a 发文, body first, then the 附件 in order, with what the page shows of each. */
export function outgoingFilesOf(db: ReadDb, outgoingId: number) {
  return db.select({ fileId: storedFiles.id, kind: outgoingFiles.kind, position: outgoingFiles.position, name: storedFiles.name, mime: storedFiles.mime, size: storedFiles.size, sha256: storedFiles.sha256 })
    .from(outgoingFiles).innerJoin(storedFiles, eq(storedFiles.id, outgoingFiles.fileId))
    .where(eq(outgoingFiles.outgoingId, outgoingId)).orderBy(asc(outgoingFiles.position), asc(storedFiles.id)).all()
    .map((f) => ({ ...f, title: attachmentTitle(f.name), printed: f.kind === '正文' || isDocxName(f.name) }))
}
export type OutgoingFile = ReturnType<typeof outgoingFilesOf>[number]

const bytesOf = (db: ReadDb, dataDir: string, fileId: number) => Buffer.from(readStoredFile(db, dataDir, fileId).base64, 'base64')

/** The .docx read into blocks, or the refusal naming the file and what to do. */
function readBody(name: string, bytes: Buffer, what: string): DocxBlock[] {
  const wrong = notDocxReason(name, bytes)
  if (wrong) throw new AppError('VALIDATION', `${what}「${name}」${wrong}`, { field: 'body' })
  try {
    return readDocxBody(bytes)
  } catch (e) {
    if (e instanceof DocxReadError) throw new AppError('VALIDATION', `${what}「${name}」无法读取：${e.message}。请在 Word 或 WPS 中打开检查，另存为 .docx 后重新上传`, { field: 'body' })
    throw e
  }
}

function refuseSigned(row: OutgoingRow): void {
  if (row.status === '已作废') throw new AppError('CONFLICT', `本件已作废（${row.voidReason ?? ''}），不能再上传或删除文件`)
  if (row.signedOn !== null) throw new AppError('CONFLICT', `已签发的公文不能更换正文或附件（${row.signerName ?? ''}${row.signedOn}签发，签发的文本为定稿）`)
}

/** Rewrites the document's file links as one audited change under the 发文 (field 文件). */
function saveLinks(ctx: ActionContext, outgoingId: number, rows: Link[]): void {
  const names = new Map(rows.length ? ctx.db.select({ id: storedFiles.id, name: storedFiles.name }).from(storedFiles)
    .where(inArray(storedFiles.id, rows.map((r) => r.fileId))).all().map((f) => [f.id, f.name]) : [])
  const before = new Map(outgoingFilesOf(ctx.db, outgoingId).map((f) => [f.fileId, f.name]))
  replaceLinksAudited(ctx, outgoingFiles, outgoingFiles.outgoingId, rows, {
    entity: '发文', id: outgoingId, field: '文件',
    describe: (r) => `${r.kind}${r.kind === '附件' ? r.position : ''}：${names.get(r.fileId) ?? before.get(r.fileId) ?? r.fileId}`,
  })
}

const currentLinks = (db: ReadDb, outgoingId: number): Link[] =>
  db.select().from(outgoingFiles).where(eq(outgoingFiles.outgoingId, outgoingId)).orderBy(asc(outgoingFiles.position)).all()

/**
 * Adds files to a draft: a .docx body (replacing the one before; its text becomes the draft's text) and 附件 after the
 * ones it has. A 附件 name typed before for the same 附件 is dropped from the names, so 附件说明 lists it once.
 */
export function attachOutgoingFiles(ctx: ActionContext, input: { id: number; body?: Upload | null; attachments: Upload[] }) {
  const row = requireOutgoing(ctx, input.id)
  refuseSigned(row)
  if (!input.body && input.attachments.length === 0) throw new AppError('VALIDATION', '请选择要上传的正文（.docx）或附件')
  let links = currentLinks(ctx.db, row.id)
  const patch: Partial<typeof outgoingDocuments.$inferInsert> = {}
  if (input.body) {
    const file = storeFile(ctx, input.body)
    const blocks = readBody(file.name, bytesOf(ctx.db, ctx.dataDir, file.id), '正文文件')
    if (blocks.length === 0) throw new AppError('VALIDATION', `正文文件「${file.name}」没有文字内容，请检查后重新上传`, { field: 'body' })
    links = [{ outgoingId: row.id, fileId: file.id, kind: '正文', position: 0 }, ...links.filter((l) => l.kind !== '正文' && l.fileId !== file.id)]
    patch.body = blocksText(withoutRepeatedHeads(blocks, [row.title, row.addressee]))
  }
  let next = Math.max(0, ...links.filter((l) => l.kind === '附件').map((l) => l.position))
  const names = parseNames(row.attachmentNames)
  for (const a of input.attachments) {
    const file = storeFile(ctx, a)
    if (isDocxName(file.name)) readBody(file.name, bytesOf(ctx.db, ctx.dataDir, file.id), '附件')
    if (links.some((l) => l.fileId === file.id)) continue
    links.push({ outgoingId: row.id, fileId: file.id, kind: '附件', position: ++next })
    const typed = names.indexOf(attachmentTitle(file.name))
    if (typed >= 0) { names.splice(typed, 1); patch.attachmentNames = JSON.stringify(names) }
  }
  saveLinks(ctx, row.id, links)
  if (Object.keys(patch).length) reindex(ctx.db, updateAudited(ctx, outgoingDocuments, '发文', row.id, patch))
}

/** Takes a file off a draft; the 附件 after it move up. The body's text stays as the draft's text, to edit or keep. */
export function removeOutgoingFile(ctx: ActionContext, input: { id: number; fileId: number }) {
  const row = requireOutgoing(ctx, input.id)
  refuseSigned(row)
  const links = currentLinks(ctx.db, row.id)
  if (!links.some((l) => l.fileId === input.fileId)) throw notFound('发文文件')
  let position = 0
  saveLinks(ctx, row.id, links.filter((l) => l.fileId !== input.fileId).map((l) => (l.kind === '附件' ? { ...l, position: ++position } : l)))
}

/** A file of a 发文 the reader may see, checked against its SHA-256. */
export function readOutgoingFile(reader: Reader & { dataDir: string }, outgoingId: number, fileId: number) {
  requireOutgoing(reader, outgoingId)
  const link = reader.db.select().from(outgoingFiles).where(and(eq(outgoingFiles.outgoingId, outgoingId), eq(outgoingFiles.fileId, fileId))).get()
  if (!link) throw notFound('发文文件')
  return readStoredFile(reader.db, reader.dataDir, fileId)
}

export function parseNames(json: string): string[] {
  try {
    const v = JSON.parse(json) as unknown
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && !!x.trim()) : []
  } catch {
    return []
  }
}

/** 附件说明's names: the typed names first, then the file 附件 in order. */
export function attachmentNamesOf(db: ReadDb, row: OutgoingRow): string[] {
  return [...parseNames(row.attachmentNames), ...outgoingFilesOf(db, row.id).filter((f) => f.kind === '附件').map((f) => f.title)]
}

/**
 * What the 公文 prints from the files: the body's blocks when the body is a .docx, 附件说明's names (typed names first,
 * then the file 附件 in order) and a page for each .docx 附件 with its label — 附件 alone when there is only one.
 */
export function printSources(db: ReadDb, dataDir: string, row: OutgoingRow) {
  const files = outgoingFilesOf(db, row.id)
  const body = files.find((f) => f.kind === '正文')
  const attached = files.filter((f) => f.kind === '附件')
  const typed = parseNames(row.attachmentNames)
  const names = [...typed, ...attached.map((f) => f.title)]
  const label = (i: number) => (names.length === 1 ? '附件' : `附件${i}`)
  return {
    bodyBlocks: body ? readBody(body.name, bytesOf(db, dataDir, body.fileId), '正文文件') : undefined,
    attachments: names,
    attachmentPages: attached.flatMap((f, i) => (f.printed
      ? [{ label: label(typed.length + i + 1), title: f.title, blocks: readBody(f.name, bytesOf(db, dataDir, f.fileId), '附件') }]
      : [])),
  }
}
