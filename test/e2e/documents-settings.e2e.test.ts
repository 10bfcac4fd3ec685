import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, allowed, rpcClient, type TestServer } from '../helpers/server'
import { REVIEW_STEPS } from '../../src-main/common/documents'
import { loadDemoOffice } from '../helpers/demo-office'
import { openAppSession, screenshot, setServerClock, signIn, type AppSession } from '../helpers/browser'

// Needs the built renderer: run `npx electron-vite build` first.
// An office adds its own 代字 in 设置 and numbers a 发文 in it (R-D6); the 人大代表建议 register (R-D8).

let app: AppSession
let server: TestServer
let page: Page
let api: ReturnType<typeof rpcClient>

beforeAll(async () => {
  app = await openAppSession('2026-12-10T09:00:00+08:00')
  ;({ server, page } = app)
  await setServerClock(server.url, '2026-12-10T09:00:00+08:00')
  api = rpcClient(server.url)
  await api.login()
  await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
}, 60_000)
afterAll(async () => { await app?.close() })

describe('公文 settings and the 建议提案 register in the browser', () => {
  it('R-D6 an office adds its own 代字 in 设置, and a 发文 numbered in it reads 资府办通〔2026〕1号', async () => {
    await page.goto(`${server.url}/#/settings`)
    const table = page.getByRole('table', { name: '发文字号序列' })
    await table.waitFor()
    await page.getByRole('button', { name: '增加序列' }).click()
    const last = table.getByRole('row').last()
    await last.getByLabel(/^机关代字( \*)?$/).fill('资府办通')
    await last.getByLabel(/^发文机关( \*)?$/).fill('资阳市人民政府办公室')
    await last.getByLabel(/^发文机关标志( \*)?$/).fill('资阳市人民政府办公室文件')
    await page.getByLabel('加急件办理时限（工作日）').fill('4')
    const form = page.locator('form').filter({ has: table })
    await form.getByRole('button', { name: '保存设置' }).click()
    await page.getByText('公文设置已保存。').waitFor()
    await screenshot(page, 'settings-documents')
    const settings = await api.ok('settings.get')
    expect(settings.documentSeries.at(-1)).toEqual({ code: '资府办通', issuer: '资阳市人民政府办公室', mark: '资阳市人民政府办公室文件', letter: false })
    expect(settings.handlingWorkingDays).toEqual({ 无: 10, 加急: 4, 特急: 2 })

    const finance = (await loadDemoOffice(api)).deptId('市财政局')
    const draft = await api.ok('outgoing.draft', { docType: '通知', signKind: '事务性', series: '资府办通', title: '关于做好2027年元旦期间值班工作的通知', body: '请各单位做好值班工作。', draftingDepartmentId: finance })
    for (const step of REVIEW_STEPS) await api.ok('outgoing.review', { id: draft.id, step, reviewer: '王芳', opinion: '同意。', date: '2026-12-10' })
    const signer = allowed(await api.ok('outgoing.requiredSigner', { id: draft.id, date: '2026-12-10' })).signers[0].personId
    await api.ok('outgoing.signOff', { id: draft.id, signerId: signer, opinion: '同意。', date: '2026-12-10' })
    expect((await api.ok('outgoing.number', { id: draft.id })).numberText).toBe('资府办通〔2026〕1号')
  })

  it('R-D8 registers a 人大代表建议 with its leader and department, then records the reply and satisfaction', async () => {
    await page.goto(`${server.url}/#/documents/proposals`)
    await page.getByRole('button', { name: '登记建议提案' }).click()
    const dialog = page.getByRole('dialog', { name: '登记建议提案' })
    await dialog.getByLabel(/^编号( \*)?$/).fill('128')
    await dialog.getByLabel(/^标题( \*)?$/).fill('关于加快城区停车场建设的建议')
    await dialog.getByLabel(/^提出人( \*)?$/).fill('王建军、李红梅')
    await dialog.getByRole('combobox', { name: /^主办单位/ }).fill('市住房')
    await page.getByRole('option', { name: /住房/ }).first().click()
    await dialog.getByRole('button', { name: '办理时限' }).click()
    await page.getByRole('button', { name: '2026年12月31日' }).click()
    await dialog.getByRole('button', { name: '保存' }).click()
    const row = page.getByRole('row').filter({ hasText: '关于加快城区停车场建设的建议' })
    await row.waitFor()
    const text = await row.innerText()
    for (const s of ['2026年第128号', '王建军、李红梅', '2026年12月31日', '剩余15个工作日']) expect(text).toContain(s)
    await row.getByRole('button', { name: '答复' }).click()
    const reply = page.getByRole('dialog', { name: '登记答复' })
    await reply.getByLabel(/^答复内容( \*)?$/).fill('已将城区停车场建设纳入2027年重点项目，新增泊位1200个。')
    await reply.getByRole('combobox', { name: '代表（委员）满意度' }).click()
    await page.getByRole('option', { name: '满意', exact: true }).click()
    await reply.getByRole('button', { name: '保存' }).click()
    await row.getByText('已答复（满意）').waitFor()
    await screenshot(page, 'documents-proposals')
  })
})
