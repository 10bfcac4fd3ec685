import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { connect, createServer, type AddressInfo, type Socket } from 'node:net'
import { join } from 'node:path'
import { count } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { rpcClient, type TestServer } from '../helpers/server'
import { loadDemoOffice } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { dialogNamed, openAppSession, screenshot, setServerClock, type AppSession, signInAs as signInOnce } from '../helpers/browser'
import { incomingDocuments } from '../../src-main/documents/schema'
import { storedFiles } from '../../src-main/files/schema'
import { MAX_FILE_BYTES } from '../../src-main/common/files'

// Needs the built renderer: run `npx electron-vite build` first.
// Issue 14 §1 and §6 in the browser: a 秘密★1年 收文 with its scan. The 文秘 edits its registration: 密级 is shown,
// not offered, and there is no 定密变更 for her. The 科长 opens 定密变更, is warned that 内部 users will read it,
// lowers it with a reason and 副市长杨帆 as approver: the history shows it and a 内部 reader then opens it.
// An oversized scan in the 登记收文 form is refused in the page with the limit, and nothing is stored.

let app: AppSession
let server: TestServer
let page: Page
let kezhang: ReturnType<typeof rpcClient>
let chayue: ReturnType<typeof rpcClient>
let docId: number
const TITLE = '关于防汛救灾资金安排的请示'
const LIMIT_MB = MAX_FILE_BYTES / 1024 / 1024

const openDocument = async () => {
  await page.goto(`${server.url}/#/documents/incoming/${docId}`)
  await page.reload()
  await page.getByRole('status', { name: '现在' }).waitFor()
}
const signInAs = (username: string) => signInOnce(page, server.url, username)
/**
 * A slow office line between the browser and the server: a TCP relay that passes what the browser sends at
 * `bytesPerSecond` and the answers `latencyMs` later, as a LAN does to a large file. A connection the server cuts
 * (reset) is cut at once on the browser's side too, as a reset discards what the browser has not yet read.
 */
async function slowLine(port: string, bytesPerSecond: number, latencyMs = 700): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>()
  const relay = createServer((client) => {
    const upstream = connect(Number(port), '127.0.0.1')
    const cut = () => { client.destroy(); upstream.destroy() }
    for (const s of [client, upstream]) { sockets.add(s); s.on('error', cut) }
    client.on('close', cut)
    client.on('data', (chunk: Buffer) => {
      client.pause()
      upstream.write(chunk)
      setTimeout(() => client.resume(), (chunk.length / bytesPerSecond) * 1000)
    })
    client.on('end', () => upstream.end())
    upstream.on('data', (chunk: Buffer) => setTimeout(() => client.write(chunk), latencyMs))
    upstream.on('end', () => setTimeout(() => client.end(), latencyMs))
  })
  await new Promise<void>((done) => relay.listen(0, '127.0.0.1', done))
  const { port: relayPort } = relay.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${relayPort}`,
    close: () => new Promise<void>((done) => { sockets.forEach((s) => s.destroy()); relay.close(() => done()) }),
  }
}

const registration = () => page.getByLabel('登记信息', { exact: true })
const dbCount = (table: typeof incomingDocuments | typeof storedFiles) => server.core.conn.db.select({ n: count() }).from(table).get()!.n

beforeAll(async () => {
  app = await openAppSession('2026-12-01T09:30:00+08:00')
  ;({ server, page } = app)
  await setServerClock(server.url, '2026-12-01T09:30:00+08:00')
  kezhang = rpcClient(server.url)
  chayue = rpcClient(server.url)
  await kezhang.login('kezhang')
  await chayue.login('chayue')
  const finance = (await loadDemoOffice(kezhang)).deptId('市财政局')
  const doc = await kezhang.ok('incoming.receive', {
    receivedAt: '2026-12-01 09:10', sender: '市财政局', senderDepartmentId: finance, title: TITLE, docType: '请示', classification: '秘密', secrecyPeriod: '1年',
    arrival: '机要交通', files: [{ kind: '扫描件', file: await uploadAs(server.url, kezhang, '资金安排扫描件.pdf', '%PDF-1.4 防汛资金安排（秘密）') }],
  })
  docId = doc.id
})
afterAll(async () => { await app?.close() })

describe('定密变更 in the browser (issue 14 §1)', () => {
  it('the 文秘\'s 修改登记信息 shows 密级 read-only, and she has no 定密变更', async () => {
    await signInAs('wenmi')
    await openDocument()
    expect(await registration().innerText()).toContain('秘密★1年')
    await expect.poll(() => page.getByRole('button', { name: '定密变更' }).count()).toBe(0)
    await page.getByRole('button', { name: '修改登记信息' }).click()
    const form = page.getByRole('dialog', { name: /^修改登记信息/ })
    await form.getByText('只能经定密变更改变').waitFor()
    expect(await form.getByLabel('密级', { exact: true }).innerText()).toBe('秘密★1年')
    expect(await form.getByRole('combobox', { name: /^密级/ }).count()).toBe(0)
    expect(await form.getByRole('textbox', { name: /^保密期限/ }).count()).toBe(0)
    expect(await form.getByRole('button', { name: '定密变更' }).count()).toBe(0)
    await form.getByRole('button', { name: '取消' }).click()
  })

  it('the 科长 lowers it to 非涉密 with reason and approver, warned that 内部 users will read it; the history shows it; only then 查阅 (内部) opens it', async () => {
    expect((await chayue.call('incoming.get', { id: docId })).status).toBe(404)
    await signInAs('kezhang')
    await openDocument()
    await registration().getByRole('button', { name: '定密变更' }).click()
    const dialog = dialogNamed(page, `定密变更：收〔2026〕1号「${TITLE}」`)
    await dialog.getByText('现密级：').waitFor()
    await dialog.getByRole('combobox', { name: /^变更后密级/ }).click()
    await page.getByRole('option', { name: '非涉密', exact: true }).click()
    const warning = dialog.getByRole('alert')
    expect(await warning.innerText()).toContain('涉密等级为“内部”的人员也能查看本收文及其全部附件')
    await dialog.getByRole('textbox', { name: /^变更理由/ }).fill('资金安排已由市财政局公开发布')
    const approver = dialog.getByRole('textbox', { name: /^批准人/ }).or(dialog.getByRole('combobox', { name: /^批准人/ })).first()
    await approver.click()
    await approver.fill('杨帆')
    await page.getByRole('option', { name: /^杨帆（副市长）/ }).click()
    await screenshot(page, 'reclassify-dialog')
    await dialog.getByRole('button', { name: '确认变更' }).click()
    await dialog.waitFor({ state: 'detached' })

    await expect.poll(() => registration().innerText()).toContain('非涉密')
    const history = await page.getByLabel('办理过程', { exact: true }).innerText()
    expect(history).toContain('定密变更：秘密★1年 → 非涉密（理由：资金安排已由市财政局公开发布；批准人：副市长杨帆）')
    await screenshot(page, 'reclassify-history')
    expect(await chayue.ok('incoming.get', { id: docId })).toMatchObject({ title: TITLE, secrecyMark: null })
  })
})

describe('an oversized upload (issue 14 §6)', () => {
  it(`a scan over ${LIMIT_MB}MB in 登记收文 is refused in the form with the limit, and nothing is stored`, async () => {
    const documents = dbCount(incomingDocuments)
    const files = dbCount(storedFiles)
    await signInAs('kezhang')
    await page.goto(`${server.url}/#/documents`)
    await page.getByRole('tab', { name: '收文' }).click()
    await page.getByRole('button', { name: '登记收文' }).click()
    const form = dialogNamed(page, '登记收文')
    await form.getByRole('textbox', { name: /^来文机关/ }).fill('四川省水利厅')
    await form.getByRole('combobox', { name: /^文种/ }).click()
    await page.getByRole('option', { name: '通知', exact: true }).click()
    await form.getByRole('textbox', { name: /^标题/ }).fill('关于做好汛后水毁工程修复的通知')
    await form.locator('input[type=file]').nth(2).setInputFiles({ name: '水毁工程照片.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(MAX_FILE_BYTES + 1024, 1) })
    // Said at once, under the field that holds the file; 登记 then sends nothing.
    const refusal = form.getByText(`文件「水毁工程照片.pdf」超过${LIMIT_MB}MB，不能上传；请压缩或拆分后再上传`)
    await refusal.waitFor()
    expect(await form.getByRole('button', { name: /^扫描件/ }).getAttribute('aria-invalid')).toBe('true')
    await form.getByRole('button', { name: '登记', exact: true }).click()
    await refusal.waitFor()
    await screenshot(page, 'upload-too-large')
    expect(await form.isVisible()).toBe(true)
    expect(dbCount(incomingDocuments)).toBe(documents)
    expect(dbCount(storedFiles)).toBe(files)
  })

  it('a page that sends one anyway over a slow line gets the server\'s Chinese refusal naming the limit, not a reset connection, and nothing is stored', async () => {
    await signInAs('kezhang')
    // 25 MB at 8 MB/s: the browser is still sending seconds after the server has refused the file.
    const line = await slowLine(new URL(server.url).port, 8 * 1024 * 1024)
    try {
      await page.goto(`${line.url}/#/home`)
      await page.getByRole('navigation', { name: '主导航' }).waitFor()
      const reply = await page.evaluate(async (size) => {
        try {
          const res = await fetch('/upload', { method: 'POST', headers: { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('扫描件.pdf') }, body: new Blob([new Uint8Array(size)]) })
          return { status: res.status, body: await res.text() }
        } catch (e) {
          return { status: 0, body: String(e) }
        }
      }, MAX_FILE_BYTES + 5 * 1024 * 1024)
      expect(reply.body).toContain('超过')
      expect(reply.status).toBe(413)
      expect(JSON.parse(reply.body).error.message).toBe(`文件「扫描件.pdf」超过${LIMIT_MB}MB，不能上传；请压缩或拆分后再上传`)
    } finally {
      await line.close()
    }
    const pending = join(server.dataDir, 'files', 'uploads')
    expect(existsSync(pending) ? readdirSync(pending) : []).toEqual([])
  })
})
