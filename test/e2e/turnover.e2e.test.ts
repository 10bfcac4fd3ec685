import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, type TestServer } from '../helpers/server'
import { dialogNamed, openAppSession, openNav, screenshot, setServerClock, signIn, type AppSession } from '../helpers/browser'
import { absences } from '../../src-main/absences/schema'
import { people } from '../../src-main/org/schema'
import { eq } from 'drizzle-orm'

// Needs the built renderer: run `npx electron-vite build` first.
// Turnover in the browser (R-P1): a new 市长 takes office on 1 December 2026 and the old one leaves; the 任职记录
// tab keeps both with their days and basis; the read-only 查阅 account sees the history but no button to change it.

let app: AppSession
let server: TestServer
let page: Page

beforeAll(async () => {
  app = await openAppSession('2026-12-01T09:00:00+08:00')
  ;({ server, page } = app)
  await setServerClock(server.url, '2026-12-01T09:00:00+08:00')
})
afterAll(async () => { await app?.close() })

const dialog = (title: string) => dialogNamed(page, title)

describe('任职变更 and 归档 on the 组织机构 page', () => {
  it('adds 钱卫东 and records him as 市长 from 1 December, with its basis', async () => {
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await openNav(page, '组织机构')
    await page.getByRole('tab', { name: '人员', exact: true }).click()
    await page.getByRole('button', { name: '新增人员' }).click()
    const person = dialog('新增人员')
    await person.getByLabel('姓名').fill('钱卫东')
    await person.getByRole('button', { name: '保存' }).click()
    await person.waitFor({ state: 'detached' })

    await page.getByRole('tab', { name: '市政府领导' }).click()
    const mayorRow = page.getByRole('row').filter({ hasText: '张明远' }).filter({ hasText: '主持市政府全面工作' })
    await mayorRow.getByRole('button', { name: '任职变更' }).click()
    const form = dialog('任职变更：市长')
    expect(await form.innerText()).toContain('现任：张明远')
    await form.getByLabel('新任职人员').click()
    await form.getByLabel('新任职人员').fill('钱卫')
    await page.getByRole('option', { name: '钱卫东' }).click()
    expect(await form.getByLabel('生效日期').innerText()).toBe('2026年12月1日')
    await form.getByLabel('任职依据').fill('市人大常委会第三十次会议任命')
    await form.getByRole('button', { name: '登记变更' }).click()
    await form.waitFor({ state: 'detached' })
    await page.getByRole('row').filter({ hasText: '钱卫东' }).filter({ hasText: '主持市政府全面工作' }).waitFor()
  })

  it('shows the 市长 post\'s 任职 history: 张明远 until 30 November, 钱卫东 since 1 December', async () => {
    await page.getByRole('tab', { name: '任职记录' }).click()
    const history = page.getByRole('table', { name: '任职记录' })
    const old = history.getByRole('row').filter({ hasText: '张明远' })
    const now = history.getByRole('row').filter({ hasText: '钱卫东' })
    await now.waitFor()
    expect(await old.innerText()).toContain('启用记录前至2026年11月30日')
    expect(await now.innerText()).toContain('2026年12月1日至今')
    expect(await now.innerText()).toContain('市人大常委会第三十次会议任命')
    expect(await history.getByRole('button', { name: '撤销最近一次变更' }).count()).toBe(1)
    await screenshot(page, 'org-holdings')
  })

  it('archives 张明远: gone from the people list and from the pickers, shown again on request as 已离任', async () => {
    await page.getByRole('tab', { name: '人员', exact: true }).click()
    const row = page.getByRole('row').filter({ hasText: '张明远' })
    expect(await row.innerText()).toContain('未任岗位')
    await row.getByRole('button', { name: '离任' }).click()
    const form = dialog('离任归档：张明远')
    await form.getByLabel('离任原因').fill('调任外市')
    await form.getByRole('button', { name: '归档' }).click()
    await form.waitFor({ state: 'detached' })
    await row.waitFor({ state: 'detached' })

    await page.getByLabel('显示已离任人员（1人）').check()
    const archived = page.getByRole('row').filter({ hasText: '张明远' })
    expect(await archived.innerText()).toMatch(/已离任\s*2026年12月1日，调任外市/)
    expect(await archived.getByRole('button', { name: '恢复' }).count()).toBe(1)
    await screenshot(page, 'org-people-archived')

    await page.getByRole('tab', { name: '市政府领导' }).click()
    await page.getByRole('row').filter({ hasText: '钱卫东' }).filter({ hasText: '主持市政府全面工作' }).getByRole('button', { name: '任职变更' }).click()
    const change = dialog('任职变更：市长')
    await change.getByLabel('新任职人员').click()
    await change.getByLabel('新任职人员').fill('张明')
    await page.getByText('没有符合的人员').waitFor()
    await change.getByRole('button', { name: '取消' }).click()
    await change.waitFor({ state: 'detached' })
  })

  it('opens 张明远\'s November trip with his name, marked 已离任', async () => {
    // A trip he made before leaving, as the 领导外出 page would have recorded it.
    const db = server.core.conn.db
    const zhang = db.select().from(people).where(eq(people.name, '张明远')).get()!
    db.insert(absences).values({ personId: zhang.id, kind: '出差', startDate: '2026-11-26', endDate: '2026-11-27', destination: '成都', createdAt: new Date().toISOString() }).run()
    await openNav(page, '领导外出')
    await page.getByRole('button', { name: '上个月' }).click()
    const row = page.getByRole('table', { name: '外出记录' }).locator('tr[data-absence]').filter({ hasText: '张明远' })
    await row.getByRole('button', { name: '修改' }).click()
    const form = dialog('修改外出：张明远')
    expect(await form.getByLabel('外出人员').inputValue()).toBe('张明远（已离任）')
    await form.getByRole('button', { name: '取消' }).click()
    await form.waitFor({ state: 'detached' })
  })

  it('shows 查阅 the history without a button to change it', async () => {
    await page.context().clearCookies()
    await signIn(page, server.url, 'chayue', ADMIN_PASSWORD)
    await openNav(page, '组织机构')
    await page.getByRole('row').filter({ hasText: '钱卫东' }).filter({ hasText: '主持市政府全面工作' }).waitFor()
    expect(await page.getByRole('button', { name: '任职变更' }).count()).toBe(0)
    expect(await page.getByRole('button', { name: '新增领导岗位' }).count()).toBe(0)
    await page.getByRole('tab', { name: '任职记录' }).click()
    const history = page.getByRole('table', { name: '任职记录' })
    await history.getByRole('row').filter({ hasText: '钱卫东' }).waitFor()
    expect(await history.getByRole('columnheader').allInnerTexts()).toEqual(['岗位', '任职人员', '任职期间', '依据'])
    await screenshot(page, 'org-holdings-readonly')
    await openNav(page, '领导外出')
    await page.getByRole('heading', { name: '2026年12月', exact: true }).waitFor()
    expect(await page.getByRole('button', { name: '登记外出' }).count()).toBe(0)
  })
})
