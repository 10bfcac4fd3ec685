/**
 * 统计 in Chromium (issue 17), over a generated office of two years: the page opens on this month, a year shows each
 * figure as a chart beside its table with Chinese labels, an Excel file of one figure and the month's 督查通报 download,
 * and 查阅 (clearance 内部) is told fewer 收文 than the 科长. Screenshots in test-results/screenshots/ are looked at.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { launchBrowser, openNav, screenshot, signIn, downloadFrom, type Browser } from '../helpers/browser'
import { startSeededServer, SEED_PASSWORD } from '../helpers/seeded-server'
import type { TestServer } from '../helpers/server'
import { unzipPart } from '../helpers/zip'

// Needs the built renderer: run `npx electron-vite build` first.
const TODAY = '2026-06-30'
let server: TestServer
let browser: Browser
let page: Page

beforeAll(async () => {
  server = await startSeededServer({ today: TODAY, seed: 5, scale: 0.02 })
  browser = await launchBrowser()
  page = browser.page
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`))
  await page.setViewportSize({ width: 1600, height: 1000 })
}, 120_000)
afterAll(async () => { await browser?.close(); await server?.stop() })

const section = (title: string) => page.locator('.mantine-Paper-root').filter({ has: page.getByRole('heading', { name: title, exact: true }) })
/** A choice of the 统计期间 control (年度, 月份, 期间). */
const periodKind = (kind: string) => page.getByRole('radiogroup', { name: '统计期间' }).getByText(kind, { exact: true }).click()
async function chooseYear(year: string) {
  await periodKind('年度')
  await page.getByLabel('年份', { exact: true }).first().click()
  await page.getByRole('option', { name: year, exact: true }).click()
}
/** The chart's axis labels that name rows (months, units), not the numbers of the value axis. */
const tickLabels = (where: ReturnType<typeof section>) =>
  where.locator('svg .recharts-cartesian-axis-tick-value').evaluateAll((ts) => ts.map((t) => t.textContent ?? '').filter((t) => !/^[\d.,%]+$/.test(t)))
const totalOf = async (title: string) => Number((await page.getByRole('table', { name: title }).locator('tbody tr').last().locator('td').last().innerText()).trim())

async function signInTo(username: string) {
  await page.context().clearCookies()
  await signIn(page, server.url, username, SEED_PASSWORD)
  await page.getByRole('navigation', { name: '主导航' }).waitFor()
  await openNav(page, '统计')
}

describe('统计页', () => {
  it('打开时统计本月；选年度后每张图旁是它的表，图上是中文的月份和单位', async () => {
    await signInTo('kezhang')
    await expect.poll(() => page.getByRole('table', { name: '收文数量（按月、文种）' }).locator('tbody tr').first().locator('td').first().innerText()).toBe('2026年6月')
    await chooseYear('2025')
    const incoming = section('收文数量（按月、文种）')
    await expect.poll(() => incoming.getByRole('table').locator('tbody tr').count()).toBe(13)
    expect(await tickLabels(incoming)).toEqual(Array.from({ length: 12 }, (_, i) => `${i + 1}月`))
    // Every section with a chart shows its bars (no figure is drawn empty while its table has numbers).
    await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'))
    const charts = await page.locator('.recharts-responsive-container').count()
    expect(charts).toBeGreaterThanOrEqual(10)
    const units = await tickLabels(section('承办单位按期办结率'))
    expect(units.length).toBeGreaterThan(5)
    expect(units.every((t) => /^[\u4e00-\u9fa5（）]+$/.test(t))).toBe(true)
    await screenshot(page, 'stats-year-kezhang')
    // Each figure on its own picture too, to be looked at at full size.
    const sections = page.locator('.mantine-Paper-root')
    for (let i = 0; i < await sections.count(); i++) await sections.nth(i).screenshot({ path: `test-results/screenshots/stats-year-${i + 1}.png` })
  })

  it('导出 Excel：文件名是表名和统计期间，内容与页面上的表相同', async () => {
    const total = await totalOf('收文数量（按月、紧急程度）')
    const [file] = await Promise.all([page.waitForEvent('download'), section('收文数量（按月、紧急程度）').getByRole('button', { name: '导出Excel' }).click()])
    expect(file.suggestedFilename()).toBe('收文数量（按月、紧急程度）（2025-01-01 至 2025-12-31）.xlsx')
    const path = await file.path()
    const sheet = unzipPart(require('node:fs').readFileSync(path), 'xl/worksheets/sheet1.xml')
    expect(sheet).toContain(`<v>${total}</v>`)
  })

  it('选月份后一键生成该月督查通报（Word）', async () => {
    await periodKind('月份')
    const file = await downloadFrom(page, '生成6月督查通报（Word）')
    expect(file.filename).toBe('关于2025年6月份重点工作督查情况的通报.docx')
    expect(unzipPart(file.buf, 'word/document.xml')).toContain('资阳市人民政府办公室')
  })

  it('期间超过一年时说明原因，不去统计', async () => {
    await periodKind('期间')
    await expect.poll(() => page.getByText('请选择起始日期和截止日期').isVisible()).toBe(true)
  })

  it('查阅人员（涉密等级内部）看到的收文较少，表下写明不含超出其涉密等级的文件', async () => {
    const year = async () => {
      await chooseYear('2025')
      await expect.poll(() => page.getByRole('table', { name: '收文数量（按月、文种）' }).locator('tbody tr').count()).toBe(13)
      return totalOf('收文数量（按月、文种）')
    }
    await signInTo('kezhang')
    const all = await year()
    await signInTo('chayue')
    const fewer = await year()
    expect(fewer).toBeLessThan(all)
    await expect.poll(() => section('收文数量（按月、文种）').getByText(/不含超出您涉密等级（内部）的文件/).isVisible()).toBe(true)
    await screenshot(page, 'stats-year-chayue')
  }, 60_000)
})
