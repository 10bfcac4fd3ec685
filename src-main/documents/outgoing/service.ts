/**
 * 发文 (R-D4, R-D5, R-D6, X-1): 拟稿 from a template, 核稿 in three steps, and the view of one
 * document. Sign-off, numbering, 复核, 印发 and 核发 are in ./outgoing-signoff.ts.
 */
import type { ReviewStep } from '../../common/documents'
import { asc, eq } from 'drizzle-orm'
import type { Db, ReadDb } from '../../db/connection'
import type { ActionContext } from '../../kernel/procedure'
import type { Reader } from '../../security/clearance'
import { AppError } from '../../kernel/errors'
import { enforce } from '../../kernel/decision'
import { checkRegistrable, clearanceOf, requireSeen } from '../../security/clearance'
import { insertAudited, updateAudited } from '../../kernel/audited'
import { reclassificationsOf, reclassify, refuseReclassifyingEdit, type ReclassifyInput, type ReclassifyTarget } from '../../security/reclassify'
import type { IsoDate } from '../../common/dates'
import { readSettings } from '../../settings/service'
import { loadOrgSnapshot } from '../../org/service'
import { loadAbsencePeriods } from '../../absences/service'
import { departments } from '../../org/schema'
import { indexForSearch } from '../registers/search'
import { draftTemplates } from './templates'
import {
  checkReviewStep, countyDirectiveCheck, countyDirectiveSeriesCheck, formatCopyNumber, nextReviewStep, nextStep, outgoingSigner, signerLine, signRuleText,
  stepDateProblem,
} from './rules'
import { SECRECY_PERIOD } from '../incoming/rules'
import { outgoingDocuments, reviews } from '../schema'
import { classificationMark } from '../../common/classification'
import { findSeries } from '../../settings/series'
import { replyToOf, voidedOf } from './reply-link'
import type { DraftEditInput, DraftInput, ReviewInput } from './contract'
import { outgoingFilesOf, parseNames } from './files'

export type OutgoingRow = typeof outgoingDocuments.$inferSelect

const ENTITY = '发文'


/** The texts the search finds a 发文 by: title, 字号, the issuer (by its series) and 主送. */
export const searchTexts = (row: Pick<OutgoingRow, 'title' | 'numberText' | 'addressee'>, issuer: string | null) => [row.title, row.numberText, issuer, row.addressee]

/** Indexes a 发文 for search, the issuer read from the series settings. */
export function reindex(db: Db, row: OutgoingRow): void {
  const issuer = findSeries(readSettings(db), row.series)?.issuer ?? null
  indexForSearch(db, { kind: '发文', docId: row.id, at: row.createdAt, classification: row.classification }, searchTexts(row, issuer))
}

/** The 发文 as this reader may see it: one above their clearance is answered exactly as a missing one. */
export function requireOutgoing(reader: Reader, id: number): OutgoingRow {
  const row = reader.db.select().from(outgoingDocuments).where(eq(outgoingDocuments.id, id)).get()
  return requireSeen(row, clearanceOf(reader.user), '发文')
}

const reviewsOf = (db: ReadDb, id: number) =>
  db.select().from(reviews).where(eq(reviews.outgoingId, id)).orderBy(asc(reviews.id)).all()

/** Everything about one outgoing document, for its page; the signer is resolved on the sign-off date once signed, today otherwise. */
export function getOutgoing(reader: Reader, id: number, today: IsoDate) {
  const { db } = reader
  const row = requireOutgoing(reader, id)
  const settings = readSettings(db)
  const series = findSeries(settings, row.series)
  const dept = row.draftingDepartmentId === null ? undefined
    : db.select({ name: departments.name }).from(departments).where(eq(departments.id, row.draftingDepartmentId)).get()
  const reviewRows = reviewsOf(db, id)
  const done = reviewRows.map((r) => r.step as ReviewStep)
  const signDate = row.signedOn ?? today
  const required = outgoingSigner({
    signKind: row.signKind, draftingDepartmentId: row.draftingDepartmentId, draftingDepartmentName: dept?.name ?? null,
    countyDirective: row.countyDirective, org: loadOrgSnapshot(db, signDate), absences: loadAbsencePeriods(db, signDate, signDate), date: signDate,
  })
  const county = countyDirectiveCheck(row)
  const signed = row.signedOn !== null
  const files = outgoingFilesOf(db, id)
  return {
    id: row.id,
    docType: row.docType,
    signKind: row.signKind,
    signRule: signRuleText(row.signKind, row.countyDirective),
    series: row.series,
    /** From the configured series: null when the code is no longer configured. */
    issuer: series?.issuer ?? null,
    mark: series?.mark ?? null,
    letter: series?.letter ?? false,
    title: row.title,
    addressee: row.addressee,
    cc: row.cc,
    body: row.body,
    attachmentNames: parseNames(row.attachmentNames),
    /** The .docx body and the 附件 files (issue 16); with a .docx body, `body` is its text and the file is printed. */
    files,
    bodyFromFile: files.some((f) => f.kind === '正文'),
    classification: row.classification,
    secrecyPeriod: row.secrecyPeriod,
    classificationText: classificationMark(row.classification, row.secrecyPeriod),
    urgency: row.urgency,
    draftingDepartmentId: row.draftingDepartmentId,
    draftingDepartmentName: dept?.name ?? null,
    drafter: row.drafter,
    publicity: row.publicity,
    upward: row.upward,
    countyDirective: row.countyDirective,
    note: row.note,
    status: row.status,
    createdAt: row.createdAt,
    reviews: reviewRows.map((r) => ({ id: r.id, step: r.step, reviewer: r.reviewer, opinion: r.opinion, reviewedOn: r.reviewedOn })),
    nextReviewStep: nextReviewStep(done),
    requiredSigner: required,
    requiredSignerText: signerLine(required),
    /** R-D5: why the document cannot be signed yet, or null. */
    countyDirectiveProblem: county.ok ? null : county.reason,
    signed: signed
      ? { signerId: row.signerId, name: row.signerName, actingFor: row.actingFor, opinion: row.signOpinion, on: row.signedOn }
      : null,
    numberText: row.numberText,
    numberYear: row.numberYear,
    numberSeq: row.numberSeq,
    checkedBy: row.checkedBy,
    issued: row.issuedOn
      ? {
        on: row.issuedOn, copies: row.copies, distribution: row.distribution, firstCopyNumber: row.firstCopyNumber,
        /** 份号 of the first and last copy, printed as six digits. */
        copyNumbers: row.firstCopyNumber && row.copies
          ? { from: formatCopyNumber(row.firstCopyNumber), to: formatCopyNumber(row.firstCopyNumber + row.copies - 1) } : null,
      }
      : null,
    dispatchedOn: row.dispatchedOn,
    nextStep: nextStep({ status: row.status, reviewsDone: done, checkedBy: row.checkedBy, dispatchedOn: row.dispatchedOn }),
    canEdit: !signed && row.status !== '已作废',
    editBlockedReason: row.status === '已作废' ? '已作废的公文不能修改' : signed ? '已签发的公文不能修改' : null,
    /** 作废 and the 请示 it answers (issue 16, ./void.ts, ./reply-link.ts). */
    voided: voidedOf(row),
    replyTo: replyToOf(reader, row),
    /** 定密变更, oldest first (issue 14). */
    reclassifications: reclassificationsOf(db, '发文', row.id),
  }
}
export type OutgoingView = ReturnType<typeof getOutgoing>

/** Input checks the schema cannot make: the approved 密级, a configured series, an existing department, the secrecy period. */
function checkDraft(ctx: ActionContext, input: DraftInput): void {
  const { db } = ctx
  const settings = readSettings(db)
  checkRegistrable(input.classification, settings.approvedClassification, clearanceOf(ctx.user))
  if (!findSeries(settings, input.series)) {
    throw new AppError('VALIDATION', `「发文字号序列」应为已设置的机关代字之一：${settings.documentSeries.map((s) => s.code).join('、')}`, { field: 'series' })
  }
  const dept = input.draftingDepartmentId == null ? undefined
    : db.select({ name: departments.name }).from(departments).where(eq(departments.id, input.draftingDepartmentId)).get()
  if (input.draftingDepartmentId != null && !dept) {
    throw new AppError('VALIDATION', '「起草单位」不存在或已被删除', { field: 'draftingDepartmentId' })
  }
  enforce(countyDirectiveSeriesCheck({ ...input, draftingDepartmentName: dept?.name ?? null }, settings.documentSeries, settings.governmentName))
  if (input.classification === '无' && input.secrecyPeriod) {
    throw new AppError('VALIDATION', '「保密期限」只有涉密公文才填写：请先选择密级', { field: 'secrecyPeriod' })
  }
}

const values = (input: DraftInput) => ({
  docType: input.docType,
  signKind: input.signKind,
  series: input.series,
  title: input.title,
  addressee: input.addressee ?? null,
  cc: input.cc ?? null,
  body: input.body,
  attachmentNames: JSON.stringify(input.attachmentNames),
  classification: input.classification,
  secrecyPeriod: input.classification === '无' ? null : input.secrecyPeriod ?? null,
  urgency: input.urgency,
  draftingDepartmentId: input.draftingDepartmentId ?? null,
  drafter: input.drafter ?? null,
  publicity: input.publicity,
  upward: input.upward,
  countyDirective: input.countyDirective,
  note: input.note ?? null,
})

/** 拟稿: a new draft, without a number. */
export function draftOutgoing(ctx: ActionContext, input: DraftInput) {
  checkDraft(ctx, input)
  const row = insertAudited(ctx, outgoingDocuments, ENTITY, { ...values(input), status: '拟稿', createdAt: ctx.clock.now().toISOString() })
  reindex(ctx.db, row)
  return getOutgoing(ctx, row.id, ctx.clock.today())
}

/** What an edit may send: the draft without its 密级 and 保密期限, which only 定密变更 changes (repeating them is fine). */

/** Edits a draft until it is signed (核稿 may change the text; the signed text is final); the 密级 stays (issue 14). */
export function updateDraft(ctx: ActionContext, edit: DraftEditInput) {
  const before = requireOutgoing(ctx, edit.id)
  if (before.signedOn !== null) throw new AppError('CONFLICT', `已签发的公文不能修改（${before.signerName ?? ''}${before.signedOn}签发）`)
  if (before.status === '已作废') throw new AppError('CONFLICT', `本件已作废（${before.voidReason ?? ''}），不能修改`)
  refuseReclassifyingEdit(before, edit)
  // with a .docx body the file is the text: the form's text area shows it and cannot change it (issue 16)
  const fromFile = outgoingFilesOf(ctx.db, before.id).some((f) => f.kind === '正文')
  const input = { ...edit, classification: before.classification, secrecyPeriod: before.secrecyPeriod, body: fromFile ? before.body : edit.body }
  checkDraft(ctx, input)
  const row = updateAudited(ctx, outgoingDocuments, ENTITY, input.id, values(input))
  reindex(ctx.db, row)
  return getOutgoing(ctx, row.id, ctx.clock.today())
}

const RECLASSIFY: ReclassifyTarget<OutgoingRow> = {
  kind: '发文', entity: ENTITY, table: outgoingDocuments, hasPeriod: true,
  load: requireOutgoing,
  periodProblem: (classification, period) => (classification === '无' || !period || SECRECY_PERIOD.test(period) ? null : '「保密期限」应写作“1年”“6个月”或“长期”'),
  afterChange: (ctx, after) => reindex(ctx.db, after),
}

/** 定密变更 of a 发文, before or after it is signed: the printed mark follows the recorded 密级. */
export function reclassifyOutgoing(ctx: ActionContext, input: ReclassifyInput) {
  const row = reclassify(ctx, RECLASSIFY, input)
  return getOutgoing(ctx, row.id, ctx.clock.today())
}

/** 核稿: 部门负责人 → 办公室秘书 → 办公室负责人, each with opinion, name and date; the last makes it 待签发. */
export function reviewDraft(ctx: ActionContext, input: ReviewInput) {
  const { db } = ctx
  const row = requireOutgoing(ctx, input.id)
  if (row.status !== '拟稿' && row.status !== '核稿中') {
    throw new AppError('CONFLICT', row.status === '待签发' ? '核稿已完成，待领导签发' : `公文已${row.status.replace(/^已/, '')}，不能再核稿`)
  }
  const prior = reviewsOf(db, input.id)
  const order = checkReviewStep(prior.map((r) => r.step as ReviewStep), input.step)
  if (!order.ok) throw new AppError('CONFLICT', order.reason, { field: 'step' })
  const last = prior.at(-1)
  const problem = stepDateProblem(input.date, ctx.clock.today(), last ? { date: last.reviewedOn, what: `${last.step}核稿日期` } : null, '核稿日期')
  if (problem) throw new AppError('VALIDATION', problem, { field: 'date' })
  insertAudited(ctx, reviews, '核稿', { outgoingId: input.id, step: input.step, reviewer: input.reviewer, opinion: input.opinion, reviewedOn: input.date })
  const finished = nextReviewStep([...prior.map((r) => r.step as ReviewStep), input.step]) === null
  updateAudited(ctx, outgoingDocuments, ENTITY, input.id, { status: finished ? '待签发' : '核稿中' })
  return getOutgoing(ctx, input.id, ctx.clock.today())
}

/** The drafting templates, with this office's series, issuers and counties filled in. */
export function templatesFor(db: ReadDb) {
  const settings = readSettings(db)
  const countyUnits = db.select({ name: departments.name, kind: departments.kind }).from(departments)
    .orderBy(asc(departments.sortOrder), asc(departments.id)).all().filter((d) => d.kind === '县区').map((d) => d.name)
  return draftTemplates({ governmentName: settings.governmentName, officeName: settings.officeName, series: settings.documentSeries, countyUnits })
}
