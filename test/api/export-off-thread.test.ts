/**
 * A year's Excel export does not hold other users (issue 16): the built server (out/main/server.js, as the office
 * runs it) over an encrypted office with a year of about 30,000 收文 builds the file in its export worker, and an
 * office PC paging through the register meanwhile is answered page after page before the file is ready.
 *
 * Ordering only, no durations (the speed figures are `npm run bench -- --only 导出`). Nothing can hold a read-only
 * export worker deterministically: under WAL a reader waits for no writer and no other reader, so a third connection's
 * transaction (as test/api/import-write-off-thread.test.ts holds the import's write) would not stop it. Instead the
 * pages are asked only once the export is known to be under way in its worker: the worker's first act is to open its
 * own connection to the database file, which the server process shows as one more open handle on that file
 * (/proc/<pid>/fd). From then on the worker has the whole year still to read and lay out, while a page is one indexed
 * read of 50 rows; so PAGES pages answered before the file is ready means the request thread kept answering while the
 * worker built. Had the export been built on the request thread (the fault this test guards against), no worker would
 * open the file and the test fails saying so; the pages could never start "before the export reached its worker".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { seedLarge } from '../../bench/seed-large'
import { signedIn, startBenchServer, type BenchServer } from '../../bench/server-process'
import { generateKey, writeKeyFile } from '../../src-main/db/key'
import { DATABASE_FILE } from '../../src-main/db/connection'
import { officeDate } from '../../src-main/common/office-time'
import { readXlsx } from '../helpers/xlsx'
import type { OutputOf } from '../helpers/server'

const ROOT = resolve(__dirname, '../..')
/** Pages the other PC asks for, one after another, once the export is under way: all answered before the file is ready. */
const PAGES = 5

let dir = ''
let databaseFile = ''
let server: BenchServer
const today = officeDate(new Date())
const year = Number(today.slice(0, 4))

beforeAll(async () => {
  // The test runs the build the office runs: fail with the remedy rather than skip.
  if (!existsSync(join(ROOT, 'out', 'main', 'export-worker.js'))) throw new Error('没有构建好的 out/main/export-worker.js：先运行 npx electron-vite build')
  dir = mkdtempSync(join(tmpdir(), 'sanban-export-'))
  const key = generateKey()
  const dataDir = join(dir, 'data')
  mkdirSync(dataDir)
  seedLarge({ file: join(dataDir, DATABASE_FILE), today, years: 1, scale: 1, key })
  databaseFile = realpathSync(join(dataDir, DATABASE_FILE))
  writeKeyFile(join(dir, 'office.key'), key)
  server = await startBenchServer({ dataDir, keyFile: join(dir, 'office.key') }, ['--shared-answers', '0'])
}, 120_000)
afterAll(async () => {
  await server?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** How many handles the server process has open on the database file itself (not its -wal or -shm). */
function handlesOnDatabase(pid: number): number {
  let n = 0
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try { if (readlinkSync(`/proc/${pid}/fd/${fd}`) === databaseFile) n++ } catch { /* closed while listed */ }
  }
  return n
}

/** Settles to what the call answered, and notes that it has. */
function watched<T>(p: Promise<T>) {
  const w = { settled: false, value: p.finally(() => { w.settled = true }) }
  return w
}

/**
 * Waits until the export worker has opened its own connection (one more handle on the file than before the export was
 * sent). Polls until that or until the export has settled, which fails: no time limit of its own to be wrong about.
 */
async function untilWorkerReads(exported: { settled: boolean }, before: number) {
  while (!exported.settled) {
    if (handlesOnDatabase(server.pid) > before) return
    await new Promise((r) => setTimeout(r, 2))
  }
  throw new Error('导出已完成，但始终没有在工作线程中单独打开数据库：导出是在答复请求的线程上生成的')
}

describe('导出一年的收文登记簿时，其他用户照常使用', () => {
  it('once the export worker is reading the year, another office PC gets register page after page before the file is ready', async () => {
    const exporter = await signedIn(server.url)
    const other = await signedIn(server.url)
    const events: string[] = []
    const before = handlesOnDatabase(server.pid)
    const exported = watched(exporter.ok('registers.exportIncomingXlsx', { year }).then((file) => { events.push('导出完成'); return file }))
    await untilWorkerReads(exported, before)
    let cursor: OutputOf<'registers.incoming'>['next'] = null
    let total = 0
    for (let i = 1; i <= PAGES; i++) {
      const page: OutputOf<'registers.incoming'> = await other.ok('registers.incoming', { year, limit: 50, ...(cursor ? { after: cursor } : {}) })
      if (page.total !== undefined) total = page.total
      cursor = page.next
      events.push(`第${i}页`)
    }
    const file = await exported.value
    expect(events).toEqual([...Array.from({ length: PAGES }, (_, i) => `第${i + 1}页`), '导出完成'])
    // The file is the whole year, not a part built early.
    expect(total).toBeGreaterThan(20_000)
    const sheet = readXlsx(file.base64)
    expect(sheet.rows.length - 3).toBe(total)
    expect(sheet.rows[1][0]).toContain(`共${total}件`)
  }, 120_000)
})
