import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Request } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, rpcClient, startTestServer, type RpcClient, type TestServer } from '../helpers/server'
import { loadDemoOffice } from '../helpers/demo-office'
import { dialogNamed, field, launchBrowser, screenshot, signIn, type Browser } from '../helpers/browser'

/**
 * The renderer's one query cache (src-renderer/api/query-cache.ts): components showing the same answer share
 * one request, and an action names what it changes, so every panel showing that data updates in place.
 */
let server: TestServer
let browser: Browser
let api: RpcClient
let docId = 0
/** Procedure names the page asked for, in order (POST /rpc/<name>). */
let asked: string[] = []
const record = (r: Request) => {
  const m = /\/rpc\/([\w.]+)$/.exec(new URL(r.url()).pathname)
  if (m) asked.push(m[1])
}
const times = (name: string) => asked.filter((n) => n === name).length
/** The new 督办事项's row in the 督办 list. */
const listRow = () => browser.page.getByRole('row').filter({ hasText: '限期完成城区燃气管道老化整改' })

beforeAll(async () => {
  server = await startTestServer()
  api = rpcClient(server.url)
  await api.login()
  await api.ok('system.setClock', { at: '2026-12-01T09:00:00+08:00' })
  const office = await loadDemoOffice(api)
  const person = (name: string) => office.personId(name)
  const dept = office.deptId('市住房和城乡建设局')
  // A 报告 instructed by the 分管副市长: its 批示 row offers 转督办.
  const doc = await api.ok('incoming.receive', {
    receivedAt: '2026-12-01 09:10', sender: '市住房和城乡建设局', senderDepartmentId: dept, senderNumber: '资住建〔2026〕90号',
    title: '关于城区燃气管道老化排查情况的报告', docType: '报告', arrival: '专人送达', files: [],
  })
  docId = doc.id
  await api.ok('incoming.review', { id: docId, reviewedOn: '2026-12-01' })
  await api.ok('incoming.propose', { id: docId, proposal: '拟请陈立新副市长阅示。', proposedBy: '许文杰', proposedOn: '2026-12-01' })
  await api.ok('incoming.send', { id: docId, leaderIds: [person('陈立新')], sentOn: '2026-12-01' })
  await api.ok('incoming.instruct', { id: docId, leaderId: person('陈立新'), kind: '批示', opinion: '请住建局限期完成整改。', instructedOn: '2026-12-01' })
  // The forms default their dates to the browser's today; the office's clock follows it again.
  await api.ok('system.setClock', { at: new Date().toISOString() })
  browser = await launchBrowser()
  browser.page.on('request', record)
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('panels showing the same data', () => {
  it('opening a 收文 asks the server for the organisation and the document once each, though several panels show them', async () => {
    const { page } = browser
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await page.getByRole('navigation', { name: '主导航' }).waitFor()
    asked = []
    await page.goto(`${server.url}/#/documents/incoming/${docId}`)
    await page.getByRole('table', { name: '领导批示' }).waitFor()
    await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'))
    // The page, its 批示/承办 panels and its 定密变更 dialog all show the directory; one request serves them.
    expect(times('org.overview')).toBe(1)
    expect(times('incoming.get')).toBe(1)
  })

  it('立项督办 from a 批示 shows 已立项督办1项 on its row at once, without reloading the page', async () => {
    const { page } = browser
    await page.evaluate(() => { (window as unknown as { sameDocument: boolean }).sameDocument = true })
    const row = page.getByRole('table', { name: '领导批示' }).getByRole('row').filter({ hasText: '陈立新' })
    await row.getByRole('button', { name: '转督办' }).click()
    const modal = dialogNamed(page, '领导批示立项督办')
    await field(page, '督办事项').fill('限期完成城区燃气管道老化整改')
    asked = []
    await modal.getByRole('button', { name: '立项', exact: true }).click()
    await row.getByText('已立项督办1项').waitFor()
    // The action named the 督办 counts and the 收文 as changed: both were asked again, the page itself was not reloaded.
    expect(asked).toEqual(expect.arrayContaining(['followups.fromInstruction', 'followups.counts', 'incoming.get']))
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
    await screenshot(page, 'shared-answers-followup-from-instruction')
  })

  it('the 督办 list opened afterwards shows the new item, asked for once', async () => {
    const { page } = browser
    asked = []
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '督办', exact: true }).click()
    await listRow().waitFor()
    expect(times('followups.list')).toBe(1)
    expect(times('org.overview')).toBe(1)
    expect(await listRow().innerText()).toContain('尚未报送进展')
  })

  it('进展 entered in a 督办事项\'s drawer appears in its row of the list behind, without reloading the page', async () => {
    const { page } = browser
    await listRow().click()
    const drawer = dialogNamed(page, '督办事项')
    await drawer.getByText('尚未报送进展。').waitFor()
    await drawer.getByLabel('进展情况').fill('已完成老城区12公里管道排查')
    await drawer.getByRole('button', { name: '登记进展', exact: true }).click()
    await drawer.getByText('已登记进展。').waitFor()
    // The drawer (followups.get) and the list (followups.list) are two answers; the action named both.
    expect(await drawer.getByText('进展情况（1次）').isVisible()).toBe(true)
    expect(await listRow().innerText()).toContain('已完成老城区12公里管道排查')
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true)
    await screenshot(page, 'shared-answers-followup-progress')
  })
})
