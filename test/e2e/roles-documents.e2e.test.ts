import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { rpcClient, type TestServer } from '../helpers/server'
import { draftTemplate, loadDemoOffice } from '../helpers/demo-office'
import { openAppSession, screenshot, setServerClock, type AppSession, signInAs as signInOnce } from '../helpers/browser'

// Needs the built renderer: run `npx electron-vite build` first.
// Issue 15, "each role sees only what it can do", for 公文: a 收文 registered and a 发文 drafted by the 科长; the
// 查阅 reader opens them and sees the record with no 登记收文, 初审通过, 拟稿, 保存 or 登记建议提案 at all; the 文秘
// sees the 收文 waiting for the 科长's 初审 (X-2) instead of a 初审通过 the server would refuse.

let app: AppSession
let server: TestServer
let page: Page
let incomingId: number
let outgoingId: number

const signInAs = (username: string) => signInOnce(page, server.url, username)
const open = async (route: string, ready: string) => {
  await page.goto(`${server.url}/#/${route}`)
  await page.reload()
  await page.getByText(ready).first().waitFor()
}
const button = (name: string) => page.getByRole('button', { name, exact: true })

beforeAll(async () => {
  app = await openAppSession('2026-12-01T09:30:00+08:00')
  ;({ server, page } = app)
  await setServerClock(server.url, '2026-12-01T09:30:00+08:00')
  const kezhang = rpcClient(server.url)
  await kezhang.login('kezhang')
  const { deptId } = await loadDemoOffice(kezhang)
  incomingId = (await kezhang.ok('incoming.receive', {
    receivedAt: '2026-12-01 09:10', sender: '市交通运输局', senderDepartmentId: deptId('市交通运输局'), title: '关于城区公交线网优化调整的请示',
    docType: '请示', arrival: '机要交通', files: [],
  })).id
  const t = await draftTemplate(kezhang, '通知')
  outgoingId = (await kezhang.ok('outgoing.draft', {
    docType: t.docType, signKind: t.signKind, series: t.series, title: '关于做好冬季安全生产工作的通知', addressee: t.addressee, body: t.body,
    publicity: t.publicity, upward: t.upward, draftingDepartmentId: deptId('市应急管理局'), drafter: '罗佳怡',
  })).id
})
afterAll(async () => { await app?.close() })

describe('公文 as each role sees it', () => {
  it('the 查阅 reader sees the 收文登记簿 without 登记收文, and the 收文 without 修改登记信息 or 初审 buttons', async () => {
    await signInAs('chayue')
    await open('documents', '收文登记簿')
    expect(await button('登记收文').count()).toBe(0)
    await open(`documents/incoming/${incomingId}`, '登记信息')
    await page.getByText('等待科长初审').waitFor()
    for (const b of ['修改登记信息', '初审通过', '退回…']) expect(await button(b).count(), b).toBe(0)
    await screenshot(page, 'roles-chayue-incoming')
  })

  it('the 查阅 reader sees the 发文 text but no 拟稿, 保存 or 核稿 form', async () => {
    await open('documents/outgoing', '发文登记簿')
    expect(await button('拟稿').count()).toBe(0)
    await open(`documents/outgoing/${outgoingId}`, '关于做好冬季安全生产工作的通知')
    await page.getByText('由科长登记核稿意见').waitFor()
    for (const b of ['保存', '科室负责人核稿', '签发']) expect(await button(b).count(), b).toBe(0)
    await screenshot(page, 'roles-chayue-outgoing')
  })

  it('the 查阅 reader sees no 登记建议提案 and no 领导批示立项', async () => {
    await open('documents/proposals', '建议提案')
    expect(await button('登记建议提案').count()).toBe(0)
    await open('followups', '督办')
    expect(await button('领导批示立项').count()).toBe(0)
  })

  it('X-2: the 文秘 sees the 收文 waiting for the 科长\'s 初审, with 修改登记信息 but no 初审通过', async () => {
    await signInAs('wenmi')
    await open(`documents/incoming/${incomingId}`, '登记信息')
    await page.getByText('等待科长初审').waitFor()
    expect(await button('修改登记信息').count()).toBe(1)
    expect(await button('初审通过').count()).toBe(0)
    await screenshot(page, 'roles-wenmi-incoming')
  })

  it('X-2: the 科长 sees the 初审 form', async () => {
    await signInAs('kezhang')
    await open(`documents/incoming/${incomingId}`, '登记信息')
    await button('初审通过').waitFor()
    expect(await page.getByText('等待科长初审').count()).toBe(0)
  })
})
