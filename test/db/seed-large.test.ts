/**
 * The large dataset generator (bench/seed-large.ts, issue 7), run at a tiny scale: the office it builds must be a
 * consistent database of the real schema, the same every time for one seed, and readable by the registers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openConnection, type Connection } from '../../src-main/db/connection'
import { incomingRegister } from '../../src-main/documents/registers/service'
import { seedLarge, type SeedCounts } from '../../bench/seed-large'

const TODAY = '2026-11-10'
const SCALE = 0.002
let dir: string
let counts: SeedCounts
let conn: Connection

const build = (name: string, seed: number) => seedLarge({ file: join(dir, name), today: TODAY, seed, scale: SCALE })

/** A digest of the rows of the tables the generator fills from its random source. */
function digest(file: string): string {
  const { sqlite } = openConnection(file)
  try {
    const hash = createHash('sha256')
    for (const table of ['incoming_documents', 'instructions', 'assignments', 'chases', 'outgoing_documents', 'topics', 'attendance', 'minutes', 'duty_log', 'follow_ups']) {
      for (const row of sqlite.prepare(`SELECT * FROM ${table} ORDER BY id`).raw().iterate()) hash.update(JSON.stringify(row))
    }
    return hash.digest('hex')
  } finally {
    sqlite.close()
  }
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanban-seed-'))
  counts = build('a.sqlite', 7)
  conn = openConnection(join(dir, 'a.sqlite'))
}, 60_000)
afterAll(() => { conn.sqlite.close(); rmSync(dir, { recursive: true, force: true }) })

const count = (table: string) => (conn.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('the large dataset generator', () => {
  it('writes the asked numbers of documents, meetings, topics and follow-up items', () => {
    expect({ incoming: count('incoming_documents'), outgoing: count('outgoing_documents'), meetings: count('meetings'), topics: count('topics'), followUps: count('follow_ups') })
      .toEqual({ incoming: 600, outgoing: 100, meetings: 12, topics: 120, followUps: 4 })
  })

  it('reports exactly the rows each table holds, and about ten routing events per 收文', () => {
    for (const [table, n] of Object.entries(counts)) if (table !== 'routing_events') expect({ table, n: count(table) }).toEqual({ table, n })
    expect(count('document_search')).toBe(700)
    expect(counts.routing_events / counts.incoming_documents).toBeGreaterThan(8)
    expect(counts.routing_events / counts.incoming_documents).toBeLessThan(11)
  })

  it('R-M2 R-M4 records who attended every meeting held, with a few leaders on leave granted by the 市长, and none for meetings not held', () => {
    const held = conn.sqlite.prepare("SELECT count(*) AS n FROM meetings m WHERE m.status = '已召开' AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.meeting_id = m.id)").get() as { n: number }
    expect(held.n).toBe(0)
    expect(count("attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.status <> '已召开'")).toBe(0)
    expect(count("attendance WHERE status = '请假' AND answer = '同意' AND leave_reason IS NOT NULL")).toBeGreaterThan(0)
    expect(count("attendance WHERE status = '请假'")).toBeLessThan(count("attendance WHERE status = '出席'"))
  })

  it('keeps ten years of duty: a roster every month and a log every day', () => {
    expect(count('rosters')).toBeGreaterThanOrEqual(120)
    expect(count('duty_handover')).toBe(3653)
    expect(count('duty_log')).toBeGreaterThan(3653 * 2 - 1)
  })

  it('classifies most documents 无, some 秘密 and few 机密', () => {
    const by = Object.fromEntries((conn.sqlite.prepare('SELECT classification AS c, count(*) AS n FROM incoming_documents GROUP BY c').all() as { c: string; n: number }[]).map((r) => [r.c, r.n]))
    expect(by['无']).toBeGreaterThan(540)
    expect((by['秘密'] ?? 0) + (by['机密'] ?? 0)).toBeGreaterThan(0)
    expect(by['机密'] ?? 0).toBeLessThanOrEqual(by['秘密'] ?? 0)
  })

  it('统计 counts the loaded 收文 and 发文 by day, and its summaries keep counting the next 收文 (triggers put back after the load)', () => {
    const summed = (kind: string) => (conn.sqlite.prepare("SELECT coalesce(sum(n), 0) AS n FROM stats_document_days WHERE kind = ?").get(kind) as { n: number }).n
    expect({ 收文: summed('收文'), 发文: summed('发文') }).toEqual({ 收文: count('incoming_documents'), 发文: count('outgoing_documents') })
    // Voided and then rolled back, so the other tests see the office as loaded.
    conn.sqlite.exec('SAVEPOINT probe')
    try {
      conn.sqlite.prepare("UPDATE incoming_documents SET status = '已作废' WHERE id = (SELECT min(id) FROM incoming_documents WHERE status <> '已作废')").run()
      expect(summed('收文')).toBe(count('incoming_documents'))
      expect((conn.sqlite.prepare("SELECT coalesce(sum(n), 0) AS n FROM stats_document_days WHERE classification = '已作废'").get() as { n: number }).n)
        .toBe(count("incoming_documents WHERE status = '已作废'") + count("outgoing_documents WHERE status = '已作废'"))
    } finally {
      conn.sqlite.exec('ROLLBACK TO probe; RELEASE probe')
    }
  })

  it('leaves a database with no broken reference that passes the integrity check', () => {
    expect(conn.sqlite.pragma('foreign_key_check')).toEqual([])
    expect(conn.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('builds the same rows from the same seed, and other rows from another seed', () => {
    build('b.sqlite', 7)
    build('c.sqlite', 8)
    const a = digest(join(dir, 'a.sqlite'))
    expect(digest(join(dir, 'b.sqlite'))).toBe(a)
    expect(digest(join(dir, 'c.sqlite'))).not.toBe(a)
  }, 60_000)

  it('shows the newest 收文 first in the register, received on the office date', () => {
    const newest = conn.sqlite.prepare('SELECT id, received_at AS at FROM incoming_documents ORDER BY received_at DESC, id DESC LIMIT 1').get() as { id: number; at: string }
    const page = incomingRegister(conn.db, TODAY, { clearance: '机密', limit: 5 })
    expect(page.rows[0].id).toBe(newest.id)
    expect(page.rows[0].receivedOn).toBe(TODAY)
    expect(page.total).toBe(600)
  })
})
