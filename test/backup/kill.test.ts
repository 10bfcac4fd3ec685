import { afterAll, beforeAll, expect, it } from 'vitest'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { listBackups, verifyBackup } from '../../src-main/backup/service'
import { latestKnownMigration } from '../../src-main/backup/office'
import { isUnfinishedName } from '../../src-main/backup/rules'
import { rpcClient } from '../helpers/server'
import { uploadAs } from '../helpers/upload'
import { ballastedServer, ChildServer, RECEIVED_AT, ROOT } from './child-server'

/*
 * The server process is killed (SIGKILL: no handler, no cleanup) while a backup runs and the office
 * keeps registering documents, 20 times over the same data folder. After every kill the database must
 * pass integrity_check, and every backup the folder lists must pass the full check a restore makes.
 */
const ROUNDS = Number(process.env.SANBAN_KILL_ROUNDS ?? 20)
const dataDir = mkdtempSync(join(tmpdir(), 'sanban-kill-'))
const backups = join(dataDir, 'backups')
const server = new ChildServer(dataDir)

beforeAll(async () => {
  await (await ballastedServer(dataDir)).close()
}, 60_000)
afterAll(async () => {
  await server.kill()
  rmSync(dataDir, { recursive: true, force: true })
})

it(`leaves the database intact and never lists a half-written backup, when the server is killed during a backup ${ROUNDS} times`, async () => {
  const latest = latestKnownMigration(ROOT)
  let killedWhileRunning = 0
  let registered = 0
  let interrupting = 0
  for (let round = 0; round < ROUNDS; round++) {
    const url = await server.start()
    const admin = rpcClient(url)
    const clerk = rpcClient(url)
    await admin.login('admin')
    await clerk.login()
    const { departments } = await clerk.ok('org.overview')
    const sender = departments[0]
    // The office keeps working: registrations (each with a scanned file) until the process dies.
    const writing = (async () => {
      for (let i = 0; ; i++) {
        const title = `第${round}轮第${i}件`
        const r = await uploadAs(url, clerk, `${title}.pdf`, `${title}的扫描件`).then((file) => clerk.call('incoming.receive', {
          receivedAt: RECEIVED_AT, sender: sender.name, senderDepartmentId: sender.id, title,
          docType: '报告', urgency: '无', copies: 1, pages: 1, arrival: '专人送达', files: [{ kind: '正文', file }],
        })).catch(() => null)
        if (!r) return // the process was killed
        if (!r.body.ok) throw new Error(`登记被拒绝：${r.body.error?.message}`)
        registered++
        await new Promise((r) => setTimeout(r, 20)) // a busy office, not a flood that starves the backup
      }
    })()
    const job = await admin.ok('backup.start')
    // Killed at a different point of the job each round, from the first page copied to the final rename;
    // every fifth round the backup completes first, so later rounds have finished backups to keep intact.
    const completes = round % 5 === 4
    const target = completes ? Infinity : (round * 37) % 100
    if (!completes) interrupting++
    for (;;) {
      const status = await admin.ok('backup.status').catch(() => null)
      if (!status || status.running?.id !== job.id) break
      if (status.running.percent >= target) { killedWhileRunning++; break }
      await new Promise((r) => setTimeout(r, 5))
    }
    await server.kill()
    await writing

    const db = new Database(join(dataDir, 'sanban.sqlite'))
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally { db.close() }
    for (const b of listBackups(backups)) {
      expect(b.checked, `${b.name}: ${b.problem}`).toBe(true)
      await verifyBackup(join(backups, b.name), undefined, latest, () => {})
    }
  }
  expect(registered, 'the office must really have kept registering during the backups').toBeGreaterThan(ROUNDS)
  // Most rounds must really have interrupted a running backup, or the test proves nothing.
  expect(killedWhileRunning).toBeGreaterThanOrEqual(interrupting * 0.75)
  const left = readdirSync(backups)
  expect(left.filter(isUnfinishedName).length).toBeLessThanOrEqual(1)
  expect(listBackups(backups).length).toBeGreaterThan(0)
}, 300_000)
