/**
 * An import's write does not hold the office's other users (issue 18): 确认导入 writes in a worker with its own
 * connection, so while it waits for or holds SQLite's write lock another PC's register page is still answered, and
 * another PC's 收文登记 waits for the import (off the request thread) and then succeeds instead of failing "数据库正忙".
 * The write is held deterministically by a third connection that takes the lock first: ordering only, no durations.
 * Last, the built server (as offices run it, encrypted) confirms an import in its built worker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { rpcClient, startTestServer, type RpcClient, type TestServer } from '../helpers/server'
import { xlsxOf } from '../helpers/import-files'
import { uploadAs } from '../helpers/upload'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { signedIn, startBenchServer, type BenchServer } from '../../bench/server-process'
import { SEED_PASSWORD } from '../../bench/seed-large'

const ROOT = resolve(__dirname, '../..')

let server: TestServer
let api: RpcClient
let other: RpcClient

beforeAll(async () => {
  server = await startTestServer()
  api = rpcClient(server.url)
  await api.login()
  other = rpcClient(server.url)
  await other.login()
  await api.ok('system.setClock', { at: '2026-11-10T09:00:00+08:00' })
})
afterAll(async () => { await server.stop() })

const HEAD = ['收文号', '签收日期', '来文机关', '来文字号', '标题', '文种', '密级', '紧急程度', '办理情况', '承办单位', '办结日期']
const rowsOf = (year: number, n: number) => Array.from({ length: n }, (_, i) =>
  [`收〔${year}〕${i + 1}号`, `${year}-5-${(i % 28) + 1}`, '市民政局', '', `关于第${i + 1}批救助资金的通知`, '通知', '', '', '已办结', '', ''])

async function checkedImport(year: number, n: number) {
  const file = await api.ok('imports.read', { kind: '收文登记簿', file: await uploadAs(server.url, api, `${year}年收文.xlsx`, await xlsxOf([HEAD, ...rowsOf(year, n)])) })
  await api.ok('imports.check', { jobId: file.jobId, mapping: file.mapping })
  return file.jobId
}

/** Settles to what the call answered, and notes that it has. */
function watched<T>(p: Promise<T>) {
  const w = { settled: false, value: p.finally(() => { w.settled = true }) }
  return w
}

async function untilWriting(jobId: string) {
  for (let i = 0; i < 200; i++) {
    if ((await api.ok('imports.progress', { jobId })).phase === '写入') return
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error('导入没有进入写入阶段')
}

describe('确认导入 runs beside the office\'s other calls (issue 18)', () => {
  it('while the import is writing, another PC\'s register page is answered and its 收文登记 waits, then both succeed', async () => {
    const jobId = await checkedImport(2022, 300)
    // A third connection holds the write lock: the import's worker must wait for it, as for any long write.
    const holder = new Database(server.core.conn.sqlite.name)
    holder.pragma('busy_timeout = 5000')
    holder.exec('BEGIN IMMEDIATE')
    let released = false
    try {
      const confirm = watched(api.call('imports.confirm', { jobId, saveMapping: false }))
      await untilWriting(jobId)
      const page = await other.ok('registers.incoming', { year: 2022 })
      expect(page.total).toBe(0)
      const receive = watched(other.call('incoming.receive', { receivedAt: '2026-11-10 09:30', sender: '市财政局', title: '关于下达预算的通知', docType: '通知' }))
      // A second read after the write was sent: answered too, and neither the import nor the write has finished.
      expect((await other.ok('registers.incoming', { year: 2022 })).total).toBe(0)
      expect([confirm.settled, receive.settled]).toEqual([false, false])
      holder.exec('COMMIT')
      released = true
      expect((await confirm.value).body.result).toMatchObject({ created: 300, refusedRows: 0 })
      expect((await receive.value).body.ok).toBe(true)
    } finally {
      if (!released) holder.exec('ROLLBACK')
      holder.close()
    }
    expect((await api.ok('registers.incoming', { year: 2022 })).total).toBe(300)
  })

  it('the import\'s audit record, written by the worker, continues the chain the request thread writes (审计日志校验通过)', async () => {
    const auditor = rpcClient(server.url)
    await auditor.login('auditor')
    expect((await auditor.ok('audit.verify')).ok).toBe(true)
    const imports = server.core.conn.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE procedure = 'imports.confirm'").get() as { n: number }
    expect(imports.n).toBe(1)
  })
})

describe('the built server as the office runs it (out/main/server.js, encrypted)', () => {
  let dir = ''
  let built: BenchServer | null = null
  afterAll(async () => {
    await built?.stop()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('confirms an import in its own worker (out/main/confirm-worker.js) over the encrypted database', async () => {
    // The test runs the build the office runs: fail with the remedy rather than skip.
    if (!existsSync(join(ROOT, 'out', 'main', 'confirm-worker.js'))) throw new Error('没有构建好的 out/main/confirm-worker.js：先运行 npx electron-vite build')
    dir = mkdtempSync(join(tmpdir(), 'sanban-import-built-'))
    built = await startBenchServer({ dataDir: join(dir, 'data'), keyFile: join(dir, 'sanban.key') }, ['--admin-password', SEED_PASSWORD])
    const kezhang = await signedIn(built.url)
    const file = await kezhang.ok('imports.read', { kind: '收文登记簿', file: await uploadAs(built.url, kezhang, '2021年收文.xlsx', await xlsxOf([HEAD, ...rowsOf(2021, 40)])) })
    await kezhang.ok('imports.check', { jobId: file.jobId, mapping: file.mapping })
    expect(await kezhang.ok('imports.confirm', { jobId: file.jobId, saveMapping: false })).toMatchObject({ created: 40, refusedRows: 0 })
    expect((await kezhang.ok('registers.incoming', { year: 2021 })).total).toBe(40)
  }, 60_000)
})
