import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, type TestServer } from '../helpers/server'
import { dialogNamed, openAppSession, openNav, screenshot, setServerClock as setServerClockOf, signIn, type AppSession } from '../helpers/browser'

// Needs the built renderer: run `npx electron-vite build` first.
// The browser's clock is fixed at 20 November 2026, so 生成排班 offers 2026年12月 and the log's
// default search period covers the entry written; the server's clock is moved for 首页.

let app: AppSession
let server: TestServer
let page: Page

beforeAll(async () => {
  app = await openAppSession('2026-11-20T09:00:00+08:00')
  ;({ server, page } = app)
})
afterAll(async () => { await app?.close() })

const open = (label: string) => openNav(page, label)
const dialog = (title: string) => dialogNamed(page, title)
const setServerClock = (at: string) => setServerClockOf(server.url, at)

const rosterRows = () => page.getByRole('table', { name: '排班表' }).locator('tbody tr')

const DOWNLOADS = resolve(__dirname, '../../test-results/downloads')
const OFFICE_ROLES = ['带班', '主班', '副班'] as const
type OnDuty = { name: string; officePhone: string; mobile: string }
/** The open roster as the page shows it: date → role → name and phones (each cell is "name" over "office / mobile"). */
async function shownRoster(roles: readonly string[]): Promise<Record<string, Record<string, OnDuty>>> {
  const rows = await page.getByRole('table', { name: '排班表' }).locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ date: tr.getAttribute('data-date')!, cells: [...tr.querySelectorAll('td')].slice(1).map((td) => (td as HTMLElement).innerText) })))
  const out: Record<string, Record<string, OnDuty>> = {}
  for (const { date, cells } of rows) {
    out[date] = {}
    roles.forEach((role, i) => {
      const [name, phones = ''] = cells[i].split('\n').map((t) => t.trim())
      const [officePhone = '', mobile = ''] = phones.split(' / ')
      out[date][role] = { name, officePhone, mobile }
    })
  }
  return out
}
const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8))}日`

/** Clicks an export button and returns the file the browser saved (kept under test-results/downloads/). */
async function download(button: string): Promise<{ filename: string; buf: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()])
  mkdirSync(DOWNLOADS, { recursive: true })
  const path = join(DOWNLOADS, file.suggestedFilename())
  rmSync(path, { force: true })
  await file.saveAs(path)
  expect(await file.failure()).toBeNull()
  return { filename: file.suggestedFilename(), buf: readFileSync(path) }
}
/** One part of a zip file (docx, xlsx), by unzip. */
const unzipPart = (zip: Buffer, part: string) => execFileSync('unzip', ['-p', '/dev/stdin', part], { input: zip, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 })
/** The texts of the table rows in document.xml, each cell's <w:t> joined. */
const docxRows = (xml: string) => xml.split('<w:tr>').slice(1).map((tr) => [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
  .map((tc) => [...tc[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
/** The first sheet's rows as text: shared strings resolved, inline strings read. */
function sheetRows(xlsx: Buffer): string[][] {
  let shared: string[] = []
  try {
    shared = [...unzipPart(xlsx, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''))
  } catch { /* no shared strings */ }
  return [...unzipPart(xlsx, 'xl/worksheets/sheet1.xml').matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) => [...row[1].matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
    const inner = c[2] ?? ''
    if (/t="s"/.test(c[1])) return shared[Number(inner.match(/<v>(\d+)<\/v>/)![1])]
    return inner.match(/<t[^>]*>([^<]*)<\/t>/)?.[1] ?? inner.match(/<v>([^<]*)<\/v>/)?.[1] ?? ''
  }))
}

/** Set by the tests as they go: the 10月1日 leader, and the two people swapped in December. */
let nationalDayLeader: OnDuty
let swap: { date: string; back: string; requester: OnDuty; counterpart: OnDuty }

describe('值班 in the browser', () => {
  it('signs in', async () => {
    await signIn(page, server.url, 'admin', ADMIN_PASSWORD)
    await page.getByRole('navigation', { name: '主导航' }).waitFor()
  })

  it('R-W1 generates the 国庆 2026 领导带班 roster: 10月1日 to 7日, a leader with phones each day', async () => {
    await open('值班')
    await page.getByRole('button', { name: '生成排班' }).click()
    const form = dialog('生成排班')
    await form.getByText('领导带班（节假日）', { exact: true }).click()
    await form.getByLabel('节假日', { exact: true }).first().click()
    await page.getByRole('option', { name: /^国庆节/ }).click()
    await form.getByRole('button', { name: '生成草稿' }).click()
    await form.waitFor({ state: 'detached' })

    await page.getByText('已生成草稿：2026年国庆节市政府领导带班表').waitFor()
    await expect.poll(() => rosterRows().count()).toBe(7)
    const rows = await rosterRows().allInnerTexts()
    expect(rows[0]).toContain('10月1日 星期四')
    expect(rows[6]).toContain('10月7日')
    expect(rows.every((r) => r.includes('国庆节') && !r.includes('未安排'))).toBe(true)
    expect(rows.join('\n')).toContain('张明远')
    expect(await page.getByRole('table', { name: '轮班统计' }).locator('tbody tr').count()).toBe(7)
    await screenshot(page, 'duty-roster-holiday')
    await page.getByRole('button', { name: '返回列表' }).click()
  })

  it('X-4 generates 2026年12月 office duty and publishes it', async () => {
    await page.getByRole('button', { name: '生成排班' }).click()
    const form = dialog('生成排班')
    expect(await form.getByLabel('月份', { exact: true }).first().inputValue()).toBe('12月')
    await form.getByRole('button', { name: '生成草稿' }).click()
    await form.waitFor({ state: 'detached' })
    await page.getByText('已生成草稿：2026年12月市政府办公室值班表').waitFor()
    await expect.poll(() => rosterRows().count()).toBe(31)
    expect(await rosterRows().first().innerText()).toMatch(/12月1日 星期二/)

    await page.getByRole('button', { name: '发布', exact: true }).click()
    await dialog('发布值班表').getByRole('button', { name: '发布' }).click()
    await page.getByText(/^已发布：2026年12月市政府办公室值班表/).waitFor()
    await page.getByRole('button', { name: '删除草稿' }).waitFor({ state: 'detached' })
  })

  it('X-4 refuses a swap without the consents and says why', async () => {
    await page.getByRole('button', { name: '换班' }).click()
    const form = dialog('换班')
    await form.getByLabel(/^申请人的值班/).first().click()
    await page.getByRole('option').filter({ hasText: '12月3日' }).filter({ hasText: '主班' }).click()
    await form.getByLabel(/^对方（接替的人）/).first().click()
    await page.getByRole('option').first().click()
    await form.getByRole('button', { name: '登记换班' }).click()
    const refusal = form.getByRole('alert')
    await refusal.waitFor()
    expect(await refusal.innerText()).toMatch(/X-4：不能换班/)
    await form.getByRole('button', { name: '取消' }).click()
    await screenshot(page, 'duty-roster')
  })

  it('writes an urgent duty-log entry about 防汛 and finds it by searching', async () => {
    await page.getByRole('tab', { name: '值班记录' }).click()
    const form = page.getByRole('form', { name: '填写值班记录' })
    await form.getByLabel('时间').fill('2026-11-20 08:40')
    await form.getByLabel('来电单位').fill('市应急管理局')
    await form.getByLabel('姓名').fill('周海')
    await form.getByLabel('电话').fill('028-26610110')
    await form.getByLabel(/^内容/).fill('通报：上游水库泄洪，请各县区做好防汛准备')
    await form.getByLabel('处理情况').fill('已报告带班领导，通知各县（区）值班室')
    await form.getByLabel('告知何人').fill('何振华')
    await form.getByLabel('紧急').check()
    await form.getByRole('button', { name: '记录' }).click()
    await form.getByText('已记录。').waitFor()

    await page.getByLabel('查询文字').fill('防汛')
    await page.getByRole('button', { name: '查询' }).click()
    const rows = page.getByRole('table', { name: '值班记录列表' }).locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().innerText()).toContain('防汛')
    expect(await rows.first().getAttribute('data-urgent')).toBe('true')

    await page.getByLabel('查询文字').fill('地震')
    await page.getByRole('button', { name: '查询' }).click()
    await page.getByText(/没有含“地震”的值班记录/).waitFor()
    await page.getByLabel('查询文字').fill('防汛')
    await page.getByRole('button', { name: '查询' }).click()
    await expect.poll(() => rows.first().innerText()).toContain('防汛')
    await screenshot(page, 'duty-log')
  })

  it('首页 on 2026年12月8日 shows 今日值班 with names and phones', async () => {
    await setServerClock('2026-12-08T09:00:00+08:00')
    await open('首页')
    await page.getByRole('heading', { name: '2026年12月8日 星期二' }).waitFor()
    const card = page.getByRole('table', { name: '今日值班' })
    await card.waitFor()
    for (const role of ['办公室带班', '主班', '副班']) {
      const text = await card.locator(`tr[data-role="${role}"]`).innerText()
      expect(text).not.toContain('未安排')
      expect(text).toMatch(/[\u4e00-\u9fa5]{2,}/)
    }
    expect(await card.locator('tr[data-role="带班领导"]').count()).toBe(0)
    await screenshot(page, 'home-duty')
  })
})
