import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, type TestServer } from '../helpers/server'
import { dialogNamed, field, openAppSession, openNav, screenshot, setServerClock, signIn, type AppSession } from '../helpers/browser'

// Needs the built renderer: run `npx electron-vite build` first.
// Today is Monday 2 November 2026 for the browser and the server; 2027's holidays are not entered yet (X-6).

let app: AppSession
let server: TestServer
let page: Page

const TODAY = '2026-11-02T09:00:00+08:00'
const NOTICE_2027 = readFileSync(join(__dirname, '../fixtures/holiday-notices/2027.txt'), 'utf8')

beforeAll(async () => {
  app = await openAppSession(TODAY)
  ;({ server, page } = app)
  await setServerClock(server.url, TODAY)
})
afterAll(async () => { await app?.close() })

const prompt = () => page.getByRole('status').filter({ hasText: '2027年的节假日安排尚未录入' })

describe('the year\'s turn in the browser (R-W2, X-6)', () => {
  it('in November the 科长\'s home page says 2027\'s holidays are missing, who enters them, and offers the paste import', async () => {
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await prompt().waitFor()
    expect(await prompt().innerText()).toContain('请文秘或科长粘贴通知录入')
    await prompt().getByRole('button', { name: '粘贴通知录入' }).waitFor()
    await screenshot(page, 'year-turn-home-prompt')
  })

  it('a notice cut short is read, refused whole and nothing saved; the full notice is shown day by day for confirmation, then saved', async () => {
    await prompt().getByRole('button', { name: '粘贴通知录入' }).click()
    const form = dialogNamed(page, '录入2027年的节假日安排')
    await form.waitFor()
    await field(page, '通知全文').fill(NOTICE_2027.slice(0, NOTICE_2027.indexOf('10月9日（周六）上班') + 4))
    expect(await field(page, '来源通知').inputValue()).toBe('国务院办公厅关于2027年部分节假日安排的通知')
    await form.getByRole('button', { name: '读取并核对' }).click()
    const refused = form.getByRole('alert').filter({ hasText: '通知未能完整读取，未录入任何日期' })
    await refused.waitFor()
    expect(await refused.innerText()).toMatch(/第\d+行（七、国庆节）没有读完/)
    expect(await form.getByRole('button', { name: /确认录入/ }).count()).toBe(0)
    await screenshot(page, 'year-turn-refused')

    await form.getByRole('button', { name: '返回修改' }).click()
    await field(page, '通知全文').fill(NOTICE_2027)
    await form.getByRole('button', { name: '读取并核对' }).click()
    await form.getByText('读到2027年的安排：放假29天，调休上班6天。请与通知原文核对后确认。').waitFor()
    const list = await form.getByRole('table', { name: '本年安排' }).innerText()
    expect(list).toContain('10月1日至7日放假，共7天')
    expect(list).toContain('9月26日（周日）、10月9日（周六）上班')
    expect(list).toContain('2月5日至13日放假，共9天')
    await screenshot(page, 'year-turn-preview')

    await form.getByRole('button', { name: '确认录入2027年的安排' }).click()
    await form.waitFor({ state: 'hidden' })
    await page.getByText('已录入2027年的节假日安排，相关日期和期限已按通知重算。').waitFor()
    expect(await prompt().count()).toBe(0)
  })

  it('date pickers mark 国庆节 as holidays and the 调休 Saturday as a working day', async () => {
    await openNav(page, '会议')
    await page.getByRole('button', { name: '安排会议', exact: true }).click()
    const form = dialogNamed(page, '安排会议')
    await form.waitFor()
    await form.getByLabel(/^会议日期/).first().click()
    await page.locator('[data-direction="previous"]').first().click()
    const oct1 = page.getByRole('button', { name: '2026年10月1日', exact: true })
    await oct1.waitFor()
    expect(await oct1.innerText()).toContain('休')
    expect(await oct1.getAttribute('aria-description')).toBe('法定节假日（国庆节）')
    const oct10 = page.getByRole('button', { name: '2026年10月10日', exact: true })
    expect(await oct10.innerText()).toContain('班')
    expect(await oct10.getAttribute('aria-description')).toBe('调休上班（国庆节）')
    expect(await page.getByRole('button', { name: '2026年10月8日', exact: true }).getAttribute('aria-description')).toBeNull()
    expect(await oct10.getAttribute('data-weekend')).toBeNull()
    await screenshot(page, 'year-turn-date-picker')
    // The year just entered is marked too: 1 January 2027 is 元旦.
    for (let i = 0; i < 3; i++) await page.locator('[data-direction="next"]').first().click()
    await expect.poll(() => page.getByRole('button', { name: '2027年1月1日', exact: true }).getAttribute('aria-description')).toBe('法定节假日（元旦）')
  })
})
