import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, rpcClient, type TestServer } from '../helpers/server'
import { meetingType } from '../helpers/demo-office'
import { downloadFrom, openAppSession, setServerClock, signIn, type AppSession } from '../helpers/browser'

// Needs the built renderer: run `npx electron-vite build` first.
// On a classified network the application may talk to nothing but its own server: no CDN font, no
// update check, no analytics. Every request Chromium makes for the pages (documents, scripts, fetches,
// WebSockets, service workers, failed attempts included) is recorded while 科长 and each of the three
// administrators visit every page of their navigation, open a 发文 and a meeting and save a Word file.

let app: AppSession
let server: TestServer
let page: Page
let origin: string
let outgoingId: number
let meetingId: number
const seen: { kind: string; url: string }[] = []

const TODAY = '2026-12-01'

/** Only the test server itself, or data the page built in memory. */
const isOwn = (url: string) => url.startsWith('data:') || url.startsWith('blob:') || new URL(url).origin === origin

function record(p: Page): void {
  p.on('websocket', (ws) => seen.push({ kind: 'websocket', url: ws.url() }))
  p.on('requestfailed', (r) => seen.push({ kind: 'failed', url: r.url() }))
  p.on('popup', (popup) => { seen.push({ kind: 'popup', url: popup.url() }); record(popup) })
}

/** Waits until the page has drawn its content: the title is set and no spinner is left. */
async function settled(label: string): Promise<void> {
  await page.waitForFunction((title) => document.title === title, `${label} - 三办`)
  await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'))
}

const nav = () => page.getByRole('navigation', { name: '主导航' })

async function visitEveryPage(username: string): Promise<string[]> {
  // Signed out, and a fresh document: a hash change alone would keep the previous user's page state.
  await page.context().clearCookies()
  await page.goto('about:blank')
  await signIn(page, server.url, username, ADMIN_PASSWORD)
  await nav().waitFor()
  const labels = await nav().getByRole('link').allInnerTexts()
  for (const label of labels) {
    await nav().getByRole('link', { name: label, exact: true }).click()
    await settled(label)
  }
  return labels
}

beforeAll(async () => {
  app = await openAppSession(`${TODAY}T10:00:00+08:00`)
  ;({ server, page } = app)
  origin = new URL(server.url).origin
  app.browser.context.on('request', (r) => seen.push({ kind: 'request', url: r.url() }))
  app.browser.context.on('requestfailed', (r) => seen.push({ kind: 'failed', url: r.url() }))
  app.browser.context.on('serviceworker', (w) => seen.push({ kind: 'serviceworker', url: w.url() }))
  app.browser.context.on('page', (p) => { seen.push({ kind: 'page', url: p.url() }); record(p) })
  record(page)

  const api = rpcClient(server.url)
  await api.login()
  await setServerClock(server.url, '2026-11-20T09:00:00+08:00')
  const type = await meetingType(api, '常务会议')
  meetingId = (await api.ok('meetings.schedule', { typeId: type.id, date: '2026-12-08', halfDay: '上午', startTime: '09:00', place: '市政府第一会议室' })).meeting.id
  await setServerClock(server.url, `${TODAY}T10:00:00+08:00`)
  outgoingId = (await api.ok('outgoing.draft', {
    docType: '通知', signKind: '一般', series: '资府发', title: '资阳市人民政府关于做好冬季防火工作的通知', addressee: '各县（区）人民政府',
    body: '现就有关事项通知如下。\n特此通知。', drafter: '罗佳怡',
  })).id
})
afterAll(async () => { await app?.close() })

describe('the application talks only to its own server', () => {
  it('lets 科长 visit every page, open a 发文 and a meeting and save the 发文 as Word', async () => {
    expect(await visitEveryPage(BUSINESS_USER)).toContain('公文')
    await page.goto(`${server.url}/#/documents/outgoing/${outgoingId}`)
    await page.getByRole('heading', { name: '资阳市人民政府关于做好冬季防火工作的通知' }).waitFor()
    const word = await downloadFrom(page, '导出公文草稿Word')
    expect(word.filename).toMatch(/\.docx$/)
    await page.goto(`${server.url}/#/meetings/${meetingId}`)
    for (const tab of ['出席', '纪要']) {
      await page.getByRole('tab', { name: tab }).click()
      await page.waitForFunction(() => !document.querySelector('.mantine-Loader-root'))
    }
  })

  it.each([['admin', '设置'], ['secadmin', '安全保密'], ['auditor', '审计日志']])(
    'lets the administrator %s visit every page of their navigation, %s among them (X-5)', async (username, own) => {
      expect(await visitEveryPage(username)).toContain(own)
    })

  it('recorded only requests to the test server’s origin (or data:/blob:)', () => {
    const requests = seen.filter((s) => s.kind === 'request')
    console.log(`[no-network] 共检查请求 ${requests.length} 个（另有失败 ${seen.filter((s) => s.kind === 'failed').length} 个、WebSocket ${seen.filter((s) => s.kind === 'websocket').length} 个、Service Worker ${seen.filter((s) => s.kind === 'serviceworker').length} 个），来源 ${origin}`)
    // Four sign-ins, the app's files and a call per page cannot take fewer: a recorder that saw nothing proves nothing.
    expect(requests.length).toBeGreaterThan(40)
    expect(seen.filter((s) => s.kind !== 'page' && !isOwn(s.url))).toEqual([])
    expect(seen.filter((s) => s.kind === 'websocket' || s.kind === 'serviceworker' || s.kind === 'popup')).toEqual([])
  })
})
