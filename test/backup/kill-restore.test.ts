import { afterAll, beforeAll, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { must, rpcClient } from '../helpers/server'
import { ballastedServer, ChildServer, RECEIVED_AT } from './child-server'
import { untilFinished } from './jobs'

/*
 * The server is killed (SIGKILL) at a different point of a restore each round. Afterwards it must start
 * again, the database must pass integrity_check, and hold either the data from just before the restore
 * or exactly the backup's: never a mixture, never a broken file.
 */
const ROUNDS = Number(process.env.SANBAN_KILL_ROUNDS ?? 12)
const dataDir = mkdtempSync(join(tmpdir(), 'sanban-kill-restore-'))
const server = new ChildServer(dataDir)
let backupName = ''
let inBackup = 0

const documents = () => {
  const db = new Database(join(dataDir, 'sanban.sqlite'))
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    return (db.prepare('SELECT count(*) AS n FROM incoming_documents').get() as { n: number }).n
  } finally { db.close() }
}

async function register(url: string, title: string): Promise<void> {
  const clerk = rpcClient(url)
  await clerk.login()
  const sender = (await clerk.ok('org.overview')).departments[0]
  await clerk.ok('incoming.receive', { receivedAt: RECEIVED_AT, sender: sender.name, senderDepartmentId: sender.id, title, docType: '报告', urgency: '无', copies: 1, pages: 1, arrival: '专人送达', files: [] })
}

beforeAll(async () => {
  const seeded = await ballastedServer(dataDir)
  await register(seeded.url, '备份中的收文')
  const admin = rpcClient(seeded.url)
  await admin.login('admin')
  const job = await admin.ok('backup.start')
  expect((await untilFinished(admin, job.id)).state).toBe('done')
  backupName = (await admin.ok('backup.list')).backups[0].name
  inBackup = await documentsVia(seeded.url)
  await seeded.close()
}, 120_000)
afterAll(async () => {
  await server.kill()
  rmSync(dataDir, { recursive: true, force: true })
})

it(`keeps either the data before the restore or the backup's, intact, when the server is killed during a restore ${ROUNDS} times`, async () => {
  const outcomes = { before: 0, restored: 0 }
  for (let round = 0; round < ROUNDS; round++) {
    const url = await server.start()
    // Two more documents than the backup holds, so the two possible outcomes can be told apart.
    await register(url, `第${round}轮恢复前甲`)
    await register(url, `第${round}轮恢复前乙`)
    const admin = rpcClient(url)
    await admin.login('admin')
    const before = await documentsVia(url)
    const job = await admin.ok('backup.restore', { name: backupName })
    // Cut at a different point each round; every fourth round the restore completes before the kill.
    const target = round % 4 === 3 ? Infinity : (round * 41) % 100
    for (;;) {
      const status = await admin.ok('backup.status').catch(() => null)
      if (!status || status.running?.id !== job.id || status.running.percent >= target) break
      await new Promise((r) => setTimeout(r, 3))
    }
    await server.kill()
    const after = documents()
    expect([before, inBackup], `round ${round}: ${after} documents`).toContain(after)
    outcomes[after === inBackup ? 'restored' : 'before']++
  }
  // Both outcomes must have happened, or the rounds did not cover the restore from start to swap.
  expect(outcomes.before).toBeGreaterThan(0)
  expect(outcomes.restored).toBeGreaterThan(0)
  console.log(`[kill-restore] ${ROUNDS} 次恢复中强行终止：${outcomes.before} 次保留恢复前的数据，${outcomes.restored} 次为备份的数据，数据库均完好`)
}, 300_000)

/** The number of documents the running server holds, read through its register as a clerk sees it. */
async function documentsVia(url: string): Promise<number> {
  const clerk = rpcClient(url)
  await clerk.login()
  return must((await clerk.ok('registers.incoming', { limit: 1 })).total, '登记簿首页的总数')
}
