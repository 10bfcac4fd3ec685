import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { rpcClient, type TestServer } from '../helpers/server'
import { draftTemplate, loadDemoOffice } from '../helpers/demo-office'
import { openAppSession, screenshot, setServerClock, signInAs, type AppSession } from '../helpers/browser'

// Needs the built renderer: run `npx electron-vite build` first.
// Issue 16 (R-D4): a 市应急管理局 通知 must be signed by its 分管副市长 杨帆. Choosing 陈立新 on the 签发 form is
// refused on the page, naming who must sign, and 签发 cannot be pressed — before any confirm dialog.

let app: AppSession
let server: TestServer
let page: Page
let docId: number

beforeAll(async () => {
  app = await openAppSession('2026-12-02T10:00:00+08:00')
  ;({ server, page } = app)
  await setServerClock(server.url, '2026-12-02T10:00:00+08:00')
  const api = rpcClient(server.url)
  await api.login()
  const { deptId } = await loadDemoOffice(api)
  const t = await draftTemplate(api, '通知')
  docId = (await api.ok('outgoing.draft', {
    docType: t.docType, signKind: t.signKind, series: t.series, title: '关于做好冬季安全生产工作的通知', addressee: t.addressee, body: t.body,
    publicity: t.publicity, upward: t.upward, draftingDepartmentId: deptId('市应急管理局'), drafter: '罗佳怡',
  })).id
  for (const [step, reviewer] of [['部门负责人', '局长甲'], ['办公室秘书', '许文杰'], ['办公室负责人', '何振华']] as const) {
    await api.ok('outgoing.review', { id: docId, step, reviewer, opinion: '同意。', date: '2026-12-02' })
  }
  await signInAs(page, server.url, 'kezhang')
})
afterAll(async () => { await app?.close() })

describe('签发 by the wrong leader (R-D4)', () => {
  it('choosing 陈立新 for 杨帆\'s document is refused on the page, naming who must sign, with 签发 disabled', async () => {
    await page.goto(`${server.url}/#/documents/outgoing/${docId}`)
    await page.reload()
    const signer = page.getByRole('textbox', { name: '签发人' }).or(page.getByRole('combobox', { name: '签发人' })).first()
    await page.getByText('应由分管副市长杨帆签发').first().waitFor()
    await expect.poll(() => page.getByRole('button', { name: '签发', exact: true }).isEnabled()).toBe(true)
    await signer.click()
    await page.getByRole('option', { name: /^陈立新/ }).first().click()
    const alert = page.getByRole('alert').filter({ hasText: '不是应签发人' })
    await alert.waitFor()
    expect(await alert.innerText()).toContain('应由分管副市长杨帆签发')
    expect(await page.getByRole('button', { name: '签发', exact: true }).isDisabled()).toBe(true)
    await screenshot(page, 'sign-off-wrong-signer')
  })
})
