/**
 * minutes numbers under real concurrency — no gap, no duplicate.
 *
 * Why this shape: two cores in one process never race, because every handler is synchronous and
 * the event loop runs one at a time; a test there passes even if the number were read outside the
 * transaction. Two *processes* do race: each one here is a real server (src-main/server/start.ts)
 * with its own SQLite connection on the same data folder, run from the TypeScript sources by tsx.
 * Sign-offs are fired at both at once over HTTP. If the service read the used numbers before taking
 * the write lock (outside the mutation's immediate transaction, or in a deferred one), the two
 * processes would read the same maximum, and one of each such pair would fail — on
 * minutes_number_idx (CONFLICT) or on SQLITE_BUSY_SNAPSHOT — or leave a gap; the test requires
 * every sign-off to succeed and the numbers to be exactly 1..N.
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
import { listMeetingTypes } from '../../src-main/meetings/context'
import { meetings, topics } from '../../src-main/meetings/schema'
import { rpcClient, ADMIN_PASSWORD } from '../helpers/server'

const ROOT = resolve(__dirname, '../..')
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
const PER_SERVER = 20
const CLOCK = '2026-12-20T10:00:00+08:00'

let dataDir: string
const children: ChildProcess[] = []
const meetingIds: number[] = []

/** A server in its own process over the shared data folder; resolves with its address. */
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
  // Set-up in this process: the database, the demo organisation, 2×N held meetings with saved drafts.
  const setup = await startServer({ dataDir, port: 0, demo: true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock() })
  try {
    const db = setup.core.conn.db
    const api = rpcClient(setup.url)
    await api.login()
    await api.ok('system.setClock', { at: CLOCK })
    const org = await api.ok('org.overview')
    const mayorPost = org.posts.find((p: any) => p.kind === '市长').id
    const dept = org.departments.find((d: any) => d.name === '市财政局').id
    const typeId = listMeetingTypes(db).find((t) => t.kind === '常务会议')!.id
    for (let i = 0; i < 2 * PER_SERVER; i++) {
      const id = db.insert(meetings).values({ typeId, session: i + 1, date: '2026-11-02', halfDay: '上午', status: '已召开', chairPostId: mayorPost, createdAt: new Date().toISOString() }).returning().get().id
      db.insert(topics).values({ meetingId: id, title: `议题${i + 1}`, sortOrder: 0, departmentId: dept, deliveredOn: '2026-10-10', createdAt: new Date().toISOString() }).run()
      const m = await api.ok('meetings.minutes', { meetingId: id })
      await api.ok('meetings.saveMinutes', { meetingId: id, opening: m.opening, attendance: m.attendance, decisions: m.decisions.map((d: any) => ({ ...d, text: '会议同意。' })) })
      meetingIds.push(id)
    }
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

describe('minutes numbering under concurrency (X-1)', () => {
  it(`X-1 ${2 * PER_SERVER} sign-offs fired at once at two server processes on one database get 〔2026〕1号 … ${2 * PER_SERVER}号, no gap, no duplicate`, async () => {
    const urls = await Promise.all([serverProcess(), serverProcess()])
    const clients = urls.map((u) => rpcClient(u))
    for (const c of clients) {
      await c.login()
      await c.ok('system.setClock', { at: CLOCK })
    }
    const signer = (await clients[0].ok('meetings.minutesSigner', { meetingId: meetingIds[0], date: '2026-12-18' })).signers[0].personId
    const replies = await Promise.all(meetingIds.map((meetingId, i) =>
      clients[i % 2].call('meetings.signMinutes', { meetingId, signerPersonId: signer, opinion: '同意印发。', date: '2026-12-18' })))
    expect(replies.filter((r) => !r.body.ok).map((r) => r.body.error)).toEqual([])
    const numbers = replies.map((r) => r.body.result.numberText as string)
    const expected = meetingIds.map((_, i) => `〔2026〕${i + 1}号`)
    expect([...numbers].sort((a, b) => parseInt(a.slice(6)) - parseInt(b.slice(6)))).toEqual(expected)

    // Read back from the file itself, through a third connection.
    const check = new Database(join(dataDir, 'sanban.sqlite'), { readonly: true })
    try {
      const rows = check.prepare("SELECT number_seq AS n FROM minutes WHERE series = '常务会议' AND number_year = 2026 ORDER BY number_seq").all() as { n: number }[]
      expect(rows.map((r) => r.n)).toEqual(meetingIds.map((_, i) => i + 1))
    } finally {
      check.close()
    }
  }, 120_000)
})
