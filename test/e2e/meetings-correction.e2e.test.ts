import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, rpcClient, type TestServer } from '../helpers/server'
import { demoOffice, meetingType } from '../helpers/demo-office'
import { dialogNamed, openAppSession, screenshot, setServerClock, signIn, type AppSession } from '../helpers/browser'

// Needs the built renderer: run `npx electron-vite build` first.
// The held-meeting correction (issue 15) in the browser, as the 科长: a 专题会议 on 土地 (R-M5) chaired by 陈立新 on
// 8 December 2026, with 杨帆 notified to attend. Marking it held first shows what will block its minutes; once held,
// the 科长 corrects 杨帆's attendance and the prior agreement, each with a reason; the minutes are then signed and the
// meeting can no longer be corrected. Then a 常务会议 moved earlier shows its new 议题报送截止 without a reload (R-M3).

let app: AppSession
let server: TestServer
let page: Page
let api: ReturnType<typeof rpcClient>
const demo = demoOffice()
const { personId, postId } = demo
let meetingId: number
let standingId: number
const DAY = '2026-12-08'

const open = async (id: number, tab: '议题' | '出席' | '纪要') => {
  await page.goto(`${server.url}/#/meetings/${id}`)
  await page.reload()
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click()
}

beforeAll(async () => {
  app = await openAppSession(`${DAY}T15:00:00+08:00`)
  ;({ server, page } = app)
  api = rpcClient(server.url)
  await api.login()
  await demo.load(api)
  await setServerClock(server.url, `${DAY}T08:00:00+08:00`)
  const type = await meetingType(api, '专题会议')
  const r = await api.ok('meetings.schedule', {
    typeId: type.id, date: DAY, halfDay: '上午', place: '市政府第三会议室', subject: '研究城东片区土地收储', chairPostId: postId('副市长', '陈立新'),
    reservedMatters: ['土地'], participants: [{ personId: personId('杨帆'), role: '组成人员' }], contactName: '王芳', contactPhone: '028-26612345',
  })
  meetingId = r.meeting.id
  await api.ok('attendance.markRestPresent', { meetingId })
  const standing = await meetingType(api, '常务会议')
  standingId = (await api.ok('meetings.schedule', { typeId: standing.id, session: 40, date: '2026-12-30', halfDay: '上午' })).meeting.id
  await setServerClock(server.url, `${DAY}T15:00:00+08:00`)
})
afterAll(async () => { await app?.close() })

describe('a held meeting corrected in the browser (issue 15)', () => {
  it('signs in as the 科长', async () => {
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await page.getByRole('navigation', { name: '主导航' }).waitFor()
  })

  it('R-M5 marking the 土地 专题会议 held first shows that the missing prior agreement will block its minutes', async () => {
    await open(meetingId, '出席')
    await page.getByRole('button', { name: '标记会议已召开' }).click()
    const dialog = dialogNamed(page, '标记会议已召开')
    await dialog.getByText('本会议涉及土地，尚未登记会前与相关领导协商一致（第四十二条）：纪要将不能签发。').waitFor()
    await screenshot(page, 'meeting-correction-1-held-warning')
    await dialog.getByRole('button', { name: '仍标记为已召开' }).click()
    await page.locator('.mantine-Badge-root', { hasText: /^已召开$/ }).first().waitFor()
  })

  it('the 科长 corrects 杨帆 from 出席 to 缺席 with a reason; the correction is listed on the meeting', async () => {
    await page.getByRole('button', { name: '更正出席情况' }).click()
    await page.getByLabel('更正理由').fill('经核实杨帆副市长未到会')
    await page.getByRole('radiogroup', { name: '杨帆的出席情况' }).getByText('缺席', { exact: true }).click()
    const list = page.locator('[aria-label="更正记录"]')
    await list.getByText(/更正出席情况：杨帆：出席 → 缺席（理由：经核实杨帆副市长未到会/).waitFor()
    await screenshot(page, 'meeting-correction-2-attendance')
  })

  it('R-M5 the 科长 enters the prior agreement with a reason, records the 市长\'s consent, and the minutes are signed', async () => {
    const m = await api.ok('minutes.get', { meetingId })
    await api.ok('minutes.save', { meetingId, opening: m.opening, attendance: m.proposedAttendance, decisions: [{ heading: '关于城东片区土地收储', text: '会议同意收储方案。' }] })
    await open(meetingId, '纪要')
    await page.getByRole('button', { name: '更正会前协商' }).click()
    const dialog = dialogNamed(page, '更正会前协商一致')
    await dialog.getByLabel('会前协商一致日期').click()
    await page.getByRole('button', { name: '2026年12月7日', exact: true }).click()
    await dialog.getByLabel('协商情况').fill('与陈立新副市长、市自然资源和规划局协商一致')
    await dialog.getByLabel('更正理由').fill('会前已协商，安排会议时漏填')
    await screenshot(page, 'meeting-correction-3-agreement')
    await dialog.getByRole('button', { name: '保存更正' }).click()
    await page.getByText('会前协商：2026年12月7日，与陈立新副市长、市自然资源和规划局协商一致').waitFor()
    await page.getByRole('button', { name: '记录市长同意' }).click()
    await page.getByText(/张明远已于2026年12月8日同意签发本纪要/).waitFor()
    await api.ok('minutes.sign', { meetingId, signerPersonId: personId('陈立新'), opinion: '同意印发。', date: DAY })
    await open(meetingId, '纪要')
    await page.locator('[aria-label="更正记录"]').getByText(/更正会前协商：会前协商一致：未登记 → 2026年12月7日/).waitFor()
    expect(await page.getByRole('button', { name: '重新打开会议' }).count()).toBe(0)
    await screenshot(page, 'meeting-correction-4-signed')
  })

  it('R-M3 a 常务会议 moved earlier shows the new 议题报送截止 at once', async () => {
    await open(standingId, '议题')
    await page.getByText('议题报送截止：2026年12月16日').waitFor()
    await page.getByRole('button', { name: '修改/改期' }).click()
    const dialog = page.getByRole('dialog', { name: /^修改会议/ })
    await dialog.getByLabel('会议日期').click()
    await page.getByRole('button', { name: '2026年12月22日', exact: true }).click()
    await dialog.getByRole('button', { name: '保存' }).click()
    await page.getByText('议题报送截止：2026年12月8日').waitFor()
    await screenshot(page, 'meeting-correction-5-moved')
  })
})
