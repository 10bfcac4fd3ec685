/**
 * The registers' totals come from register_counts (triggers of migration 0005) and from the search index alone
 * (issue 7). Whatever happens to the documents — registered, moved on, reclassified, numbered in another year,
 * deleted — each total must still equal a count over the documents themselves, for every reader's clearance.
 */
import { describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { seededOffice } from '../helpers/seeded-office'
import { incomingRegister, outgoingRegister } from '../../src-main/documents/registers/service'
import { CLEARANCES, type Clearance } from '../../src-main/common/classification'
import { visibleSql } from '../../src-main/security/clearance'
import { incomingDocuments } from '../../src-main/documents/schema'
import { reindex } from '../../src-main/documents/incoming/service'

const TODAY = '2026-11-10'

const office = seededOffice({ today: TODAY, seed: 11, scale: 0.003 })

const years = [2017, 2021, 2026]
const incomingFilters = [{}, ...years.map((year) => ({ year })), { status: '已办结' as const }, { year: 2026, status: '承办中' as const }, { classification: '秘密' as const }, { text: '防汛' }, { text: '资府' }]
const outgoingFilters = [{}, ...years.map((year) => ({ year })), { status: '已印发' as const }, { year: 2026, status: '拟稿' as const }, { text: '土地' }]

/** The same total counted the slow way, over the documents. */
function countedOver(table: 'incoming_documents' | 'outgoing_documents', f: { year?: number; status?: string; classification?: string; text?: string }, clearance: Clearance): number {
  const alias = table === 'incoming_documents' ? 'd' : 'o'
  const year = table === 'incoming_documents' ? sql`d.year` : sql`COALESCE(o.number_year, CAST(strftime('%Y', o.created_at, '+8 hours') AS INTEGER))`
  const texts = table === 'incoming_documents' ? sql`d.title || d.sender || coalesce(d.sender_number, '') || '收〔' || d.year || '〕' || d.seq || '号'` : sql`o.title || coalesce(o.number_text, '')`
  const w = [sql`1`]
  if (f.year !== undefined) w.push(sql`${year} = ${f.year}`)
  if (f.status) w.push(sql`${sql.raw(alias)}.status = ${f.status}`)
  if (f.classification) w.push(sql`${sql.raw(alias)}.classification = ${f.classification}`)
  if (f.text) w.push(sql`instr(${texts}, ${f.text}) > 0`)
  const seen = visibleSql(sql.raw(`${alias}.classification`), clearance)
  if (seen) w.push(seen)
  return office.conn.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.raw(`${table} ${alias}`)} WHERE ${sql.join(w, sql` AND `)}`)!.n
}

function expectTotalsAgree(): void {
  for (const clearance of CLEARANCES) {
    for (const f of incomingFilters) expect(incomingRegister(office.conn.db, TODAY, { ...f, clearance, limit: 1 }).total, JSON.stringify({ 收文: f, clearance })).toBe(countedOver('incoming_documents', f, clearance))
    for (const f of outgoingFilters) expect(outgoingRegister(office.conn.db, { ...f, clearance, limit: 1 }).total, JSON.stringify({ 发文: f, clearance })).toBe(countedOver('outgoing_documents', f, clearance))
  }
}

describe('register totals without counting the documents', () => {
  it('agree with a count over the documents for every 年度, 状态, 密级, search and clearance of a generated office', () => {
    expect(countedOver('incoming_documents', { text: '防汛' }, '机密')).toBeGreaterThan(0)
    expectTotalsAgree()
  })

  it('still agree after documents move on, are reclassified, numbered into another year, registered and deleted', () => {
    office.conn.sqlite.exec(`
      UPDATE incoming_documents SET status = '已办结' WHERE status = '承办中' AND id % 2 = 0;
      UPDATE incoming_documents SET classification = '秘密' WHERE id % 7 = 0;
      UPDATE outgoing_documents SET number_year = number_year + 20 WHERE number_year IS NOT NULL AND id % 5 = 0;
      UPDATE outgoing_documents SET status = '已印发' WHERE status <> '已印发';
      DELETE FROM outgoing_documents WHERE id % 9 = 0;
      DELETE FROM incoming_files; DELETE FROM chases WHERE document_id % 11 = 0; DELETE FROM assignments WHERE document_id % 11 = 0;
      DELETE FROM instructions WHERE document_id % 11 = 0; DELETE FROM incoming_documents WHERE id % 11 = 0;
      INSERT INTO incoming_documents (year, seq, received_at, sender, title, doc_type, classification, urgency, copies, arrival, status, created_at)
        VALUES (2026, 9001, '2026-11-09 10:00', '市水务局', '关于防汛物资储备的报告', '报告', '机密', '无', 1, '机要交通', '已登记', '2026-11-09T02:00:00Z');
    `)
    // A 密级 changed or a document registered through the app is re-indexed with it (incoming.ts reindex).
    for (const row of office.conn.db.select().from(incomingDocuments).where(sql`id % 7 = 0 OR seq = 9001`).all()) reindex(office.conn.db, row)
    expectTotalsAgree()
  })

  it('never leaves a negative or phantom count behind', () => {
    expect(office.conn.sqlite.prepare('SELECT count(*) AS n FROM register_counts WHERE n < 0').get()).toEqual({ n: 0 })
  })
})
