/**
 * What the Word prints of 办文 show: the 公文 itself (GB/T 9704), the 发文稿纸 and the 收文处理笺, each read straight from
 * the documents schema and the settings (the series' 发文机关 and 机关标志, the office's name). The layouts are in
 * ./docx (公文) and ./forms (稿纸, 处理笺); ./procedures turns them into downloads.
 */
import { asc, eq } from 'drizzle-orm'
import type { ReadDb } from '../../db/connection'
import type { Reader } from '../../security/clearance'
import { requireIncoming } from '../incoming/service'
import { departments, people } from '../../org/schema'
import { assignments, chases, instructions, outgoingDocuments, reviews } from '../schema'
import { REVIEW_STEPS } from '../../common/documents'
import { arrivedOn, incomingNumberText } from '../incoming/rules'
import { findSeries, seriesForPrint } from '../../settings/series'
import { loadCalendar } from '../../calendar/service'
import { isProvisional } from '../../calendar/rules'
import type { Settings } from '../../settings/service'
import type { OfficialDocumentPrint } from './docx'
import type { RoutingSlipPrint, SignOffSheetPrint } from './forms'

/** A draft (not yet numbered, X-1) prints this on the number line. */
export const UNNUMBERED = '（编号）'

type Outgoing = typeof outgoingDocuments.$inferSelect

/** 抄送 as stored (one text) split into bodies: at line breaks, ，, ; and ；. */
export const splitBodies = (text: string | null | undefined): string[] =>
  (text ?? '').split(/[\n，,;；]+/).map((s) => s.trim().replace(/[。.]$/, '')).filter(Boolean)

const attachmentsOf = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown
    return Array.isArray(v) ? v.map(String).filter((s) => s.trim()) : []
  } catch {
    return []
  }
}


/** What the 公文 prints, from the outgoing row: a draft gets （编号） and today's date. */
export function officialDocumentPrint(row: Outgoing, settings: Settings, today: string): OfficialDocumentPrint {
  const series = seriesForPrint(settings, row.series)
  const classified = row.classification !== '无'
  return {
    mark: series.mark,
    letter: series.letter,
    issuer: series.issuer,
    // R-D5: a department's own document is printed (印发) by the department, not by the government's office
    printer: findSeries(settings, row.series)?.department ? series.issuer : settings.officeName,
    // 涉密公文 carry a 份号: the first numbered copy, 000001 when none was set
    copyNumber: row.firstCopyNumber ?? (classified ? 1 : null),
    classification: row.classification,
    secrecyPeriod: row.secrecyPeriod,
    urgency: row.urgency,
    number: row.numberText ?? UNNUMBERED,
    // 上行文: 签发人 beside the 字号 (the label alone until signed)
    signers: row.upward && !series.letter ? (row.signerName ? [row.signerName] : []) : undefined,
    title: row.title,
    addressee: row.addressee,
    body: row.body,
    attachments: attachmentsOf(row.attachmentNames),
    date: row.signedOn ?? today,
    note: row.note,
    cc: splitBodies(row.cc),
    printDate: row.issuedOn ?? today,
  }
}

/** What the 发文稿纸 prints: 签发, the 核稿 steps in their order, and the particulars. */
export function signOffSheetPrint(db: ReadDb, row: Outgoing, settings: Settings): SignOffSheetPrint {
  const steps = db.select().from(reviews).where(eq(reviews.outgoingId, row.id)).orderBy(asc(reviews.reviewedOn), asc(reviews.id)).all()
  const order = (s: string) => REVIEW_STEPS.indexOf(s as (typeof REVIEW_STEPS)[number])
  steps.sort((a, b) => (a.reviewedOn === b.reviewedOn ? order(a.step) - order(b.step) : 0))
  const unit = row.draftingDepartmentId
    ? db.select({ name: departments.name }).from(departments).where(eq(departments.id, row.draftingDepartmentId)).get()?.name
    : undefined
  const signed = row.signedOn !== null && row.signerName !== null
  return {
    issuer: seriesForPrint(settings, row.series).issuer,
    signOff: signed ? { opinion: row.signOpinion, name: row.signerName, actingFor: row.actingFor, on: row.signedOn } : null,
    countersigns: [],
    reviews: steps.map((r) => ({ step: r.step, reviewer: r.reviewer, opinion: r.opinion, on: r.reviewedOn })),
    draftingUnit: unit ?? null,
    drafter: row.drafter,
    number: row.numberText,
    docType: row.docType,
    classification: row.classification,
    secrecyPeriod: row.secrecyPeriod,
    urgency: row.urgency,
    publicity: row.publicity,
    title: row.title,
    addressee: row.addressee,
    cc: row.cc,
    attachments: attachmentsOf(row.attachmentNames),
    copies: row.copies,
    checkedBy: row.checkedBy,
    issuedOn: row.issuedOn,
  }
}

/** What the 收文处理笺 prints: registration, 拟办意见, every 批示 in turn, 承办, feedback, 催办 and 办结 (within the reader's clearance). */
export function routingSlipPrint(reader: Reader, incomingId: number, settings: Settings): RoutingSlipPrint {
  const { db } = reader
  const doc = requireIncoming(reader, incomingId)
  const ins = db
    .select({ i: instructions, leader: people.name })
    .from(instructions)
    .innerJoin(people, eq(people.id, instructions.leaderId))
    .where(eq(instructions.documentId, incomingId))
    .orderBy(asc(instructions.turn), asc(instructions.id))
    .all()
  const tasks = db
    .select({ a: assignments, department: departments.name })
    .from(assignments)
    .innerJoin(departments, eq(departments.id, assignments.departmentId))
    .where(eq(assignments.documentId, incomingId))
    .orderBy(asc(assignments.id))
    .all()
  const chaseRows = db.select().from(chases).where(eq(chases.documentId, incomingId)).orderBy(asc(chases.chasedOn), asc(chases.id)).all()
  const deptOf = new Map(tasks.map((t) => [t.a.id, t.department]))
  const cal = loadCalendar(db)
  return {
    officeName: settings.officeName,
    receiptNumber: incomingNumberText(doc.year, doc.seq),
    receivedAt: doc.receivedAt,
    sender: doc.sender,
    senderNumber: doc.senderNumber,
    docType: doc.docType,
    classification: doc.classification,
    secrecyPeriod: doc.secrecyPeriod,
    urgency: doc.urgency,
    copies: doc.copies,
    pages: doc.pages,
    title: doc.title,
    proposal: doc.proposal ? { text: doc.proposal, by: doc.proposedBy, on: doc.proposedOn } : null,
    instructions: ins.map(({ i, leader }) => ({
      leader,
      leaderTitle: i.leaderTitle,
      actingFor: i.actingFor,
      kind: i.kind,
      opinion: i.opinion,
      meaning: i.meaning,
      sentOn: arrivedOn(ins.map((x) => x.i), i) ?? i.sentOn,
      on: i.instructedOn,
    })),
    assignments: tasks
      .sort((x, y) => (x.a.role === y.a.role ? 0 : x.a.role === '主办' ? -1 : 1))
      .map(({ a, department }) => ({ department, role: a.role, deadline: a.deadline, provisional: isProvisional(cal, a.assignedOn, a.deadline), feedback: a.feedback, feedbackOn: a.feedbackOn })),
    deadline: doc.deadline,
    deadlineProvisional: !!doc.deadline && isProvisional(cal, doc.proposedOn ?? doc.deadline, doc.deadline),
    chases: chaseRows.map((c) => ({ chaser: c.chaser, on: c.chasedOn, note: c.note, department: c.assignmentId ? deptOf.get(c.assignmentId) ?? null : null })),
    closedOn: doc.closedOn,
    closingNote: doc.closingNote,
  }
}
