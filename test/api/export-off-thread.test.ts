/**
 * A year's Excel export does not hold other users (issue 16): the built server (out/main/server.js, as the office
 * runs it) over an encrypted office with a year of about 30,000 收文 builds the file in its export worker, and an
 * office PC paging through the register meanwhile is answered page after page before the file is ready. Ordering
 * only, no durations: the speed figures are `npm run bench -- --only 导出`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
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
/** Pages the other PC asks for, one after another: all are answered before the export is, or the export held them. */
const PAGES = 5

let dir = ''
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
  writeKeyFile(join(dir, 'office.key'), key)
  server = await startBenchServer({ dataDir, keyFile: join(dir, 'office.key') }, ['--shared-answers', '0'])
}, 120_000)
afterAll(async () => {
  await server?.stop()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('导出一年的收文登记簿时，其他用户照常使用', () => {
  it('another office PC gets register page after page while a year\'s Excel export is being built, before the file is ready', async () => {
    const exporter = await signedIn(server.url)
    const other = await signedIn(server.url)
    const events: string[] = []
    const exported = exporter.ok('registers.exportIncomingXlsx', { year }).then((file) => { events.push('导出完成'); return file })
    let cursor: OutputOf<'registers.incoming'>['next'] = null
    let total = 0
    for (let i = 1; i <= PAGES; i++) {
      const page: OutputOf<'registers.incoming'> = await other.ok('registers.incoming', { year, limit: 50, ...(cursor ? { after: cursor } : {}) })
      if (page.total !== undefined) total = page.total
      cursor = page.next
      events.push(`第${i}页`)
    }
    const file = await exported
    expect(events).toEqual([...Array.from({ length: PAGES }, (_, i) => `第${i + 1}页`), '导出完成'])
    // The file is the whole year, not a part built early.
    expect(total).toBeGreaterThan(20_000)
    const sheet = readXlsx(file.base64)
    expect(sheet.rows.length - 3).toBe(total)
    expect(sheet.rows[1][0]).toContain(`共${total}件`)
  }, 120_000)
})
