import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, rpcClient, type TestServer } from '../helpers/server'
import { demoOffice } from '../helpers/demo-office'
import { downloadFrom, openAppSession, screenshot, setServerClock, signIn, type AppSession } from '../helpers/browser'
import { docxText } from '../helpers/zip'
import { renderDocx } from '../helpers/render'
import { OUTLINE_BODY, wordBody } from '../helpers/word-body'

// Needs the built renderer: run `npx electron-vite build` first.
// 套红 (issue 16) on 18 December 2026: the 文秘 opens a 通知 drafted by the 市交通运输局, uploads the department's Word
// body and two 附件 (a Word 办法 and a PDF table), sees the text and the 附件说明 on the page, is told why an old .doc
// body is refused, and exports the 公文 with the body laid into the red header and the 办法 printed after it.

let app: AppSession
let server: TestServer
let page: Page
let api: ReturnType<typeof rpcClient>
const demo = demoOffice()
const { deptId } = demo
let docId: number
const TITLE = '资阳市人民政府关于做好2027年度全市农村公路养护工作的通知'
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

beforeAll(async () => {
  app = await openAppSession('2026-12-18T10:00:00+08:00')
  ;({ server, page } = app)
  api = rpcClient(server.url)
  await api.login()
  await demo.load(api)
  await setServerClock(server.url, '2026-12-18T10:00:00+08:00')
  docId = (await api.ok('outgoing.draft', {
    docType: '通知', signKind: '一般', series: '资府发', title: TITLE, addressee: '各县（区）人民政府，市政府有关部门', cc: '市委办公室。',
    body: '', draftingDepartmentId: deptId('市交通运输局'), drafter: '罗佳怡',
  })).id
})
afterAll(async () => { await app?.close() })

type Chosen = { name: string; mimeType: string; buffer: Buffer }
/** Chooses files in a file field as a user does: clicking it opens the file chooser. */
const choose = async (label: string, files: Chosen | Chosen[]) => {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel(label, { exact: true }).click()])
  await chooser.setFiles(files)
}

describe('套红 in the browser', () => {
  it('uploads the Word body and the 附件; the page shows the text and the 附件说明', async () => {
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await page.goto(`${server.url}/#/documents/outgoing/${docId}`)
    await page.getByRole('heading', { name: TITLE }).waitFor()
    await choose('上传正文（Word .docx）', { name: '养护通知正文.docx', mimeType: DOCX, buffer: await wordBody([...OUTLINE_BODY], TITLE) })
    await choose('上传附件', [
      { name: '农村公路养护考核办法.docx', mimeType: DOCX, buffer: await wordBody(['第一条 为规范农村公路养护考核，制定本办法。', '第二条 考核每年进行一次。']) },
      { name: '养护资金分配表.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 养护资金分配表') },
    ])
    await page.getByRole('button', { name: '上传', exact: true }).click()
    await page.getByText('文件已上传。').waitFor()
    await expect.poll(() => page.getByLabel('附件说明').innerText()).toBe('附件说明：1.农村公路养护考核办法　2.养护资金分配表')
    expect(await page.getByLabel('正文文件').innerText()).toContain('养护通知正文.docx')
    const attachments = await page.getByLabel('附件文件').innerText()
    expect(attachments).toMatch(/随文印制\s*农村公路养护考核办法\.docx/)
    expect(attachments).toMatch(/仅列入附件说明\s*养护资金分配表\.pdf/)
    const body = page.getByLabel('正文', { exact: true })
    expect(await body.inputValue()).toContain('一、总体要求')
    expect(await body.getAttribute('readonly')).not.toBeNull()
    await screenshot(page, 'taohong-uploaded')
  })

  it('refuses an old Word file sent as the body, saying to save it as .docx', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])
    await choose('上传正文（Word .docx）', { name: '旧正文.docx', mimeType: DOCX, buffer: ole })
    await page.getByRole('button', { name: '上传', exact: true }).click()
    await page.getByText('正文文件「旧正文.docx」是旧版 Word（.doc）格式，系统只能读取 .docx。请在 Word 或 WPS 中打开该文件，“另存为”Word 文档（*.docx）后重新上传').waitFor()
    expect(await page.getByLabel('正文文件').innerText()).toContain('养护通知正文.docx')
    await screenshot(page, 'taohong-refused-doc')
  })

  it('exports the 公文: the Word body in the red header, the 办法 after it under 附件1', async () => {
    const f = await downloadFrom(page, '导出公文草稿Word')
    expect(f.filename).toBe(`${TITLE}（草稿）.docx`)
    const text = docxText(f.buf)
    for (const t of ['资阳市人民政府文件', '一、总体要求', '养护任务分解表', '附件：1.农村公路养护考核办法', '2.养护资金分配表', '附件1', '第一条 为规范']) expect(text, t).toContain(t)
    expect(text.indexOf('附件1')).toBeGreaterThan(text.indexOf('资阳市人民政府2026年12月18日'))
    const r = renderDocx(f.buf, 'test-results/print', 'taohong-e2e')
    expect(r.pageCount).toBe(4)
  })
})

describe('a 收文 gets its forgotten scan on its page', () => {
  it('补充文件 with a reason: the scan is listed among the 收文’s files', async () => {
    const doc = await api.ok('incoming.receive', {
      receivedAt: '2026-12-18 09:10', sender: '市水利局', senderDepartmentId: deptId('市水利局'), senderNumber: '资水〔2026〕51号',
      title: '关于申请山洪灾害防治项目资金的请示', docType: '请示', urgency: '无', copies: 1, arrival: '专人送达', files: [],
    })
    await page.goto(`${server.url}/#/documents/incoming/${doc.id}`)
    await page.getByRole('heading', { name: '关于申请山洪灾害防治项目资金的请示' }).waitFor()
    await page.getByText('未附文件').waitFor()
    await page.getByRole('button', { name: '补充文件' }).click()
    const dialog = page.getByRole('dialog', { name: '补充文件：关于申请山洪灾害防治项目资金的请示' })
    await dialog.waitFor()
    await choose('文件', { name: '请示扫描件.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 扫描件') })
    await dialog.getByLabel('补充理由').fill('登记时漏扫，补扫描件')
    await dialog.getByRole('button', { name: '补充', exact: true }).click()
    await dialog.waitFor({ state: 'hidden' })
    await page.getByRole('button', { name: '请示扫描件.pdf' }).waitFor()
    expect(await page.getByText('未附文件').count()).toBe(0)
    await screenshot(page, 'taohong-incoming-added-scan')
  })
})
