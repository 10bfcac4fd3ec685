/** 收文: 签收/登记 with the yearly 收文号, correction while 已登记, 初审 (accept or return with reasons). */
import { eq, max } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import type { ActionContext } from '../../kernel/procedure'
import { AppError, ruleViolation } from '../../kernel/errors'
import { insertAudited, requireById, updateAudited } from '../../kernel/audited'
import { chineseDate, type IsoDate } from '../../common/dates'
import { principalPost } from '../../org/snapshot'
import { loadOrgSnapshot } from '../../org/service'
import { departments } from '../../org/schema'
import { storeFile } from '../../files/service'
import { indexForSearch } from '../registers/search'
import { incomingDocuments, incomingFiles } from '../schema'
import { type IncomingState } from '../../common/documents'
import { readSettings } from '../../settings/service'
import { checkRegistrable, clearanceOf, requireSeen, type Reader } from '../../security/clearance'
import { directExceptionProblem, incomingNumberText, secrecyProblem } from './rules'
import { isLeaderKind } from '../../common/org'
import { reclassify, refuseReclassifyingEdit, type ReclassifyInput, type ReclassifyTarget } from '../../security/reclassify'
import type { IncomingFields, RegisterInput, UpdateInput, ReturnInput, ReviewInput } from './contract'

export type IncomingRow = typeof incomingDocuments.$inferSelect

export const ENTITY = '收文'

/**
 * The 收文 as this reader may see it: one above their clearance is answered exactly as a missing one. `what` names
 * the record the caller asked for (a 批示, a 承办记录) when it reached the document through it.
 */
export function requireIncoming(reader: Reader, id: number, what = '收文'): IncomingRow {
  const doc = reader.db.select().from(incomingDocuments).where(eq(incomingDocuments.id, id)).get()
  return requireSeen(doc, clearanceOf(reader.user), what)
}

/** Refuses a step the document's status does not allow, naming where it is. */
export function requireStatus(doc: IncomingRow, allowed: readonly IncomingState[], doing: string): void {
  if (!allowed.includes(doc.status)) {
    throw new AppError('CONFLICT', `${incomingNumberText(doc.year, doc.seq)}目前状态为“${doc.status}”，不能${doing}`)
  }
}

export const numberText = (doc: Pick<IncomingRow, 'year' | 'seq'>) => incomingNumberText(doc.year, doc.seq)

/** The texts the Chinese search finds a 收文 by (R: titles, numbers, senders). */
export const searchTexts = (doc: Pick<IncomingRow, 'title' | 'senderNumber' | 'sender' | 'year' | 'seq'>) => [doc.title, doc.senderNumber, doc.sender, numberText(doc)]

/** Indexes a 收文 for search; `before` when it was indexed already. */
export function reindex(db: Db, doc: IncomingRow, before?: IncomingRow): void {
  indexForSearch(db, { kind: '收文', docId: doc.id, at: doc.receivedAt, classification: doc.classification }, searchTexts(doc), before?.receivedAt)
}

/** A date must not be in the future, nor before an earlier step of the same document. */
export function checkStepDate(ctx: ActionContext, date: IsoDate, label: string, notBefore?: { date: IsoDate; what: string } | null): void {
  const today = ctx.clock.today()
  if (date > today) throw new AppError('VALIDATION', `「${label}」不能晚于今天（${chineseDate(today)}）`)
  if (notBefore && date < notBefore.date) throw new AppError('VALIDATION', `「${label}」不能早于${notBefore.what}（${chineseDate(notBefore.date)}）`)
}

export const receivedDate = (doc: Pick<IncomingRow, 'receivedAt'>): IsoDate => doc.receivedAt.slice(0, 10)

function checkFields(ctx: ActionContext, f: IncomingFields): void {
  checkRegistrable(f.classification, readSettings(ctx.db).approvedClassification, clearanceOf(ctx.user))
  const secrecy = secrecyProblem(f.classification, f.secrecyPeriod)
  if (secrecy) throw new AppError('VALIDATION', secrecy, { field: 'secrecyPeriod' })
  const direct = directExceptionProblem(f.directException, f.directLeaderId)
  if (direct) throw ruleViolation('R-D1', direct)
  if (f.directLeaderId != null) {
    const post = principalPost(loadOrgSnapshot(ctx.db), f.directLeaderId)
    if (!post || !isLeaderKind(post.kind)) {
      throw new AppError('VALIDATION', '「直送领导」须为市长、副市长、秘书长或副秘书长', { field: 'directLeaderId' })
    }
  }
  if (f.senderDepartmentId != null) requireById(ctx.db, departments, f.senderDepartmentId, '来文单位')
  checkStepDate(ctx, f.receivedAt.slice(0, 10), '签收时间')
}

const columns = (f: IncomingFields) => ({
  receivedAt: f.receivedAt, sender: f.sender, senderDepartmentId: f.senderDepartmentId ?? null, senderNumber: f.senderNumber ?? null,
  title: f.title, docType: f.docType, classification: f.classification, secrecyPeriod: f.classification === '无' ? null : f.secrecyPeriod ?? null,
  urgency: f.urgency, copies: f.copies, pages: f.pages ?? null, arrival: f.arrival,
  directException: f.directException ?? null, directLeaderId: f.directLeaderId ?? null,
})

/**
 * 签收/登记: the 收文号 is the next of the receipt year, read and written in this mutation's immediate
 * transaction (unique index incoming_number_idx behind it), so two clerks never get the same number.
 */
export function registerIncoming(ctx: ActionContext, input: RegisterInput): IncomingRow {
  checkFields(ctx, input)
  const year = Number(input.receivedAt.slice(0, 4))
  const last = ctx.db.select({ n: max(incomingDocuments.seq) }).from(incomingDocuments).where(eq(incomingDocuments.year, year)).get()?.n ?? 0
  const doc = insertAudited(ctx, incomingDocuments, ENTITY, {
    ...columns(input), year, seq: last + 1, status: '已登记', registeredBy: ctx.user?.displayName ?? null, createdAt: ctx.clock.now().toISOString(),
  })
  for (const f of input.files) {
    const file = storeFile(ctx, f.file)
    ctx.db.insert(incomingFiles).values({ documentId: doc.id, fileId: file.id, kind: f.kind }).onConflictDoNothing().run()
  }
  reindex(ctx.db, doc)
  return doc
}

/**
 * Corrects the registration while it is still 已登记; the 收文号 stays, so the receipt year cannot change, and the
 * 密级 stays: a changed one is refused with a pointer to 定密变更 (issue 14).
 */
export function updateIncoming(ctx: ActionContext, edit: UpdateInput): IncomingRow {
  const doc = requireIncoming(ctx, edit.id)
  requireStatus(doc, ['已登记'], '修改登记信息（只有尚未拟办的收文可以修改）')
  refuseReclassifyingEdit(doc, edit)
  const input = { ...edit, classification: doc.classification, secrecyPeriod: doc.secrecyPeriod }
  if (Number(input.receivedAt.slice(0, 4)) !== doc.year) {
    throw new AppError('VALIDATION', `「签收时间」不能改到其他年份：收文号${numberText(doc)}属于${doc.year}年的序列。如确属登记错误，请退回后重新登记。`, { field: 'receivedAt' })
  }
  checkFields(ctx, input)
  const after = updateAudited(ctx, incomingDocuments, ENTITY, doc.id, columns(input))
  reindex(ctx.db, after, doc)
  return after
}

const RECLASSIFY: ReclassifyTarget<IncomingRow> = {
  kind: '收文', entity: ENTITY, table: incomingDocuments, hasPeriod: true,
  load: (ctx, id) => requireIncoming(ctx, id),
  periodProblem: secrecyProblem,
  afterChange: (ctx, after, before) => reindex(ctx.db, after, before),
}

/** 定密变更 of a 收文, at any stage: its files follow, being seen by whoever may see the document. */
export const reclassifyIncoming = (ctx: ActionContext, input: ReclassifyInput): IncomingRow => reclassify(ctx, RECLASSIFY, input)

/** 初审 recorded: by whom, on which day, with what note. */
export function reviewOf(doc: IncomingRow): { by: string | null; on: IsoDate; note: string | null } | null {
  return doc.reviewedOn ? { by: doc.reviewedBy, on: doc.reviewedOn, note: doc.reviewNote } : null
}

/** 初审 passed: the document conforms and goes on to 拟办. */
export function acceptIncoming(ctx: ActionContext, input: ReviewInput) {
  const doc = requireIncoming(ctx, input.id)
  requireStatus(doc, ['已登记'], '初审')
  if (reviewOf(doc)) throw new AppError('CONFLICT', `${numberText(doc)}已通过初审`)
  checkStepDate(ctx, input.reviewedOn, '初审日期', { date: receivedDate(doc), what: '签收日期' })
  return updateAudited(ctx, incomingDocuments, ENTITY, doc.id, { reviewedOn: input.reviewedOn, reviewedBy: ctx.user?.displayName ?? null, reviewNote: input.note ?? null })
}

/** 初审 failed: returned to the sender with the reasons. */
export function returnIncoming(ctx: ActionContext, input: ReturnInput): IncomingRow {
  const doc = requireIncoming(ctx, input.id)
  requireStatus(doc, ['已登记'], '退回（只有尚未拟办的收文可以退回）')
  checkStepDate(ctx, input.returnedOn, '退回日期', { date: receivedDate(doc), what: '签收日期' })
  return updateAudited(ctx, incomingDocuments, ENTITY, doc.id, { status: '已退回', returnReason: input.reason, closedOn: input.returnedOn })
}
