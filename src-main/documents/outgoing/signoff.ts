/**
 * 签发 (R-D4, R-D5 with acting R-P2/R-P3), 编号 (X-1, R-D6), 复核, 印发 and 核发 of an outgoing document.
 */
import type { ReviewStep } from '../../common/documents'
import { and, eq, max } from 'drizzle-orm'
import type { ReadDb } from '../../db/connection'
import type { ActionContext } from '../../kernel/procedure'
import type { Reader } from '../../security/clearance'
import { AppError, ruleViolation } from '../../kernel/errors'
import { enforce } from '../../kernel/decision'
import { updateAudited } from '../../kernel/audited'
import { chineseDate, yearOf, type IsoDate } from '../../common/dates'
import { loadOrgSnapshot } from '../../org/service'
import { loadAbsencePeriods } from '../../absences/service'
import { departments } from '../../org/schema'
import {
  checkOutgoingSignOff, countyDirectiveCheck, countyDirectiveSeriesCheck, formatDocumentNumber, nextReviewStep, nextSequence, outgoingSigner, signerLine,
  signOpinion, stepDateProblem,
} from './rules'
import { getOutgoing, reindex, requireOutgoing, type OutgoingRow } from './service'
import { outgoingDocuments, reviews } from '../schema'
import type { IssueInput, CheckInput, DispatchInput, SignOffInput } from './contract'
import { cite } from '../../common/rules'
import { readSettings } from '../../settings/service'

const ENTITY = '发文'

const departmentName = (db: ReadDb, row: OutgoingRow): string | null => (row.draftingDepartmentId === null ? null
  : db.select({ name: departments.name }).from(departments).where(eq(departments.id, row.draftingDepartmentId)).get()?.name ?? null)

/** R-D4 with acting on `date`: who may sign this document. */
function signerAnswer(db: ReadDb, row: OutgoingRow, date: IsoDate) {
  return outgoingSigner({
    signKind: row.signKind, draftingDepartmentId: row.draftingDepartmentId, draftingDepartmentName: departmentName(db, row),
    countyDirective: row.countyDirective, org: loadOrgSnapshot(db, date), absences: loadAbsencePeriods(db, date, date), date,
  })
}

/** For the page's "应由 X 签发（代 Y，R-P2）" on a chosen date. */
export function requiredSignerOn(reader: Reader, id: number, date: IsoDate) {
  const answer = signerAnswer(reader.db, requireOutgoing(reader, id), date)
  return { ...answer, text: signerLine(answer) }
}

const dateError = (problem: string | null, field: string) => {
  if (problem) throw new AppError('VALIDATION', problem, { field })
}

/** 签发: only by the person R-D4 names on that day; the opinion, the name and the full date are recorded. */
export function signOff(ctx: ActionContext, input: SignOffInput) {
  const { db } = ctx
  const row = requireOutgoing(ctx, input.id)
  if (row.status === '已作废') throw new AppError('CONFLICT', `本件已作废（${row.voidReason ?? ''}），不能签发`)
  if (row.signedOn !== null) throw new AppError('CONFLICT', `本文已由${row.signerName ?? ''}于${chineseDate(row.signedOn)}签发，不能重复签发`)
  if (row.status !== '待签发') {
    const done = db.select({ step: reviews.step }).from(reviews).where(eq(reviews.outgoingId, row.id)).all().map((r) => r.step as ReviewStep)
    throw new AppError('CONFLICT', `核稿尚未完成，不能签发：下一步应由${nextReviewStep(done) ?? '办公室负责人'}核稿`)
  }
  const lastReview = db.select({ on: max(reviews.reviewedOn) }).from(reviews).where(eq(reviews.outgoingId, row.id)).get()?.on ?? null
  dateError(stepDateProblem(input.date, ctx.clock.today(), { date: lastReview, what: '核稿日期' }, '签发日期'), 'date')
  enforce(countyDirectiveCheck(row))
  // a draft of before R-D5's series rule (issue 16) is stopped here rather than numbered in the government's series
  const settings = readSettings(db)
  enforce(countyDirectiveSeriesCheck({ ...row, draftingDepartmentName: departmentName(db, row) }, settings.documentSeries, settings.governmentName))
  const { signer } = enforce(checkOutgoingSignOff(input.signerId, signerAnswer(db, row, input.date), loadOrgSnapshot(db, input.date)))
  updateAudited(ctx, outgoingDocuments, ENTITY, row.id, {
    status: '已签发',
    signerId: signer.personId,
    signerName: signer.name,
    actingFor: signer.actingFor,
    signOpinion: signOpinion(input.opinion),
    signedOn: input.date,
  })
  return getOutgoing(ctx, row.id, ctx.clock.today())
}

/**
 * 编号 (X-1, R-D6): after sign-off only; the next number of the series in the sign-off year.
 * This runs inside the router's BEGIN IMMEDIATE transaction, which holds the write lock from its first
 * statement, so reading the highest number and writing the next cannot interleave with another
 * connection's numbering; outgoing_number_idx is the last guard against a duplicate.
 */
export function numberOutgoing(ctx: ActionContext, input: { id: number }) {
  const { db } = ctx
  const row = requireOutgoing(ctx, input.id)
  if (row.numberText) throw new AppError('CONFLICT', `本文已编号：${row.numberText}`)
  if (row.status !== '已签发') {
    throw ruleViolation('X-1', `${cite('X-1')}：发文字号在领导签发之后、印制之前编号，本文尚未签发（当前：${row.status}），不能编号。`)
  }
  const year = yearOf(row.signedOn!)
  const top = db.select({ n: max(outgoingDocuments.numberSeq) }).from(outgoingDocuments)
    .where(and(eq(outgoingDocuments.series, row.series), eq(outgoingDocuments.numberYear, year))).get()?.n ?? null
  const seq = nextSequence(top === null ? [] : [top])
  const after = updateAudited(ctx, outgoingDocuments, ENTITY, row.id, {
    status: '已编号', numberYear: year, numberSeq: seq, numberText: formatDocumentNumber(row.series, year, seq),
  })
  reindex(db, after)
  return getOutgoing(ctx, row.id, ctx.clock.today())
}

/** 复核 before printing: who checked the numbered document. */
export function checkOutgoing(ctx: ActionContext, input: CheckInput) {
  const row = requireOutgoing(ctx, input.id)
  if (row.status !== '已编号') {
    throw new AppError('CONFLICT', row.status === '已印发' ? '本文已印发，不能再复核' : `复核在编号之后进行，本文当前：${row.status}`)
  }
  updateAudited(ctx, outgoingDocuments, ENTITY, row.id, { checkedBy: input.checkedBy })
  return getOutgoing(ctx, row.id, ctx.clock.today())
}

/** 印发: date, copies and distribution; a classified document's copies are numbered (份号) from firstCopyNumber (default 1). */
export function issueOutgoing(ctx: ActionContext, input: IssueInput) {
  const row = requireOutgoing(ctx, input.id)
  if (row.status === '已印发') throw new AppError('CONFLICT', `本文已于${chineseDate(row.issuedOn!)}印发`)
  if (row.status !== '已编号') throw new AppError('CONFLICT', `印发须在签发、编号之后，本文当前：${row.status}`)
  if (!row.checkedBy) throw new AppError('CONFLICT', '印发前须复核：请先记录复核人')
  dateError(stepDateProblem(input.issuedOn, ctx.clock.today(), { date: row.signedOn, what: '签发日期' }, '印发日期'), 'issuedOn')
  const classified = row.classification !== '无'
  const first = input.firstCopyNumber ?? (classified ? 1 : null)
  if (first !== null && first + input.copies - 1 > 999_999) throw new AppError('VALIDATION', '「起始份号」加份数超过999999', { field: 'firstCopyNumber' })
  updateAudited(ctx, outgoingDocuments, ENTITY, row.id, {
    status: '已印发', issuedOn: input.issuedOn, copies: input.copies, distribution: input.distribution, firstCopyNumber: first,
  })
  return getOutgoing(ctx, row.id, ctx.clock.today())
}

/** 核发: the printed copies are checked and sent out. */
export function dispatchOutgoing(ctx: ActionContext, input: DispatchInput) {
  const row = requireOutgoing(ctx, input.id)
  if (row.dispatchedOn) throw new AppError('CONFLICT', `本文已于${chineseDate(row.dispatchedOn)}核发`)
  if (row.status !== '已印发') throw new AppError('CONFLICT', `核发须在印发之后，本文当前：${row.status}`)
  dateError(stepDateProblem(input.dispatchedOn, ctx.clock.today(), { date: row.issuedOn, what: '印发日期' }, '核发日期'), 'dispatchedOn')
  updateAudited(ctx, outgoingDocuments, ENTITY, row.id, { dispatchedOn: input.dispatchedOn })
  return getOutgoing(ctx, row.id, ctx.clock.today())
}
