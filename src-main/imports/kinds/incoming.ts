/**
 * 收文登记簿 → incoming_documents, as closed history: the 收文号, dates and state as the register gives them, no
 * 拟办/批示/承办 steps invented; 承办单位 and the register's remarks go into the 办结说明. Searchable (the same
 * index as a registered 收文) and counted in the registers (register_counts' triggers).
 */
import { eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { INCOMING_STATES, type DocumentType, type IncomingState, type URGENCIES } from '../../common/documents'
import type { Classification } from '../../common/classification'
import { incomingDocuments } from '../../documents/schema'
import { fields as formFields } from '../../documents/incoming/contract'
import { incomingNumberText, secrecyProblem } from '../../documents/incoming/rules'
import { reindex, searchTexts } from '../../documents/incoming/service'
import { searchRow, searchRowid } from '../../documents/registers/search'
import { perConnection } from '../../db/prepared'
import { classificationRefusal, parseClassification, parseCount, parseDate, parseDateTime, parseDocType, parseIncomingNumber, parseText, parseUrgency, type Cell, type Parsed, bad, ok } from '../rules'
import { RowReader, zodProblems, type ImportKindDef, type RowContext, type Stored } from './kind'
import { IMPORTED_MARK, importedBy } from './marks'

export interface IncomingRecord extends Record<string, unknown> {
  year: number; seq: number; receivedAt: string; sender: string; senderNumber: string | null; title: string
  docType: DocumentType; classification: Classification; secrecyPeriod: string | null; urgency: (typeof URGENCIES)[number]
  copies: number; pages: number | null; status: IncomingState; closedOn: string | null; closingNote: string | null
}

const FIELDS = [
  { key: 'number', label: '收文号', aliases: ['收文编号', '收文登记号', '登记号', '编号'], required: true },
  { key: 'receivedAt', label: '签收日期', aliases: ['收文日期', '签收时间', '收到日期', '收文时间', '登记日期', '来文日期', '日期'], required: true },
  { key: 'sender', label: '来文机关', aliases: ['来文单位', '发文机关', '发文单位', '来文机关名称'], required: true },
  { key: 'senderNumber', label: '来文字号', aliases: ['来文文号', '原文号', '文号', '发文字号'] },
  { key: 'title', label: '标题', aliases: ['文件标题', '来文标题', '文件名称', '文件名', '事由'], required: true },
  { key: 'docType', label: '文种', aliases: ['公文种类', '文件种类'] },
  { key: 'classification', label: '密级', aliases: ['秘密等级', '密级和保密期限'] },
  { key: 'secrecyPeriod', label: '保密期限', aliases: ['保密期'] },
  { key: 'urgency', label: '紧急程度', aliases: ['缓急', '缓急程度', '紧急'] },
  { key: 'copies', label: '份数', aliases: ['份'] },
  { key: 'pages', label: '页数', aliases: ['页'] },
  { key: 'status', label: '办理情况', aliases: ['状态', '办理状态', '办理进度'] },
  { key: 'department', label: '承办单位', aliases: ['承办部门', '主办单位', '办理单位'] },
  { key: 'closedOn', label: '办结日期', aliases: ['办结时间', '完成日期'] },
  { key: 'note', label: '备注', aliases: ['办理结果', '说明'] },
  { key: 'instruction', label: '领导批示', aliases: ['批示', '批示意见', '领导批示意见', '批示情况', '领导意见'] },
] as const

const LABELS = {
  receivedAt: '签收时间', sender: '来文机关', senderNumber: '来文字号', title: '标题', docType: '文种', classification: '密级',
  secrecyPeriod: '保密期限', urgency: '紧急程度', copies: '份数', pages: '页数', status: '状态', closedOn: '办结日期', closingNote: '办结说明',
}

/** The words registers use for a state; an empty cell is history, 已办结. */
const STATE_WORDS: Record<string, IncomingState> = { '': '已办结', 办结: '已办结', 已办: '已办结', 办毕: '已办结', 完成: '已办结', 已完成: '已办结', 归档: '已办结', 已归档: '已办结', 退回: '已退回' }

export function parseIncomingState(c: Cell): Parsed<IncomingState> {
  const s = String(c ?? '').replace(/\s/g, '')
  const state = STATE_WORDS[s] ?? INCOMING_STATES.find((x) => x === s)
  return state ? ok(state) : bad(`“${s}”不是收文的状态（应为${INCOMING_STATES.join('、')}之一，空白按已办结）`)
}

/** The form's own checks of the texts (lengths, 来文字号 written with 〔〕). */
const formTexts = z.object({ sender: formFields.sender, senderNumber: formFields.senderNumber, title: formFields.title })

/**
 * What the register said of the handling, kept as the 办结说明: the 承办单位, the note, and a 领导批示 as the register
 * wrote it — a text of the past, not a 批示 routed here (no leader, date or 督办 are made up from it).
 */
function closingNote(department: string | null | undefined, note: string | null | undefined, instruction: string | null | undefined): string | null {
  const parts = [department ? `承办单位：${department}` : null, note ?? null, instruction ? `领导批示：${instruction}` : null].filter(Boolean)
  return parts.length ? parts.join('；') : null
}

function parse(get: (key: string) => Cell, ctx: RowContext) {
  const r = new RowReader(FIELDS)
  const receivedAt = r.take('receivedAt', parseDateTime(get('receivedAt')))
  const title = String(get('title') ?? '').trim()
  const docType = r.take('docType', parseDocType(get('docType'), title))
  const cls = r.take('classification', parseClassification(get('classification')))
  const period = r.take('secrecyPeriod', parseText(get('secrecyPeriod'), 20))
  const urgency = r.take('urgency', parseUrgency(get('urgency')))
  const copies = r.take('copies', parseCount(get('copies')))
  const pages = r.take('pages', parseCount(get('pages'), 99999))
  const status = r.take('status', parseIncomingState(get('status')))
  const closedOn = r.take('closedOn', parseDate(get('closedOn')))
  const department = r.take('department', parseText(get('department'), 100))
  const note = r.take('note', parseText(get('note'), 400))
  const instruction = r.take('instruction', parseText(get('instruction'), 1000))
  const number = r.need('receivedAt', receivedAt) ? r.take('number', parseIncomingNumber(get('number'), Number(receivedAt.slice(0, 4)))) : undefined
  const texts = formTexts.safeParse({ sender: String(get('sender') ?? ''), senderNumber: String(get('senderNumber') ?? ''), title })
  if (!texts.success) r.problems.push(...zodProblems(texts.error, (k) => r.label(k)))
  if (receivedAt && receivedAt.slice(0, 10) > ctx.today) r.problems.push({ column: '签收日期', reason: '不能晚于今天' })
  if (closedOn && receivedAt && closedOn < receivedAt.slice(0, 10)) r.problems.push({ column: '办结日期', reason: '不能早于签收日期' })
  if (cls) {
    const secrecyPeriod = cls.period ?? period ?? null
    const refusal = classificationRefusal(cls.classification, ctx.approved, ctx.clearance) ?? secrecyProblem(cls.classification, secrecyPeriod)
    if (refusal) r.problems.push({ column: '密级', reason: refusal.replace(/^「保密期限」：?/, '') })
  }
  if (r.problems.length || !texts.success || !number || !receivedAt || !docType || !cls || !urgency || !status) return { problems: r.problems }
  const record: IncomingRecord = {
    year: number.year, seq: number.seq, receivedAt, sender: texts.data.sender, senderNumber: texts.data.senderNumber ?? null, title: texts.data.title,
    docType, classification: cls.classification, secrecyPeriod: cls.classification === '无' ? null : cls.period ?? period ?? null, urgency,
    copies: copies ?? 1, pages: pages ?? null, status, closedOn: closedOn ?? null, closingNote: closingNote(department, note, instruction),
  }
  GRAMS.set(record, gramsOf(record))
  return { record }
}

/**
 * A record's search text, made while the dry run reads the file (in chunks, between other users' calls), so that the
 * one write transaction only stores it: about a fifth of that transaction otherwise (bench/imports.ts).
 */
const GRAMS = new WeakMap<IncomingRecord, string>()
const gramsOf = (r: IncomingRecord) => searchRow({ kind: '收文', docId: 0, at: r.receivedAt, classification: r.classification }, searchTexts(r)).grams

type Row = typeof incomingDocuments.$inferSelect

/**
 * Thirty thousand rows in one transaction: prepared once per connection rather than built by drizzle per row
 * (bench/imports.ts: about ten times faster). The columns are the record's, the search entry is the one reindex() writes.
 */
const insertStmt = perConnection((db) => db.$client.prepare(`INSERT INTO incoming_documents
  (year, seq, received_at, sender, sender_number, title, doc_type, classification, secrecy_period, urgency, copies, pages, arrival, status, closed_on, closing_note, registered_by, created_at)
  VALUES (@year, @seq, @receivedAt, @sender, @senderNumber, @title, @docType, @classification, @secrecyPeriod, @urgency, @copies, @pages, '其他', @status, @closedOn, @closingNote, @registeredBy, @createdAt)`))
const searchStmt = perConnection((db) => db.$client.prepare(`INSERT INTO document_search (rowid, grams, kind, doc_id) VALUES (?, ?, '收文', ?)`))

const recordOf = (d: Row): Partial<IncomingRecord> => ({
  receivedAt: d.receivedAt, sender: d.sender, senderNumber: d.senderNumber, title: d.title, docType: d.docType, classification: d.classification,
  secrecyPeriod: d.secrecyPeriod, urgency: d.urgency, copies: d.copies, pages: d.pages, status: d.status, closedOn: d.closedOn, closingNote: d.closingNote,
})

export const incomingKind: ImportKindDef<IncomingRecord> = {
  kind: '收文登记簿',
  fields: FIELDS,
  example: {
    number: '收〔2025〕1号', receivedAt: '2025-01-06', sender: '省人民政府办公厅', senderNumber: '省政办发〔2024〕88号',
    title: '关于做好2025年元旦春节期间安全生产工作的通知', docType: '通知', classification: '非涉密', urgency: '一般', copies: 1,
    status: '已办结', department: '市应急管理局', closedOn: '2025-01-20', note: '已按要求报送', instruction: '请市应急管理局牵头抓好落实',
  },
  labels: LABELS,
  parse,
  key: (r) => `${r.year}-${r.seq}`,
  describe: (r) => `${incomingNumberText(r.year, r.seq)} ${r.title}`,
  duplicate: (label) => `与系统中已登记的${label}重复（该文件已在本系统办理，不能用导入覆盖）`,
  existing(db, records) {
    const years = [...new Set(records.map((r) => r.year))]
    const found = new Map<string, Stored<IncomingRecord>>()
    for (const d of db.select().from(incomingDocuments).where(inArray(incomingDocuments.year, years)).all()) {
      found.set(`${d.year}-${d.seq}`, { id: d.id, fields: recordOf(d), imported: (d.registeredBy ?? '').endsWith(IMPORTED_MARK), label: `${incomingNumberText(d.year, d.seq)}《${d.title}》` })
    }
    return found
  },
  insert(w, r) {
    const id = Number(insertStmt(w.db).run({ ...r, registeredBy: importedBy(w.by), createdAt: w.now }).lastInsertRowid)
    searchStmt(w.db).run(searchRowid('收文', r.receivedAt, id), GRAMS.get(r) ?? gramsOf(r), id)
    return id
  },
  update(w, id, r) {
    // The 收文号 is the key the row was found by: it stays.
    const { year, seq, ...rest } = r
    const before = w.db.select().from(incomingDocuments).where(eq(incomingDocuments.id, id)).get()!
    const doc = w.db.update(incomingDocuments).set(rest).where(eq(incomingDocuments.id, id)).returning().get()
    reindex(w.db, doc, before)
  },
}
