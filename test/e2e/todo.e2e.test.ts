import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, rpcClient, type TestServer } from '../helpers/server'
import { openAppSession, screenshot, setServerClock, signIn, type AppSession } from '../helpers/browser'
import { demoOffice } from '../helpers/demo-office'

// Needs the built renderer: run `npx electron-vite build` first.
// 我的待办 and 提醒 (issue 17) as the 科长 sees them on Tuesday 1 December 2026: a 报告 just registered waits in 待初审
// with a count on the navigation; a click opens it, 初审通过 is done there, and back in 待办 it has moved on to 待拟办.
// A 批示 that came back is told by the bell in the title bar; opening it marks it read.

let app: AppSession
let server: TestServer
let page: Page
const demo = demoOffice()
const TITLE = '关于2026年城区绿化养护情况的报告'
const AT = '2026-12-01T09:30:00+08:00'

const nav = () => page.getByRole('navigation', { name: '主导航' })
const todoLink = () => nav().getByRole('link', { name: '待办', exact: true })
/** The count drawn beside 待办 (its title says it in words). */
const todoCount = async () => Number(/共(\d+)件待办/.exec((await todoLink().getAttribute('title')) ?? '')?.[1] ?? 0)
const section = (group: string) => page.getByRole('table', { name: group, exact: true })

beforeAll(async () => {
  app = await openAppSession(AT)
  ;({ server, page } = app)
  await setServerClock(server.url, AT)
  const api = rpcClient(server.url)
  await api.login()
  await demo.load(api)
  const report = { sender: '市住房和城乡建设局', senderDepartmentId: demo.deptId('市住房和城乡建设局'), docType: '报告' as const, arrival: '机要交通' as const, files: [] }
  await api.ok('incoming.receive', { ...report, receivedAt: '2026-12-01 09:10', title: TITLE })
  // A second 报告, already read by the 常务副市长: the bell has something to tell.
  const read = await api.ok('incoming.receive', { ...report, receivedAt: '2026-12-01 09:12', title: '关于城区排水管网改造进度的报告' })
  await api.ok('incoming.review', { id: read.id, reviewedOn: '2026-12-01' })
  await api.ok('incoming.propose', { id: read.id, proposal: '拟呈李建国常务副市长阅。', proposedBy: '高雪', proposedOn: '2026-12-01' })
  await api.ok('incoming.send', { id: read.id, leaderIds: [demo.personId('李建国')], sentOn: '2026-12-01' })
  await api.ok('incoming.instruct', { id: read.id, leaderId: demo.personId('李建国'), kind: '批示', opinion: '请加快进度，汛前完工。', instructedOn: '2026-12-01' })
})
afterAll(async () => { await app?.close() })

describe('我的待办 in the browser', () => {
  it('shows the count on the navigation and the 报告 under 待初审 with its link', async () => {
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await nav().waitFor()
    await expect.poll(todoCount, { timeout: 5000 }).toBeGreaterThan(0)
    expect(await todoLink().innerText()).toBe('待办')
    // 首页 says it in one line, by step.
    expect(await page.getByLabel('我的待办').innerText()).toContain('待初审 1 件')
    await screenshot(page, 'todo-home')
    await todoLink().click()
    await section('待初审').getByRole('link', { name: TITLE }).waitFor()
    expect(await section('待初审').innerText()).toContain('待初审')
    await screenshot(page, 'todo-list')
  })

  it('opens the 报告 from 待办, passes 初审 there, and finds it moved on to 待拟办', async () => {
    const before = await todoCount()
    await section('待初审').getByRole('link', { name: TITLE }).click()
    await page.waitForURL(/#\/documents\/incoming\/\d+$/)
    await page.getByRole('button', { name: '初审通过' }).click()
    await expect.poll(() => page.getByRole('status', { name: '现在' }).innerText()).toBe('现在：在办公室：已初审，待拟办')
    await todoLink().click()
    await section('待拟办').getByRole('link', { name: TITLE }).waitFor()
    expect(await section('待初审').count()).toBe(0)
    // 待初审 moved to 待拟办: the total stays, the 待初审 group is empty.
    expect(await page.getByText(/暂无待办：.*待初审/).count()).toBe(1)
    expect(await todoCount()).toBe(before)
    await screenshot(page, 'todo-after-review')
  })

  it('the bell tells of the 批示 that came back; opening it goes to the 报告 and marks it read', async () => {
    const bell = page.getByRole('banner').getByRole('button', { name: /^提醒（\d+条未读）$/ })
    await bell.click()
    const item = page.getByRole('link', { name: /李建国批示已回/ })
    await item.waitFor()
    await screenshot(page, 'reminders-popover')
    const unread = Number(/（(\d+)条未读）/.exec((await bell.getAttribute('aria-label'))!)![1])
    await item.click()
    await page.waitForURL(/#\/documents\/incoming\/\d+$/)
    await expect.poll(async () => (await page.getByRole('banner').getByRole('button', { name: /^提醒/ }).getAttribute('aria-label'))).toBe(unread > 1 ? `提醒（${unread - 1}条未读）` : '提醒')
    await page.goto(`${server.url}/#/todo/reminders`)
    await page.getByRole('link', { name: /李建国批示已回/ }).waitFor()
    await screenshot(page, 'reminders-page')
  })
})
