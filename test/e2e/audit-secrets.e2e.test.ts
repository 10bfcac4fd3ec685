import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, rpcClient } from '../helpers/server'
import { loadDemoOffice } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { unzipPart } from '../helpers/zip'
import { downloadFrom, openAppSession, screenshot, setServerClock, signIn, type AppSession } from '../helpers/browser'

/*
 * Issue 14 §3–4 in Chromium against server mode: the 安全审计员 signs in, is told when and from where the account
 * last signed in and failed to, and reads a 机密 收文's day as events — opened, downloaded — without its title,
 * 批示 or file name, on the page and in the Excel file the page exports.
 */
const SECRET_TITLE = '关于边境口岸联合管控部署的请示'
const SECRET_OPINION = '同意在三号口岸增设联合检查组'
const SECRET_FILE = '口岸管控部署方案.pdf'

let app: AppSession

beforeAll(async () => {
  app = await openAppSession('2026-12-01T10:00:00+08:00')
  const url = app.server.url
  await setServerClock(url, '2026-12-01T08:30:00+08:00')
  await rpcClient(url).login('auditor', ADMIN_PASSWORD)
  await setServerClock(url, '2026-12-01T09:00:00+08:00')
  const clerk = rpcClient(url)
  await clerk.login()
  const office = await loadDemoOffice(clerk)
  const dept = office.deptId('市住房和城乡建设局')
  const leader = office.personId('陈立新')
  const doc = await clerk.ok('incoming.receive', {
    receivedAt: '2026-12-01 08:50', sender: '市住房和城乡建设局', senderDepartmentId: dept, senderNumber: '资住建〔2026〕90号',
    title: SECRET_TITLE, docType: '请示', urgency: '无', copies: 1, pages: 4, arrival: '机要交通', classification: '机密', secrecyPeriod: '1年',
    files: [{ kind: '正文', file: await uploadAs(url, clerk, SECRET_FILE, '部署方案……') }],
  })
  await clerk.ok('incoming.review', { id: doc.id, reviewedOn: '2026-12-01' })
  await clerk.ok('incoming.propose', { id: doc.id, proposal: '拟请陈立新副市长阅示。', proposedBy: '许文杰', proposedOn: '2026-12-01' })
  await clerk.ok('incoming.send', { id: doc.id, leaderIds: [leader], sentOn: '2026-12-01' })
  await clerk.ok('incoming.instruct', { id: doc.id, leaderId: leader, kind: '批示', opinion: SECRET_OPINION, instructedOn: '2026-12-01' })
  const opened = await clerk.ok('incoming.get', { id: doc.id })
  await clerk.ok('incoming.downloadFile', { fileId: opened.files[0].fileId })
  await setServerClock(url, '2026-12-01T09:40:00+08:00')
  expect((await rpcClient(url).call('auth.login', { username: 'auditor', password: 'wrong-password1' })).status).toBe(401)
  await setServerClock(url, '2026-12-01T10:00:00+08:00')
})
afterAll(async () => { await app?.close() })

describe('the 安全审计员 in the browser (issue 14 §3–4)', () => {
  it('is told on the first page when and from where the account last signed in and failed to', async () => {
    const { page } = app
    await signIn(page, app.server.url, 'auditor', ADMIN_PASSWORD)
    const notice = page.getByRole('status').filter({ hasText: '登录提示' })
    await notice.waitFor()
    const text = await notice.innerText()
    expect(text).toContain('上次成功登录：2026年12月1日 08:30，来自 127.0.0.1')
    expect(text).toContain('最近一次登录失败：2026年12月1日 09:40，来自 127.0.0.1（密码错误）')
    expect(text).toContain('自上次成功登录以来，登录失败 1 次')
    await page.getByRole('table', { name: '审计日志' }).getByRole('row').nth(1).waitFor()
    await screenshot(page, 'last-sign-in-notice')
  })

  it('sees the 机密 收文 opened and downloaded as events, with none of its title, 批示 or file name, and exports the same to Excel', async () => {
    const { page } = app
    await page.getByRole('combobox', { name: '密级' }).click()
    await page.getByRole('option', { name: '机密', exact: true }).click()
    const opened = page.getByRole('row').filter({ hasText: '查阅收文' })
    await opened.waitFor()
    expect(await opened.innerText()).toMatch(/李科长[\s\S]*查阅收文[\s\S]*收文 收〔2026〕1号[\s\S]*机密[\s\S]*来源地址：127\.0\.0\.1/)
    const registered = page.getByRole('row').filter({ hasText: '签收登记收文' }).filter({ hasText: '收文 收〔2026〕1号' })
    expect(await registered.innerText()).toContain('（机密记录：内容不向安全审计员显示）')
    await page.getByRole('row').filter({ hasText: '下载收文正文、附件或反馈材料' }).waitFor()
    const body = await page.locator('body').innerText()
    for (const secret of [SECRET_TITLE, SECRET_OPINION, SECRET_FILE]) expect(body).not.toContain(secret)
    await screenshot(page, 'audit-secret-event')

    const file = await downloadFrom(page, '导出Excel')
    expect(file.filename).toMatch(/^审计日志（.*）\.xlsx$/)
    const strings = unzipPart(file.buf, 'xl/sharedStrings.xml')
    expect(strings).toContain('查阅收文')
    for (const secret of [SECRET_TITLE, SECRET_OPINION, SECRET_FILE]) expect(strings).not.toContain(secret)
  })
})
