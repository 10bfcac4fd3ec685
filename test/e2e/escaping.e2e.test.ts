import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, rpcClient, type TestServer } from '../helpers/server'
import { loadDemoOffice, meetingType } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { openAppSession, setServerClock, signIn, type AppSession } from '../helpers/browser'
import { hasLibreOffice, renderDocx } from '../helpers/render'
import { docxText, unzipPart } from '../helpers/zip'

// Needs the built renderer: run `npx electron-vite build` first.
// Hostile text typed into ordinary fields (a 来文机关 that is really markup, a title carrying a script) is
// entered through the API as 科长, then every page that shows it is opened in Chromium: the text must be
// shown as typed, no element may be made from it, and the script must not have run. The CSP would stop
// the script anyway (script-src 'self' forbids inline handlers); the element check is what proves the
// renderer escapes.

const IMG = '<img src=x onerror=window.__pwned=1>'
const SCRIPT = '<script>window.__pwned=1</script>'
/** Breaks out of an attribute if the text were pasted into HTML; short enough for a person's name (20). */
const QUOTE = '"><b>粗</b>'

let app: AppSession
let server: TestServer
let page: Page
let api: ReturnType<typeof rpcClient>
const ids: Record<string, number> = {}

const TODAY = '2026-12-01'

/** The markup the payloads would create if any of them were rendered as HTML. */
async function injected(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const found: string[] = []
    if (document.querySelector('img[src="x"]')) found.push('img[src=x]')
    for (const s of Array.from(document.scripts)) if (s.textContent?.includes('__pwned')) found.push('inline <script>')
    for (const b of Array.from(document.querySelectorAll('b'))) if (b.textContent === '粗') found.push('<b>粗</b>')
    for (const el of Array.from(document.querySelectorAll('*'))) {
      if (el.getAttributeNames().some((n) => n.startsWith('on') && el.getAttribute(n)?.includes('__pwned'))) found.push(`${el.tagName} with an on… handler`)
    }
    return found
  })
}

const pwned = () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)

/** Opens a page afresh (the records were made behind its back) and checks each text shows literally. */
async function expectShownAsText(route: string, texts: string[], then?: () => Promise<void>): Promise<void> {
  await page.goto(`${server.url}/#/${route}`)
  await page.reload()
  await then?.()
  for (const t of texts) await page.getByText(t, { exact: false }).first().waitFor()
  expect(await injected(page)).toEqual([])
  expect(await pwned()).toBeUndefined()
}

beforeAll(async () => {
  app = await openAppSession(`${TODAY}T10:00:00+08:00`)
  ;({ server, page } = app)
  api = rpcClient(server.url)
  await api.login()
  const { deptId: dept, personId: person } = await loadDemoOffice(api)

  // The meeting and its topic are entered well before the 10-working-day deadline (R-M3).
  await setServerClock(server.url, '2026-11-20T09:00:00+08:00')
  const type = await meetingType(api, '常务会议')
  ids.meeting = (await api.ok('meetings.schedule', { typeId: type.id, date: '2026-12-08', halfDay: '上午', startTime: '09:00', place: '市政府第一会议室' })).meeting.id
  const upload = (name: string, mime: string) => uploadAs(server.url, api, name, name, mime)
  await api.ok('topics.submit', {
    meetingId: ids.meeting, title: `关于${IMG}的议题`, departmentId: dept('市财政局'), deliveredOn: '2026-11-20',
    files: [
      { kind: '议题材料', file: await upload('材料.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') },
      { kind: '议题审批表', file: await upload('审批表.pdf', 'application/pdf') },
    ],
  })
  await setServerClock(server.url, `${TODAY}T10:00:00+08:00`)

  ids.incoming = (await api.ok('incoming.receive', {
    receivedAt: `${TODAY} 09:10`, sender: `${QUOTE}市水利局`, senderNumber: '资水〔2026〕1号', title: `关于${SCRIPT}防汛${IMG}的请示`,
    docType: '请示', copies: 1, pages: 2, arrival: '专人送达', files: [],
  })).id
  ids.outgoing = (await api.ok('outgoing.draft', {
    docType: '通知', signKind: '一般', series: '资府发', title: `资阳市人民政府关于${SCRIPT}的通知`, addressee: '各县（区）人民政府',
    body: `${IMG}\n特此通知。`, draftingDepartmentId: dept('市水利局'), drafter: QUOTE,
  })).id
  ids.person = (await api.ok('org.savePerson', { name: QUOTE })).id
  await api.ok('absences.save', {
    personId: person('张明远'), kind: '出差', startDate: TODAY, endDate: '2026-12-03', destination: IMG, reason: SCRIPT, reportedTo: [],
  })
  await api.ok('duty.addLog', { at: `${TODAY} 08:30`, callerName: '王强', content: `${SCRIPT}${IMG}`, handling: QUOTE })
  await api.ok('followups.create', { sourceTitle: `${QUOTE}市长批示`, task: IMG, departmentId: dept('市水利局'), deadline: '2026-12-31' })

  await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
  await page.getByRole('navigation', { name: '主导航' }).waitFor()
})
afterAll(async () => { await app?.close() })

describe('hostile text is shown as text, never as markup', () => {
  it('shows a 收文 title and 来文机关 holding markup literally in the 收文登记簿', async () => {
    await expectShownAsText('documents/incoming', [`关于${SCRIPT}防汛${IMG}的请示`, `${QUOTE}市水利局`])
  })

  it('shows them literally on the 收文 page', async () => {
    await expectShownAsText(`documents/incoming/${ids.incoming}`, [`关于${SCRIPT}防汛${IMG}的请示`, `${QUOTE}市水利局`])
  })

  it('shows a 发文 title holding a script literally in the 发文登记簿 and on its page', async () => {
    await expectShownAsText('documents/outgoing', [`资阳市人民政府关于${SCRIPT}的通知`])
    await expectShownAsText(`documents/outgoing/${ids.outgoing}`, [`资阳市人民政府关于${SCRIPT}的通知`])
  })

  it('shows a meeting topic title holding an <img onerror> literally', async () => {
    await expectShownAsText(`meetings/${ids.meeting}`, [`关于${IMG}的议题`], () => page.getByRole('tab', { name: /^议题/ }).click())
  })

  it('shows a person named with an attribute break-out literally in 组织机构', async () => {
    await expectShownAsText('org', [QUOTE], () => page.getByRole('tab', { name: '人员', exact: true }).click())
  })

  it('shows an absence’s 外出地点 and 事由 literally in 领导外出', async () => {
    await expectShownAsText('absences', [IMG, SCRIPT])
  })

  it('shows a 值班记录 entry literally', async () => {
    await expectShownAsText('duty', [`${SCRIPT}${IMG}`, QUOTE], () => page.getByRole('tab', { name: '值班记录' }).click())
  })

  it('shows a 督办 item and its source literally', async () => {
    await expectShownAsText('followups', [IMG, `${QUOTE}市长批示`])
  })

  it('never ran the injected script on any of these pages', async () => {
    expect(await pwned()).toBeUndefined()
  })

  it('would notice markup made from the text: the check finds elements planted the way innerHTML would make them', async () => {
    await page.evaluate((html) => { const div = document.createElement('div'); div.innerHTML = html; document.body.append(div) }, `${IMG}${QUOTE}`)
    expect(await injected(page)).toEqual(['img[src=x]', '<b>粗</b>', 'IMG with an on… handler'])
    await page.reload()
  })
})

describe('hostile text in Word exports', () => {
  it('escapes a 发文 title holding a script in document.xml, and the file opens with the title as text', async () => {
    const file = await api.ok('outgoing.exportDocumentDocx', { id: ids.outgoing })
    const buf = Buffer.from(file.base64, 'base64')
    const xml = unzipPart(buf, 'word/document.xml')
    // The title is set over two lines (two paragraphs), so the escaped tags are looked for one by one.
    expect(xml).toContain('&lt;script&gt;')
    expect(xml).toContain('window.__pwned=1&lt;/script&gt;')
    expect(xml).not.toMatch(/<\/?script/)
    expect(docxText(buf).replace(/\s+/g, '')).toContain('关于&lt;script&gt;window.__pwned=1&lt;/script&gt;的通知')
    // An unescaped "<" would make the part malformed; LibreOffice must open it and show the title.
    expect(hasLibreOffice()).toBe(true)
    const out = resolve(__dirname, '../../test-results/print')
    mkdirSync(out, { recursive: true })
    const rendered = renderDocx(buf, out, 'escaping-outgoing')
    expect(rendered.text.replace(/\s+/g, '')).toContain(`关于${SCRIPT}的通知`.replace(/\s+/g, ''))
  })
})
