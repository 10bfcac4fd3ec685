import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { rpcClient, type TestServer } from '../helpers/server'
import { loadDemoOffice } from '../helpers/demo-office'
import { openAppSession, screenshot, setServerClock, signInAs, type AppSession } from '../helpers/browser'

// Needs the built renderer: run `npx electron-vite build` first.
// Issue 16 (R-D3 with R-P3): a 请示 from 市水利局 is proposed to its 分管副市长 杨帆, who is away on 1 December; her
// A/B partner 刘芳 acts for her. The 拟办 summary says so, and the 送批 form pre-fills 刘芳 — never the absent 杨帆,
// not even for the moment before the day's answer arrives.

let app: AppSession
let server: TestServer
let page: Page
let docId: number

beforeAll(async () => {
  app = await openAppSession('2026-12-01T09:30:00+08:00')
  ;({ server, page } = app)
  await setServerClock(server.url, '2026-12-01T09:30:00+08:00')
  const api = rpcClient(server.url)
  await api.login()
  const { deptId, personId } = await loadDemoOffice(api)
  await api.ok('absences.save', { personId: personId('杨帆'), kind: '出差', startDate: '2026-12-01', endDate: '2026-12-02', destination: '成都', actingPersonId: null, reportedTo: [personId('张明远')] })
  docId = (await api.ok('incoming.receive', {
    receivedAt: '2026-12-01 09:10', sender: '市水利局', senderDepartmentId: deptId('市水利局'), title: '关于申请山洪灾害防治项目资金的请示',
    docType: '请示', arrival: '机要交通', files: [],
  })).id
  await api.ok('incoming.review', { id: docId, reviewedOn: '2026-12-01' })
  await api.ok('incoming.propose', { id: docId, proposal: '拟请杨帆副市长阅示。', proposedBy: '许文杰', proposedOn: '2026-12-01' })
  await signInAs(page, server.url, 'kezhang')
})
afterAll(async () => { await app?.close() })

describe('送批 to whoever acts today (R-D3, R-P3)', () => {
  it('the 拟办 summary says 杨帆 is away and 刘芳 acts, and the 送批 form starts with 刘芳', async () => {
    await page.goto(`${server.url}/#/documents/incoming/${docId}`)
    await page.reload()
    const summary = page.getByLabel('拟办意见')
    await summary.getByText('今日杨帆外出（出差）').waitFor()
    expect(await summary.innerText()).toContain('送批时首位为刘芳')
    const form = page.getByLabel('送批')
    await form.getByText('送批首位默认为刘芳').waitFor()
    const chosen = await form.locator('.mantine-Pill-label').allInnerTexts()
    expect(chosen).toEqual(['刘芳（副市长）'])
    await screenshot(page, 'acting-route-send')
  })
})
