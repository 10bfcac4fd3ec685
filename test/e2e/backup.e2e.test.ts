import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD } from '../helpers/server'
import { openAppSession, openNav, screenshot, signIn, type AppSession } from '../helpers/browser'

let app: AppSession

beforeAll(async () => {
  app = await openAppSession('2026-12-01T09:00:00+08:00')
  // A database of some 40 MB, so the copy takes long enough to watch.
  const sqlite = app.server.core.conn.sqlite
  sqlite.exec('CREATE TABLE ballast (id INTEGER PRIMARY KEY, pad BLOB)')
  const pad = sqlite.prepare('INSERT INTO ballast (pad) VALUES (randomblob(4000))')
  sqlite.transaction(() => { for (let i = 0; i < 10_000; i++) pad.run() })()
})
afterAll(async () => {
  await app?.server.core.backups.idle()
  await app?.close()
})

describe('the 备份与恢复 page of the 系统管理员', () => {
  it('backs up with a progress bar and lists the checked backup', async () => {
    const { page } = app
    await signIn(page, app.server.url, 'admin', ADMIN_PASSWORD)
    await openNav(page, '备份与恢复')
    await page.getByText('备份文件夹中还没有备份。').waitFor()
    await page.getByRole('button', { name: '立即备份' }).click()
    await page.getByText(/正在备份：.+（\d+%）/).waitFor()
    // At 0% the bar's filled part has no width, so it is there but not visible.
    await page.getByRole('progressbar', { name: '备份进度' }).waitFor({ state: 'attached' })
    await screenshot(page, 'backup-progress')

    const done = page.getByRole('status').filter({ hasText: '备份完成' })
    await done.waitFor({ timeout: 30_000 })
    expect(await done.innerText()).toContain('校验通过')
    const row = page.getByRole('table', { name: '备份列表' }).getByRole('row').filter({ hasText: '手动' })
    await row.waitFor()
    expect(await row.innerText()).toMatch(/\d{4}年\d+月\d+日 \d\d:\d\d\s+手动[\s\S]*MB[\s\S]*已校验/)
    expect(await page.getByText('定时备份保留最近 7 天每天一份、最近 4 周每周一份').isVisible()).toBe(true)
    const shot = await screenshot(page, 'backup-listed')
    expect(shot).toMatch(/backup-listed\.png$/)
  }, 60_000)

  it('says what a restore will do before doing it', async () => {
    const { page } = app
    await page.getByRole('table', { name: '备份列表' }).getByRole('button', { name: '恢复' }).first().click()
    const dialog = page.getByRole('dialog', { name: '用备份恢复' })
    await dialog.waitFor()
    expect(await dialog.innerText()).toMatch(/先校验这份备份[\s\S]*另存为一个“恢复前”备份[\s\S]*所有用户（包括您）都会退出/)
    await screenshot(page, 'backup-restore-confirm')
    await dialog.getByRole('button', { name: '取消' }).click()
  })
})
