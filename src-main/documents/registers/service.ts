/**
 * 收文登记簿 and 发文登记簿 (issue 4, R-D7): filtered and paged in SQL, newest first, with keyset pages
 * (`(received_at, id) < (?, ?)`), never OFFSET, so the thousandth page costs what the first does.
 *
 * How the filters meet the indexes (figures from `npm run bench`, 300,000 收文 / 50,000 发文):
 * - no filter, 文种: incoming_received_idx / incoming_type_idx walked backwards, no sort;
 * - year: `year = ?` is checked row by row (`+year`), and a slightly wider `received_at` range (a day either
 *   side, so a receipt time stored in UTC still falls inside) lets incoming_received_idx jump straight to the year;
 * - status: incoming_status_received_idx, walked newest first within the status (and the year's range): a status
 *   with few documents in a year (承办中 in 2019) is found without reading the year's 30,000 others, and one that
 *   covers most of the table (已办结) is not sorted;
 * - overdue: only open documents can be overdue, and they are few: incoming_status_deadline_idx
 *   (`status IN (open states)`), then a small sort;
 * - sender: incoming_sender_idx, then a sort of that sender's documents;
 * - text: the FTS5 pairs index (./search.ts) as `id IN (SELECT doc_id FROM document_search WHERE … MATCH …)`;
 * - clearance: `+classification IN (levels the reader may see)` is checked on each row the walk reads, in the same
 *   statement as the page and the count, so a document above the reader's clearance is neither listed nor counted.
 *   A 机密 reader sees every level and gets no condition at all. Without an index on classification, the bare count
 *   of a lower reader's first page reads the table (≈10 ms per 30,000 收文); see pushVisible.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { ReadDb } from '../../db/connection'
import { allRows, firstRow } from '../../db/prepared'
import { AppError } from '../../kernel/errors'
import type { IsoDate } from '../../common/dates'
import { loadCalendar } from '../../calendar/service'
import { deadlineTiming, type DeadlineTiming } from '../../calendar/deadline'
import { officeDate, officeDayStart } from '../../common/office-time'
import { docIdOf, kindRange, matchQuery, searchRowid, type SearchKind } from './search'
import { countedTotal } from './counts'
import { incomingNumberText } from '../incoming/rules'
import { readSettings } from '../../settings/service'
import { type Clearance, CLASSIFICATIONS } from '../../common/classification'
import { visibleSql } from '../../security/clearance'
import { INCOMING_STATES, URGENCIES, type DocumentType, type IncomingState, type OutgoingState } from '../../common/documents'

export const REGISTER_PAGE_MAX = 200
export const EXPORT_MAX = 50_000

/** Where a page ends: the sort key of its last row. */
export interface RegisterCursor { at: string; id: number }
export interface RegisterPage<R> { rows: R[]; next: RegisterCursor | null; total?: number }

export interface IncomingFilter {
  year?: number
  status?: IncomingState
  docType?: DocumentType
  classification?: (typeof CLASSIFICATIONS)[number]
  urgency?: (typeof URGENCIES)[number]
  /** 来文机关, exactly as registered (the list comes from `registers.incomingSenders`). */
  sender?: string
  /** A leader (person) with a 批示/传阅 row on the document. */
  leaderId?: number
  /** A 承办 department (主办 or 协办). */
  departmentId?: number
  /** Open and past its deadline, or a 承办 department past its time limit without feedback (R-D7). */
  overdueOnly?: boolean
  /** Words of the title, numbers or sender; two characters are enough (防汛, 土地). */
  text?: string | null
}

export interface OutgoingFilter {
  /** The 字号's year; for documents not yet numbered, the year they were drafted. */
  year?: number
  status?: OutgoingState
  docType?: DocumentType
  classification?: (typeof CLASSIFICATIONS)[number]
  urgency?: (typeof URGENCIES)[number]
  /** The 代字 (资府发, 资府函 …). */
  series?: string
  /** The 签发人 (person). */
  signerId?: number
  /** The 拟稿单位. */
  departmentId?: number
  text?: string | null
}

export interface PageInput { after?: RegisterCursor | null; limit?: number }

/** Who reads: set from the session by the procedure, after the input, so no input can raise it. */
export interface Viewer { clearance: Clearance }

/**
 * Adds the clearance condition, last, when there is one. It is written `+alias.classification` (never an index
 * lookup) except in a count with no other condition: were the lead to add an index on classification, that count
 * would read it alone, while pages keep walking the date index newest first instead of sorting every visible row.
 */
function pushVisible(w: SQL[], alias: 'd' | 'o', viewer: Viewer, forCount: boolean): void {
  const column = forCount && w.length === 0 ? sql.raw(`${alias}.classification`) : sql.raw(`+${alias}.classification`)
  const seen = visibleSql(column, viewer.clearance)
  if (seen) w.push(seen)
}

/** The states in which a 收文 is still being handled, so can be overdue. */
export const OPEN_INCOMING_STATES = INCOMING_STATES.filter((s) => s !== '已办结' && s !== '已退回' && s !== '已作废')

/** 收文号: 收〔2026〕123号, formatted as the 收文 pages do. */
export { incomingNumberText }

/** The office's date of a stored time: ISO instants are read in the office's zone, plain dates as they are. */
export function storedOfficeDate(at: string | null): IsoDate | null {
  if (!at) return null
  if (at.includes('T') && /(?:[zZ]|[+-]\d{2}:?\d{2})$/.test(at)) {
    const d = new Date(at)
    if (!Number.isNaN(d.getTime())) return officeDate(d)
  }
  return at.slice(0, 10)
}

const limitOf = (input: PageInput) => Math.min(Math.max(1, input.limit ?? 50), REGISTER_PAGE_MAX)
const join = (parts: SQL[]) => (parts.length ? sql.join(parts, sql` AND `) : sql`1`)
const inList = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`), sql`, `)

/**
 * How a leader filter is applied. `walk`: a correlated EXISTS probe, so the newest-first walk of
 * incoming_received_idx stops after a page of hits instead of sorting all of a busy leader's 30,000 documents;
 * `list`: the leader's document ids from instructions_leader_idx, then a sort — better for a leader with few
 * documents (a walk would read the whole table to find them) and for counting.
 */
export type LeaderPlan = 'walk' | 'list'
const BUSY_LEADER = 3000

/** Whether the leader has so many documents that walking newest-first beats sorting them (one index-only count, ≤ 3,000 entries). */
function leaderPlan(db: ReadDb, leaderId: number | undefined): LeaderPlan {
  if (leaderId === undefined) return 'list'
  const n = firstRow<{ n: number }>(db, sql`SELECT count(*) AS n FROM (SELECT 1 FROM instructions WHERE leader_id = ${leaderId} LIMIT ${BUSY_LEADER})`)!.n
  return n >= BUSY_LEADER ? 'walk' : 'list'
}

/**
 * The 收文 conditions, on alias d. `today` decides what is overdue. The department filter is an EXISTS probe for a
 * page (assignments has no index on department_id) and an id list for the count.
 */
function incomingWhere(f: IncomingFilter & Viewer, today: IsoDate, leader: LeaderPlan, forCount = false, after?: RegisterCursor | null): SQL[] {
  const w: SQL[] = []
  if (f.year !== undefined) {
    // The exact 收文号 year, plus a received_at range a day wider than the year for incoming_received_idx. A later
    // page's cursor is its upper end: with the year's end instead, SQLite would walk down from there to the cursor.
    const end = `${f.year + 1}-01-02`
    w.push(sql`+d.year = ${f.year}`)
    w.push(sql`d.received_at >= ${`${f.year - 1}-12-31`}`)
    w.push(after && after.at < end ? sql`d.received_at <= ${after.at}` : sql`d.received_at < ${end}`)
  }
  if (f.status) w.push(sql`d.status = ${f.status}`)
  if (f.docType) w.push(sql`d.doc_type = ${f.docType}`)
  if (f.classification) w.push(sql`d.classification = ${f.classification}`)
  if (f.urgency) w.push(sql`d.urgency = ${f.urgency}`)
  if (f.sender) w.push(sql`d.sender = ${f.sender}`)
  if (f.leaderId !== undefined) {
    w.push(forCount || leader === 'list'
      ? sql`d.id IN (SELECT i.document_id FROM instructions i WHERE i.leader_id = ${f.leaderId})`
      : sql`EXISTS (SELECT 1 FROM instructions i WHERE i.document_id = d.id AND i.leader_id = ${f.leaderId})`)
  }
  if (f.departmentId !== undefined) {
    w.push(forCount
      ? sql`d.id IN (SELECT a.document_id FROM assignments a WHERE a.department_id = ${f.departmentId})`
      : sql`EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = d.id AND a.department_id = ${f.departmentId})`)
  }
  if (f.overdueOnly) {
    w.push(sql`d.status IN (${inList(OPEN_INCOMING_STATES)})`)
    w.push(sql`((d.deadline IS NOT NULL AND d.deadline < ${today})
      OR EXISTS (SELECT 1 FROM assignments a WHERE a.document_id = d.id AND a.deadline < ${today} AND a.feedback_on IS NULL))`)
  }
  const q = matchOf(f)
  if (q && forCount) w.push(sql`d.id IN (${matchingIds('收文', q)})`)
  pushVisible(w, 'd', f, forCount)
  return w
}

/** The search index query for the words typed; null when nothing searchable was typed. */
const matchOf = (f: { text?: string | null }) => (f.text ? matchQuery(f.text) : null)

/** The ids of the documents whose texts contain every word typed (for counting with other filters). */
const matchingIds = (kind: SearchKind, q: string) =>
  sql`SELECT ${docIdOf(kind)} FROM document_search s WHERE s.document_search MATCH ${q} AND ${kindRange(kind)}`

/**
 * A page found by search: the index's entries walked newest first (their rowids sort as the register does,
 * search.ts), each joined to its document for the other filters, stopping after a page. The register's own
 * order would read every matching document to sort them: thousands for a common word.
 */
function searchPageSql(kind: SearchKind, q: string, columns: SQL, table: 'incoming_documents d' | 'outgoing_documents o', where: SQL[], after: RegisterCursor | null | undefined, limit: number): SQL {
  const w = [sql`s.document_search MATCH ${q}`, kindRange(kind), ...where]
  if (after) w.push(sql`s.rowid < ${searchRowid(kind, after.at, after.id)}`)
  return sql`SELECT ${columns} FROM document_search s CROSS JOIN ${sql.raw(table)} ON ${sql.raw(table.slice(-1))}.id = ${docIdOf(kind)} WHERE ${join(w)} ORDER BY s.rowid DESC LIMIT ${limit}`
}

/** The instant the office's year ends, as created_at stores instants (UTC, ISO). */
const yearEndInstant = (year: number) => officeDayStart(`${year + 1}-01-01`)

function outgoingWhere(f: OutgoingFilter & Viewer, forCount = false): SQL[] {
  const w: SQL[] = []
  if (f.year !== undefined) {
    w.push(sql`(o.number_year = ${f.year} OR (o.number_year IS NULL AND CAST(strftime('%Y', o.created_at, '+8 hours') AS INTEGER) = ${f.year}))`)
    // Nothing of a year was drafted after it ended (a 文号 is given after drafting): outgoing_created_idx starts there.
    w.push(sql`o.created_at < ${yearEndInstant(f.year)}`)
  }
  if (f.status) w.push(sql`o.status = ${f.status}`)
  if (f.docType) w.push(sql`o.doc_type = ${f.docType}`)
  if (f.classification) w.push(sql`o.classification = ${f.classification}`)
  if (f.urgency) w.push(sql`o.urgency = ${f.urgency}`)
  if (f.series) w.push(sql`o.series = ${f.series}`)
  if (f.signerId !== undefined) w.push(sql`o.signer_id = ${f.signerId}`)
  if (f.departmentId !== undefined) w.push(sql`o.drafting_department_id = ${f.departmentId}`)
  const q = matchOf(f)
  if (q && forCount) w.push(sql`o.id IN (${matchingIds('发文', q)})`)
  pushVisible(w, 'o', f, forCount)
  return w
}

// ---------------------------------------------------------------- 收文登记簿

interface IncomingBase {
  id: number; year: number; seq: number; receivedAt: string; sender: string; senderNumber: string | null; title: string
  docType: DocumentType; classification: string; secrecyPeriod: string | null; urgency: string; copies: number; pages: number | null
  status: IncomingState; proposal: string | null; route: string | null; deadline: string | null; closedOn: string | null
  reviewedOn: string | null
}

const INCOMING_COLUMNS = sql`d.id, d.year, d.seq, d.received_at AS receivedAt, d.sender, d.sender_number AS senderNumber, d.title,
  d.doc_type AS docType, d.classification, d.secrecy_period AS secrecyPeriod, d.urgency, d.copies, d.pages, d.status,
  d.proposal, d.route, d.deadline, d.closed_on AS closedOn, d.reviewed_on AS reviewedOn`

/** The SQL of one page of the 收文登记簿 (exported for the query-plan test). */
export function incomingPageSql(f: IncomingFilter & Viewer, today: IsoDate, after: RegisterCursor | null | undefined, limit: number, leader: LeaderPlan = 'walk'): SQL {
  const w = incomingWhere(f, today, leader, false, after)
  const q = matchOf(f)
  if (q) return searchPageSql('收文', q, INCOMING_COLUMNS, 'incoming_documents d', w, after, limit)
  if (after) w.push(sql`(d.received_at, d.id) < (${after.at}, ${after.id})`)
  return sql`SELECT ${INCOMING_COLUMNS} FROM incoming_documents d WHERE ${join(w)} ORDER BY d.received_at DESC, d.id DESC LIMIT ${limit}`
}

export interface Assignee { departmentId: number; name: string; role: '主办' | '协办'; deadline: string; feedbackOn: string | null }
export interface IncomingRegisterRow extends IncomingBase {
  /** 收文号, e.g. 收〔2026〕123号. */
  number: string
  /** The date it was received, in the office's zone. */
  receivedOn: IsoDate
  /** Where it is now: the leader whose 批示/圈阅 is awaited (the first turn without a date). */
  currentLeader: { id: number; name: string; title: string | null } | null
  /** Leaders who have instructed, in turn: 批示领导 in the register. */
  instructedBy: string[]
  /** 承办单位: 主办 first. */
  assignees: Assignee[]
  /** How far the document's 办结时限 is while it is open, in working days — the figure its page shows (issue 16). */
  timing: DeadlineTiming | null
  /** A 承办单位 is past its own 承办时限 without feedback (so the row is overdue though its 办结时限 may not be). */
  lateWork: boolean
  /** 当前位置, in the register's short words: 办公室（待初审）, 市长张明远处, 市财政局（主办）… */
  where: string
}

const chunks = <T>(xs: T[], n = 500): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n))
const idList = (ids: number[]) => sql.join(ids.map((i) => sql`${i}`), sql`, `)

/** Where a 收文 is now, for the register's 当前位置 column on the page and in Excel (the page's 现在 line says it at length). */
function whereNow(r: IncomingBase, leader: IncomingRegisterRow['currentLeader'], work: Assignee[]): string {
  switch (r.status) {
    case '已登记': return r.reviewedOn ? '办公室（待拟办）' : '办公室（待初审）'
    case '已拟办': return '办公室（待送批）'
    case '批示中': return leader ? `${leader.title ?? ''}${leader.name}处` : '办公室（待交办）'
    case '承办中': {
      const open = work.filter((a) => !a.feedbackOn)
      return open.length ? open.map((a) => `${a.name}（${a.role}）`).join('、') : '办公室（待办结）'
    }
    case '已退回': return `已退回${r.sender}`
    case '已办结': return '已办结'
    case '已作废': return '已作废'
  }
}

/** Adds the leaders, departments and deadline figures to register rows, a few queries per 500 rows. */
function presentIncoming(db: ReadDb, base: IncomingBase[], today: IsoDate): IncomingRegisterRow[] {
  const pending = new Map<number, IncomingRegisterRow['currentLeader']>()
  const instructed = new Map<number, string[]>()
  const assignees = new Map<number, Assignee[]>()
  for (const part of chunks(base.map((r) => r.id))) {
    // CROSS JOIN keeps the id list outermost: otherwise SQLite may start from the few leaders and read all their instructions.
    const ins = allRows<{ documentId: number; leaderId: number; name: string; title: string | null; instructedOn: string | null }>(db, sql`
      SELECT i.document_id AS documentId, i.leader_id AS leaderId, p.name, i.leader_title AS title, i.instructed_on AS instructedOn
      FROM instructions i CROSS JOIN people p ON p.id = i.leader_id WHERE i.document_id IN (${idList(part)}) ORDER BY i.document_id, i.turn, i.id`)
    for (const i of ins) {
      if (i.instructedOn === null) {
        if (!pending.has(i.documentId)) pending.set(i.documentId, { id: i.leaderId, name: i.name, title: i.title })
      } else {
        const list = instructed.get(i.documentId) ?? []
        if (!list.includes(i.name)) list.push(i.name)
        instructed.set(i.documentId, list)
      }
    }
    const as = allRows<Assignee & { documentId: number }>(db, sql`
      SELECT a.document_id AS documentId, a.department_id AS departmentId, dep.name, a.role, a.deadline, a.feedback_on AS feedbackOn
      FROM assignments a CROSS JOIN departments dep ON dep.id = a.department_id WHERE a.document_id IN (${idList(part)})
      ORDER BY a.document_id, CASE a.role WHEN '主办' THEN 0 ELSE 1 END, a.id`)
    for (const { documentId, ...a } of as) assignees.set(documentId, [...(assignees.get(documentId) ?? []), a])
  }
  // The figures are added to the row SQLite gave (Object.assign), not spread into a new object: spreading these
  // rows kept each page's strings alive through two young-generation collections, so every few pages paid a
  // 3–7 ms collection (npm run bench, register p95).
  const cal = loadCalendar(db)
  return base.map((r) => {
    const open = (OPEN_INCOMING_STATES as readonly string[]).includes(r.status)
    return Object.assign(r, {
      number: incomingNumberText(r.year, r.seq),
      receivedOn: storedOfficeDate(r.receivedAt)!,
      currentLeader: open ? pending.get(r.id) ?? null : null,
      instructedBy: instructed.get(r.id) ?? [],
      assignees: assignees.get(r.id) ?? [],
      timing: open && r.deadline ? deadlineTiming(cal, today, r.deadline) : null,
      lateWork: open && (assignees.get(r.id) ?? []).some((a) => a.feedbackOn === null && a.deadline < today),
      where: whereNow(r, pending.get(r.id) ?? null, assignees.get(r.id) ?? []),
    })
  })
}

function countIncoming(db: ReadDb, f: IncomingFilter & Viewer, today: IsoDate): number {
  return countedTotal(db, '收文', f) ?? firstRow<{ n: number }>(db, sql`SELECT count(*) AS n FROM incoming_documents d WHERE ${join(incomingWhere(f, today, 'list', true))}`)!.n
}

/**
 * One page of the 收文登记簿, newest first. `total` comes with the first page only (no `after`): one count over
 * the same indexes, so a virtualised list can size its scrollbar; later pages skip it.
 */
export function incomingRegister(db: ReadDb, today: IsoDate, input: IncomingFilter & Viewer & PageInput): RegisterPage<IncomingRegisterRow> {
  const limit = limitOf(input)
  const base = allRows<IncomingBase>(db, incomingPageSql(input, today, input.after, limit + 1, leaderPlan(db, input.leaderId)))
  const more = base.length > limit
  const rows = presentIncoming(db, base.slice(0, limit), today)
  const last = rows.at(-1)
  return {
    rows,
    next: more && last ? { at: last.receivedAt, id: last.id } : null,
    ...(input.after ? {} : { total: countIncoming(db, input, today) }),
  }
}

/** Every row the filters select, for Excel; refused above EXPORT_MAX with a Chinese message. */
export function incomingRegisterAll(db: ReadDb, today: IsoDate, f: IncomingFilter & Viewer): IncomingRegisterRow[] {
  const base = allRows<IncomingBase>(db, incomingPageSql(f, today, null, EXPORT_MAX + 1, 'list'))
  if (base.length > EXPORT_MAX) {
    throw new AppError('VALIDATION', `符合条件的收文超过${EXPORT_MAX.toLocaleString('en-US')}件，一次导出不了这么多。请按年度或其他条件缩小范围后再导出。`)
  }
  return presentIncoming(db, base, today)
}

/** The 来文机关 already registered, most frequent first (counting only what the reader may see), for the sender filter. */
export function incomingSenders(db: ReadDb, viewer: Viewer, year?: number): { sender: string; count: number }[] {
  const w: SQL[] = []
  if (year !== undefined) w.push(sql`+d.year = ${year} AND d.received_at >= ${`${year - 1}-12-31`} AND d.received_at < ${`${year + 1}-01-02`}`)
  pushVisible(w, 'd', viewer, false)
  return allRows<{ sender: string; count: number }>(db, sql`SELECT d.sender AS sender, count(*) AS count FROM incoming_documents d WHERE ${join(w)} GROUP BY sender ORDER BY count DESC, sender LIMIT 500`)
}

// ---------------------------------------------------------------- 发文登记簿

interface OutgoingBase {
  id: number; docType: DocumentType; series: string; title: string; addressee: string | null; cc: string | null
  classification: string; secrecyPeriod: string | null; urgency: string; draftingDepartmentId: number | null; department: string | null
  drafter: string | null; status: OutgoingState; signerId: number | null; signerName: string | null; signedOn: string | null
  numberYear: number | null; numberSeq: number | null; numberText: string | null; issuedOn: string | null; copies: number | null
  distribution: string | null; dispatchedOn: string | null; publicity: string; createdAt: string
}

const OUTGOING_COLUMNS = sql`o.id, o.doc_type AS docType, o.series, o.title, o.addressee, o.cc, o.classification, o.secrecy_period AS secrecyPeriod,
  o.urgency, o.drafting_department_id AS draftingDepartmentId, (SELECT name FROM departments WHERE id = o.drafting_department_id) AS department,
  o.drafter, o.status, o.signer_id AS signerId, o.signer_name AS signerName, o.signed_on AS signedOn, o.number_year AS numberYear,
  o.number_seq AS numberSeq, o.number_text AS numberText, o.issued_on AS issuedOn, o.copies, o.distribution, o.dispatched_on AS dispatchedOn,
  o.publicity, o.created_at AS createdAt`

export function outgoingPageSql(f: OutgoingFilter & Viewer, after: RegisterCursor | null | undefined, limit: number): SQL {
  const w = outgoingWhere(f)
  const q = matchOf(f)
  if (q) return searchPageSql('发文', q, OUTGOING_COLUMNS, 'outgoing_documents o', w, after, limit)
  if (after) w.push(sql`(o.created_at, o.id) < (${after.at}, ${after.id})`)
  return sql`SELECT ${OUTGOING_COLUMNS} FROM outgoing_documents o WHERE ${join(w)} ORDER BY o.created_at DESC, o.id DESC LIMIT ${limit}`
}

export interface OutgoingRegisterRow extends OutgoingBase {
  /** 发文机关 of the series (settings: 发文字号序列), e.g. 资阳市人民政府. */
  issuer: string | null
  /** The date on the register line: 签发 date once signed, else the drafting date. */
  date: IsoDate
  createdOn: IsoDate
}

function presentOutgoing(db: ReadDb, rows: OutgoingBase[]): OutgoingRegisterRow[] {
  const issuers = new Map(readSettings(db).documentSeries.map((s) => [s.code, s.issuer]))
  // Added to the row, not spread: see presentIncoming.
  return rows.map((r) => Object.assign(r, { issuer: issuers.get(r.series) ?? null, createdOn: storedOfficeDate(r.createdAt)!, date: r.signedOn ?? storedOfficeDate(r.createdAt)! }))
}

/** One page of the 发文登记簿, newest drafted first; `total` on the first page only. */
export function outgoingRegister(db: ReadDb, input: OutgoingFilter & Viewer & PageInput): RegisterPage<OutgoingRegisterRow> {
  const limit = limitOf(input)
  const base = allRows<OutgoingBase>(db, outgoingPageSql(input, input.after, limit + 1))
  const more = base.length > limit
  const rows = presentOutgoing(db, base.slice(0, limit))
  const last = rows.at(-1)
  return {
    rows,
    next: more && last ? { at: last.createdAt, id: last.id } : null,
    ...(input.after ? {} : { total: countedTotal(db, '发文', input) ?? firstRow<{ n: number }>(db, sql`SELECT count(*) AS n FROM outgoing_documents o WHERE ${join(outgoingWhere(input, true))}`)!.n }),
  }
}

export function outgoingRegisterAll(db: ReadDb, f: OutgoingFilter & Viewer): OutgoingRegisterRow[] {
  const base = allRows<OutgoingBase>(db, outgoingPageSql(f, null, EXPORT_MAX + 1))
  if (base.length > EXPORT_MAX) {
    throw new AppError('VALIDATION', `符合条件的发文超过${EXPORT_MAX.toLocaleString('en-US')}件，一次导出不了这么多。请按年度或其他条件缩小范围后再导出。`)
  }
  return presentOutgoing(db, base)
}

/** The 代字 in use, for the series filter. */
export function outgoingSeries(db: ReadDb, viewer: Viewer): string[] {
  const w: SQL[] = []
  pushVisible(w, 'o', viewer, false)
  return allRows<{ series: string }>(db, sql`SELECT DISTINCT o.series AS series FROM outgoing_documents o WHERE ${join(w)} ORDER BY o.series`).map((r) => r.series)
}
