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
import { sql, type SQL } from 'drizzle-orm'
import { openConnection, type Connection } from '../../src-main/db/connection'
import { migrateDatabase } from '../../src-main/db/migrate'
import { incomingPageSql, outgoingPageSql, type IncomingFilter, type OutgoingFilter } from '../../src-main/documents/registers'
import type { Clearance } from '../../src-main/security/classification'

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
    expect(incoming({ year: 2019, status: '已办结' })[0]).toContain('incoming_received_idx (received_at>? AND received_at<?)')
  })

  it('a status that covers most of the table (已办结) does not make SQLite sort it all: it still walks newest first', () => {
    const p = incoming({ status: '已办结' })
    expect(p[0]).toBe('SCAN d USING INDEX incoming_received_idx')
    expect(sorts(p)).toBe(false)
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

  it('a search looks the words up in the character-pair index and fetches only the documents found', () => {
    const p = incoming({ text: '防汛' }).join(' | ')
    expect(p).toContain('SEARCH d USING INTEGER PRIMARY KEY (rowid=?)')
    expect(p).toMatch(/SCAN document_search VIRTUAL TABLE INDEX \d+:M/)
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
