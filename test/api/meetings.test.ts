import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { must, type InputOf, type OutputOf } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'

// 办会 through the API: a 常务会议, its topics against the R-M3 deadline (the real holiday calendar
// shipped with the program), the 市长's consent, files, moves, attendance and the R-M2 quorum, R-M8.

const demo = demoOffice()
const { server, api } = officeServer({ demo })
const { department, person } = demo
type MeetingType = OutputOf<'meetingTypes.list'>[number]
let types: MeetingType[]

const typeOf = (kind: MeetingType['kind']) => must(types.find((t) => t.kind === kind), `会议类别“${kind}”`)
const setClock = (at: string) => api.ok('system.setClock', { at })

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
/** A topic's two files: what is in them, and as uploaded (POST /upload) for the action's input. */
const fileContents = (title: string) => [
  { kind: '议题材料' as const, name: `${title}.docx`, text: `${title}：议题材料正文`, mime: DOCX },
  { kind: '议题审批表' as const, name: `${title}审批表.pdf`, text: `${title}：议题审批表`, mime: 'application/pdf' },
]
const bothFiles = (title: string) => Promise.all(fileContents(title).map(async ({ kind, name, text, mime }) =>
  ({ kind, file: await uploadAs(server.url, api, name, text, mime) })))

async function schedule(kind: MeetingType['kind'], date: string, extra: Partial<InputOf<'meetings.schedule'>> = {}) {
  const r = await api.ok('meetings.schedule', { typeId: typeOf(kind).id, date, halfDay: '上午', startTime: '09:00', place: '市政府第一会议室', ...extra })
  return r.meeting
}

beforeAll(async () => {
  types = await api.ok('meetingTypes.list')
})

describe('scheduling a 常务会议', () => {
  it('R-M2 schedules the 第20次常务会议 chaired by the 市长 and lists it in the calendar', async () => {
    await setClock('2026-10-12T09:00:00+08:00')
    const m = await schedule('常务会议', '2026-10-20', { session: 20 })
    const got = await api.ok('meetings.get', { id: m.id })
    expect(got).toMatchObject({ title: '市政府第20次常务会议', chairTitle: '市长', chairName: '张明远', status: '筹备', date: '2026-10-20' })
    const cal = await api.ok('meetings.calendar', { from: '2026-10-01', to: '2026-10-31' })
    expect(cal.meetings.map((x) => x.id)).toContain(m.id)
  })
})

describe('R-M3 topic deadline: 10 working days before the meeting, on the official calendar', () => {
  // 2026 国庆节: 10月1日—7日放假; 9月20日（星期日）and 10月10日（星期六）上班; 中秋 9月25日—27日放假.
  it.each([
    // 10月20日（二）: 19, 16, 15, 14, 13, 12, 10（六，调休上班）, 9, 8 = 9 days; 1—7 holiday; 9月30日 is the 10th.
    ['2026-10-20', '2026-09-30'],
    // 10月14日（三）: 13, 12, 10（六）, 9, 8, 9月30, 29, 28 = 8; 25—27 中秋; 24, 23 → 9月23日.
    ['2026-10-14', '2026-09-23'],
    // 10月9日（五）: 8, 9月30, 29, 28, 24, 23, 22, 21 = 8; 20日（日，调休上班）= 9; 19日 is 星期六 → 18日（五）is the 10th.
    ['2026-10-09', '2026-09-18'],
  ])('R-M3 a 常务会议 on %s takes topics until %s', async (date, deadline) => {
    const m = await schedule('常务会议', date)
    const t = await api.ok('topics.list', { meetingId: m.id })
    expect(t).toMatchObject({ deadline, deadlineWorkingDays: 10, agendaFixedOn: null, topics: [] })
    await api.ok('meetings.cancel', { id: m.id, reason: '测试截止日期后取消' })
  })
})

describe('R-M3 topics for the 10月20日 常务会议', () => {
  let meetingId: number
  let onTime: OutputOf<'topics.list'>['topics'][number]
  const finance = () => department('市财政局')

  beforeAll(async () => {
    const cal = await api.ok('meetings.calendar', { from: '2026-10-20', to: '2026-10-20' })
    meetingId = must(cal.meetings.find((m) => m.session === 20), '第20次常务会议').id
  })

  it('R-M3 accepts a topic delivered on the deadline (9月30日), through the department\'s 分管副市长, with both files', async () => {
    const r = await api.ok('topics.submit', {
      meetingId, title: '关于2027年市级财政预算编制的议题', departmentId: finance().id, reporter: '市财政局局长',
      deliveredOn: '2026-09-30', unitIds: [department('市审计局').id, department('市发展和改革委员会').id], files: await bothFiles('财政预算'),
    })
    expect(r).toMatchObject({ deadline: '2026-09-30', byConsent: false })
    const list = await api.ok('topics.list', { meetingId })
    onTime = list.topics[0]
    expect(onTime).toMatchObject({ title: '关于2027年市级财政预算编制的议题', departmentName: '市财政局', supervisorTitle: '常务副市长', supervisorName: '李建国', late: false, consentBy: null })
    expect(onTime.units.map((u) => u.name).sort()).toEqual(['市发展和改革委员会', '市审计局'].sort())
  })

  it('R-M3 refuses a topic without the 议题审批表', async () => {
    const r = await api.call('topics.submit', {
      meetingId, title: '缺审批表的议题', departmentId: finance().id, deliveredOn: '2026-09-29', files: [(await bothFiles('缺表'))[0]],
    })
    expect(r.body.error?.code).toBe('VALIDATION')
    expect(r.body.error?.message).toContain('议题审批表')
  })

  it('R-M3 refuses a topic delivered on 10月9日 (after the deadline) without the 市长\'s consent, in the rule\'s words', async () => {
    const r = await api.call('topics.submit', {
      meetingId, title: '关于城区停车收费调整的议题', departmentId: department('市交通运输局').id, deliveredOn: '2026-10-09', files: await bothFiles('停车收费'),
    })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-M3' })
    expect(r.body.error?.message).toContain('2026年9月30日')
    expect(r.body.error?.message).toContain('已逾期')
    expect(r.body.error?.message).toContain('市长同意')
  })

  it('R-M3 refuses the late topic with the consent of a 副市长 who is not the 市长', async () => {
    const r = await api.call('topics.submit', {
      meetingId, title: '关于城区停车收费调整的议题', departmentId: department('市交通运输局').id, deliveredOn: '2026-10-09', files: await bothFiles('停车收费'),
      consent: { personId: person('陈立新').id, on: '2026-10-10' },
    })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-M3' })
    expect(r.body.error?.message).toContain('陈立新不是市长')
  })

  it('R-M3 accepts the late topic with the 市长 张明远\'s consent and shows it late, by consent', async () => {
    const r = await api.ok('topics.submit', {
      meetingId, title: '关于城区停车收费调整的议题', departmentId: department('市交通运输局').id, deliveredOn: '2026-10-09', files: await bothFiles('停车收费'),
      consent: { personId: person('张明远').id, on: '2026-10-10' },
    })
    expect(r).toMatchObject({ byConsent: true })
    const late = (await api.ok('topics.list', { meetingId })).topics.find((t) => t.title === '关于城区停车收费调整的议题')
    expect(late).toMatchObject({ late: true, consentBy: '市长张明远', consentOn: '2026-10-10', supervisorName: '陈立新' })
  })

  it('R-M3 after the agenda is fixed (10月12日), a topic delivered that day is 临时增加 and needs the 市长\'s consent; the agenda can be reopened', async () => {
    await api.ok('meetings.fixAgenda', { id: meetingId, fixed: true })
    expect((await api.ok('topics.list', { meetingId })).agendaFixedOn).toBe('2026-10-12')
    const r = await api.call('topics.submit', {
      meetingId, title: '临时增加的议题', departmentId: finance().id, deliveredOn: '2026-10-12', files: await bothFiles('临时'),
    })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-M3' })
    expect(r.body.error?.message).toContain('会议议程已确定')
    await api.ok('meetings.fixAgenda', { id: meetingId, fixed: false })
    expect((await api.ok('topics.list', { meetingId })).agendaFixedOn).toBeNull()
  })

  it('R-M3 accepts the consent of 李建国 while he acts for the 市长 abroad (R-P2), and names him as acting', async () => {
    await setClock('2026-10-14T09:00:00+08:00')
    await api.ok('absences.save', { personId: person('张明远').id, kind: '出国', startDate: '2026-10-13', endDate: '2026-10-15', destination: '新加坡', actingPersonId: person('李建国').id })
    await api.ok('topics.submit', {
      meetingId, title: '关于统计数据质量的议题', departmentId: department('市统计局').id, deliveredOn: '2026-10-13', files: await bothFiles('统计'),
      consent: { personId: person('李建国').id, on: '2026-10-13' },
    })
    const t = must((await api.ok('topics.list', { meetingId })).topics.find((x) => x.title === '关于统计数据质量的议题'), '统计数据质量议题')
    expect(t.consentBy).toMatch(/^李建国（代行市长职责/)
  })

  it('stores each topic file with its size and SHA-256, and downloads it back byte for byte', async () => {
    expect(onTime.files).toHaveLength(2)
    for (const f of onTime.files) {
      const sent = fileContents('财政预算').find((x) => x.kind === f.kind)!
      const bytes = Buffer.from(sent.text, 'utf8')
      expect(f).toMatchObject({ name: sent.name, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') })
      const back = await api.ok('topics.downloadFile', { fileId: f.id })
      expect(back).toEqual({ filename: sent.name, mime: sent.mime, base64: bytes.toString('base64') })
    }
  })

  it('reorders the agenda and refuses an order that leaves a topic out', async () => {
    const ids = (await api.ok('topics.list', { meetingId })).topics.map((t) => t.id)
    await api.ok('topics.reorder', { meetingId, topicIds: [...ids].reverse() })
    expect((await api.ok('topics.list', { meetingId })).topics.map((t) => t.id)).toEqual([...ids].reverse())
    const r = await api.call('topics.reorder', { meetingId, topicIds: [ids[0]] })
    expect(r.body.error?.message).toContain('全部议题')
    await api.ok('topics.reorder', { meetingId, topicIds: ids })
  })

  it('moving a topic to a later 常务会议 (twice) keeps its files and its history', async () => {
    const nov3 = await schedule('常务会议', '2026-11-03', { session: 21 })
    const nov17 = await schedule('常务会议', '2026-11-17', { session: 22 })
    await api.ok('topics.move', { topicId: onTime.id, toMeetingId: nov3.id, reason: '材料需补充' })
    expect((await api.ok('topics.list', { meetingId })).topics.map((t) => t.id)).not.toContain(onTime.id)
    const back = await api.call('topics.move', { topicId: onTime.id, toMeetingId: meetingId })
    expect(back.body.error?.message).toContain('以后召开的会议')
    await api.ok('topics.move', { topicId: onTime.id, toMeetingId: nov17.id, reason: '再次推迟' })
    const moved = must((await api.ok('topics.list', { meetingId: nov17.id })).topics.find((t) => t.id === onTime.id), '调至11月17日的议题')
    expect(moved.history.map((h) => h.text)).toEqual([
      '由2026年10月20日的会议调至2026年11月3日的会议',
      '由2026年11月3日的会议调至2026年11月17日的会议',
    ])
    expect(moved.history[0].reason).toBe('材料需补充')
    expect(moved.files.map((f) => f.sha256).sort()).toEqual(onTime.files.map((f) => f.sha256).sort())
  })

  it('withdraws a topic: it stays listed as withdrawn and no longer brings its units to 列席', async () => {
    const r = await api.ok('topics.submit', {
      meetingId, title: '关于撤回测试的议题', departmentId: department('市水利局').id, deliveredOn: '2026-09-28', files: await bothFiles('撤回'),
    })
    let sheet = await api.ok('attendance.get', { meetingId })
    expect(sheet.attending.some((a) => a.why === '议题单位：市水利局')).toBe(true)
    await api.ok('topics.withdraw', { topicId: r.topic.id, reason: '部门申请暂缓' })
    expect((await api.ok('topics.list', { meetingId })).topics.find((t) => t.id === r.topic.id)?.withdrawReason).toBe('部门申请暂缓')
    sheet = await api.ok('attendance.get', { meetingId })
    expect(sheet.attending.some((a) => a.why === '议题单位：市水利局')).toBe(false)
  })
})

describe('attendance of the 10月20日 常务会议 (R-M2, R-M4)', () => {
  let meetingId: number
  const members = ['张明远', '李建国', '王志强', '刘芳', '陈立新', '杨帆', '赵德胜', '周文斌']

  beforeAll(async () => {
    const cal = await api.ok('meetings.calendar', { from: '2026-10-20', to: '2026-10-20' })
    meetingId = must(cal.meetings.find((m) => m.session === 20), '第20次常务会议').id
  })

  it('R-M2 the members are the 市长, the six 副市长 and the 秘书长; 列席 includes the topic\'s departments', async () => {
    const sheet = await api.ok('attendance.get', { meetingId })
    expect(sheet.members.map((m) => m.name).sort()).toEqual([...members].sort())
    expect(sheet.quorum).toMatchObject({ met: false, needed: 5, present: 0, total: 8, rule: 'R-M2' })
    expect(sheet.attending.map((a) => a.why)).toContain('议题单位：市交通运输局')
    expect(sheet.unresolved).toContain('相关利益方、公众代表、专家、媒体（根据需要）')
    expect(sheet.askee).toMatchObject({ rule: 'R-M4', askee: '主持人', name: '张明远' })
  })

  it('R-M4 a 王志强 出差 recorded in 领导外出 pre-fills his leave, asked of the chair, until the office confirms it', async () => {
    await api.ok('absences.save', { personId: person('王志强').id, kind: '出差', startDate: '2026-10-19', endDate: '2026-10-21', destination: '成都', reportedTo: [person('张明远').id] })
    const row = (await api.ok('attendance.get', { meetingId })).members.find((m) => m.name === '王志强')
    expect(row).toMatchObject({ status: '请假', proposed: true, leaveReason: '出差（已登记外出）', askedName: '张明远' })
    expect((await api.ok('attendance.get', { meetingId })).unrecordedMembers).toContain('王志强')
    await api.ok('attendance.record', { meetingId, personId: person('王志强').id, role: '组成人员', status: '请假', leaveReason: '在成都出差', answer: '同意' })
    const after = await api.ok('attendance.get', { meetingId })
    expect(after.members.find((m) => m.name === '王志强')).toMatchObject({ status: '请假', proposed: false, leaveReason: '在成都出差', askedName: '张明远', answer: '同意' })
    expect(after.unrecordedMembers).not.toContain('王志强')
  })

  it('R-M4 refuses 请假 without a reason and 代会 without the substitute', async () => {
    const a = await api.call('attendance.record', { meetingId, personId: person('刘芳').id, role: '组成人员', status: '请假' })
    expect(a.body.error?.message).toContain('请假事由')
    const b = await api.call('attendance.record', { meetingId, personId: person('刘芳').id, role: '组成人员', status: '代会' })
    expect(b.body.error?.message).toContain('代会人员')
  })

  it('R-M2 refuses to mark the meeting held before its day', async () => {
    const r = await api.call('meetings.markHeld', { id: meetingId })
    expect(r.body.error?.message).toContain('当日或之后')
  })

  it('R-M2 refuses to hold the meeting with exactly half of the 8 members present (4), quoting the rule', async () => {
    await setClock('2026-10-20T08:30:00+08:00')
    for (const name of ['刘芳', '陈立新', '杨帆']) {
      await api.ok('attendance.record', { meetingId, personId: person(name).id, role: '组成人员', status: '请假', leaveReason: '参加省政府会议' })
    }
    for (const name of ['张明远', '李建国', '赵德胜', '周文斌']) {
      await api.ok('attendance.record', { meetingId, personId: person(name).id, role: '组成人员', status: '出席' })
    }
    const sheet = await api.ok('attendance.get', { meetingId })
    expect(sheet.quorum).toMatchObject({ met: false, needed: 5, present: 4, total: 8 })
    const r = await api.call('meetings.markHeld', { id: meetingId })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-M2' })
    expect(r.body.error?.message).toBe('按第三十八条，常务会议须半数以上组成人员到会方可召开。组成人员8人，现到会4人，至少需5人到会。')
  })

  it('R-M2 a 代会 substitute does not count towards the quorum', async () => {
    await api.ok('attendance.record', { meetingId, personId: person('杨帆').id, role: '组成人员', status: '代会', substitute: '市农业农村局局长' })
    expect((await api.ok('attendance.get', { meetingId })).quorum).toMatchObject({ met: false, present: 4 })
  })

  it('R-M2 holds the meeting with 5 of 8 present (more than half); the rest are marked present at once', async () => {
    await api.ok('attendance.record', { meetingId, personId: person('刘芳').id, role: '组成人员', status: '出席' })
    const rest = await api.ok('attendance.markRestPresent', { meetingId })
    expect(rest.recorded).toBeGreaterThan(0)
    const sheet = await api.ok('attendance.get', { meetingId })
    expect(sheet.quorum).toMatchObject({ met: true, present: 5, total: 8, message: null })
    expect(sheet.unrecordedMembers).toEqual([])
    await api.ok('meetings.markHeld', { id: meetingId })
    expect((await api.ok('meetings.get', { id: meetingId })).status).toBe('已召开')
    const late = await api.call('topics.submit', {
      meetingId, title: '会后报送', departmentId: department('市财政局').id, deliveredOn: '2026-10-20', files: await bothFiles('会后'),
    })
    expect(late.body.error?.message).toContain('已召开')
  })
})

describe('R-M8 city-wide meetings (第四十三条)', () => {
  it('R-M8 refuses a department\'s second 全市性视频会议 in 2026 and allows one in 2027', async () => {
    const dept = department('市应急管理局')
    await schedule('全市性视频会议', '2026-12-08', { subject: '全市安全生产工作视频会议', departmentId: dept.id })
    const r = await api.call('meetings.schedule', { typeId: typeOf('全市性视频会议').id, date: '2026-12-22', halfDay: '下午', subject: '全市森林防火工作视频会议', departmentId: dept.id })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-M8' })
    expect(r.body.error?.message).toContain('市应急管理局2026年已安排“全市安全生产工作视频会议”（2026年12月8日）')
    await schedule('全市性视频会议', '2027-03-09', { subject: '全市森林防火工作视频会议', departmentId: dept.id })
  })
})
