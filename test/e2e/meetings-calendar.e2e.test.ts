import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, rpcClient, type TestServer } from '../helpers/server'
import { loadDemoOffice } from '../helpers/demo-office'
import { dialogNamed, openAppSession, openNav, screenshot, setServerClock, signIn, type AppSession } from '../helpers/browser'

// Needs the built renderer: run `npx electron-vite build` first.
// Today is 25 September 2026 (中秋 holiday) for the browser and the server: the calendar opens on 2026年9月,
// 国庆节 is 10月1日—7日 with 9月20日 and 10月10日 as 调休 working days (the packaged 2026 arrangement).

let app: AppSession
let server: TestServer
let page: Page
let meetingId = 0

const TODAY = '2026-09-25T09:00:00+08:00'

beforeAll(async () => {
  app = await openAppSession(TODAY)
  ;({ server, page } = app)
  await setServerClock(server.url, TODAY)
})
afterAll(async () => { await app?.close() })

const dialog = (title: string) => dialogNamed(page, title)
const title = () => page.locator('.fc-toolbar-title').innerText()
const dayCell = (date: string) => page.locator(`.fc-daygrid-day[data-date="${date}"]`)
const meetingEvent = (id: number) => page.locator(`.fc-event[data-meeting-id="${id}"]`)
const viewButton = (label: string) => page.locator('.fc-header-toolbar').getByRole('button', { name: label, exact: true })

describe('会议日历 in the browser', () => {
  it('signs in and opens 会议 on this month, Monday first, in Chinese', async () => {
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await openNav(page, '会议')
    await page.locator('.fc-daygrid-day').first().waitFor()
    expect(await title()).toBe('2026年9月')
    const heads = await page.locator('.fc-col-header-cell').allInnerTexts()
    expect(heads.map((h) => h.trim())).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日'])
    expect(await viewButton('月').count()).toBe(1)
    expect(await viewButton('周').count()).toBe(1)
    expect(await viewButton('列表').count()).toBe(1)
    // 中秋 today, and 9月20日 (Sunday) worked for 国庆节.
    expect(await dayCell('2026-09-25').innerText()).toContain('休')
    expect(await dayCell('2026-09-25').innerText()).toContain('中秋')
    expect(await dayCell('2026-09-20').innerText()).toContain('班')
  })

  it('R-W2 shows 国庆节 holidays and the 调休 working Saturday in 2026年10月', async () => {
    await page.locator('.fc-next-button').click()
    await expect.poll(title).toBe('2026年10月')
    for (const d of ['01', '02', '03', '04', '05', '06', '07']) {
      const text = await dayCell(`2026-10-${d}`).innerText()
      expect(text).toContain('休')
      expect(text).toContain('国庆节')
    }
    expect(await dayCell('2026-10-10').innerText()).toMatch(/班\s*国庆节调休/)
    expect(await dayCell('2026-10-08').innerText()).not.toMatch(/[休班]/)
    expect(await page.locator('.fc-bg-event.sb-fc-holiday').count()).toBeGreaterThan(0)
    await screenshot(page, 'meetings-month')
  })

  it('R-W2 schedules a 常务会议 on a holiday from the day clicked, and shows the 非工作日 warning before closing', async () => {
    await dayCell('2026-10-05').click({ position: { x: 60, y: 70 } })
    const form = dialog('安排会议')
    await form.waitFor()
    expect(await form.getByLabel(/^会议日期/).first().innerText()).toContain('2026年10月5日')
    await form.getByText('该日为国庆节放假，不是工作日').waitFor()
    await screenshot(page, 'meetings-schedule-form')
    await form.getByLabel(/^会议类别( \*)?$/).first().click()
    await page.getByRole('option', { name: '常务会议', exact: true }).click()
    await expect.poll(() => form.getByLabel('第N次', { exact: true }).inputValue()).toBe('第1次')
    expect(await form.getByLabel(/^主持人$/).first().inputValue()).toBe('市长 张明远')
    await form.getByLabel('会议地点', { exact: true }).fill('市政府常务会议室')
    await form.getByRole('button', { name: '安排', exact: true }).click()

    const done = dialog('已安排会议')
    await done.waitFor()
    const text = await done.innerText()
    expect(text).toContain('非工作日')
    expect(text).toContain('2026年10月5日是法定节假日（国庆节），不是工作日')
    expect(text).toContain('第七十三条')
    await screenshot(page, 'meetings-schedule-warnings')
    await done.getByRole('button', { name: '查看会议' }).click()
    await page.waitForURL(/#\/meetings\/\d+$/)
    meetingId = Number(page.url().split('/').pop())
    await page.getByRole('heading', { name: '市政府第1次常务会议' }).waitFor()
    const facts = await page.getByLabel('会议信息').innerText()
    expect(facts).toContain('2026年10月5日 星期一')
    expect(facts).toContain('国庆节放假')
    expect(facts).toContain('市长 张明远')
    expect(facts).toContain('市政府常务会议室')
    for (const tab of ['议题', '出席', '纪要']) await page.getByRole('tab', { name: tab }).waitFor()
  })

  it('R-P2 warns that the chair is away when the 市长 is recorded away, with the 常务副市长 acting', async () => {
    const rpc = rpcClient(server.url)
    await rpc.login()
    const mayor = (await loadDemoOffice(rpc)).person('张明远')
    await rpc.ok('absences.save', { personId: mayor.id, kind: '出差', startDate: '2026-10-05', endDate: '2026-10-06', destination: '成都', reportedTo: [], approval: '待批' })

    // Back to the calendar and into the meeting again: the page reads the meeting afresh.
    await page.getByRole('button', { name: '返回日历' }).click()
    await expect.poll(title).toBe('2026年10月')
    await meetingEvent(meetingId).click()
    await page.getByRole('heading', { name: '市政府第1次常务会议' }).waitFor()
    const warnings = page.getByRole('alert').filter({ hasText: '主持人外出' })
    await warnings.waitFor()
    const text = await warnings.innerText()
    expect(text).toContain('非工作日')
    expect(text).toMatch(/主持人外出[\s\S]*第八条[\s\S]*张明远外出（出差）[\s\S]*李建国代行/)
    await screenshot(page, 'meetings-meeting')
  })

  it('shows the absence on the calendar with who acts, and switches to week and list views', async () => {
    await page.getByRole('button', { name: '返回日历' }).click()
    await expect.poll(title).toBe('2026年10月')
    const absence = page.locator('.sb-fc-absence').filter({ hasText: '张明远 出差' }).first()
    await absence.waitFor()
    expect(await absence.getAttribute('title')).toMatch(/市长张明远出差（10月5日至6日）.*李建国代行/)
    expect(await meetingEvent(meetingId).innerText()).toContain('第1次常务会议')

    await viewButton('周').click()
    await page.locator('.fc-timegrid').waitFor()
    await page.locator('.fc-next-button').click()
    await expect.poll(title).toMatch(/2026年10月5日.*11日/)
    const heads = (await page.locator('.fc-col-header-cell').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim())
    expect(heads[0]).toMatch(/^周一 10月5日 休 国庆节$/)
    expect(heads[5]).toMatch(/^周六 10月10日 班 国庆节调休$/)
    const ev = meetingEvent(meetingId)
    expect(await ev.innerText()).toMatch(/09:00[\s\S]*第1次常务会议/)
    await page.locator('.sb-fc-absence').filter({ hasText: '张明远 出差' }).first().waitFor()
    await screenshot(page, 'meetings-week')

    await viewButton('列表').click()
    await page.locator('.fc-list').waitFor()
    expect(await title()).toBe('2026年10月')
    const list = await page.locator('.fc-list').innerText()
    expect(list).toContain('国庆节放假')
    expect(list).toContain('调休上班（国庆节）')
    expect(list).toContain('第1次常务会议')
    expect(list).toContain('张明远 出差')
    await screenshot(page, 'meetings-list')
    await viewButton('月').click()
    await page.locator('.fc-daygrid-day').first().waitFor()
  })

  it('cancels the meeting with a reason: it stays on the calendar, struck through', async () => {
    await meetingEvent(meetingId).click()
    await page.getByRole('heading', { name: '市政府第1次常务会议' }).waitFor()
    await page.getByRole('button', { name: '取消会议' }).click()
    const confirm = dialog('取消会议')
    await confirm.getByLabel(/^取消原因( \*)?$/).fill('国庆节放假期间不安排，改在节后召开')
    await confirm.getByRole('button', { name: '取消会议' }).click()
    await confirm.waitFor({ state: 'detached' })
    await page.getByText('会议已取消。').waitFor()
    await expect.poll(() => page.getByLabel('会议信息').innerText()).toContain('国庆节放假期间不安排')
    await expect.poll(() => page.getByRole('button', { name: '修改/改期' }).count()).toBe(0)
    await page.getByRole('button', { name: '返回日历' }).click()
    await expect.poll(() => meetingEvent(meetingId).getAttribute('class')).toContain('sb-fc-cancelled')
    expect(await meetingEvent(meetingId).innerText()).toContain('已取消')
    await screenshot(page, 'meetings-month-cancelled')
  })

  it('R-M2 plans the next 常务会议 every two weeks, moving off 中秋, and schedules the ones ticked', async () => {
    await page.getByRole('button', { name: '按周期安排' }).click()
    const plan = dialog('按周期安排')
    await plan.locator('tbody tr').first().waitFor()
    expect(await plan.getByLabel(/^会议类别( \*)?$/).first().inputValue()).toBe('常务会议（每14天）')
    const rows = plan.locator('tbody tr')
    const dates = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-date')))
    // From 9月11日 (two weeks before today, nothing held since): 9月25日 is 中秋, so 9月28日; then every 14 days.
    expect(dates).toEqual(['2026-09-28', '2026-10-09', '2026-10-23', '2026-11-06'])
    expect(await rows.first().innerText()).toContain('避开9月25日（中秋放假）')
    const rpc = rpcClient(server.url)
    await rpc.login()
    const cal = await rpc.ok('meetings.calendar', { from: '2026-09-01', to: '2026-11-30' })
    const off = new Set(cal.days.filter((d: { kind: string }) => d.kind === '放假').map((d: { date: string }) => d.date))
    expect(dates.filter((d) => off.has(d!))).toEqual([])
    await screenshot(page, 'meetings-plan')

    await plan.getByRole('checkbox', { name: /^第3次 2026年10月9日/ }).check()
    expect(await plan.getByRole('checkbox', { name: /^第2次 2026年9月28日/ }).isChecked()).toBe(true)
    await plan.getByRole('button', { name: '安排所选2次会议' }).click()
    await plan.getByText('已安排2次常务会议').waitFor()
    expect(await plan.getByLabel('第2次').innerText()).toContain('2026年9月28日 星期一')
    await plan.getByRole('button', { name: '知道了' }).click()
    await plan.waitFor({ state: 'detached' })
    await page.getByText('已按周期安排2次会议。').waitFor()
    await page.locator('.fc-event').filter({ hasText: '第3次常务会议' }).waitFor()
    await page.locator('.fc-prev-button').click()
    await page.locator('.fc-event').filter({ hasText: '第2次常务会议' }).waitFor()
    await screenshot(page, 'meetings-month-planned')
  })

  it('reschedules a meeting to the 调休 Saturday with 修改/改期: no warning, the page shows the new date', async () => {
    await page.locator('.fc-next-button').click()
    await expect.poll(title).toBe('2026年10月')
    await page.locator('.fc-event').filter({ hasText: '第3次常务会议' }).click()
    await page.getByRole('heading', { name: '市政府第3次常务会议' }).waitFor()
    await page.getByRole('button', { name: '修改/改期' }).click()
    const form = dialog('修改会议：市政府第3次常务会议')
    await form.getByLabel(/^会议日期( \*)?$/).first().click()
    await page.getByRole('button', { name: '2026年10月10日', exact: true }).click()
    await form.getByText('该日为国庆节调休上班日，是工作日').waitFor()
    await form.getByText('下午', { exact: true }).click()
    await form.getByLabel('开始时间', { exact: true }).fill('15:00')
    await form.getByRole('button', { name: '保存', exact: true }).click()
    await form.waitFor({ state: 'detached' })
    await page.getByText('已保存会议安排。').waitFor()
    const facts = await page.getByLabel('会议信息').innerText()
    expect(facts).toContain('2026年10月10日 星期六')
    expect(facts).toContain('调休上班')
    expect(facts).toContain('下午 15:00')
    expect(await page.getByRole('alert').filter({ hasText: '项提醒' }).count()).toBe(0)
  })

  it('R-M8 refuses a second 全市性视频会议 of one department in a year, in the form, with the rule', async () => {
    await page.getByRole('button', { name: '返回日历' }).click()
    await expect.poll(title).toBe('2026年10月')
    const schedule = async (date: string) => {
      await dayCell(date).click({ position: { x: 60, y: 70 } })
      const form = dialog('安排会议')
      await form.getByLabel(/^会议类别( \*)?$/).first().click()
      await page.getByRole('option', { name: '全市性视频会议', exact: true }).click()
      await form.getByLabel('会议主题', { exact: true }).fill('全市安全生产工作视频会议')
      await form.getByLabel(/^主办部门( \*)?$/).first().click()
      await page.getByRole('option', { name: '市应急管理局', exact: true }).click()
      await form.getByRole('button', { name: '安排', exact: true }).click()
      return form
    }
    const first = await schedule('2026-10-13')
    await first.waitFor({ state: 'detached' })
    await page.locator('.fc-event').filter({ hasText: '全市性视频会议：全市安全生产工作视频会议' }).waitFor()

    const second = await schedule('2026-10-20')
    const refusal = second.getByRole('alert').filter({ hasText: '第四十三条' })
    await refusal.waitFor()
    expect(await refusal.innerText()).toMatch(/市应急管理局2026年已安排.*不能再安排第二次/)
    await screenshot(page, 'meetings-rule-refusal')
    await second.getByRole('button', { name: '取消', exact: true }).click()
    await second.waitFor({ state: 'detached' })
  })

  it('R-M5 R-M7 schedules a 专题会议 chaired by an entrusted 副秘书长, with reserved matters and the prior agreement', async () => {
    await page.getByRole('button', { name: '安排会议', exact: true }).click()
    const form = dialog('安排会议')
    await form.getByLabel(/^会议类别( \*)?$/).first().click()
    await page.getByRole('option', { name: '专题会议', exact: true }).click()
    expect(await form.getByLabel('第N次', { exact: true }).inputValue()).toBe('')
    await form.getByLabel('会议主题', { exact: true }).fill('研究招商引资重点项目用地保障')
    await form.getByLabel(/^会议日期( \*)?$/).first().click()
    await page.getByRole('button', { name: '2026年10月15日', exact: true }).click()
    await form.getByText('下午', { exact: true }).click()
    await form.getByLabel(/^主持人$/).first().click()
    await page.getByRole('option', { name: '副秘书长 吴海涛', exact: true }).click()
    await form.getByLabel(/^委托领导( \*)?$/).first().click()
    await page.getByRole('option', { name: /^常务副市长 李建国/ }).click()
    await form.getByRole('checkbox', { name: '资金' }).check()
    await form.getByRole('checkbox', { name: '土地' }).check()
    await form.getByLabel('会前协商一致日期', { exact: true }).click()
    await page.getByRole('button', { name: '2026年10月12日', exact: true }).click()
    await form.getByLabel('协商情况', { exact: true }).fill('已与市财政局、市自然资源和规划局协商一致')
    await screenshot(page, 'meetings-schedule-special')
    await form.getByRole('button', { name: '安排', exact: true }).click()
    await form.waitFor({ state: 'detached' })
    await page.getByText(/^已安排会议：2026年10月15日 星期四下午/).waitFor()

    await page.locator('.fc-event').filter({ hasText: '专题会议：研究招商引资重点项目用地保障' }).click()
    await page.getByRole('heading', { name: '市政府专题会议（研究招商引资重点项目用地保障）' }).waitFor()
    const facts = await page.getByLabel('会议信息').innerText()
    expect(facts).toContain('副秘书长 吴海涛')
    expect(facts).toContain('资金、土地')
    expect(facts).toContain('2026年10月12日 星期一：已与市财政局、市自然资源和规划局协商一致')
  })

  it('X-6 says so when the visible period reaches a year with no holiday arrangement', async () => {
    await page.getByRole('button', { name: '返回日历' }).click()
    await expect.poll(title).toBe('2026年10月')
    expect(await page.getByRole('alert').filter({ hasText: '节假日安排尚未录入' }).count()).toBe(0)
    for (let i = 0; i < 3; i++) await page.locator('.fc-next-button').click()
    await expect.poll(title).toBe('2027年1月')
    const alert = page.getByRole('alert').filter({ hasText: '2027年的节假日安排尚未录入' })
    await alert.waitFor()
    expect(await alert.innerText()).toContain('请文秘或科长在“节假日”中粘贴国务院办公厅通知录入')
  })
})
