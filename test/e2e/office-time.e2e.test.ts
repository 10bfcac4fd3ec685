import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, startTestServer, rpcClient, type TestServer } from '../helpers/server'
import { launchBrowser, openNav, screenshot, signIn, type Browser } from '../helpers/browser'
import { officeDateTimeText, officeStamp } from '../../src-main/common/office-time'

/*
 * Issue 14 §5: a PC set to another time zone (here New York's, 13 hours behind in December) still shows the
 * office's times: a backup's listed time is the time in its name.
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
