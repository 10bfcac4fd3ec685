/**
 * 我的待办 and 提醒 (issue 17) through the real server: each group appears for the role that does the step and is gone
 * once the step is done; a reminder is told once to the right person, never to one without the clearance, and a
 * reminder marked read stays read.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, rpcClient, type InputOf, type RpcClient, type TestServer } from '../helpers/server'
import { demoOffice, draftTemplate, meetingType } from '../helpers/demo-office'
import { topicFilesAs } from '../helpers/upload'
import { listMeetingTypes } from '../../src-main/meetings/context'
import { meetings } from '../../src-main/meetings/schema'
import { fillTitle } from '../../src-main/documents/outgoing/templates'
import type { TodoGroup } from '../../src-main/todo/rules'

let server: TestServer
let kezhang: RpcClient, wenmi: RpcClient, chayue: RpcClient
const demo = demoOffice()
const { deptId, personId } = demo

beforeAll(async () => {
  server = await startTestServer()
  ;[kezhang, wenmi, chayue] = [rpcClient(server.url), rpcClient(server.url), rpcClient(server.url)]
  await kezhang.login()
  await wenmi.login('wenmi')
  await chayue.login('chayue')
  await demo.load(kezhang)
  await kezhang.ok('system.setClock', { at: '2026-12-01T09:00:00+08:00' })
})
afterAll(async () => { await server.stop() })

/** The group as the person's 待办 shows it, or null when their role has no such group. */
async function groupOf(client: RpcClient, group: TodoGroup) {
  return (await client.ok('todo.list', { group }))[0] ?? null
}
const keysIn = async (client: RpcClient, group: TodoGroup) => (await groupOf(client, group))?.items.map((i) => i.key) ?? null
const reminderKeys = async (client: RpcClient) => (await client.ok('reminders.list')).items.map((r) => `${r.kind}|${r.subject}`)

const report = (title: string, classification: '无' | '机密' = '无'): InputOf<'incoming.receive'> => ({
  receivedAt: '2026-12-01 09:10', sender: '市财政局', senderDepartmentId: deptId('市财政局'), senderNumber: null,
  title, docType: '报告', classification, secrecyPeriod: classification === '无' ? null : '1年', arrival: '机要交通', files: [],
})

describe('我的待办: 收文 from 待初审 to 待交办', () => {
  it('each step is listed for the role that does it, with its link and working-day deadline, and leaves when done', async () => {
    const doc = await kezhang.ok('incoming.receive', report('关于2026年1—11月财政收支情况的报告'))
    const key = `收文${doc.id}`
    // 初审 is the 科长's; the 文秘 has no such group, and the 查阅 no 待办 at all.
    expect(await keysIn(kezhang, '待初审')).toContain(key)
    expect(await keysIn(wenmi, '待初审')).toBeNull()
    expect(await chayue.ok('todo.list', {})).toEqual([])
    const item = (await groupOf(kezhang, '待初审'))!.items.find((i) => i.key === key)!
    expect(item).toMatchObject({ href: `documents/incoming/${doc.id}`, detail: `${doc.numberText} · 待初审` })
    // The intake deadline (签收 + 2 working days) with the same figure as 首页's due list.
    const due = (await kezhang.ok('incoming.dueSoon')).items.find((i) => i.documentId === doc.id)!
    expect(item).toMatchObject({ deadline: '2026-12-03', timing: { label: '剩余2个工作日' } })
    expect(item.timing).toEqual(due.timing)

    await kezhang.ok('incoming.review', { id: doc.id, reviewedOn: '2026-12-01' })
    expect(await keysIn(kezhang, '待初审')).not.toContain(key)
    expect(await keysIn(wenmi, '待拟办')).toContain(key)

    const proposed = await wenmi.ok('incoming.propose', { id: doc.id, proposal: '拟呈李建国常务副市长阅。', proposedBy: '高雪', proposedOn: '2026-12-01' })
    expect(await keysIn(wenmi, '待拟办')).not.toContain(key)
    const toSend = (await groupOf(wenmi, '待送批'))!.items.find((i) => i.key === key)!
    // The same deadline and the same working-day figure as the document's own page.
    expect(toSend.deadline).toBe(proposed.deadline)
    expect(toSend.timing?.label).toBe('剩余10个工作日')

    await wenmi.ok('incoming.send', { id: doc.id, leaderIds: [personId('李建国')], sentOn: '2026-12-01' })
    expect(await keysIn(wenmi, '待送批')).not.toContain(key)
    expect(await keysIn(wenmi, '待交办')).not.toContain(key)

    await wenmi.ok('incoming.instruct', { id: doc.id, leaderId: personId('李建国'), kind: '圈阅', instructedOn: '2026-12-01' })
    expect(await keysIn(wenmi, '待交办')).toContain(key)
    await wenmi.ok('incoming.close', { id: doc.id, closedOn: '2026-12-01', closingNote: '领导已阅。' })
    expect(await keysIn(wenmi, '待交办')).not.toContain(key)
  })

  it('counts on the navigation add up the groups, and a 秘密-cleared 文秘 never counts a 机密 收文', async () => {
    const doc = await kezhang.ok('incoming.receive', report('关于某专项资金使用情况的报告', '机密'))
    await kezhang.ok('incoming.review', { id: doc.id, reviewedOn: '2026-12-01' })
    expect(await keysIn(kezhang, '待拟办')).toContain(`收文${doc.id}`)
    expect(await keysIn(wenmi, '待拟办')).not.toContain(`收文${doc.id}`)
    const [k, w] = [await kezhang.ok('todo.counts'), await wenmi.ok('todo.counts')]
    expect(k.groups.find((g) => g.group === '待拟办')!.total).toBe(w.groups.find((g) => g.group === '待拟办')!.total + 1)
    expect(k.total).toBe(k.groups.reduce((s, g) => s + g.total, 0))
  })
})

describe('我的待办: 发文 by 核稿 step and state', () => {
  it('核稿 waits on the role that records the next step, then 待编号 and 待印发 until it is issued', async () => {
    const t = await draftTemplate(kezhang, '通知')
    const v = await kezhang.ok('outgoing.draft', {
      docType: t.docType, signKind: t.signKind, series: t.series, title: fillTitle(t.titlePattern, '做好冬季道路安全工作'),
      addressee: t.addressee, body: t.body, urgency: '无', draftingDepartmentId: deptId('市交通运输局'), drafter: '罗佳怡', publicity: t.publicity, upward: t.upward,
    })
    const key = `发文${v.id}`
    const table: [string, () => Promise<unknown>, boolean, boolean][] = [
      ['拟稿: 部门负责人 (科长)', async () => undefined, true, false],
      ['办公室秘书 (文秘 or 科长)', () => kezhang.ok('outgoing.review', { id: v.id, step: '部门负责人', reviewer: '局长甲', opinion: '同意。', date: '2026-12-01' }), true, true],
      ['办公室负责人 (科长)', () => wenmi.ok('outgoing.review', { id: v.id, step: '办公室秘书', reviewer: '许文杰', opinion: '文字已核。', date: '2026-12-01' }), true, false],
      ['核稿 done', () => kezhang.ok('outgoing.review', { id: v.id, step: '办公室负责人', reviewer: '何振华', opinion: '呈签。', date: '2026-12-01' }), false, false],
    ]
    for (const [step, act, forKezhang, forWenmi] of table) {
      await act()
      expect([step, (await keysIn(kezhang, '待核稿'))!.includes(key), (await keysIn(wenmi, '待核稿'))!.includes(key)]).toEqual([step, forKezhang, forWenmi])
    }
    await kezhang.ok('outgoing.signOff', { id: v.id, signerId: personId('陈立新'), opinion: '同意。', date: '2026-12-01' })
    expect(await keysIn(wenmi, '待编号')).toContain(key)
    await wenmi.ok('outgoing.number', { id: v.id })
    expect(await keysIn(wenmi, '待编号')).not.toContain(key)
    expect((await groupOf(wenmi, '待印发'))!.items.find((i) => i.key === key)?.detail).toContain('待复核')
    await kezhang.ok('outgoing.check', { id: v.id, checkedBy: '何振华' })
    await wenmi.ok('outgoing.issue', { id: v.id, issuedOn: '2026-12-01', copies: 30, distribution: '各县（区）人民政府' })
    expect(await keysIn(wenmi, '待印发')).not.toContain(key)
  })
})

/** The office roster for January 2027, published in the test below (its gaps are told later). */
let januaryRoster = 0

describe('我的待办: 督办, 值班表, 节假日', () => {
  it('a 督办 waits for feedback until closed; a draft roster until published; next year\'s holidays until entered', async () => {
    const f = await wenmi.ok('followups.create', { sourceTitle: '张明远市长12月1日批示', task: '落实冬季供暖保障', departmentId: deptId('市财政局'), deadline: '2026-12-10' })
    const item = (await groupOf(wenmi, '督办待反馈'))!.items.find((i) => i.key === `督办${f.id}`)!
    expect(item).toMatchObject({ href: 'followups', deadline: '2026-12-10', timing: { state: '正常' } })
    await wenmi.ok('followups.close', { id: f.id, closedOn: '2026-12-01', outcome: '已落实。' })
    expect(await keysIn(wenmi, '督办待反馈')).not.toContain(`督办${f.id}`)

    const r = await wenmi.ok('duty.generate', { kind: '办公室值班', from: '2027-01-01', to: '2027-01-31' })
    januaryRoster = r.id
    expect(await keysIn(wenmi, '值班表待发布')).toContain(`值班表${r.id}`)
    await wenmi.ok('duty.publish', { id: r.id })
    expect(await keysIn(wenmi, '值班表待发布')).not.toContain(`值班表${r.id}`)

    // From 1 November next year's arrangement is wanted; the demo office has none for 2027.
    expect((await groupOf(wenmi, '节假日待录入'))!.items.map((i) => i.href)).toEqual(['calendar'])
  })
})

/** The 机密 收文 the 提醒 tests route to 批示 (it then waits 待交办 until its deadline). */
let docId = 0

describe('提醒', () => {
  beforeAll(async () => {
    const doc = await kezhang.ok('incoming.receive', report('关于某涉密专项工作进展情况的报告', '机密'))
    await kezhang.ok('incoming.review', { id: doc.id, reviewedOn: '2026-12-01' })
    await kezhang.ok('incoming.propose', { id: doc.id, proposal: '拟呈李建国常务副市长阅。', proposedBy: '高雪', proposedOn: '2026-12-01' })
    await kezhang.ok('incoming.send', { id: doc.id, leaderIds: [personId('李建国')], sentOn: '2026-12-01' })
    await kezhang.ok('incoming.instruct', { id: doc.id, leaderId: personId('李建国'), kind: '批示', opinion: '请抓紧办理。', instructedOn: '2026-12-01' })
    docId = doc.id
  })

  it('a 批示 on a 机密 收文 is told to the 机密-cleared 科长, never to the 秘密-cleared 文秘 or the 查阅', async () => {
    const mine = (await kezhang.ok('reminders.list')).items.filter((r) => r.kind === '批示已回' && r.href === `documents/incoming/${docId}`)
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ title: expect.stringContaining('李建国批示已回'), text: expect.stringContaining('请抓紧办理'), read: false })
    expect((await wenmi.ok('reminders.list')).items.filter((r) => r.href === `documents/incoming/${docId}`)).toEqual([])
    expect(await reminderKeys(chayue)).toEqual([])
  })

  it('the desktop gets each reminder once; marked read it stays read for that person only', async () => {
    const first = await kezhang.ok('reminders.deliver')
    expect(first.fresh.map((r) => r.subject)).toContain(`批示${(await kezhang.ok('incoming.get', { id: docId })).instructions[0].id}`)
    expect(first.notices.length).toBeGreaterThan(0)
    expect((await kezhang.ok('reminders.deliver')).fresh).toEqual([])

    const target = (await kezhang.ok('reminders.list')).items.find((r) => r.href === `documents/incoming/${docId}`)!
    const before = (await kezhang.ok('reminders.list')).unread
    const after = await kezhang.ok('reminders.markRead', { keys: [target.key] })
    expect(after.unread).toBe(before - 1)
    expect(after.items.find((r) => r.key === target.key)).toMatchObject({ read: true })
    // Later calls, and other changes in between, keep it read.
    await kezhang.ok('incoming.receive', report('关于另一项工作的报告'))
    expect((await kezhang.ok('reminders.list')).items.find((r) => r.key === target.key)).toMatchObject({ read: true })
    expect((await kezhang.ok('reminders.deliver')).fresh.map((r) => r.key)).not.toContain(target.key)

    // The first test's 圈阅 is told to both clerks: the 科长 reading it leaves it unread for the 文秘.
    const shared = (await wenmi.ok('reminders.list')).items.find((r) => r.kind === '批示已回' && !r.read)!
    await kezhang.ok('reminders.markRead', { keys: [shared.key] })
    expect((await wenmi.ok('reminders.list')).items.find((r) => r.key === shared.key)).toMatchObject({ read: false })
    expect((await kezhang.ok('reminders.list')).items.find((r) => r.key === shared.key)).toMatchObject({ read: true })
  })

  it('a 督办 from the 机密 收文\'s 批示 waits and is told for the 科长 only, hidden like its source from the 秘密 文秘', async () => {
    const instruction = (await kezhang.ok('incoming.get', { id: docId })).instructions[0].id
    const f = await kezhang.ok('followups.fromInstruction', { instructionId: instruction, task: '完善涉密专项工作方案', departmentId: deptId('市财政局'), deadline: '2026-12-02' })
    expect(await keysIn(kezhang, '督办待反馈')).toContain(`督办${f.id}`)
    expect(await keysIn(wenmi, '督办待反馈')).not.toContain(`督办${f.id}`)
    expect(await reminderKeys(kezhang)).toContain(`督办期限|督办${f.id}`)
    expect(await reminderKeys(wenmi)).not.toContain(`督办期限|督办${f.id}`)
    await kezhang.ok('followups.close', { id: f.id, closedOn: '2026-12-01', outcome: '已完善。' })
  })

  it('a 督办 due within the set working days is told as 督办期限 to the clerks; the setting moves the horizon', async () => {
    const f = await wenmi.ok('followups.create', { sourceTitle: '李建国常务副市长批示', task: '核实道路隐患', departmentId: deptId('市交通运输局'), deadline: '2026-12-07' })
    expect(await reminderKeys(wenmi)).not.toContain(`督办期限|督办${f.id}`)
    await kezhang.ok('settings.update', { reminderWorkingDays: 5 })
    expect(await reminderKeys(wenmi)).toContain(`督办期限|督办${f.id}`)
    expect(await reminderKeys(chayue)).not.toContain(`督办期限|督办${f.id}`)
  })
})

describe('会议 in 待办 and 提醒 (the clock moves on from here)', () => {
  it('纪要待签发 lists a held meeting\'s draft minutes until they are signed', async () => {
    const db = server.core.conn.db
    const typeId = listMeetingTypes(db).find((t) => t.kind === '常务会议')!.id
    const id = db.insert(meetings).values({ typeId, session: 40, date: '2026-11-27', halfDay: '上午', status: '已召开', chairPostId: demo.postId('市长'), createdAt: new Date().toISOString() }).returning().get().id
    const m = await wenmi.ok('minutes.get', { meetingId: id })
    await wenmi.ok('minutes.save', { meetingId: id, opening: m.opening, attendance: m.attendance, decisions: [] })
    const item = (await groupOf(wenmi, '纪要待签发'))!.items.find((i) => i.key === `纪要${id}`)!
    expect(item).toMatchObject({ title: '市政府第40次常务会议', href: `meetings/${id}` })
    await wenmi.ok('minutes.sign', { meetingId: id, signerPersonId: personId('张明远'), opinion: '同意印发。', date: '2026-12-01' })
    expect(await keysIn(wenmi, '纪要待签发')).not.toContain(`纪要${id}`)
  })

  it('a meeting tomorrow is told to every reader; its topic deadline to the clerks; an agenda left open after it waits in 议题待确认', async () => {
    const type = await meetingType(wenmi, '常务会议')
    const tomorrow = (await wenmi.ok('meetings.schedule', { typeId: type.id, date: '2026-12-02', halfDay: '下午', startTime: '15:00', place: '市政府第一会议室' })).meeting.id
    for (const client of [wenmi, chayue]) expect(await reminderKeys(client)).toContain(`明日会议|会议${tomorrow}`)

    // 10 working days before 22 December: topics are due by 8 December.
    const later = (await wenmi.ok('meetings.schedule', { typeId: type.id, date: '2026-12-22', halfDay: '上午', startTime: '09:00', place: '市政府第一会议室' })).meeting.id
    const topic = '关于城区停车设施建设的议题'
    await wenmi.ok('topics.submit', { meetingId: later, title: topic, departmentId: deptId('市住房和城乡建设局'), deliveredOn: '2026-12-01', files: await topicFilesAs(server.url, wenmi, topic) })
    expect(await reminderKeys(wenmi)).not.toContain(`议题截止|会议${later}`)
    await kezhang.ok('system.setClock', { at: '2026-12-04T09:00:00+08:00' })
    expect(await reminderKeys(wenmi)).toContain(`议题截止|会议${later}`)
    expect(await reminderKeys(chayue)).not.toContain(`议题截止|会议${later}`)
    expect(await keysIn(wenmi, '议题待确认')).not.toContain(`会议${later}`)

    await kezhang.ok('system.setClock', { at: '2026-12-09T09:00:00+08:00' })
    const waiting = (await groupOf(wenmi, '议题待确认'))!.items.find((i) => i.key === `会议${later}`)!
    expect(waiting.detail).toContain('议程待确定')
    await wenmi.ok('meetings.fixAgenda', { id: later, fixed: true })
    expect(await keysIn(wenmi, '议题待确认')).not.toContain(`会议${later}`)

  })

  it('a 机密 收文 within the set working days of its 办结时限 is 临期 for the 科长 only, and 逾期 once past it', async () => {
    // Proposed on 1 December, due 15 December; on 9 December with 5 working days set it is 临期.
    const deadline = (await kezhang.ok('incoming.get', { id: docId })).deadline!
    expect(await reminderKeys(kezhang)).toContain(`临期|收文${docId}`)
    expect(await reminderKeys(wenmi)).not.toContain(`临期|收文${docId}`)
    await kezhang.ok('system.setClock', { at: '2026-12-16T09:00:00+08:00' })
    const overdue = (await kezhang.ok('reminders.list')).items.find((r) => r.key === `逾期|收文${docId}|${deadline}`)!
    expect(overdue.title).toContain('逾期1个工作日')
    expect(await reminderKeys(wenmi)).not.toContain(`逾期|收文${docId}`)
  })
})

describe('值班缺口', () => {
  it('a duty in the coming 7 days whose person has left is told to the clerks, not to the 查阅', async () => {
    await kezhang.ok('system.setClock', { at: '2026-12-28T09:00:00+08:00' })
    const roster = await wenmi.ok('duty.get', { id: januaryRoster })
    const duty = roster.days.find((d) => d.date === '2027-01-02')!.duties.find((x) => x.role === '主班')!
    expect((await reminderKeys(wenmi)).filter((k) => k.startsWith('值班缺口|'))).toEqual([])
    await kezhang.ok('org.archivePerson', { id: duty.personId, date: '2026-12-28', reason: '调离市政府办公室' })
    const gap = (await wenmi.ok('reminders.list')).items.find((r) => r.kind === '值班缺口' && r.date === '2027-01-02')!
    expect(gap).toMatchObject({ href: `duty/${januaryRoster}`, title: expect.stringContaining('2027年1月2日主班缺人') })
    expect(gap.text).toContain('离任')
    expect((await reminderKeys(chayue)).filter((k) => k.startsWith('值班缺口|'))).toEqual([])
  })
})

describe('提醒 in the audit trail', () => {
  const auditRows = () => server.core.conn.sqlite.prepare("SELECT changes FROM audit_log WHERE entity = '提醒' ORDER BY id").all() as { changes: string }[]

  it('the list says how many the desktop has not shown; delivering them and marking them read are one audit record each, however many reminders', async () => {
    const before = auditRows().length
    const listed = await wenmi.ok('reminders.list')
    expect(listed.undelivered).toBe(listed.items.filter((r) => !r.read && !r.delivered).length)
    expect(listed.undelivered).toBeGreaterThan(1)
    expect((await wenmi.ok('reminders.deliver')).fresh).toHaveLength(listed.undelivered)
    expect((await wenmi.ok('reminders.list')).undelivered).toBe(0)
    const unread = (await wenmi.ok('reminders.list')).unread
    expect(unread).toBeGreaterThan(1)
    expect((await wenmi.ok('reminders.markRead', {})).unread).toBe(0)
    const rows = auditRows().slice(before).map((r) => JSON.parse(r.changes) as Record<string, unknown>)
    expect(rows.map((r) => [Object.keys(r)[0], r.条数])).toEqual([['桌面通知', listed.undelivered], ['标为已读', unread]])
  })
})
