import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, rpcClient, type TestServer } from '../helpers/server'
import { dialogNamed, downloadFrom, openAppSession, openNav, screenshot, setServerClock as setServerClockOf, signIn, type AppSession } from '../helpers/browser'
import { docxText } from '../helpers/zip'

// Needs the built renderer: run `npx electron-vite build` first.
// A 加急 请示 from 市交通运输局 received on Tuesday 1 December 2026: registered with its text, 初审, 拟办 to the
// department's 分管副市长 陈立新 (R-D3), sent to him, a 批示 refused for 王志强 and recorded for 陈立新 (R-D4),
// made a 督办 item (R-S1), handed to 市交通运输局 with 市财政局 assisting for 5 working days (R-D7, due 8 December);
// on 10 December it is overdue on 首页 and chased in one click; the feedback is refused without evidence,
// recorded with it, and the document is closed; the 收文处理笺 is downloaded; the 收文登记簿 finds it.

let app: AppSession
let server: TestServer
let page: Page
let api: ReturnType<typeof rpcClient>
let docId: number

const TITLE = '关于城区公交线网优化调整的请示'
const OPINION = '同意。请市交通运输局会同市财政局抓紧办理，按时反馈。'
const setClocks = async (at: string) => { await setServerClockOf(server.url, at); await page.clock.setFixedTime(new Date(at)) }
const now = () => page.getByRole('status', { name: '现在' })
const openDocument = async () => { await page.goto(`${server.url}/#/documents/incoming/${docId}`); await page.reload(); await now().waitFor() }
type Scope = ReturnType<Page['locator']> | Page
/** A form field by its label (a select is a combobox or a textbox, depending on whether it is searchable). */
const input = (scope: Scope, label: string) =>
  scope.getByRole('textbox', { name: label, exact: true }).or(scope.getByRole('combobox', { name: label, exact: true })).first()
/** A Mantine select: open it, type to narrow, pick the option. */
const choose = async (scope: Scope, label: string, option: string, type?: string) => {
  const field = input(scope, label)
  await field.click()
  if (type) await field.fill(type)
  await page.getByRole('option', { name: option, exact: true }).click()
}

beforeAll(async () => {
  app = await openAppSession('2026-12-01T09:30:00+08:00')
  ;({ server, page } = app)
  api = rpcClient(server.url)
  await api.login()
  await setClocks('2026-12-01T09:30:00+08:00')
})
afterAll(async () => { await app?.close() })

describe('收文 in the browser', () => {
  it('signs in', async () => {
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await page.getByRole('navigation', { name: '主导航' }).waitFor()
  })

  it('X-2 registers a 请示 from 市交通运输局 with its text, numbered 收〔2026〕1号', async () => {
    await openNav(page, '公文')
    await page.getByRole('tab', { name: '收文' }).click()
    await page.getByRole('button', { name: '登记收文' }).click()
    const form = dialogNamed(page, '登记收文')
    await form.getByLabel(/^签收时刻/).fill('09:30')
    await choose(form, '来文单位', '市交通运输局', '交通')
    expect(await form.getByRole('textbox', { name: /^来文机关/ }).inputValue()).toBe('市交通运输局')
    await form.getByRole('textbox', { name: '来文字号' }).fill('资交〔2026〕45号')
    await choose(form, '文种', '请示')
    await form.getByRole('textbox', { name: /^标题/ }).fill(TITLE)
    await choose(form, '紧急程度', '加急')
    await form.getByRole('textbox', { name: '页数' }).fill('6')
    await form.locator('input[type=file]').first().setInputFiles({ name: '公交线网优化调整的请示.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 请示正文') })
    await screenshot(page, 'incoming-register-form')
    await form.getByRole('button', { name: '登记', exact: true }).click()
    await form.waitFor({ state: 'detached' })

    await expect.poll(() => page.getByLabel('收文号').innerText()).toBe('收〔2026〕1号')
    docId = Number(/incoming\/(\d+)/.exec(page.url())![1])
    expect(await now().innerText()).toBe('现在：在办公室：待初审')
    const details = await page.getByLabel('登记信息', { exact: true }).innerText()
    expect(details).toContain('2026年12月1日 09:30')
    expect(details).toContain('资交〔2026〕45号')
    expect(details).toContain('加急')
    await page.getByRole('button', { name: '公交线网优化调整的请示.pdf' }).waitFor()
    await screenshot(page, 'incoming-registered')
  })

  it('X-2 初审 passes, and R-D3 proposes the 分管副市长 陈立新 with the 拟办意见 written for him', async () => {
    await page.getByRole('button', { name: '初审通过' }).click()
    await expect.poll(() => now().innerText()).toBe('现在：在办公室：已初审，待拟办')
    const route = page.getByLabel('建议批示领导')
    await expect.poll(() => route.innerText()).toContain('按规则报：副市长 陈立新')
    expect(await route.innerText()).toContain('第四十七条')
    expect(await route.innerText()).toContain('来文单位由副市长陈立新分管')
    const proposal = page.getByRole('textbox', { name: /^拟办意见/ })
    await expect.poll(() => proposal.inputValue()).toBe('拟请陈立新副市长阅示。')
    // A major matter goes to the 市长 instead, and back.
    await page.getByRole('switch', { name: '重大事项（报市长）' }).click({ force: true })
    await expect.poll(() => route.innerText()).toContain('按规则报：市长 张明远')
    await expect.poll(() => proposal.inputValue()).toBe('拟请张明远市长阅示。')
    await page.getByRole('switch', { name: '重大事项（报市长）' }).click({ force: true })
    await expect.poll(() => proposal.inputValue()).toBe('拟请陈立新副市长阅示。')
    await screenshot(page, 'incoming-propose')
    await page.getByRole('button', { name: '保存拟办意见' }).click()
    await expect.poll(() => now().innerText()).toBe('现在：在办公室：已拟办，待送领导批示')
    const saved = await page.getByLabel('拟办意见', { exact: true }).innerText()
    expect(saved).toContain('拟请陈立新副市长阅示。')
    // 加急: 5 working days from Tuesday 1 December.
    expect(saved).toContain('办结时限：2026年12月8日')
  })

  it('X-2 sends it to 陈立新 and always shows where it is', async () => {
    const send = page.getByLabel('送批', { exact: true })
    await send.getByText('陈立新（副市长）', { exact: true }).waitFor()
    await screenshot(page, 'incoming-send')
    await page.getByRole('button', { name: '送批', exact: true }).click()
    await expect.poll(() => now().innerText()).toBe('现在：在副市长陈立新处（2026年12月1日送达，第1位，共1位）')
    const row = page.getByRole('row', { name: '第1位：陈立新' })
    expect(await row.innerText()).toContain('在此处')
  })

  it('X-2 refuses a 批示 recorded for 王志强 in the rule\'s words, and R-D4 records 陈立新\'s with name and full date', async () => {
    const form = page.getByLabel('登记批示', { exact: true })
    await choose(form, '批示领导', '王志强（副市长）', '王志强')
    await form.getByRole('textbox', { name: /^批示意见/ }).fill(OPINION)
    await form.getByRole('button', { name: '登记批示' }).click()
    const refusal = page.getByRole('alert').filter({ hasText: '文件现在副市长陈立新处（第1位），应由陈立新批示；王志强不能代为批示' })
    await refusal.waitFor()
    expect(await refusal.innerText()).toContain('《党政机关公文处理工作条例》')
    await screenshot(page, 'incoming-instruct-refused')

    await choose(form, '批示领导', '陈立新（副市长）', '陈立新')
    await form.getByRole('button', { name: '登记批示' }).click()
    await expect.poll(() => now().innerText()).toBe('现在：在办公室：领导批示已完成，待交办承办单位')
    const row = page.getByRole('row', { name: '第1位：陈立新' })
    const text = await row.innerText()
    expect(text).toContain(OPINION)
    expect(text).toContain('2026年12月1日')
    expect(text).toContain('已批示')
  })

  it('R-S1 turns the 批示 into a 督办 item', async () => {
    await page.getByRole('row', { name: '第1位：陈立新' }).getByRole('button', { name: '转督办' }).click()
    const form = dialogNamed(page, '领导批示立项督办')
    await form.getByText(`来源：陈立新副市长在《${TITLE}》上的批示（2026年12月1日）`).waitFor()
    await form.getByRole('button', { name: '立项' }).click()
    await form.waitFor({ state: 'detached' })
    await page.getByRole('row', { name: '第1位：陈立新' }).getByText('已立项督办1项').waitFor()
    const items = await api.ok('followups.list', {})
    expect(items.some((f) => f.source === '领导批示' && f.task === OPINION && f.departmentName === '市交通运输局')).toBe(true)
  })

  it('R-D7 hands it to 市交通运输局 (主办) and 市财政局 (协办) for 5 working days, due 8 December', async () => {
    const form = page.getByLabel('交办', { exact: true })
    expect(await input(form, '主办单位').inputValue()).toBe('市交通运输局')
    expect(await input(form, '办理时限（工作日）').inputValue()).toBe('5')
    await choose(form, '协办单位', '市财政局', '财政')
    await page.keyboard.press('Escape')
    await form.getByRole('button', { name: '交办', exact: true }).click()
    await expect.poll(() => now().innerText()).toBe('现在：承办中：市交通运输局（主办）、市财政局（协办）')
    const host = page.getByRole('row', { name: '市交通运输局（主办）' })
    expect(await host.innerText()).toContain('2026年12月8日')
    expect(await host.innerText()).toContain('剩余5个工作日')
    await screenshot(page, 'incoming-assigned')
  })

  it('R-D7 on 10 December it is overdue on 首页, and one click chases 市交通运输局 by me, today', async () => {
    await setClocks('2026-12-10T09:30:00+08:00')
    await page.goto(`${server.url}/#/home`)
    await page.reload()
    const card = page.getByLabel('公文到期提醒')
    const host = card.getByRole('group', { name: '收〔2026〕1号 市交通运输局（主办）' })
    await host.waitFor()
    expect(await host.innerText()).toContain('逾期2个工作日')
    expect(await host.innerText()).toContain(TITLE)
    await card.getByRole('group', { name: '收〔2026〕1号 市财政局（协办）' }).waitFor()
    await host.getByRole('button', { name: '催办' }).click()
    await host.getByText('已催办').waitFor()
    await expect.poll(() => host.getByRole('button', { name: '催办' }).count()).toBe(0)
    await screenshot(page, 'incoming-home-overdue')
    const doc = await api.ok('incoming.get', { id: docId })
    expect(doc.chases).toMatchObject([{ chaser: '李科长', chasedOn: '2026-12-10', departmentName: '市交通运输局' }])
    // The link goes to the document.
    await host.getByRole('link', { name: TITLE }).click()
    await now().waitFor()
    expect(page.url()).toContain(`#/documents/incoming/${docId}`)
  })

  it('X-3 refuses feedback without evidence, records it with the file, and the document is closed', async () => {
    await openDocument()
    const host = page.getByRole('row', { name: '市交通运输局（主办）' })
    expect(await host.innerText()).toContain('逾期2个工作日')
    expect(await host.innerText()).toContain('已催办1次')
    await host.getByRole('button', { name: '登记反馈' }).click()
    const form = dialogNamed(page, '登记反馈：市交通运输局（主办）')
    await form.getByRole('textbox', { name: /^反馈内容/ }).fill('已完成城区12条公交线路的优化调整，并向社会公示。')
    await form.getByRole('button', { name: '登记', exact: true }).click()
    const refusal = form.getByRole('alert').filter({ hasText: '办公室工作惯例：承办单位的反馈须附佐证材料' })
    await refusal.waitFor()
    await screenshot(page, 'incoming-feedback-refused')
    await form.locator('input[type=file]').setInputFiles({ name: '公交线网优化调整办理情况报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 办理情况') })
    await form.getByRole('button', { name: '登记', exact: true }).click()
    await form.waitFor({ state: 'detached' })
    await host.getByRole('button', { name: '公交线网优化调整办理情况报告.pdf' }).waitFor()
    expect(await host.innerText()).toContain('超期2个工作日完成')

    const close = page.getByLabel('办结', { exact: true })
    await close.getByRole('button', { name: '办结', exact: true }).click()
    await expect.poll(() => now().innerText()).toBe('现在：已办结（2026年12月10日）')
    expect(await page.getByLabel('状态').innerText()).toBe('已办结')
    await screenshot(page, 'incoming-closed')
  })

  it('X-2 downloads the 收文处理笺 with the 拟办意见, the 批示 with name and date, and the handling record', async () => {
    const { filename, buf } = await downloadFrom(page, '收文处理笺(Word)')
    expect(filename).toBe(`收文处理笺（收〔2026〕1号）${TITLE}.docx`)
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK')
    const text = docxText(buf)
    expect(text).toContain('收〔2026〕1号')
    expect(text).toContain(TITLE)
    expect(text).toContain('拟请陈立新副市长阅示。')
    expect(text).toContain(OPINION)
    expect(text).toContain('陈立新')
    expect(text).toContain('市交通运输局')
  })

  it('the 收文登记簿 lists it, finds it by a two-character word and by the leader who instructed it', async () => {
    await page.goto(`${server.url}/#/documents/incoming`)
    const register = page.getByRole('table', { name: '收文登记簿' })
    const row = register.getByRole('row').filter({ hasText: '收〔2026〕1号' })
    await row.waitFor()
    const text = await row.innerText()
    for (const s of ['2026年12月1日', '市交通运输局', '资交〔2026〕45号', TITLE, '请示', '加急', '已办结']) expect(text).toContain(s)
    await page.getByRole('textbox', { name: '查询' }).fill('公交')
    await expect.poll(() => page.getByLabel('收文件数').innerText()).toBe('共1件')
    await page.getByRole('textbox', { name: '查询' }).fill('防汛')
    await page.getByText('没有符合条件的收文').waitFor()
    await page.getByRole('textbox', { name: '查询' }).fill('')
    await row.waitFor()
    // Filtered by the leader who instructed it: 陈立新 finds it, 王志强 does not.
    const leader = page.getByRole('combobox', { name: '批示领导' })
    await leader.click()
    await page.getByRole('option', { name: /^王志强/ }).click()
    await page.getByText('没有符合条件的收文').waitFor()
    await leader.click()
    await page.getByRole('option', { name: /^陈立新/ }).click()
    await row.waitFor()
    await screenshot(page, 'incoming-register')
  })
})
