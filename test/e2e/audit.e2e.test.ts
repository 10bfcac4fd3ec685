import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, rpcClient } from '../helpers/server'
import { openAppSession, openNav, screenshot, signIn, type AppSession } from '../helpers/browser'

let app: AppSession

beforeAll(async () => { app = await openAppSession('2026-10-12T09:00:00+08:00') })
afterAll(async () => { await app?.close() })

describe('the 审计日志 page of the 安全审计员', () => {
  it('shows a failed sign-in and an export among the records and finds the log complete', async () => {
    await rpcClient(app.server.url).call('auth.login', { username: 'wenmi', password: 'wrong-password' })
    const clerk = rpcClient(app.server.url)
    await clerk.login()
    await clerk.ok('registers.exportIncomingXlsx', { year: 2026 })
    const { page } = app
    await signIn(page, app.server.url, 'auditor', ADMIN_PASSWORD)
    await openNav(page, '审计日志')
    const exported = page.getByRole('row').filter({ hasText: '导出收文登记簿（Excel）' })
    await exported.waitFor()
    expect(await exported.innerText()).toContain('李科长')
    const failed = page.getByRole('row').filter({ hasText: '登录（用户名 wenmi）' })
    expect(await failed.innerText()).toMatch(/（未登录）[\s\S]*失败/)
    await page.getByRole('button', { name: '校验完整性' }).click()
    const status = page.getByRole('status').filter({ hasText: '审计日志完整' })
    await status.waitFor()
    expect(await status.innerText()).toMatch(/已校验 \d+ 条记录/)
    expect(await status.innerText()).toMatch(/校验值 [0-9a-f]{64}/)
    const shot = await screenshot(page, 'audit-verify-ok')
    expect(shot).toMatch(/audit-verify-ok\.png$/)
  })

  it('names in red the record someone altered in the database file', async () => {
    const file = new Database(join(app.server.dataDir, 'sanban.sqlite'))
    try {
      file.exec('DROP TRIGGER audit_log_no_update')
      file.prepare("UPDATE audit_log SET username = '某人' WHERE id = 2").run()
    } finally {
      file.close()
    }
    const { page } = app
    await page.getByRole('button', { name: '校验完整性' }).click()
    const alert = page.getByRole('alert').filter({ hasText: '审计日志已被篡改' })
    await alert.waitFor()
    expect(await alert.innerText()).toContain('编号 2 的记录被修改')
    const color = await alert.getByText('编号 2 的记录被修改').evaluate((e) => getComputedStyle(e).color)
    const [red, green, blue] = color.match(/\d+/g)!.map(Number)
    expect(red).toBeGreaterThan(Math.max(green, blue) + 80)
    expect(await alert.innerText()).toContain('已校验 1 条记录')
    await screenshot(page, 'audit-verify-broken')
  })
})
