import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { ADMIN_PASSWORD, BUSINESS_USER, must, rpcClient, type TestServer } from '../helpers/server'
import { demoOffice, meetingType } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { dialogNamed, downloadFrom, openAppSession, openNav, screenshot, setServerClock as setServerClockOf, signIn, type AppSession } from '../helpers/browser'
import { docxText } from '../helpers/zip'

// Needs the built renderer: run `npx electron-vite build` first.
// 纪要 of a 常务会议 held on Tuesday 8 December 2026: prepared through the API (scheduled on 20 November,
// three topics with their files, 王志强 on leave, the rest present, marked held), then written,
// saved, refused for a wrong signer (R-M5), signed by the 市长 and numbered, exported as Word and
// followed up (R-S1) in the browser. With the 市长 away from 9 December, the signer on 10 December is
// the 常务副市长 acting (R-P2).

let app: AppSession
let server: TestServer
let page: Page
let api: ReturnType<typeof rpcClient>
const demo = demoOffice()
const { deptId, personId } = demo
let meetingId: number

const MEETING_DAY = '2026-12-08'
const setServerClock = (at: string) => setServerClockOf(server.url, at)
const setClocks = async (at: string) => { await setServerClock(at); await page.clock.setFixedTime(new Date(at)) }

const TOPICS = [
  { title: '关于2027年市级财政预算编制工作的议题', department: '市财政局', file: '财政预算' },
  { title: '关于城区公交线网优化调整的议题', department: '市交通运输局', file: '公交线网' },
  { title: '关于新建城东义务教育学校的议题', department: '市教育和体育局', file: '城东学校' },
]
const DECISIONS = [
  '会议听取了市财政局关于2027年市级财政预算编制工作的汇报，原则同意所作安排。\n（一）坚持过紧日子。严控一般性支出，保障基本民生。\n（二）加强预算绩效管理。市财政局牵头，12月底前完成绩效目标审核。',
  '会议原则同意城区公交线网优化调整方案。由市交通运输局会同各县（区）做好线路调整公示和解释工作。',
  '会议同意新建城东义务教育学校，由市教育和体育局牵头推进前期工作，市财政局做好资金保障。',
]

/** A small file uploaded as the browser does (POST /upload), for the topic's input. */
const upload = (name: string, text: string, mime: string) => uploadAs(server.url, api, name, text, mime)
const topicFiles = async (title: string) => [
  { kind: '议题材料' as const, file: await upload(`${title}.docx`, `${title}：议题材料正文`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') },
  { kind: '议题审批表' as const, file: await upload(`${title}审批表.pdf`, `${title}：议题审批表`, 'application/pdf') },
]

const download = (button: string) => downloadFrom(page, button)

/** The names in one of the 出席/请假/列席 tag inputs. */
const tagList = (label: string) => page.getByRole('group', { name: `${label}名单`, exact: true })
const tags = (label: string) => tagList(label).locator('.mantine-Pill-label').allInnerTexts()
const signerField = () => page.getByLabel('签发人', { exact: true }).first()
const section = (n: string) => page.getByRole('group', { name: `第${n}部分`, exact: true })
const openMinutes = async () => {
  // A fresh load: the meeting was changed through the API behind the page's back.
  await page.goto(`${server.url}/#/meetings/${meetingId}`)
  await page.reload()
  await page.getByRole('tab', { name: '纪要' }).click()
}
/** Picks a day in an open Mantine date picker, by the day's Chinese name (DATE_PROPS.getDayAriaLabel). */
const pickDay = (day: string) => page.getByRole('button', { name: day, exact: true }).click()

beforeAll(async () => {
  app = await openAppSession(`${MEETING_DAY}T15:00:00+08:00`)
  ;({ server, page } = app)
  api = rpcClient(server.url)
  await api.login()
  await demo.load(api)
  const type = await meetingType(api, '常务会议')

  // Scheduled and its topics delivered on 20 November, well before the R-M3 deadline.
  await setServerClock('2026-11-20T09:00:00+08:00')
  const scheduled = await api.ok('meetings.schedule', { typeId: type.id, session: 25, date: MEETING_DAY, halfDay: '上午', startTime: '09:00', place: '市政府第一会议室' })
  meetingId = scheduled.meeting.id
  for (const t of TOPICS) {
    await api.ok('topics.submit', { meetingId, title: t.title, departmentId: deptId(t.department), deliveredOn: '2026-11-20', files: await topicFiles(t.file) })
  }
  // On the day: 王志强 asks for leave (R-M4), everyone else is present.
  await setServerClock(`${MEETING_DAY}T08:30:00+08:00`)
  await api.ok('attendance.record', { meetingId, personId: personId('王志强'), role: '组成人员', status: '请假', leaveReason: '出差', answer: '同意' })
  await api.ok('attendance.markRestPresent', { meetingId })
  await setServerClock(`${MEETING_DAY}T15:00:00+08:00`)
})
afterAll(async () => { await app?.close() })

describe('会议纪要 in the browser', () => {
  it('signs in', async () => {
    await signIn(page, server.url, BUSINESS_USER, ADMIN_PASSWORD)
    await page.getByRole('navigation', { name: '主导航' }).waitFor()
  })

  it('R-M5 shows no editor before the meeting is marked held', async () => {
    await openMinutes()
    await page.getByText('会议尚未标记为已召开，请先将会议标记为已召开，再起草纪要').waitFor()
    expect(await page.getByRole('button', { name: '保存草稿' }).count()).toBe(0)
    await api.ok('meetings.markHeld', { id: meetingId })
  })

  it('R-M5 proposes the draft: the opening, one section per topic and the 出席/请假/列席 lists', async () => {
    await openMinutes()
    const proposal = await api.ok('minutes.get', { meetingId })
    const opening = page.getByRole('textbox', { name: '开头段落' })
    await expect.poll(() => opening.inputValue()).toBe(proposal.opening)
    expect(proposal.opening).toBe(`2026年12月8日上午，市长张明远在市政府第一会议室主持召开市政府第25次常务会议，研究了${TOPICS.map((t) => t.title).join('、')}等事项。现纪要如下：`)
    await page.getByText('签发后编号', { exact: true }).waitFor()
    await page.getByText('资阳市人民政府常务会议纪要', { exact: true }).waitFor()

    expect(await page.getByRole('group', { name: /^第[一二三四五六七八九十]+部分$/ }).count()).toBe(3)
    for (const [i, n] of ['一', '二', '三'].entries()) {
      expect(await section(n).getByRole('textbox', { name: `第${n}部分标题` }).inputValue()).toBe(TOPICS[i].title)
      expect(await section(n).getByRole('textbox', { name: `第${n}部分议定事项` }).inputValue()).toBe('')
    }

    const present = await tags('出席')
    expect(present).toEqual(proposal.attendance.present)
    expect(present.slice(0, 2)).toEqual(['张明远', '李建国'])
    expect(present).not.toContain('王志强')
    expect(await tags('请假')).toEqual(['王志强（出差）'])
    expect(await tags('列席')).toEqual(proposal.attendance.attending)
    expect(proposal.attendance.attending.length).toBeGreaterThan(0)
  })

  it('R-M5 writes the 议定事项, reorders and refills, and saves the draft without a number (X-1)', async () => {
    // Move the third section up and back: the order is kept as shown.
    await page.getByRole('button', { name: '上移第三部分' }).click()
    expect(await section('二').getByRole('textbox', { name: '第二部分标题' }).inputValue()).toBe(TOPICS[2].title)
    await page.getByRole('button', { name: '下移第二部分' }).click()
    expect(await section('三').getByRole('textbox', { name: '第三部分标题' }).inputValue()).toBe(TOPICS[2].title)

    for (const [i, n] of ['一', '二', '三'].entries()) {
      await section(n).getByRole('textbox', { name: `第${n}部分议定事项` }).fill(DECISIONS[i])
    }
    // A name removed by hand comes back with 按出席记录重新填写.
    await tagList('请假').locator('.mantine-Pill-root').first().locator('button').click()
    expect(await tags('请假')).toEqual([])
    await page.getByRole('button', { name: '按出席记录重新填写' }).click()
    await expect.poll(() => tags('请假')).toEqual(['王志强（出差）'])

    await page.getByRole('textbox', { name: '分送' }).fill('市委办公室，市人大常委会办公室，市政协办公室，各县（区）人民政府，市政府各部门。')
    await page.getByText('有未保存的修改').first().waitFor()
    await page.getByRole('button', { name: '保存草稿' }).last().click()
    await page.getByText('纪要草稿已保存。').waitFor()
    const saved = await api.ok('minutes.get', { meetingId })
    expect(saved).toMatchObject({ saved: true, status: '草稿', numberText: null })
    expect(saved.decisions.map((d) => [d.heading, d.text])).toEqual(TOPICS.map((t, i) => [t.title, DECISIONS[i]]))
    expect(await page.getByText('有未保存的修改').count()).toBe(0)
    await screenshot(page, 'minutes-editor')
  })

  it('R-P2 with the 市长 away on 10 December, the required signer is the 常务副市长 acting for him', async () => {
    await api.ok('absences.save', {
      personId: personId('张明远'), kind: '出差', startDate: '2026-12-09', endDate: '2026-12-11', destination: '成都', reason: '参加省政府会议',
      reportedTo: [], actingPersonId: personId('李建国'),
    })
    await setClocks('2026-12-10T10:00:00+08:00')
    await openMinutes()
    const signer = page.getByRole('note', { name: '应由谁签发' })
    await expect.poll(() => signer.innerText()).toContain('应由李建国（代张明远，第八条）签发')
    expect(await signer.innerText()).toContain('第四十、四十二条')
    await expect.poll(() => signerField().inputValue()).toBe('李建国（代市长张明远）')
    await screenshot(page, 'minutes-signoff-acting')
  })

  it('R-M5 refuses a 副市长 as signer, in the rule\'s words; the 市长 signs on 8 December and the minutes are numbered (X-1)', async () => {
    // The 市长 actually signed on the meeting day, before leaving.
    await page.getByLabel('签发日期', { exact: true }).click()
    await pickDay('2026年12月8日')
    const signer = page.getByRole('note', { name: '应由谁签发' })
    await expect.poll(() => signer.innerText()).toContain('应由张明远签发')
    await expect.poll(() => signerField().inputValue()).toBe('张明远（市长）')
    expect(await page.getByRole('textbox', { name: '签发意见' }).inputValue()).toBe('同意印发。')

    await signerField().click()
    await page.getByRole('option', { name: '王志强（副市长）' }).click()
    // The form refuses the wrong signer itself, as the server would (R-M5), before any confirm step.
    await page.getByRole('alert').filter({ hasText: '王志强（副市长）不是应签发人：应由张明远签发。' }).waitFor()
    expect(await page.getByRole('button', { name: '签发', exact: true }).isDisabled()).toBe(true)
    expect((await api.ok('minutes.get', { meetingId })).numberText).toBeNull()
    await screenshot(page, 'minutes-signoff-refused')

    await signerField().click()
    await page.getByRole('option', { name: '张明远（市长）' }).click()
    await page.getByRole('button', { name: '签发', exact: true }).click()
    const confirm = dialogNamed(page, '签发纪要')
    expect(await confirm.innerText()).toContain('由张明远（市长）于2026年12月8日签发')
    await confirm.getByRole('button', { name: '确认签发' }).click()

    await page.getByText('纪要已签发，编号〔2026〕1号。').waitFor()
    const status = page.getByLabel('签发情况')
    expect(await status.innerText()).toContain('已签发')
    expect(await status.innerText()).toContain('〔2026〕1号')
    expect(await status.innerText()).toContain('张明远2026年12月8日签发：同意印发。')
    // Read-only now: no field to edit, no 保存草稿.
    expect(await page.getByRole('button', { name: '保存草稿' }).count()).toBe(0)
    expect(await page.getByRole('textbox', { name: '开头段落' }).count()).toBe(0)
    const body = await page.getByLabel('纪要正文').innerText()
    expect(body).toContain('一、关于2027年市级财政预算编制工作的议题')
    expect(body).toContain('（二）加强预算绩效管理。')
    expect(body).toContain('请假：王志强（出差）')
    const signed = await api.ok('minutes.get', { meetingId })
    expect(signed).toMatchObject({ status: '已签发', numberText: '〔2026〕1号', signed: { name: '张明远', actingFor: null, on: '2026-12-08', opinion: '同意印发。' } })
    await screenshot(page, 'minutes-signed')
  })

  it('X-1 exports the signed minutes as Word, with the number, the headings and the names present', async () => {
    const { filename, buf } = await download('导出Word')
    expect(filename).toBe('资阳市人民政府常务会议纪要〔2026〕1号.docx')
    expect(buf.subarray(0, 2).toString('latin1')).toBe('PK')
    const text = docxText(buf)
    expect(text).toContain('资阳市人民政府常务会议纪要')
    expect(text).toContain('〔2026〕1号')
    for (const t of TOPICS) expect(text).toContain(t.title)
    const { attendance } = await api.ok('minutes.get', { meetingId })
    for (const name of attendance.present) expect(text).toContain(name)
    expect(text).toContain('王志强（出差）')
  })

  it('R-S1 立项督办 on the first decision, then the item is on the 督办 page', async () => {
    const first = page.getByRole('group', { name: `议定事项：${TOPICS[0].title}` })
    await first.getByRole('button', { name: '立项督办' }).click()
    const form = dialogNamed(page, '议定事项立项督办')
    await form.getByText(`来源：纪要议定事项“${TOPICS[0].title}”`).waitFor()
    expect(await form.getByLabel('督办事项', { exact: false }).inputValue()).toBe(DECISIONS[0])
    await form.getByLabel('责任单位', { exact: false }).first().click()
    await page.getByRole('option', { name: '市财政局', exact: true }).click()
    await form.getByLabel('办结时限', { exact: false }).first().click()
    await pickDay('2026年12月31日')
    await form.getByRole('button', { name: '立项' }).click()
    await form.waitFor({ state: 'detached' })
    await first.getByText('已立项督办1项').waitFor()
    await screenshot(page, 'minutes-signed-followup')

    await openNav(page, '督办')
    const table = page.getByRole('table', { name: '督办事项' })
    await table.getByText(`资阳市人民政府常务会议纪要〔2026〕1号：${TOPICS[0].title}`).waitFor()
    expect(await table.innerText()).toContain('市财政局')
    await screenshot(page, 'minutes-followups')
  })
})

describe('专题会议纪要 with the 市长\'s consent (R-M5 第四十二条)', () => {
  let landId: number

  it('R-M5 a 专题会议 on 土地 needs the 市长\'s consent before sign-off; with the 市长 away it is the 常务副市长 acting (R-P2)', async () => {
    const chair = must(demo.org.posts.find((p) => p.kind === '副市长' && p.holderId === personId('陈立新')), '陈立新的副市长岗位')
    await setServerClock('2026-12-01T09:00:00+08:00')
    const scheduled = await api.ok('meetings.schedule', {
      typeId: (await meetingType(api, '专题会议')).id, subject: '高铁站片区土地收储', date: '2026-12-09', halfDay: '下午', place: '市政府第三会议室',
      chairPostId: chair.id, reservedMatters: ['土地'], priorAgreementOn: '2026-12-01', priorAgreementNote: '已与常务副市长李建国协商一致',
    })
    landId = scheduled.meeting.id
    await setServerClock('2026-12-10T10:00:00+08:00')
    await api.ok('attendance.markRestPresent', { meetingId: landId })
    await api.ok('meetings.markHeld', { id: landId })

    await page.goto(`${server.url}/#/meetings/${landId}`)
    await page.reload()
    await page.getByRole('tab', { name: '纪要' }).click()
    await page.getByText('资阳市人民政府专题会议纪要', { exact: true }).waitFor()
    // No topic on the agenda: the section is added by hand.
    await page.getByRole('button', { name: '增加一部分' }).click()
    await section('一').getByRole('textbox', { name: '第一部分标题' }).fill('关于高铁站片区土地收储工作')
    await section('一').getByRole('textbox', { name: '第一部分议定事项' }).fill('会议原则同意高铁站片区土地收储方案，由市自然资源和规划局按程序报批。')
    await page.getByRole('button', { name: '保存草稿' }).last().click()
    await page.getByText('纪要草稿已保存。').waitFor()

    const signer = page.getByRole('note', { name: '应由谁签发' })
    await expect.poll(() => signer.innerText()).toContain('尚缺：市长同意')
    const consent = page.getByRole('group', { name: '市长同意' })
    expect(await consent.innerText()).toContain('本专题会议涉及土地')
    expect(await consent.innerText()).toContain('已与常务副市长李建国协商一致')
    await expect.poll(() => consent.getByLabel('同意人', { exact: true }).first().inputValue()).toBe('李建国（代行市长职责，代张明远，第八条）')
    await screenshot(page, 'minutes-consent')
    await consent.getByRole('button', { name: '记录市长同意' }).click()
    await consent.getByText('李建国已于2026年12月10日同意签发本纪要。').waitFor()
    await expect.poll(() => signer.innerText()).toContain('应由陈立新签发')
    await expect.poll(() => signerField().inputValue()).toBe('陈立新（会议主持人）'.replace('会议主持人', chair.title))

    await page.getByRole('button', { name: '签发', exact: true }).click()
    await dialogNamed(page, '签发纪要').getByRole('button', { name: '确认签发' }).click()
    await page.getByText(/^纪要已签发，编号/).waitFor()
    const m = await api.ok('minutes.get', { meetingId: landId })
    expect(m).toMatchObject({ status: '已签发', mayorConsent: { name: '李建国', on: '2026-12-10' }, signed: { name: '陈立新', on: '2026-12-10' } })
    expect(await page.getByLabel('签发情况').innerText()).toContain('市长同意：李建国，2026年12月10日')
  })
})
