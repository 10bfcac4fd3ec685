import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, rpcClient, type TestServer } from '../helpers/server'
import { dialogNamed, downloadFrom, openAppSession, screenshot, setServerClock, signIn, type AppSession } from '../helpers/browser'
import { loadDemoOffice } from '../helpers/demo-office'
import { readXlsx } from '../helpers/xlsx'

// Needs the built renderer: run `npx electron-vite build` first.
// R-D8 completed (issue 16), on 10 July 2026: a 人大代表建议 typed as 第3-028号 is registered with 市住房和城乡建设局
// as 主办 and 市水利局 as 会办, the leading leader left to its default — the 主办's 分管 副市长, named under the field
// and in the list (never “—”); the number prints once as 2026年第3-028号; the counts above the list say how many are
// 办理中 (其中逾期) and 已答复; 导出Excel gives the same rows.

let app: AppSession
let server: TestServer
let page: Page
const TITLE = '关于加强城区内涝治理的建议'

beforeAll(async () => {
  app = await openAppSession('2026-07-10T09:00:00+08:00')
  ;({ server, page } = app)
  await setServerClock(server.url, '2026-07-10T09:00:00+08:00')
  const api = rpcClient(server.url)
  await api.login()
  const demo = await loadDemoOffice(api)
  // One answered, one overdue: the counts have something to say.
  const answered = await api.ok('proposals.save', { kind: '政协提案', year: 2026, number: '3', title: '关于增加城区义务教育学位供给的提案', proposer: '民进资阳市委', departmentId: demo.deptId('市教育和体育局'), deadline: '2026-06-30' })
  await api.ok('proposals.reply', { id: answered.id, reply: '秋季学期新增学位1200个。', repliedOn: '2026-07-08', satisfaction: '满意' })
  await api.ok('proposals.save', { kind: '人大代表建议', year: 2026, number: '40', title: '关于改善农村公路通行条件的建议', proposer: '刘强代表', departmentId: demo.deptId('市交通运输局'), deadline: '2026-06-30' })
})
afterAll(async () => { await app?.close() })

describe('建议提案 in the browser (R-D8)', () => {
  it('registers a 建议 with a 主办 and a 会办, shows the default leader and the number printed once', async () => {
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await page.goto(`${server.url}/#/documents/proposals`)
    await page.getByRole('button', { name: '登记建议提案' }).click()
    const form = dialogNamed(page, '登记建议提案')
    await form.getByLabel(/^编号( \*)?$/).fill('第3-028号')
    await form.getByText('将登记为：2026年第3-028号').waitFor()
    await form.getByLabel(/^标题( \*)?$/).fill(TITLE)
    await form.getByLabel(/^提出人( \*)?$/).fill('周琳等3名代表')
    await form.getByRole('combobox', { name: /^主办单位/ }).fill('市住房')
    await page.getByRole('option', { name: '市住房和城乡建设局' }).click()
    const hint = form.getByText(/^不选则为主办单位的分管领导：/)
    await hint.waitFor()
    const leader = (await hint.innerText()).replace('不选则为主办单位的分管领导：', '')
    await form.getByLabel('会办单位').click()
    await page.getByRole('option', { name: '市水利局' }).click()
    await form.getByLabel(/^提出人( \*)?$/).click() // the list of units stays open for more until one clicks away
    await form.getByRole('button', { name: '办理时限' }).click()
    await page.getByRole('button', { name: '2026年7月31日' }).click()
    await screenshot(page, 'proposals-form')
    await form.getByRole('button', { name: '保存' }).click()
    const row = page.getByRole('row').filter({ hasText: TITLE })
    await row.waitFor()
    const text = await row.innerText()
    for (const s of ['2026年第3-028号', '市住房和城乡建设局', '会办：市水利局', '（分管，默认）', leader.split(' ').at(-1)!]) expect(text).toContain(s)
    expect(text).not.toContain('第第')
    expect(text).not.toContain('—')
  })

  it('counts by state above the list and exports the same rows to Excel', async () => {
    const counts = page.getByLabel('建议提案件数')
    await counts.getByText('办理中 2').waitFor()
    const said = await counts.innerText()
    for (const s of ['共 3 件', '其中逾期 1', '已答复 1', '满意 1']) expect(said).toContain(s)
    await screenshot(page, 'proposals-list')
    const file = await downloadFrom(page, '导出Excel')
    expect(file.filename).toBe('资阳市人民政府办公室人大代表建议和政协提案办理情况（2026年）.xlsx')
    const sheet = readXlsx(file.buf)
    const line = sheet.rows.find((r) => r[2] === TITLE)!
    expect(line.slice(0, 2)).toEqual(['人大代表建议', '2026年第3-028号'])
    expect(line.slice(5, 8)).toEqual(['市住房和城乡建设局', '市水利局', '2026-07-31'])
  })
})
