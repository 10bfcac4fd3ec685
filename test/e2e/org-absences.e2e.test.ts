import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, type TestServer } from '../helpers/server'
import { dialogNamed, openAppSession, openNav, screenshot, setServerClock as setServerClockOf, signIn, type AppSession } from '../helpers/browser'

// Needs the built renderer: run `npx electron-vite build` first.
// The browser's clock is fixed at 1 December 2026 so 领导外出 opens on that month whatever the
// day the test runs; the server's clock is moved with system.setClock for 首页.

let app: AppSession
let server: TestServer
let page: Page

beforeAll(async () => {
  app = await openAppSession('2026-12-01T09:00:00+08:00')
  ;({ server, page } = app)
})
afterAll(async () => { await app?.close() })

const open = (label: string) => openNav(page, label)
const dialog = (title: string) => dialogNamed(page, title)
const setServerClock = (at: string) => setServerClockOf(server.url, at)

async function pickDay(form: Locator, field: string, chineseDate: string) {
  await form.getByLabel(field).click()
  await page.getByRole('dialog', { name: field }).getByRole('button', { name: chineseDate, exact: true }).click()
}

/** Fills the 登记外出 form; returns the dialog. */
async function recordAbsence(person: string, kind: string, from: string, to: string, destination: string) {
  await page.getByRole('button', { name: '登记外出' }).click()
  const form = dialog('登记外出')
  await form.getByLabel('外出人员').click()
  await form.getByLabel('外出人员').fill(person.slice(0, 3))
  await page.getByRole('option', { name: person }).click()
  await form.getByText(kind, { exact: true }).click()
  await pickDay(form, '开始日期', from)
  await pickDay(form, '结束日期', to)
  await form.getByLabel('外出地点').fill(destination)
  return form
}

describe('组织机构 and 领导外出 in the browser', () => {
  it('signs in through the login page', async () => {
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await page.getByRole('navigation', { name: '主导航' }).waitFor()
  })

  it('R-P1 lists the leader posts with the 常务副市长 marked, and adds 钱学明 (副局长) to 市财政局', async () => {
    await open('组织机构')
    const leaders = page.getByRole('table')
    await leaders.getByRole('row').filter({ hasText: '常务副市长' }).filter({ hasText: '李建国' }).waitFor()
    expect(await leaders.getByRole('row').filter({ hasText: '常务副市长' }).innerText()).toContain('负责常务')
    await screenshot(page, 'org-leaders')

    await page.getByRole('tab', { name: '单位与人员' }).click()
    await page.getByLabel('搜索单位').fill('财政')
    await page.getByRole('button', { name: /^市财政局/ }).click()
    await page.getByRole('button', { name: '添加人员' }).click()
    const form = dialog('添加人员：市财政局')
    await form.getByLabel('姓名').fill('钱学明')
    await form.getByLabel('职务').fill('副局长')
    await form.getByLabel('办公电话').fill('028-26618888')
    await form.getByLabel('手机').fill('13980001234')
    await form.getByRole('button', { name: '保存' }).click()
    await form.waitFor({ state: 'detached' })

    const row = page.getByRole('row').filter({ hasText: '钱学明' })
    await row.waitFor()
    expect(await row.innerText()).toContain('副局长')
    expect(await row.innerText()).toContain('13980001234')
    await page.getByText('已添加钱学明。').waitFor()
    await page.getByRole('button', { name: '清除' }).click()
    await screenshot(page, 'org')
  })

  it('R-P2 names 李建国 to act for the 市长 while the 市长 is abroad (before the 常务副市长 leaves)', async () => {
    await open('领导外出')
    await page.getByRole('heading', { name: '2026年12月', exact: true }).waitFor()
    const form = await recordAbsence('张明远（市长）', '出国', '2026年12月7日', '2026年12月11日', '德国法兰克福')
    const proposal = form.getByLabel('按规则的代行人')
    await expect.poll(() => proposal.innerText().catch(() => '')).toContain('李建国')
    expect(await proposal.innerText()).toContain('第八条')
    expect(await form.getByLabel('代行人', { exact: true }).inputValue()).toBe('李建国（常务副市长）')
    await screenshot(page, 'absences-form')
    await form.getByRole('button', { name: '登记' }).click()
    await form.waitFor({ state: 'detached' })
    await page.getByText('已登记：张明远2026年12月7日至12月11日（5天）出国。').waitFor()

    const row = page.getByRole('table', { name: '外出记录' }).getByRole('row').filter({ hasText: '张明远' })
    expect(await row.innerText()).toContain('李建国')
    expect(await page.getByRole('button', { name: /^张明远 出国·德国法兰克福/ }).count()).toBe(1)
  })

  it('R-P4 warns on screen as soon as the 常务副市长’s 休假 is recorded over the 市长’s 出国', async () => {
    const form = await recordAbsence('李建国（常务副市长）', '休假', '2026年12月10日', '2026年12月14日', '海南三亚')
    await form.getByRole('button', { name: '登记' }).click()
    await form.waitFor({ state: 'detached' })

    const notice = page.getByRole('alert').filter({ hasText: '已登记：李建国' })
    await notice.waitFor()
    expect(await notice.innerText()).toMatch(/市长张明远与常务副市长李建国2026年12月10日至2026年12月11日同时外出/)
    // R-P5: the 常务副市长 reports to the 市长, and 休假 needs the 市长's approval.
    expect(await notice.innerText()).toContain('常务副市长外出应事先报告市长')
    await screenshot(page, 'absences-warning')

    // Dismissed, the warning stays on the month and on both rows.
    await notice.getByRole('button').first().click()
    const banner = page.getByRole('alert').filter({ hasText: '市长与常务副市长同时外出' })
    await banner.waitFor()
    expect(await banner.innerText()).toMatch(/市长张明远与常务副市长李建国.*同时外出/)
    expect(await page.getByRole('rowheader').filter({ has: page.locator('[data-rule="R-P4"]') }).count()).toBe(2)
    const table = page.getByRole('table', { name: '外出记录' })
    expect(await table.getByRole('list', { name: '张明远外出的提醒' }).innerText()).toContain('同时外出')
    expect(await table.getByRole('list', { name: '李建国外出的提醒' }).innerText()).toContain('同时外出')
    // Acting per day (R-P2): 李建国 for the 市长 only until he leaves himself; the 市长 owes no report or approval (R-P5).
    const mayorRow = table.locator('tr[data-absence]').filter({ hasText: '张明远' })
    const byDay = await mayorRow.getByLabel('按日代行').innerText()
    expect(byDay).toMatch(/12月7日至12月9日\s*李建国\s*代行/)
    expect(byDay).toMatch(/12月10日至12月11日\s*无人代行/)
    expect(await mayorRow.innerText()).toContain('市长外出无须向上报告或审批')
    expect(await mayorRow.innerText()).toContain('无须审批')
    expect(await mayorRow.innerText()).not.toContain('未报告')
    await screenshot(page, 'absences')
  })

  it('R-P2 首页 on 2026年12月8日 shows the 市长 外出 with 李建国 代行', async () => {
    await setServerClock('2026-12-08T09:00:00+08:00')
    await open('首页')
    await page.getByRole('heading', { name: '2026年12月8日 星期二' }).waitFor()
    const mayor = page.getByRole('table', { name: '市政府领导今日在岗情况' }).locator('tr[data-post="市长"]')
    const text = await mayor.innerText()
    expect(text).toContain('外出')
    expect(text).toContain('德国法兰克福')
    expect(text).toMatch(/李建国\s*代行/)
    expect(await page.getByText('工作日', { exact: true }).isVisible()).toBe(true)
    await screenshot(page, 'home')
  })

  it('R-P4 首页 on 2026年12月10日 shows that nobody can act for the 市长 and warns in red', async () => {
    await setServerClock('2026-12-10T09:00:00+08:00')
    await page.reload()
    await page.getByRole('heading', { name: '2026年12月10日 星期四' }).waitFor()
    const banner = page.getByRole('alert').filter({ hasText: '市长与常务副市长同时外出' })
    await banner.waitFor()
    const mayor = page.getByRole('table', { name: '市政府领导今日在岗情况' }).locator('tr[data-post="市长"]')
    expect(await mayor.innerText()).toContain('无人代行')
    await screenshot(page, 'home-overlap')
  })
})
