import { mkdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, rpcClient, type TestServer } from '../helpers/server'
import { demoOffice } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { dialogNamed, openAppSession, openNav, screenshot, setServerClock as setServerClockOf, signIn, type AppSession } from '../helpers/browser'

// Needs the built renderer: run `npx electron-vite build` first.
// One ordered story with shared state (later steps, e.g. the minutes, are appended to this describe):
// a 常务会议 on 2026年12月10日（星期四）. Its topics are due 10 working days before, on
// 2026年11月26日 (12月9, 8, 7, 4, 3, 2, 1日, 11月30, 27, 26日). The office works on 11月27日, one day
// late; attendance is taken on the meeting day. Both the server's and the browser's clocks are moved.

let app: AppSession
let server: TestServer
let page: Page
let api: ReturnType<typeof rpcClient>
const demo = demoOffice()
const { department, person } = demo
/** Shared by the steps (and by steps appended later). */
const state: { meetingId: number; topicTitle: string } = { meetingId: 0, topicTitle: '关于中心城区停车收费标准调整的议题' }

const DOWNLOADS = resolve(__dirname, '../../test-results/downloads')
const dialog = (title: string) => dialogNamed(page, title)

/** The office's day on both clocks: the server's (rules) and the browser's (form defaults). */
async function officeDay(at: string) {
  await setServerClockOf(server.url, at)
  await page.clock.setFixedTime(new Date(at))
}

/** A field by its label (a required field's label ends in " *"). */
const labelled = (scope: Locator, label: string) => scope.getByLabel(new RegExp(`^${label.replace(/[()（）.*+?[\]]/g, '\\$&')}( \\*)?$`))

async function pick(scope: Locator, label: string, search: string, option: string) {
  await labelled(scope, label).click()
  await labelled(scope, label).fill(search)
  await page.getByRole('option', { name: option, exact: true }).click()
}

/** Chooses a file in a Mantine FileInput through the browser's file chooser, as a person would. */
async function chooseFile(scope: Locator, label: string, name: string, mimeType: string, text: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), labelled(scope, label).click()])
  await chooser.setFiles({ name, mimeType, buffer: Buffer.from(text, 'utf8') })
}

const memberRow = (name: string) => page.getByRole('table', { name: '组成人员' }).locator(`tr[data-person="${name}"]`)
/** Clicks a status chip of a person's row. */
const chip = (row: Locator, status: string) => row.locator('label').filter({ hasText: new RegExp(`^${status}$`) }).click()
const quorum = () => page.getByLabel('到会人数')

beforeAll(async () => {
  app = await openAppSession('2026-11-27T09:00:00+08:00')
  ;({ server, page } = app)
  await setServerClockOf(server.url, '2026-11-27T09:00:00+08:00')
  api = rpcClient(server.url)
  await api.login()
  await demo.load(api)
})
afterAll(async () => { await app?.close() })

describe('办会 in the browser: a 常务会议 from topics to attendance', () => {
  it('signs in', async () => {
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await page.getByRole('navigation', { name: '主导航' }).waitFor()
  })

  it('R-M2 schedules a 常务会议 on 2026年12月10日 from the meeting calendar and opens its page', async () => {
    await openNav(page, '会议')
    await page.getByRole('button', { name: '安排会议' }).click()
    const form = dialog('安排会议')
    await form.waitFor()
    await labelled(form, '会议类别').first().click()
    await page.getByRole('option', { name: '常务会议', exact: true }).click()
    await labelled(form, '会议日期').first().click()
    const picker = page.getByRole('dialog', { name: /^会议日期/ })
    const day = picker.getByRole('button', { name: '2026年12月10日', exact: true })
    if (!(await day.isVisible())) await picker.locator('[data-direction="next"]').last().click()
    await day.click()
    await labelled(form, '会议地点').fill('市政府第一会议室')
    await form.getByRole('button', { name: '安排', exact: true }).click()
    // Nothing to warn about: the form closes and the meeting is on the calendar, in December.
    await page.getByText(/^已安排会议：2026年12月10日 星期四上午/).waitFor()
    await page.locator('.fc-next-button').click()
    await page.locator('.fc-event').filter({ hasText: '常务会议' }).first().click()
    await page.waitForURL(/#\/meetings\/\d+$/)
    state.meetingId = Number(page.url().split('/').pop())
    await page.getByRole('heading', { name: /^市政府第\d+次常务会议$/ }).waitFor()
    expect(await page.getByLabel('会议信息').innerText()).toContain('2026年12月10日 星期四')
  })

  it('R-M3 shows the topic deadline, 2026年11月26日, 10 working days before the meeting', async () => {
    await page.getByRole('tab', { name: /^议题/ }).click()
    await page.getByText('议题报送截止：2026年11月26日（会前10个工作日，第三十八条）').waitFor()
    await page.getByText('尚无议题。', { exact: false }).waitFor()
  })

  it('R-M3 refuses a topic delivered on 11月27日 (after the deadline) and asks for the 市长\'s consent', async () => {
    await page.getByRole('button', { name: '报送议题' }).click()
    const form = dialog('报送议题')
    await labelled(form, '议题名称').fill(state.topicTitle)
    // The 科长 (cleared for 机密) may mark the topic's material 秘密; the agenda then shows its 密级.
    await labelled(form, '密级').click()
    await page.getByRole('option', { name: '秘密', exact: true }).click()
    await pick(form, '报送单位', '交通', '市交通运输局')
    // The 分管副市长 follows the department (R-M3: topics go through the 分管副市长).
    await expect.poll(() => labelled(form, '分管副市长').inputValue()).toBe('副市长 陈立新')
    await form.getByLabel('汇报人').fill('市交通运输局局长 何平')
    expect(await labelled(form, '送达日期').textContent()).toContain('2026年11月27日')
    await pick(form, '涉及的部门和县（区）', '公安', '市公安局')
    await labelled(form, '汇报人').click() // closes the list of units
    await chooseFile(form, '议题材料', '停车收费标准调整方案.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', '停车收费标准调整方案（送审稿）')
    await chooseFile(form, '议题审批表', '议题审批表.pdf', 'application/pdf', '议题审批表：陈立新同意提交常务会议')
    await form.getByRole('button', { name: '报送', exact: true }).click()

    const refusal = form.getByRole('alert', { name: '议题报送被拒绝' })
    await refusal.waitFor()
    const text = await refusal.innerText()
    expect(text).toContain('第三十八条')
    expect(text).toContain('议题应于会前10个工作日（2026年11月26日前）报送，本议题2026年11月27日报送，已逾期')
    const consent = form.getByLabel('市长同意')
    await consent.waitFor()
    expect(await labelled(consent, '同意的领导').inputValue()).toBe('张明远（市长）')
    await screenshot(page, 'meetings-topic-refused')
  })

  it('R-M3 accepts the topic once the 市长\'s consent is recorded, and shows it late, by consent, with its 密级', async () => {
    const form = dialog('报送议题')
    await form.getByRole('button', { name: '记录同意并报送' }).click()
    await form.waitFor({ state: 'detached' })
    await page.getByText(`已报送“${state.topicTitle}”（逾期或临时增加，已记录市长同意）。`).waitFor()
    const topic = page.getByRole('article', { name: `议题：${state.topicTitle}` })
    const text = await topic.innerText()
    expect(text).toMatch(/^一、/)
    expect(text).toContain('逾期')
    expect(text).toContain('经市长同意：市长张明远，2026年11月27日')
    expect(text).toContain('副市长 陈立新')
    expect(text).toContain('市公安局')
    expect(text).toContain('停车收费标准调整方案.docx')
    expect(await topic.getByLabel('密级').innerText()).toBe('秘密')
  })

  it('downloads the topic file back exactly as it was delivered', async () => {
    const topic = page.getByRole('article', { name: `议题：${state.topicTitle}` })
    const [file] = await Promise.all([page.waitForEvent('download'), topic.getByRole('button', { name: '停车收费标准调整方案.docx' }).click()])
    mkdirSync(DOWNLOADS, { recursive: true })
    const path = join(DOWNLOADS, file.suggestedFilename())
    rmSync(path, { force: true })
    await file.saveAs(path)
    expect(file.suggestedFilename()).toBe('停车收费标准调整方案.docx')
    expect(readFileSync(path, 'utf8')).toBe('停车收费标准调整方案（送审稿）')
  })

  it('orders the agenda: a second topic (on time) moved up becomes 一', async () => {
    await api.ok('topics.submit', {
      meetingId: state.meetingId, title: '关于2027年市级财政预算草案的议题', departmentId: department('市财政局').id, deliveredOn: '2026-11-20',
      files: [
        { kind: '议题材料', file: await uploadAs(server.url, api, '预算草案.docx', '预算草案', 'application/octet-stream') },
        { kind: '议题审批表', file: await uploadAs(server.url, api, '预算审批表.pdf', '预算审批表') },
      ],
    })
    await page.reload()
    await page.getByRole('tab', { name: /^议题/ }).click()
    const second = page.getByRole('article', { name: '议题：关于2027年市级财政预算草案的议题' })
    await second.waitFor()
    expect(await second.innerText()).toMatch(/^二、/)
    await second.getByRole('button', { name: '上移' }).click()
    await expect.poll(() => second.innerText()).toMatch(/^一、/)
    expect(await page.getByRole('article', { name: `议题：${state.topicTitle}` }).innerText()).toMatch(/^二、/)
    await screenshot(page, 'meetings-topics')
  })

  it('R-M3 fixes the agenda (from then on a new topic needs the 市长\'s consent) and reopens it', async () => {
    await page.getByRole('button', { name: '确定议程' }).click()
    await page.getByText('议程已确定。此后报送的议题须经市长同意（第三十八条）。').waitFor()
    // The notice shows as soon as the action returns; the status line follows when the meeting reloads.
    await expect.poll(() => page.getByLabel('议程状态').innerText()).toContain('2026年11月27日确定')
    await page.getByRole('button', { name: '重新打开' }).click()
    await page.getByText('议程已重新打开。').waitFor()
    await expect.poll(() => page.getByLabel('议程状态').innerText()).toContain('议程未确定')
  })

  it('R-M2 on the meeting day, below quorum (4 of 8 present), the meeting cannot be marked held and the page says why', async () => {
    // 王志强's trip is recorded in 领导外出: his leave comes pre-filled, to be confirmed.
    await api.ok('absences.save', { personId: person('王志强').id, kind: '出差', startDate: '2026-12-09', endDate: '2026-12-11', destination: '北京', reportedTo: [person('张明远').id] })
    await officeDay('2026-12-10T08:30:00+08:00')
    await page.reload()
    await page.getByRole('tab', { name: '出席' }).click()
    expect(await quorum().innerText()).toContain('组成人员8人，到会0人，须至少5人（过半数，第三十八条）')

    const wang = memberRow('王志强')
    expect(await wang.innerText()).toContain('出差（领导外出已登记，待确认）')
    await screenshot(page, 'meetings-attendance-proposed')
    await wang.getByRole('button', { name: '确认' }).click()
    await expect.poll(() => wang.innerText()).not.toContain('待确认')
    expect(await wang.innerText()).toContain('向张明远请假')

    for (const name of ['刘芳', '陈立新', '杨帆']) {
      const row = memberRow(name)
      await chip(row, '请假')
      const form = page.getByRole('form', { name: `${name}请假` })
      await labelled(form, '请假事由').fill('参加省政府专题会议')
      // R-M4: from a 常务会议, leave is asked of the chair, the 市长.
      expect(await labelled(form, '向谁请假').inputValue()).toBe('张明远（市长）')
      await form.getByText('同意', { exact: true }).click()
      if (name === '刘芳') await screenshot(page, 'meetings-attendance-leave-form')
      await form.getByRole('button', { name: '保存' }).click()
      await form.waitFor({ state: 'detached' })
      await expect.poll(() => row.innerText()).toContain('参加省政府专题会议')
    }
    for (const name of ['张明远', '李建国', '赵德胜', '周文斌']) {
      await chip(memberRow(name), '出席')
      await expect.poll(() => quorum().innerText()).not.toContain('到会0人')
    }
    await expect.poll(() => quorum().innerText()).toContain('组成人员8人，到会4人，须至少5人（过半数，第三十八条）')

    await page.getByRole('button', { name: '标记会议已召开' }).click()
    const refusal = page.getByRole('alert').filter({ hasText: '会议不能标记为已召开' })
    await refusal.waitFor()
    expect(await refusal.innerText()).toContain('按第三十八条，常务会议须半数以上组成人员到会方可召开。组成人员8人，现到会4人，至少需5人到会。')
    await screenshot(page, 'meetings-attendance-below-quorum')
  })

  it('R-M2 with 杨帆 present after all (5 of 8) and everyone else present, the meeting is marked held', async () => {
    await chip(memberRow('杨帆'), '出席')
    await expect.poll(() => quorum().innerText()).toContain('到会5人')
    expect(await quorum().innerText()).toContain('已过半数')
    await page.getByRole('button', { name: '其余人员均出席' }).click()
    await page.getByText(/已将其余\d+人登记为出席。/).waitFor()
    await page.getByRole('button', { name: '标记会议已召开' }).click()
    await page.getByText('会议已标记为已召开。').waitFor()
    expect((await api.ok('meetings.get', { id: state.meetingId })).status).toBe('已召开')
    await screenshot(page, 'meetings-attendance-held')
  })
})
