/**
 * A shared register page is kept until a table it is read from is written (Procedure.answerReads,
 * db/written-tables.ts). A table left out of the declaration would let a page go stale after a write to it;
 * so every filter, search and reader clearance of the shared procedures is run here against a small office
 * made by the bench's generator, and each table SQLite actually opens must be among the declared ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedLarge } from '../../bench/seed-large'
import { openBenchCore, type BenchCore } from '../../bench/in-process'
import { DATABASE_FILE } from '../../src-main/db/connection'
import { tablesRead } from '../helpers/tables-read'

const TODAY = '2026-06-30'
let dir: string
let bench: BenchCore

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanban-reads-'))
  const counts = seedLarge({ file: join(dir, DATABASE_FILE), today: TODAY, years: 2, scale: 0.01, seed: 7 })
  bench = openBenchCore({ dataDir: dir, file: join(dir, DATABASE_FILE), keyFile: undefined as unknown as string, key: Buffer.alloc(0), today: TODAY, counts })
}, 120_000)
afterAll(() => { bench?.close(); rmSync(dir, { recursive: true, force: true }) })

type Page = { rows: { id: number; receivedAt?: string; createdAt?: string }[]; next: unknown }

/** Each filter of the register in turn, its next page too, as each clearance. */
const INCOMING: object[] = [
  {}, { year: 2025, status: '已办结' }, { status: '承办中' }, { text: '防汛' }, { text: '乡村振兴', year: 2026 }, { overdueOnly: true },
  { classification: '秘密' }, { docType: '请示' }, { urgency: '特急' }, { sender: '市财政局' }, { leaderId: 1 }, { departmentId: 1 },
]
const OUTGOING: object[] = [{}, { year: 2025, status: '已印发' }, { text: '防汛' }, { series: '资府发' }, { signerId: 1 }, { departmentId: 1 }, { classification: '秘密' }]

async function readBy(name: string, inputs: object[]): Promise<Set<string>> {
  const read = new Set<string>()
  for (const username of ['kezhang', 'wenmi', 'chayue']) {
    const call = bench.as(username)
    for (const input of inputs) {
      let page: Page | undefined
      for (const t of await tablesRead(bench.core.conn.sqlite, async () => { page = await call<Page>(name, { ...input, limit: 20 }) })) read.add(t)
      if (!page?.next) continue
      for (const t of await tablesRead(bench.core.conn.sqlite, () => call(name, { ...input, limit: 20, after: page!.next }))) read.add(t)
    }
  }
  return read
}

describe('a shared register page names every table it is read from', () => {
  for (const [name, inputs] of [['registers.incoming', INCOMING], ['registers.outgoing', OUTGOING]] as const) {
    it(`${name}: no table read is missing from answerReads`, async () => {
      const declared = bench.core.router.procedures[name].answerReads
      expect(declared, `${name} 应声明 answerReads`).toBeDefined()
      const read = await readBy(name, inputs)
      expect(read.size).toBeGreaterThan(2)
      expect([...read].filter((t) => !declared!.includes(t)).sort()).toEqual([])
    })
  }
})
