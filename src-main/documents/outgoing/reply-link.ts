/**
 * 请示 ↔ 批复 (issue 16): a 批复 or 复函 names the 收文 it answers (a 请示, or a 函 asking for an answer), chosen by its
 * 收文号 or by words of its title. Each page shows the other; the 收文 shows 已批复 with the 发文字号 once the answer is
 * issued. The link is outgoing_documents.reply_to_id, read both ways through outgoing_reply_idx.
 */
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { ActionContext } from '../../kernel/procedure'
import { AppError } from '../../kernel/errors'
import { updateAudited } from '../../kernel/audited'
import { visibleClassifications } from '../../common/classification'
import { readIncomingNumber } from '../../common/documents'
import { clearanceOf, type Reader } from '../../security/clearance'
import { incomingDocuments, outgoingDocuments } from '../schema'
import { incomingNumberText } from '../incoming/rules'
import { requireIncoming, type IncomingRow } from '../incoming/service'
import { requireOutgoing, type OutgoingRow } from './service'
import { docIdOf, kindRange, matchQuery } from '../registers/search'

/** The kinds of 收文 a reply answers, and the kinds of 发文 that answer. */
export const ANSWERED_TYPES = ['请示', '函'] as const
export const ANSWER_TYPES = ['批复', '函'] as const

const brief = (d: Pick<IncomingRow, 'id' | 'year' | 'seq' | 'title' | 'sender' | 'docType' | 'status'>) =>
  ({ id: d.id, numberText: incomingNumberText(d.year, d.seq), title: d.title, sender: d.sender, docType: d.docType, status: d.status })

/** The 收文 this 发文 answers, as the 发文 page shows it; null when none, or when it is above the reader's clearance. */
export function replyToOf(reader: Reader, row: Pick<OutgoingRow, 'replyToId'>) {
  if (row.replyToId === null) return null
  const doc = reader.db.select().from(incomingDocuments).where(eq(incomingDocuments.id, row.replyToId)).get()
  return doc && visibleClassifications(clearanceOf(reader.user)).includes(doc.classification) ? brief(doc) : null
}

/** The void fields the 发文 page shows, beside the link (both come from columns the page did not read before). */
export const voidedOf = (row: Pick<OutgoingRow, 'status' | 'voidedOn' | 'voidedBy' | 'voidReason'>) =>
  row.status === '已作废' ? { on: row.voidedOn, by: row.voidedBy, reason: row.voidReason } : null

/** Why this 收文 cannot be the one answered, or null (also for an imported 批复, imports/kinds/outgoing.ts). */
export function answerableProblem(doc: IncomingRow): string | null {
  if (!(ANSWERED_TYPES as readonly string[]).includes(doc.docType)) return `${incomingNumberText(doc.year, doc.seq)}是${doc.docType}，批复只答复请示（复函答复来函）`
  if (doc.status === '已作废') return `${incomingNumberText(doc.year, doc.seq)}已作废，不能作为答复对象`
  return null
}

/** 指定所答复的请示 (or clear it with null): any time before the 发文 is voided; the 收文 must be a visible 请示 or 函. */
export function setReplyTo(ctx: ActionContext, input: { id: number; incomingId: number | null }): void {
  const row = requireOutgoing(ctx, input.id)
  if (row.status === '已作废') throw new AppError('CONFLICT', `本件已作废（${row.voidReason ?? ''}），不能指定所答复的请示`)
  if (input.incomingId !== null) {
    if (!(ANSWER_TYPES as readonly string[]).includes(row.docType)) {
      throw new AppError('VALIDATION', `本件文种为${row.docType}：只有批复或函可以指定所答复的请示，请先把文种改为批复或函`, { field: 'incomingId' })
    }
    const doc = requireIncoming(ctx, input.incomingId)
    const problem = answerableProblem(doc)
    if (problem) throw new AppError('VALIDATION', problem, { field: 'incomingId' })
  }
  updateAudited(ctx, outgoingDocuments, '发文', row.id, { replyToId: input.incomingId })
}

/** 收〔2026〕5号, 2026-5, 2026年5号: the year and sequence typed, or null — a bare 12 or a title is searched as words. */
export function typedIncomingNumber(text: string): { year: number; seq: number } | null {
  const n = readIncomingNumber(text)
  return n?.alone && n.year !== null ? { year: n.year, seq: n.seq } : null
}

/** The 请示 and 函 a reply may answer, found by 收文号 or by words of title, number or sender; newest first, at most 20. */
export function answerCandidates(reader: Reader, text: string) {
  const d = incomingDocuments
  const seen = inArray(d.classification, visibleClassifications(clearanceOf(reader.user)))
  const kinds = inArray(d.docType, [...ANSWERED_TYPES])
  const number = typedIncomingNumber(text)
  const q = matchQuery(text)
  const found = number ? and(eq(d.year, number.year), eq(d.seq, number.seq))
    : q ? sql`${d.id} IN (SELECT ${docIdOf('收文')} FROM document_search s WHERE s.document_search MATCH ${q} AND ${kindRange('收文')})` : null
  if (!found) return []
  return reader.db.select().from(d).where(and(found, seen, kinds, ne(d.status, '已作废'))).orderBy(desc(d.receivedAt), desc(d.id)).limit(20).all().map(brief)
}
