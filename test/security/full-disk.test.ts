import { execFileSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src-main/server/start'
import { adjustableClock } from '../../src-main/system/clock'
import { ADMIN_PASSWORD, rpcClient } from '../helpers/server'
import { launchBrowser, screenshot, signIn } from '../helpers/browser'

/*
 * Issue 21 §5: a full disk is named ("磁盘空间不足（剩余 N MB）") on writes, sign-ins and backups, signed-in
 * users keep reading, and the 系统管理员's pages show it. The office's data lives on a 64 MB tmpfs this test
 * mounts and then fills to the last block: a real full disk, not a simulation.
 */
const mountPoint = mkdtempSync(join(tmpdir(), 'sanban-small-disk-'))
const dataDir = join(mountPoint, 'data')
const filler = join(mountPoint, 'filler')
let server: RunningServer

/** Writes until the disk refuses, in ever smaller pieces, so not a block is left. */
function fillDisk(): void {
  const fd = openSync(filler, 'a')
  try {
    for (const size of [1 << 20, 1 << 16, 1 << 12, 512]) {
      const chunk = Buffer.alloc(size, 7)
      try { for (;;) writeSync(fd, chunk) } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e }
    }
  } finally { closeSync(fd) }
}

const count = (table: string) => server.core.conn.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number

beforeAll(async () => {
  // As root on this machine and in CI (test-all.sh installs as root or with sudo); a refusal fails the test loudly.
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', mountPoint])
  server = await startServer({ dataDir, port: 0, demo: true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock(), scheduledBackups: false })
})
afterAll(async () => {
  await server?.core.backups.idle()
  await server?.close()
  execFileSync('umount', [mountPoint])
  rmSync(mountPoint, { recursive: true, force: true })
})

describe('a full disk under the office (a 64 MB disk filled to the last block)', () => {
  const clerk = () => rpcClient(server.url)
  let wenmi: ReturnType<typeof rpcClient>
  let admin: ReturnType<typeof rpcClient>

  it('refuses a 文秘\'s write with 磁盘空间不足 and the free space, writes nothing, and she keeps reading', async () => {
    wenmi = clerk()
    await wenmi.login('wenmi')
    admin = clerk()
    await admin.login('admin')
    // An empty WAL: the next write must grow it, so it needs the disk.
    server.core.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    fillDisk()
    const before = [count('people'), count('audit_log')]
    const r = await wenmi.call('org.savePerson', { name: '钱学明' })
    expect(r.status).toBe(507)
    expect(r.body.error?.code).toBe('DISK_FULL')
    expect(r.body.error?.message).toMatch(/^磁盘空间不足（剩余 0 MB），操作未完成，数据未改动（操作和它的审计记录都未能写入）/)
    expect([count('people'), count('audit_log')]).toEqual(before)
    const overview = await wenmi.call('org.overview')
    expect(overview.status).toBe(200)
    expect(overview.body.result?.departments.length).toBeGreaterThan(0)
    expect((await wenmi.call('registers.incoming', {})).status).toBe(200)
  })

  it('refuses a new sign-in with the same words, not a bare 500, and leaves no session behind', async () => {
    const late = clerk()
    const r = await late.call('auth.login', { username: 'kezhang', password: ADMIN_PASSWORD })
    expect(r.status).toBe(507)
    expect(r.body.error?.message).toMatch(/^磁盘空间不足（剩余 0 MB）/)
    expect((await late.call('org.overview')).status).toBe(401)
    expect((await late.ok('auth.me'))).toBeNull()
  })

  it('refuses to start a backup whose audit record cannot be written, and reports one that runs out of room as 磁盘空间不足, never as [object Object]', async () => {
    const refused = await admin.call('backup.start')
    expect(refused.status).toBe(507)
    expect(refused.body.error?.message).toMatch(/^磁盘空间不足（剩余 0 MB）/)
    // Room for the audit record of starting it, not for a copy of the database.
    rmSync(filler)
    fillDiskLeaving(statSync(join(dataDir, 'sanban.sqlite')).size / 4)
    await admin.ok('backup.start')
    await server.core.backups.idle()
    const { last } = await admin.ok('backup.status')
    expect(last?.state).toBe('failed')
    expect(last?.message).toMatch(/^备份失败：磁盘空间不足（剩余 \d+ MB）。请清理磁盘，或在“备份设置”中把备份文件夹改到空间充足的磁盘后重试。$/)
    expect(last?.message).not.toContain('[object Object]')
  })

  it('shows the 系统管理员 the full disk on the API and on every page of theirs', async () => {
    const disk = await admin.ok('backup.disk')
    expect(disk.data).toMatchObject({ folder: dataDir, freeMb: 0, totalMb: 64, low: true })
    expect(disk.sameDisk).toBe(true)
    const browser = await launchBrowser()
    try {
      // The sign-in itself needs the disk: a little room is made for it, far below the warning line.
      rmSync(filler)
      fillDiskLeaving(2 * 1024 * 1024)
      await signIn(browser.page, server.url, 'admin', ADMIN_PASSWORD)
      const alert = browser.page.getByRole('alert').filter({ hasText: '磁盘空间不足' })
      await alert.waitFor()
      expect(await alert.innerText()).toMatch(/数据目录（.+）所在磁盘剩余 \d MB，共 64 MB/)
      await screenshot(browser.page, 'full-disk-admin')
    } finally { await browser.close() }
  }, 60_000)

  it('takes writes again once the disk is cleared, with the database intact', async () => {
    rmSync(filler, { force: true })
    expect((await wenmi.call('org.savePerson', { name: '钱学明' })).status).toBe(200)
    expect(server.core.conn.sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
  })
})

/** Fills the disk but for about `bytes`. */
function fillDiskLeaving(bytes: number): void {
  const s = statfsSync(mountPoint)
  const fd = openSync(filler, 'w')
  try { writeSync(fd, Buffer.alloc(Math.max(0, Math.floor(s.bavail * s.bsize - bytes)))) } finally { closeSync(fd) }
}
