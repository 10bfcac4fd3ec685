import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { rpcClient, type TestServer } from '../helpers/server'
import { loadDemoOffice } from '../helpers/demo-office'
import { dialogNamed, openAppSession, screenshot, setServerClock, type AppSession, signInAs as signInOnce } from '../helpers/browser'

// Needs the built renderer: run `npx electron-vite build` first.
// Issue 16 作废 in the browser: a 收文 registered twice. 查阅 and the undesignated 文秘 see no 作废 button; the 科长 opens
// 作废, reads what it will stop and that it cannot be undone, is refused without a reason, voids with one; the page
// shows 已作废 with the reason, the register lists it under 状态 已作废, and a draft 发文 is voided from its page.

let app: AppSession
let server: TestServer
let page: Page
let docId: number
let draftId: number
let handedId: number
let replyId: number
const TITLE = '关于城东片区雨污分流改造的请示'

const signInAs = (username: string) => signInOnce(page, server.url, username)
const open = async (route: string, ready: () => Promise<unknown>) => {
  await page.goto(`${server.url}/#/${route}`)
  await page.reload()
  await ready()
}
const openDocument = () => open(`documents/incoming/${docId}`, () => page.getByRole('status', { name: '现在' }).waitFor())
const voidButton = () => page.getByRole('button', { name: '作废', exact: true })

beforeAll(async () => {
  app = await openAppSession('2026-12-08T10:00:00+08:00')
  ;({ server, page } = app)
  await setServerClock(server.url, '2026-12-08T10:00:00+08:00')
  const api = rpcClient(server.url)
  await api.login('kezhang')
  const demo = await loadDemoOffice(api)
  const paper = {
    receivedAt: '2026-12-07 09:10', sender: '市住房和城乡建设局', senderDepartmentId: demo.deptId('市住房和城乡建设局'), senderNumber: '资住建〔2026〕91号',
    title: TITLE, docType: '请示' as const, arrival: '机要交通' as const, files: [],
  }
  await api.ok('incoming.receive', paper)
  docId = (await api.ok('incoming.receive', paper)).id
  const handed = await api.ok('incoming.receive', { ...paper, title: '关于加快城东保障性住房建设的请示', receivedAt: '2026-12-01 09:00' })
  handedId = handed.id
  await api.ok('incoming.review', { id: handedId, reviewedOn: '2026-12-01' })
  await api.ok('incoming.propose', { id: handedId, proposal: '拟请陈立新副市长阅示。', proposedBy: '许文杰', proposedOn: '2026-12-01' })
  await api.ok('incoming.send', { id: handedId, leaderIds: [demo.personId('陈立新')], sentOn: '2026-12-01' })
  await api.ok('incoming.instruct', { id: handedId, leaderId: demo.personId('陈立新'), kind: '批示', opinion: '请住建局抓紧办理。', instructedOn: '2026-12-01' })
  await api.ok('incoming.assign', { id: handedId, hostDepartmentId: demo.deptId('市住房和城乡建设局'), assistingDepartmentIds: [], workingDays: 3, assignedOn: '2026-12-01' })
  const reply = (await api.ok('outgoing.templates')).find((x) => x.docType === '批复')!
  replyId = (await api.ok('outgoing.draft', {
    docType: reply.docType, signKind: reply.signKind, series: reply.series, title: '资阳市人民政府关于加快城东保障性住房建设的批复', addressee: '市住房和城乡建设局',
    body: reply.body, attachmentNames: [], urgency: '无', draftingDepartmentId: demo.deptId('市住房和城乡建设局'), drafter: '罗佳怡', publicity: reply.publicity, upward: reply.upward,
  })).id
  const t = (await api.ok('outgoing.templates')).find((x) => x.docType === '通知')!
  draftId = (await api.ok('outgoing.draft', {
    docType: t.docType, signKind: t.signKind, series: t.series, title: '资阳市人民政府关于开展城镇燃气安全排查的通知', addressee: t.addressee,
    body: t.body, attachmentNames: [], urgency: '无', draftingDepartmentId: demo.deptId('市住房和城乡建设局'), drafter: '罗佳怡', publicity: t.publicity, upward: t.upward,
  })).id
})
afterAll(async () => { await app?.close() })

describe('作废 in the browser (issue 16)', () => {
  it('查阅 and the 文秘 (not designated in 设置) see no 作废 button', async () => {
    for (const who of ['chayue', 'wenmi']) {
      await signInAs(who)
      await openDocument()
      await page.getByRole('button', { name: '收文处理笺(Word)' }).waitFor()
      expect(await voidButton().count(), who).toBe(0)
    }
  })

  it('the 科长 reads what voiding stops, must give a reason, voids it; the page and the register show 已作废', async () => {
    await signInAs('kezhang')
    await openDocument()
    await voidButton().click()
    const dialog = dialogNamed(page, '作废：收〔2026〕2号')
    await dialog.getByText('作废后：').waitFor()
    const warnings = await dialog.innerText()
    expect(warnings).toContain('收文号收〔2026〕2号保留不再使用')
    expect(warnings).toContain('作废后不可恢复')
    await dialog.getByRole('button', { name: '确认作废' }).click()
    await expect.poll(() => dialog.innerText()).toContain('不能为空')
    await dialog.getByRole('textbox', { name: /^作废理由/ }).fill('与收〔2026〕1号重复登记')
    await screenshot(page, 'void-incoming-dialog')
    await dialog.getByRole('button', { name: '确认作废' }).click()
    await dialog.waitFor({ state: 'detached' })

    const alert = page.getByLabel('作废情况')
    await expect.poll(() => alert.innerText()).toContain('与收〔2026〕1号重复登记')
    expect(await page.getByLabel('状态', { exact: true }).innerText()).toBe('已作废')
    expect(await page.getByRole('status', { name: '现在' }).innerText()).toBe('现在：已作废（与收〔2026〕1号重复登记）')
    expect(await voidButton().count()).toBe(0)
    expect(await page.getByLabel('办理过程', { exact: true }).innerText()).toContain('作废：与收〔2026〕1号重复登记')
    await screenshot(page, 'void-incoming-page')

    await open('documents', () => page.getByRole('tab', { name: '收文' }).waitFor())
    await page.getByRole('tab', { name: '收文' }).click()
    await page.getByRole('combobox', { name: '状态' }).click()
    await page.getByRole('option', { name: '已作废', exact: true }).click()
    await expect.poll(() => page.getByLabel('收文件数').innerText()).toBe('共1件')
    const register = page.getByLabel('收文登记簿')
    await expect.poll(() => register.innerText()).toContain('收〔2026〕2号')
    expect(await register.innerText()).not.toContain('收〔2026〕1号')
    await screenshot(page, 'void-incoming-register')
  })

  it('a draft 发文 is voided from its page: no number used, no more editing', async () => {
    await open(`documents/outgoing/${draftId}`, () => page.getByRole('status', { name: '下一步' }).waitFor())
    await voidButton().click()
    const dialog = dialogNamed(page, '作废：「资阳市人民政府关于开展城镇燃气安全排查的通知」')
    await dialog.getByText('本稿尚未编号，不占用发文字号').waitFor()
    await dialog.getByRole('textbox', { name: /^作废理由/ }).fill('市住建局撤回，改由部门发文')
    await dialog.getByRole('button', { name: '确认作废' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByLabel('作废情况').innerText()).toContain('市住建局撤回，改由部门发文')
    expect(await page.getByLabel('状态', { exact: true }).innerText()).toBe('已作废')
    expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0)
    expect(await page.getByText('已办结：').count()).toBe(0)
    // 核稿 and 签发 say why they cannot go on, and their buttons are off.
    expect(await page.getByText('本件已作废，不再办理。').count()).toBeGreaterThan(0)
    expect(await page.getByRole('button', { name: '签发', exact: true }).isDisabled()).toBe(true)
    await screenshot(page, 'void-outgoing-page')
  })

  it('催办 records how, whom, the answer and the promised date, warns of a rest day, and offers the 催办通知单', async () => {
    await open(`documents/incoming/${handedId}`, () => page.getByRole('status', { name: '现在' }).waitFor())
    const host = page.getByRole('row', { name: '市住房和城乡建设局（主办）' })
    await host.getByRole('button', { name: '催办', exact: true }).click()
    const dialog = dialogNamed(page, '催办：市住房和城乡建设局')
    await dialog.getByText('当面').click()
    await dialog.getByRole('textbox', { name: '对方接洽人' }).fill('住建局办公室王科长')
    await dialog.getByRole('textbox', { name: '对方答复' }).fill('正在征求财政局意见，本周内报送')
    await dialog.getByRole('button', { name: '承诺办结日期' }).click()
    await page.getByRole('button', { name: '2026年12月12日', exact: true }).click()
    await screenshot(page, 'chase-dialog')
    await dialog.getByRole('button', { name: '记录催办' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByText('请与承办单位核实').count()).toBeGreaterThan(0)
    const records = page.getByLabel('催办记录')
    await expect.poll(() => records.innerText()).toContain('住建局办公室王科长：正在征求财政局意见，本周内报送')
    expect(await records.innerText()).toContain('当面')
    expect(await host.getByRole('button', { name: '催办通知单' }).count()).toBe(1)
    await screenshot(page, 'chase-recorded')
  })

  it('a 批复 names the 请示 it answers, found by its 收文号; the 收文 page lists the 批复', async () => {
    await open(`documents/outgoing/${replyId}`, () => page.getByRole('status', { name: '下一步' }).waitFor())
    const panel = page.getByLabel('所答复的请示')
    await panel.getByRole('textbox', { name: '查找请示' }).fill('收〔2026〕3号')
    await panel.getByRole('button', { name: '查找' }).click()
    const found = panel.getByLabel('可答复的收文')
    await expect.poll(() => found.innerText()).toContain('关于加快城东保障性住房建设的请示')
    await found.getByRole('button', { name: '指定' }).click()
    await panel.getByRole('link', { name: '收〔2026〕3号 关于加快城东保障性住房建设的请示' }).waitFor()
    await screenshot(page, 'reply-linked')
    await panel.getByRole('link', { name: '收〔2026〕3号 关于加快城东保障性住房建设的请示' }).click()
    const replies = page.getByLabel('批复', { exact: true })
    await expect.poll(() => replies.innerText()).toContain('资阳市人民政府关于加快城东保障性住房建设的批复')
    expect(await replies.innerText()).toContain('拟稿')
  })
})
