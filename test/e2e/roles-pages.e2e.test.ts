import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { rpcClient, type TestServer } from '../helpers/server'
import { loadDemoOffice, meetingType } from '../helpers/demo-office'
import { openAppSession, setServerClock, type AppSession, signInAs as signInOnce } from '../helpers/browser'

// Needs the built renderer: run `npx electron-vite build` first.
// The office's read-only 查阅 account walks every business page: none of the buttons the 科长 uses there (安排会议,
// 登记收文, 生成排班, 任职变更 …) is shown to it, only paging, views and exports; the server still refuses the calls
// (test/api/access-matrix.test.ts). A page is read once it has drawn its heading and settled.

let app: AppSession
let server: TestServer
let page: Page
let meetingId: number

const signInAs = (username: string) => signInOnce(page, server.url, username)
const buttonsOn = async (route: string) => {
  await page.goto(`${server.url}/#/${route}`)
  await page.reload()
  await page.getByRole('main').getByRole('heading').first().waitFor()
  await page.waitForLoadState('networkidle')
  return (await page.getByRole('main').getByRole('button').allInnerTexts()).map((t) => t.trim()).filter(Boolean)
}

beforeAll(async () => {
  app = await openAppSession('2026-12-01T09:30:00+08:00')
  ;({ server, page } = app)
  await setServerClock(server.url, '2026-12-01T09:30:00+08:00')
  const api = rpcClient(server.url)
  await api.login()
  await loadDemoOffice(api)
  const type = await meetingType(api, '常务会议')
  meetingId = (await api.ok('meetings.schedule', { typeId: type.id, date: '2026-12-23', halfDay: '上午', startTime: '09:00', place: '市政府第一会议室' })).meeting.id
})
afterAll(async () => { await app?.close() })

/** Each business page, the actions the 科长 finds there, and what a reader may still press (paging, views, exports). */
const PAGES: { route: () => string; name: string; actions: string[] }[] = [
  { route: () => 'home', name: '首页', actions: ['粘贴通知录入'] },
  { route: () => 'meetings', name: '会议日历', actions: ['安排会议', '按周期安排'] },
  { route: () => `meetings/${meetingId}`, name: '一次会议', actions: ['修改/改期', '取消会议', '报送议题', '确定议程'] },
  { route: () => 'documents/incoming', name: '收文登记簿', actions: ['登记收文'] },
  { route: () => 'documents/outgoing', name: '发文登记簿', actions: ['拟稿'] },
  { route: () => 'documents/proposals', name: '建议提案', actions: ['登记建议提案'] },
  { route: () => 'followups', name: '督办', actions: ['领导批示立项'] },
  { route: () => 'duty', name: '值班', actions: ['生成排班'] },
  { route: () => 'absences', name: '领导外出', actions: ['登记外出'] },
  { route: () => 'org', name: '组织机构', actions: ['新增领导岗位', '设置AB角', '任职变更', '编辑', '删除'] },
]
/** What a reader may press: moving through months and years, switching views, going back, exporting. */
const READING = /^(‹ 上月|下月 ›|本月|月|周|列表|上个月|下个月|上一年|下一年|返回日历|导出Excel|.*\(Word\))$/

describe('each role sees only what it can do (issue 15): the 查阅 account on every business page', () => {
  it('the 科长 finds each page\'s actions', { timeout: 90_000 }, async () => {
    await signInAs('kezhang')
    for (const p of PAGES) {
      const buttons = await buttonsOn(p.route())
      for (const action of p.actions) expect(buttons, `${p.name}：${action}`).toContain(action)
    }
  })

  it('the 查阅 reader sees none of them, only paging, views and exports', { timeout: 90_000 }, async () => {
    await signInAs('chayue')
    for (const p of PAGES) {
      const buttons = await buttonsOn(p.route())
      expect(buttons.filter((b) => p.actions.includes(b)), p.name).toEqual([])
      expect(buttons.filter((b) => !READING.test(b)), p.name).toEqual([])
    }
  })
})
