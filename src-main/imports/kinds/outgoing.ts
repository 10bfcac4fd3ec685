/**
 * 发文登记簿 → outgoing_documents, as numbered (已编号) or issued (已印发) history: the 发文字号 as given, the 签发人
 * by name only (no 核稿/签发 steps invented), 附注 marked 历史发文（导入）. The numbering of a series reads the
 * highest number of its year (signoff.ts numberOutgoing), so importing 资府发〔2025〕57号 makes the next 58. A 批复 or
 * 复函 naming the 收文号 it answers (答复的来文) is linked to that 请示 or 函 both ways, as when linked on its page.
 */
import { and, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { DocumentType, OutgoingState, URGENCIES } from '../../common/documents'
import { incomingDocuments, outgoingDocuments } from '../../documents/schema'
import { departments } from '../../org/schema'
import { ANSWER_TYPES, answerableProblem } from '../../documents/outgoing/reply-link'
import { incomingNumberText } from '../../documents/incoming/rules'
import { readIncomingNumber } from '../../common/documents'
import { canSee, type Classification, type Clearance } from '../../common/classification'
import type { ReadDb } from '../../db/connection'
import { draftFields } from '../../documents/outgoing/contract'
import { secrecyProblem } from '../../documents/incoming/rules'
import { reindex, searchTexts } from '../../documents/outgoing/service'
import { searchRow } from '../../documents/registers/search'
import { perConnection } from '../../db/prepared'
import { officeDayStart } from '../../common/office-time'
import { findSeries } from '../../settings/series'
import { readSettings } from '../../settings/service'
import { cellText, classificationRefusal, parseClassification, parseCount, parseDate, parseDocType, parseIncomingNumber, parseOutgoingNumber, parseText, parseUrgency, bad, ok, type Cell, type Parsed } from '../rules'
import { RowReader, zodProblems, type ImportKindDef, type RowContext, type Stored, type WriteContext } from './kind'
import { IMPORTED_NOTE } from './marks'

export interface OutgoingRecord extends Record<string, unknown> {
  series: string; numberYear: number; numberSeq: number; numberText: string; title: string; docType: DocumentType
  addressee: string | null; cc: string | null; classification: Classification; secrecyPeriod: string | null; urgency: (typeof URGENCIES)[number]
  signerName: string | null; signedOn: string | null; issuedOn: string | null; copies: number | null; drafter: string | null
  draftingDepartmentId: number | null; status: OutgoingState; note: string; createdAt: string
  /** The 拟稿单位 by name, as a change list shows it (拟稿单位：市财政局 → 市水利局), never its id. */
  departmentName: string | null
  /**
   * 答复的来文: the 收文号 (收〔2025〕12号) of the 请示 or 函 this 批复 or 复函 answers, linked as on its page; absent
   * when the row names none (a link made on the page is then kept).
   */
  replyTo?: string
}

const FIELDS = [
  { key: 'number', label: '发文字号', aliases: ['文号', '字号', '发文文号', '发文编号'], required: true },
  { key: 'title', label: '标题', aliases: ['文件标题', '公文标题', '文件名称', '事由'], required: true },
  { key: 'docType', label: '文种', aliases: ['公文种类', '文件种类'] },
  { key: 'signerName', label: '签发人', aliases: ['签发领导', '签发'] },
  { key: 'signedOn', label: '签发日期', aliases: ['签发时间'] },
  { key: 'issuedOn', label: '印发日期', aliases: ['印发时间', '发文日期', '成文日期', '日期'] },
  { key: 'addressee', label: '主送', aliases: ['主送机关', '主送单位'] },
  { key: 'cc', label: '抄送', aliases: ['抄送机关', '抄送单位'] },
  { key: 'classification', label: '密级', aliases: ['秘密等级', '密级和保密期限'] },
  { key: 'secrecyPeriod', label: '保密期限', aliases: ['保密期'] },
  { key: 'urgency', label: '紧急程度', aliases: ['缓急', '缓急程度'] },
  { key: 'copies', label: '份数', aliases: ['印数', '印发份数'] },
  { key: 'department', label: '拟稿单位', aliases: ['起草单位', '主办单位', '承办单位'] },
  { key: 'drafter', label: '拟稿人', aliases: ['起草人', '承办人'] },
  { key: 'note', label: '备注', aliases: ['附注', '说明'] },
  { key: 'replyTo', label: '答复的来文', aliases: ['所答复的请示', '批复的请示', '答复来文', '对应收文号', '来文收文号', '请示收文号'] },
] as const

const LABELS = {
  title: '标题', docType: '文种', signerName: '签发人', signedOn: '签发日期', issuedOn: '印发日期', addressee: '主送', cc: '抄送',
  classification: '密级', secrecyPeriod: '保密期限', urgency: '紧急程度', copies: '份数', drafter: '拟稿人', departmentName: '拟稿单位', note: '附注',
  replyTo: '答复的来文',
}

/** The draft form's own checks of the texts (lengths). */
const formTexts = z.object({ series: draftFields.series, title: draftFields.title, addressee: draftFields.addressee, cc: draftFields.cc, drafter: draftFields.drafter })

/** A 拟稿单位 in the organisation by id (and name); another is kept as words in the 附注. */
function departmentOf(name: string | null | undefined, ids: ReadonlyMap<string, number>): Parsed<{ id: number | null; name: string | null; text: string | null }> {
  if (!name) return ok({ id: null, name: null, text: null })
  const id = ids.get(name)
  return id !== undefined ? ok({ id, name, text: null }) : name.length > 100 ? bad('超过100个字') : ok({ id: null, name: null, text: `拟稿单位：${name}` })
}

function parse(get: (key: string) => Cell, ctx: RowContext) {
  const r = new RowReader(FIELDS)
  const number = r.take('number', parseOutgoingNumber(get('number')))
  const title = String(get('title') ?? '').trim()
  const docType = r.take('docType', parseDocType(get('docType'), title))
  const signedOn = r.take('signedOn', parseDate(get('signedOn')))
  const issuedOn = r.take('issuedOn', parseDate(get('issuedOn')))
  const cls = r.take('classification', parseClassification(get('classification')))
  const period = r.take('secrecyPeriod', parseText(get('secrecyPeriod'), 20))
  const urgency = r.take('urgency', parseUrgency(get('urgency')))
  const copies = r.take('copies', parseCount(get('copies'), 999_999))
  const signerName = r.take('signerName', parseText(get('signerName'), 40))
  const note = r.take('note', parseText(get('note'), 400))
  const department = r.take('department', departmentOf(String(get('department') ?? '').trim(), ctx.departmentIds))
  const texts = formTexts.safeParse({ series: number?.series ?? '', title, addressee: String(get('addressee') ?? ''), cc: String(get('cc') ?? ''), drafter: String(get('drafter') ?? '') })
  if (!texts.success) r.problems.push(...zodProblems(texts.error, (k) => (k === 'series' ? '发文字号' : k === 'addressee' ? '主送' : k === 'cc' ? '抄送' : r.label(k))))
  for (const [key, d] of [['signedOn', signedOn], ['issuedOn', issuedOn]] as const) if (d && d > ctx.today) r.problems.push({ column: r.label(key), reason: '不能晚于今天' })
  if (signedOn && issuedOn && issuedOn < signedOn) r.problems.push({ column: '印发日期', reason: '不能早于签发日期' })
  if (cls) {
    const refusal = classificationRefusal(cls.classification, ctx.approved, ctx.clearance) ?? secrecyProblem(cls.classification, cls.period ?? period ?? null)
    if (refusal) r.problems.push({ column: '密级', reason: refusal.replace(/^「保密期限」：?/, '') })
  }
  const replyTo = number && cellText(get('replyTo')) ? r.take('replyTo', parseIncomingNumber(get('replyTo'), number.year)) : null
  if (replyTo && docType && !(ANSWER_TYPES as readonly string[]).includes(docType)) r.problems.push({ column: '答复的来文', reason: `文种为${docType}：只有批复或函答复来文` })
  if (r.problems.length || !texts.success || !number || !docType || !cls || !urgency || !department) return { problems: r.problems }
  // A past 发文 is placed in the register on its 签发 or 印发 day (created_at: that day's start in the office).
  const day = signedOn ?? issuedOn ?? `${number.year}-01-01`
  const record: OutgoingRecord = {
    series: number.series, numberYear: number.year, numberSeq: number.seq, numberText: number.text, title: texts.data.title, docType,
    addressee: texts.data.addressee ?? null, cc: texts.data.cc ?? null, classification: cls.classification,
    secrecyPeriod: cls.classification === '无' ? null : cls.period ?? period ?? null, urgency, signerName: signerName ?? null,
    signedOn: signedOn ?? null, issuedOn: issuedOn ?? null, copies: copies ?? null, drafter: texts.data.drafter ?? null,
    draftingDepartmentId: department.id, departmentName: department.name, status: issuedOn ? '已印发' : '已编号',
    note: [IMPORTED_NOTE, department.text, note].filter(Boolean).join('；'), createdAt: officeDayStart(day),
    ...(replyTo ? { replyTo: incomingNumberText(replyTo.year, replyTo.seq) } : {}),
  }
  return { record }
}

type Row = typeof outgoingDocuments.$inferSelect

/** Prepared once per connection, as for 收文 (kinds/incoming.ts): a register of years is thousands of rows in one transaction. */
const insertStmt = perConnection((db) => db.$client.prepare(`INSERT INTO outgoing_documents
  (doc_type, sign_kind, series, title, addressee, cc, classification, secrecy_period, urgency, drafting_department_id, drafter, status,
   signer_name, signed_on, number_year, number_seq, number_text, issued_on, copies, note, created_at, reply_to_id)
  VALUES (@docType, '一般', @series, @title, @addressee, @cc, @classification, @secrecyPeriod, @urgency, @draftingDepartmentId, @drafter, @status,
   @signerName, @signedOn, @numberYear, @numberSeq, @numberText, @issuedOn, @copies, @note, @createdAt, @replyToId)`))
const searchStmt = perConnection((db) => db.$client.prepare(`INSERT INTO document_search (rowid, grams, kind, doc_id) VALUES (?, ?, '发文', ?)`))

/** The issuer of each series, read from the settings once per import rather than once per row. */
const issuers = new WeakMap<WriteContext, Map<string, string | null>>()
function issuerOf(w: WriteContext, series: string): string | null {
  let known = issuers.get(w)
  if (!known) issuers.set(w, known = new Map())
  if (!known.has(series)) known.set(series, findSeries(readSettings(w.db), series)?.issuer ?? null)
  return known.get(series)!
}
const keyOf = (series: string, year: number | null, seq: number | null) => `${series}|${year}|${seq}`

/** The 收文 a 收文号 names (收〔2025〕12号, as the record keeps it), or undefined. */
function incomingNamed(db: ReadDb, text: string) {
  const n = readIncomingNumber(text)
  return n?.year ? db.select().from(incomingDocuments).where(and(eq(incomingDocuments.year, n.year), eq(incomingDocuments.seq, n.seq))).get() : undefined
}

/** Why a row's 答复的来文 cannot be linked: not in the system, above the importer's clearance, or not a 请示/函. */
function replyProblem(db: ReadDb, text: string, clearance: Clearance): string | null {
  const doc = incomingNamed(db, text)
  if (!doc || !canSee(clearance, doc.classification)) return `本系统中没有${text}（或超出您的涉密等级）：请先导入或登记该收文，再导入本行`
  return answerableProblem(doc)
}

const recordOf = (d: Row, replyTo: string | undefined, departmentName: string | null): Partial<OutgoingRecord> => ({
  title: d.title, docType: d.docType, signerName: d.signerName, signedOn: d.signedOn, issuedOn: d.issuedOn, addressee: d.addressee, cc: d.cc,
  classification: d.classification, secrecyPeriod: d.secrecyPeriod, urgency: d.urgency, copies: d.copies, drafter: d.drafter,
  departmentName, note: d.note ?? '', replyTo,
})

export const outgoingKind: ImportKindDef<OutgoingRecord> = {
  kind: '发文登记簿',
  fields: FIELDS,
  example: {
    number: '资府发〔2025〕1号', title: '资阳市人民政府关于印发2025年政府工作报告重点工作责任分解方案的通知', docType: '通知',
    signerName: '张华', signedOn: '2025-01-10', issuedOn: '2025-01-12', addressee: '各县（区）人民政府，市政府各部门', cc: '市委办公室',
    classification: '非涉密', urgency: '一般', copies: 120, department: '市政府办公室', drafter: '李明',
  },
  labels: LABELS,
  parse,
  key: (r) => keyOf(r.series, r.numberYear, r.numberSeq),
  describe: (r) => `${r.numberText} ${r.title}`,
  duplicate: (label) => `与系统中已登记的${label}重复（该文件已在本系统办理，不能用导入覆盖）`,
  existing(db, records) {
    const series = [...new Set(records.map((r) => r.series))]
    const years = [...new Set(records.map((r) => r.numberYear))]
    const found = new Map<string, Stored<OutgoingRecord>>()
    const rows = db.select().from(outgoingDocuments).where(and(inArray(outgoingDocuments.series, series), inArray(outgoingDocuments.numberYear, years))).all()
    const answered = new Map(db.select({ id: incomingDocuments.id, year: incomingDocuments.year, seq: incomingDocuments.seq }).from(incomingDocuments)
      .where(inArray(incomingDocuments.id, rows.flatMap((d) => (d.replyToId === null ? [] : [d.replyToId])))).all().map((i) => [i.id, incomingNumberText(i.year, i.seq)]))
    const unitNames = new Map(db.select({ id: departments.id, name: departments.name }).from(departments).all().map((u) => [u.id, u.name]))
    for (const d of rows) {
      const replyTo = d.replyToId === null ? undefined : answered.get(d.replyToId)
      const unit = d.draftingDepartmentId === null ? null : unitNames.get(d.draftingDepartmentId) ?? null
      found.set(keyOf(d.series, d.numberYear, d.numberSeq), { id: d.id, fields: recordOf(d, replyTo, unit), imported: (d.note ?? '').startsWith(IMPORTED_NOTE), label: `${d.numberText}《${d.title}》` })
    }
    return found
  },
  blocked(db, records, clearance) {
    const refusals = new Map<string, { column: string; reason: string }>()
    for (const r of records) {
      const why = r.replyTo ? replyProblem(db, r.replyTo, clearance) : null
      if (why) refusals.set(keyOf(r.series, r.numberYear, r.numberSeq), { column: '答复的来文', reason: why })
    }
    return refusals
  },
  insert(w, { replyTo, ...r }) {
    const id = Number(insertStmt(w.db).run({ ...r, replyToId: replyTo ? incomingNamed(w.db, replyTo)?.id ?? null : null }).lastInsertRowid)
    const entry = searchRow({ kind: '发文', docId: id, at: r.createdAt, classification: r.classification }, searchTexts(r, issuerOf(w, r.series)))
    searchStmt(w.db).run(entry.rowid, entry.grams, id)
    return id
  },
  update(w, id, r) {
    // The 字号 is the key the row was found by, and the register keeps its place (createdAt): both stay.
    const { series, numberYear, numberSeq, numberText, createdAt, replyTo, departmentName, ...rest } = r
    const link = replyTo ? { replyToId: incomingNamed(w.db, replyTo)?.id ?? null } : {}
    const doc = w.db.update(outgoingDocuments).set({ ...rest, ...link }).where(eq(outgoingDocuments.id, id)).returning().get()
    reindex(w.db, doc)
  },
}
