import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, startTestServer, rpcClient, type TestServer } from '../helpers/server'
import { ChildServer } from '../backup/child-server'
import { startServer } from '../../src-main/server/start'
import { adjustableClock } from '../../src-main/system/clock'
import { launchBrowser, openNav, screenshot, signIn, type Browser } from '../helpers/browser'
import { officeDateTimeText, officeStamp } from '../../src-main/common/office-time'

/*
 * Issue 14 §5: a PC set to another time zone still shows the office's times (Asia/Shanghai): a browser on New York
 * time lists a backup at the time in its name; a server on Los Angeles time words the lock-out in the office's time,
 * and its first page shows the office's date when Los Angeles is still on the day before.
 */
let server: TestServer
let browser: Browser
beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser({ timezoneId: 'America/New_York' })
})
afterAll(async () => { await browser?.close(); await server?.stop() })

describe('times on a PC set to New York time', () => {
  it('lists a backup at the time its name carries, the office\'s time', async () => {
    const admin = rpcClient(server.url)
    await admin.login('admin')
    await admin.ok('backup.start')
    await server.core.backups.idle()
    const [backup] = (await admin.ok('backup.list')).backups
    const at = new Date(backup.createdAt)
    expect(backup.name).toContain(officeStamp(at))

    const { page } = browser
    await signIn(page, server.url, 'admin', ADMIN_PASSWORD)
    await openNav(page, '备份与恢复')
    const row = page.getByRole('table', { name: '备份列表' }).getByRole('row').filter({ hasText: backup.name })
    await row.waitFor()
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/New_York')
    expect(await row.innerText()).toContain(officeDateTimeText(at))
    await screenshot(page, 'office-time-backup-new-york')
  }, 60_000)
})

describe('a server on a PC set to Los Angeles time, read from a browser on Los Angeles time', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sanban-tz-'))
  const child = new ChildServer(dataDir, { TZ: 'America/Los_Angeles' })
  let url: string
  let far: Browser
  beforeAll(async () => {
    const seeded = await startServer({ dataDir, port: 0, demo: true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock() })
    await seeded.close()
    url = await child.start()
    far = await launchBrowser({ timezoneId: 'America/Los_Angeles' })
    // 07:00 on Monday 7 December in the city is 15:00 on Sunday 6 December in Los Angeles.
    const res = await fetch(`${url}/rpc/system.setClock`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ at: '2026-12-07T07:00:00+08:00' }) })
    expect(res.status).toBe(200)
  }, 60_000)
  afterAll(async () => { await far?.close(); await child.kill(); rmSync(dataDir, { recursive: true, force: true }) })

  it('words the lock-out in the office\'s time: 07:30, not Los Angeles\' 15:30', async () => {
    const attempt = () => rpcClient(url).call('auth.login', { username: 'chayue', password: 'wrong-password1' })
    for (let i = 0; i < 5; i++) await attempt()
    const r = await rpcClient(url).call('auth.login', { username: 'chayue', password: ADMIN_PASSWORD })
    expect(r.body.error?.message).toBe('账户已锁定，请于07:30后再试，或请安全保密管理员解锁')
  })

  it('opens on the office\'s date, Monday 7 December, while Los Angeles is still on Sunday', async () => {
    const { page } = far
    await signIn(page, url, 'kezhang', ADMIN_PASSWORD)
    await page.getByRole('heading', { name: '2026年12月7日 星期一' }).waitFor()
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('America/Los_Angeles')
    await screenshot(page, 'office-time-home-los-angeles')
  }, 60_000)
})
