/**
 * R-D6, X-1: 发文字号 under real concurrency — no gap, no duplicate.
 *
 * Same shape as minutes-numbering.test.ts: two cores in one process never race (every handler is
 * synchronous), two *processes* do. Each one here is a real server with its own SQLite connection
 * on the same data folder, run from the TypeScript sources by tsx; 40 signed documents are numbered
 * by firing `documents.number` at both at once. If the service read the highest number outside the
 * mutation's immediate transaction, two processes would read the same maximum and one of each pair
 * would fail on outgoing_number_idx (or SQLITE_BUSY_SNAPSHOT) or leave a gap; the test requires every
 * call to succeed and the numbers to be exactly 1..40.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import Database from 'better-sqlite3'
import { startServer } from '../../src-main/server/start'
import { adjustableClock } from '../../src-main/system/clock'
import { outgoingDocuments } from '../../src-main/documents/schema'
import { rpcClient, ADMIN_PASSWORD } from '../helpers/server'

const ROOT = resolve(__dirname, '../..')
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const TOTAL = 40
const CLOCK = '2026-12-20T10:00:00+08:00'

let dataDir: string
const children: ChildProcess[] = []
const ids: number[] = []
let otherSeries: number

function serverProcess(): Promise<string> {
  const code = `
    import { startServer } from ${JSON.stringify(join(ROOT, 'src-main/server/start.ts'))}
    import { adjustableClock } from ${JSON.stringify(join(ROOT, 'src-main/system/clock.ts'))}
    ;(async () => {
      const s = await startServer({ dataDir: process.env.SANBAN_RACE_DATA!, port: 0, clock: adjustableClock() })
      console.log(JSON.stringify({ url: s.url }))
      process.on('SIGTERM', () => { s.close().then(() => process.exit(0)) })
    })()`
  const child = spawn(process.execPath, [TSX, '--eval', code], { cwd: ROOT, env: { ...process.env, SANBAN_RACE_DATA: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(child)
  return new Promise((done, fail) => {
    const lines = createInterface({ input: child.stdout! })
    lines.on('line', (line) => { if (line.startsWith('{')) done((JSON.parse(line) as { url: string }).url) })
    child.once('exit', (code) => fail(new Error(`server process exited (${code}) before listening`)))
  })
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sanban-race-'))
  // Set-up in this process: the database, the demo organisation, 40 signed 资府发 documents and one 资府函.
  const setup = await startServer({ dataDir, port: 0, demo: true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock() })
  try {
    const db = setup.core.conn.db
    const signed = (series: string, i: number) => db.insert(outgoingDocuments).values({
      docType: '通知', signKind: '一般', series, title: `关于第${i}项工作的通知`, body: '特此通知。', status: '已签发',
      signerName: '陈立新', signOpinion: '同意。', signedOn: '2026-12-18', createdAt: new Date().toISOString(),
    }).returning().get().id
    for (let i = 0; i < TOTAL; i++) ids.push(signed('资府发', i + 1))
    otherSeries = signed('资府函', 0)
  } finally {
    await setup.close()
  }
}, 120_000)

afterAll(async () => {
  await Promise.all(children.map((c) => new Promise<void>((done) => {
    if (c.exitCode !== null) return done()
    c.once('exit', () => done())
    c.kill('SIGTERM')
  })))
  rmSync(dataDir, { recursive: true, force: true })
})

describe('发文字号 under concurrency (R-D6, X-1)', () => {
  it(`R-D6 ${TOTAL} numberings fired at once at two server processes on one database get 资府发〔2026〕1号 … ${TOTAL}号, no gap, no duplicate`, async () => {
    const urls = await Promise.all([serverProcess(), serverProcess()])
    const clients = urls.map((u) => rpcClient(u))
    for (const c of clients) {
      await c.login()
      await c.ok('system.setClock', { at: CLOCK })
    }
    const replies = await Promise.all([...ids, otherSeries].map((id, i) => clients[i % 2].call('documents.number', { id })))
    expect(replies.filter((r) => !r.body.ok).map((r) => r.body.error)).toEqual([])
    const numbers = replies.slice(0, TOTAL).map((r) => r.body.result.numberText as string)
    const seq = (s: string) => Number(/〔2026〕(\d+)号$/.exec(s)![1])
    expect([...numbers].sort((a, b) => seq(a) - seq(b))).toEqual(ids.map((_, i) => `资府发〔2026〕${i + 1}号`))
    expect(replies[TOTAL].body.result.numberText).toBe('资府函〔2026〕1号')

    // Read back from the file itself, through a third connection.
    const check = new Database(join(dataDir, 'sanban.sqlite'), { readonly: true })
    try {
      const rows = check.prepare("SELECT number_seq AS n FROM outgoing_documents WHERE series = '资府发' AND number_year = 2026 ORDER BY number_seq").all() as { n: number }[]
      expect(rows.map((r) => r.n)).toEqual(ids.map((_, i) => i + 1))
    } finally {
      check.close()
    }
  }, 120_000)
})
