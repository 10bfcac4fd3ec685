/**
 * Reads that leave a trace (保密管理：涉密载体的查阅、打印、导出、下载须可追溯). Queries are otherwise not audited; the
 * router asks `readTrail` after a query has answered, whether or not the answer came from the shared cache:
 *
 * - every export or download (exports.ts), as before, now with the 密级 of what it took out and the caller's address;
 * - opening a 秘密 or 机密 收文, 发文 or a meeting's 议题 (the catalogue below): who, what, when, from where.
 *
 * Which record a call reads is found from its input by the catalogue, not from its answer, so a cached answer is
 * recorded like a fresh one. Tables are named by their SQL names (audit/ imports no business domain).
 */
import type { z } from 'zod'
import type { Sqlite } from '../db/connection'
import type { ActionContext } from '../kernel/procedure'
import { AuditTrail } from '../kernel/audit-trail'
import { visibleClassifications, type Classification } from '../common/classification'
import { sqliteOf } from './chain'
import { isClassified } from './classified'
import { dataOutTrail, takesDataOut } from './exports'

type Input = Record<string, unknown>

/** The record a call reads: its kind in the office's words, its id and its 密级. */
interface ReadRecord { entity: string; id: number; classification: Classification }

type Finder = (sqlite: Sqlite, input: Input, visible: readonly Classification[]) => ReadRecord | null

const one = (entity: string, sql: string, key: string): Finder => (sqlite, input) => {
  const id = input[key]
  if (typeof id !== 'number') return null
  const row = sqlite.prepare(sql).get({ id }) as { id: number; classification: Classification } | undefined
  return row ? { entity, id: row.id, classification: row.classification } : null
}

/** A meeting's topics as the reader saw them (their clearance and below): the highest 密级 among them. */
const meeting = (key: string): Finder => (sqlite, input, visible) => {
  const id = input[key]
  if (typeof id !== 'number') return null
  const levels = sqlite.prepare(`SELECT DISTINCT classification FROM topics WHERE meeting_id = ? AND withdrawn = 0 AND classification IN (${visible.map(() => '?').join(', ')})`)
    .pluck().all(id, ...visible) as Classification[]
  const classification = levels.includes('机密') ? '机密' : levels.includes('秘密') ? '秘密' : '无'
  return { entity: '会议', id, classification }
}

const incoming = one('收文', 'SELECT id, classification FROM incoming_documents WHERE id = @id', 'id')
const outgoing = one('发文', 'SELECT id, classification FROM outgoing_documents WHERE id = @id', 'id')
const incomingFile = one('收文', `SELECT d.id, d.classification FROM incoming_documents d
  WHERE d.id IN (SELECT document_id FROM incoming_files WHERE file_id = @id) OR d.id IN (SELECT document_id FROM assignments WHERE feedback_file_id = @id)`, 'fileId')
const topicFile = one('议题', `SELECT t.id, t.classification FROM topics t JOIN topic_files f ON f.topic_id = t.id WHERE f.file_id = @id`, 'fileId')

/** Which record each reading procedure reads. */
const READS: Record<string, Finder> = {
  'incoming.get': incoming,
  'incoming.exportRoutingSlipDocx': incoming,
  'incoming.downloadFile': incomingFile,
  'outgoing.get': outgoing,
  'outgoing.exportDocumentDocx': outgoing,
  'outgoing.exportSignOffSheetDocx': outgoing,
  'topics.list': meeting('meetingId'),
  'topics.downloadFile': topicFile,
  'meetings.exportAgendaDocx': meeting('id'),
  'meetings.exportNoticeDocx': meeting('id'),
  'attendance.exportDocx': meeting('id'),
  'minutes.exportDocx': meeting('meetingId'),
}

/** The procedures whose reads of a 秘密/机密 record are recorded (test/api/audit-secrets.test.ts checks each exists). */
export const RECORDED_READS = Object.keys(READS)

export interface ReadTrail { trail: AuditTrail; classification: Classification }

/** What to record of a query that has answered, or null when it leaves no trace (an unclassified record opened). */
export function readTrail(ctx: ActionContext, procedure: string, schema: z.ZodType, input: unknown): ReadTrail | null {
  const find = Object.hasOwn(READS, procedure) ? READS[procedure] : undefined
  const visible = ctx.user ? visibleClassifications(ctx.user.clearance) : []
  const read = find && input && typeof input === 'object' ? find(sqliteOf(ctx.db), input as Input, visible) : null
  const classification = read?.classification ?? '无'
  const where = { 来源地址: ctx.from }
  if (takesDataOut(procedure)) {
    const trail = dataOutTrail(procedure, schema, input, read && isClassified(classification) ? { [read.entity]: read.id, ...where } : where)
    return { trail, classification }
  }
  if (!read || !isClassified(classification)) return null
  const trail = new AuditTrail()
  trail.record({ entity: '查阅', id: read.id, fields: { [read.entity]: read.id, 密级: classification, ...where } })
  return { trail, classification }
}
