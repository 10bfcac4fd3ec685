/**
 * The registers stay fast on ten years of documents only if SQLite walks the right index. These tests read the
 * query plans (EXPLAIN QUERY PLAN) of the register queries on a freshly migrated database: SQLite keeps no
 * statistics here (nobody runs ANALYZE), so the plan depends on the schema and the SQL alone, as in the office.
 * Timings on 300,000 收文: `npm run bench`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { eq, sql, type SQL } from 'drizzle-orm'
import { openConnection, type Connection } from '../../src-main/db/connection'
import { migrateDatabase } from '../../src-main/db/migrate'
import { incomingPageSql, outgoingPageSql, type IncomingFilter, type OutgoingFilter } from '../../src-main/documents/registers/service'
import type { Clearance } from '../../src-main/common/classification'
import { countedTotalSql } from '../../src-main/documents/registers/counts'
import { dueConditions, intakeCondition } from '../../src-main/documents/incoming/due-soon'
import { loadCalendar } from '../../src-main/calendar/service'
import { assignments, incomingDocuments } from '../../src-main/documents/schema'

let dir: string
let conn: Connection
const TODAY = '2026-11-10'
const AFTER = { at: '2026-10-01 09:00', id: 123456 }

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanban-plan-'))
  conn = openConnection(join(dir, 'sanban.sqlite'))
  migrateDatabase(conn.sqlite, resolve(__dirname, '../../drizzle'), join(dir, 'backups'))
})
afterAll(() => { conn.sqlite.close(); rmSync(dir, { recursive: true, force: true }) })

const plan = (q: SQL): string[] => conn.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${q}`).map((r) => r.detail)
type Reader = { clearance?: Clearance }
/** A 机密 reader unless the case names a lower clearance. */
const incoming = (f: IncomingFilter & Reader, after: typeof AFTER | null = null, leader: 'walk' | 'list' = 'walk') => plan(incomingPageSql({ clearance: '机密', ...f }, TODAY, after, 51, leader))
const outgoing = (f: OutgoingFilter & Reader, after: typeof AFTER | null = null) => plan(outgoingPageSql({ clearance: '机密', ...f }, after, 51))
const fullScan = (p: string[], alias: string) => p.some((d) => d === `SCAN ${alias}` || d.startsWith(`SCAN ${alias} `) && !d.includes('USING'))
const sorts = (p: string[]) => p.some((d) => d.includes('TEMP B-TREE FOR ORDER BY'))

describe('收文登记簿 query plans', () => {
  it('the first page reads the received-date index backwards, not the whole table, and needs no sort', () => {
    const p = incoming({})
    expect(p).toEqual(['SCAN d USING INDEX incoming_received_idx'])
    expect(sorts(p)).toBe(false)
  })

  it('a later page starts inside the received-date index at the last row seen (keyset, no OFFSET)', () => {
    const p = incoming({}, AFTER)
    expect(p[0]).toMatch(/^SEARCH d USING INDEX incoming_received_idx \((received_at<\?|\(received_at,id\)<\(\?,\?\))\)$/)
    expect(sorts(p)).toBe(false)
  })

  it('a year jumps to that year in the received-date index', () => {
    const p = incoming({ year: 2019 })
    expect(p[0]).toBe('SEARCH d USING INDEX incoming_received_idx (received_at>? AND received_at<?)')
    expect(sorts(p)).toBe(false)
  })

  it('a status, common (已办结) or rare in its year (承办中 in 2019), is walked newest first in the status-and-date index, without a sort', () => {
    for (const f of [{ status: '已办结' }, { status: '承办中' }] as const) {
      const p = incoming(f)
      expect(p[0]).toBe('SEARCH d USING INDEX incoming_status_received_idx (status=?)')
      expect(sorts(p)).toBe(false)
    }
    const inYear = incoming({ year: 2019, status: '承办中' })
    expect(inYear[0]).toBe('SEARCH d USING INDEX incoming_status_received_idx (status=? AND received_at>? AND received_at<?)')
    expect(sorts(inYear)).toBe(false)
    expect(incoming({ year: 2019, status: '承办中' }, AFTER)[0]).toBe('SEARCH d USING INDEX incoming_status_received_idx (status=? AND received_at>? AND received_at<?)')
  })

  it('a 文种 reads the type-and-date index in order', () => {
    const p = incoming({ docType: '请示' })
    expect(p[0]).toBe('SEARCH d USING INDEX incoming_type_idx (doc_type=?)')
    expect(sorts(p)).toBe(false)
  })

  it('overdue only reads the open documents from the status-and-deadline index, then sorts those few', () => {
    const p = incoming({ overdueOnly: true })
    expect(p[0]).toBe('SEARCH d USING INDEX incoming_status_deadline_idx (status=?)')
    expect(p.join(' | ')).toContain('SEARCH a USING INDEX assignments_document_idx (document_id=?)')
    expect(fullScan(p, 'd')).toBe(false)
  })

  it('a sender reads the sender index', () => {
    expect(incoming({ sender: '四川省人民政府办公厅' })[0]).toBe('SEARCH d USING INDEX incoming_sender_idx (sender=?)')
  })

  it('a busy leader is probed per document while walking newest first; a leader with few documents starts from the leader index', () => {
    const walk = incoming({ leaderId: 7 }, null, 'walk')
    expect(walk[0]).toBe('SCAN d USING INDEX incoming_received_idx')
    expect(walk.join(' | ')).toMatch(/SEARCH i (EXISTS )?USING (COVERING )?INDEX instructions_document_idx \(document_id=\?\)/)
    expect(sorts(walk)).toBe(false)
    const list = incoming({ leaderId: 7 }, null, 'list').join(' | ')
    expect(list).toContain('instructions_leader_idx (leader_id=?)')
    expect(list).toContain('SEARCH d USING INTEGER PRIMARY KEY (rowid=?)')
  })

  it('a search walks the character-pair index newest first and stops after a page: no sort of every match', () => {
    for (const p of [incoming({ text: '防汛' }), incoming({ text: '防汛' }, AFTER), incoming({ text: '防汛', year: 2019, status: '已办结' })]) {
      expectNewestFirstSearch(p, 'd')
    }
  })
})

/** The FTS5 index answers MATCH itself and hands rows over in descending rowid order (idxNum bits 64|128), then each document is fetched by id. */
function expectNewestFirstSearch(p: string[], alias: 'd' | 'o') {
  const m = p[0].match(/^SCAN s VIRTUAL TABLE INDEX (\d+):M/)
  expect(m, p.join(' | ')).not.toBeNull()
  expect(Number(m![1]) & 192).toBe(192)
  expect(p[1]).toBe(`SEARCH ${alias} USING INTEGER PRIMARY KEY (rowid=?)`)
  expect(sorts(p)).toBe(false)
}

describe('register totals (first page of each filter)', () => {
  const total = (kind: '收文' | '发文', f: object) => plan(countedTotalSql(kind, { clearance: '内部', ...f })!)
  it('a total by 年度, 状态 and 密级 reads a few rows of register_counts by their key, not the documents (issue 7)', () => {
    expect(total('收文', { year: 2019, status: '已办结' })).toEqual([expect.stringMatching(/^SEARCH register_counts USING (PRIMARY KEY|INDEX sqlite_autoindex_register_counts_1) \(kind=\? AND year=\? AND status=\?( AND classification=\?)?\)$/)])
    expect(total('发文', {})).toEqual([expect.stringMatching(/^SEARCH register_counts USING (PRIMARY KEY|INDEX sqlite_autoindex_register_counts_1) \(kind=\?( AND classification=\?)?\)$/)])
  })

  it('a search\'s total is counted in the pair index alone, and any other filter is counted over the documents', () => {
    expect(total('收文', { text: '防汛' })).toEqual([expect.stringMatching(/^SCAN s VIRTUAL TABLE INDEX \d+:M/)])
    expect(countedTotalSql('收文', { clearance: '机密', text: '防汛', year: 2019 })).toBeNull()
    expect(countedTotalSql('收文', { clearance: '机密', sender: '市财政局' } as object & { clearance: '机密' })).toBeNull()
  })
})

describe('发文登记簿 query plans', () => {
  it('the first page and later pages read the created-date index, newest first, without a sort', () => {
    const first = outgoing({})
    expect(first[0]).toBe('SCAN o USING INDEX outgoing_created_idx')
    expect(sorts(first)).toBe(false)
    const later = outgoing({}, AFTER)
    expect(later[0]).toMatch(/^SEARCH o USING INDEX outgoing_created_idx \((created_at<\?|\(created_at,id\)<\(\?,\?\))\)$/)
    expect(sorts(later)).toBe(false)
  })

  it('a 字号 year starts the newest-first walk at the end of that year, and a search walks the pair index newest first', () => {
    expect(outgoing({ year: 2019 })[0]).toBe('SEARCH o USING INDEX outgoing_created_idx (created_at<?)')
    const status = outgoing({ year: 2019, status: '已印发' })
    expect(status[0]).toBe('SEARCH o USING INDEX outgoing_status_created_idx (status=? AND created_at<?)')
    expect(sorts(status)).toBe(false)
    expectNewestFirstSearch(outgoing({ text: '土地' }), 'o')
  })

  it('a 代字 reads the 字号 index', () => {
    expect(outgoing({ series: '资府发' })[0]).toBe('SEARCH o USING INDEX outgoing_number_idx (series=?)')
  })
})

describe('a reader below 机密 walks the same indexes: the clearance condition is checked on the rows read, not by another plan', () => {
  it('a 内部 reader\'s 收文 pages, years, 文种, overdue list and searches use the same indexes as a 机密 reader\'s, without a sort', () => {
    const cases: IncomingFilter[] = [{}, { year: 2019 }, { status: '已办结' }, { docType: '请示' }, { overdueOnly: true }, { sender: '四川省人民政府办公厅' }, { text: '防汛' }]
    for (const f of cases) {
      const low = incoming({ ...f, clearance: '内部' })
      expect(low[0]).toBe(incoming(f)[0])
      expect(sorts(low)).toBe(sorts(incoming(f)))
    }
    expect(incoming({ clearance: '秘密' }, AFTER)[0]).toBe(incoming({}, AFTER)[0])
  })

  it('a 内部 reader\'s 发文 pages read the created-date and 字号 indexes as a 机密 reader\'s do', () => {
    expect(outgoing({ clearance: '内部' })).toEqual(outgoing({}))
    expect(outgoing({ clearance: '内部' }, AFTER)[0]).toBe(outgoing({}, AFTER)[0])
    expect(outgoing({ series: '资府发', clearance: '秘密' })[0]).toBe('SEARCH o USING INDEX outgoing_number_idx (series=?)')
  })
})

describe('首页 公文到期提醒 (R-D7)', () => {
  const explain = (q: { toSQL(): { sql: string; params: unknown[] } }) => {
    const { sql: text, params } = q.toSQL()
    return (conn.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as { detail: string }[]).map((r) => r.detail)
  }
  const reader = { db: null as never, user: { clearance: '内部' } as never }
  it('reads only the pending 承办 or the open documents (their own indexes), never every 收文, even for a 内部 reader', () => {
    const { work, docs } = dueConditions(reader, TODAY)
    const w = explain(conn.db.select({ n: sql`count(*)` }).from(assignments).innerJoin(incomingDocuments, eq(incomingDocuments.id, assignments.documentId)).where(work))
    expect(w[0]).toMatch(/^SEARCH (assignments USING INDEX assignments_pending_idx \(deadline<\?\)|incoming_documents USING INDEX incoming_status_(deadline|received)_idx \(status=\?\))$/)
    expect(w.some((x) => x.startsWith('SCAN'))).toBe(false)
    const d = explain(conn.db.select({ n: sql`count(*)` }).from(incomingDocuments).where(docs))
    expect(d[0]).toMatch(/^SEARCH incoming_documents USING INDEX incoming_status_deadline_idx \(status=\? AND deadline<\?\)$/)
  })

  it('reads the papers waiting for 初审 or 拟办 (issue 16) from the status-and-receipt index up to the latest bound only', () => {
    const intake = intakeCondition(reader, loadCalendar(conn.db), TODAY)
    const p = explain(conn.db.select({ n: sql`count(*)` }).from(incomingDocuments).where(intake))
    expect(p).toEqual(['SEARCH incoming_documents USING INDEX incoming_status_received_idx (status=? AND received_at<?)'])
  })
})
