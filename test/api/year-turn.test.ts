/**
 * The year's turn without a wall (R-W2, X-6), against the real server with its test clock: in December 2026, with no
 * 2027 holiday data, a January 2027 meeting is planned and its topic deadline is 暂定, a 收文 deadline running into
 * 2027 is stored provisionally, 按周期安排 and 生成排班 work; then the 2027 notice is pasted, and the deadlines are
 * recomputed — the stored one with an audit record of what moved.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { and, eq } from 'drizzle-orm'
import { must } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'
import { auditLog } from '../../src-main/audit/schema'

const demo = demoOffice()
const { server, api } = officeServer({ demo, clock: '2026-12-21T09:00:00+08:00' })
const NOTICE_2027 = readFileSync(join(__dirname, '../fixtures/holiday-notices/2027.txt'), 'utf8')
const SOURCE_2027 = '国务院办公厅关于2027年部分节假日安排的通知（测试用）'
const setClock = (at: string) => api.ok('system.setClock', { at })
const ids: Record<string, number> = {}

const 常务会议 = async () => must((await api.ok('meetingTypes.list', {})).find((t) => t.kind === '常务会议'), '常务会议')

describe('X-6 from 1 November the home page asks 文秘 and 科长 for next year\'s holidays', () => {
  it('says nothing in October, and in November names the year missing and who enters it', async () => {
    await setClock('2026-10-30T09:00:00+08:00')
    expect((await api.ok('home.today', {})).holidayPrompt).toBeNull()
    await setClock('2026-11-01T08:30:00+08:00')
    expect((await api.ok('home.today', {})).holidayPrompt).toEqual({
      year: 2027, message: expect.stringMatching(/^2027年的节假日安排尚未录入。.*请文秘或科长粘贴通知录入；录入前2027年的日期暂按周末推算（暂定）/),
    })
    await setClock('2026-12-21T09:00:00+08:00')
  })
})

describe('R-W2 in December 2026, with no 2027 data, work goes on provisionally (暂定)', () => {
  it('plans a 常务会议 on 14 January 2027: its topic deadline is 31 December 2026, marked 暂定, and the page warns why', async () => {
    const type = await 常务会议()
    const r = await api.ok('meetings.schedule', { typeId: type.id, date: '2027-01-14', halfDay: '上午', startTime: '09:00', place: '市政府第一会议室' })
    ids.meeting = r.meeting.id
    const topics = await api.ok('topics.list', { meetingId: ids.meeting })
    expect(topics).toMatchObject({ deadline: '2026-12-31', deadlineProvisional: true, deadlineWorkingDays: 10 })
    const meeting = await api.ok('meetings.get', { id: ids.meeting })
    expect(meeting.day).toMatchObject({ working: true, type: '工作日', provisional: true })
    expect(meeting.warnings).toContainEqual(expect.objectContaining({ code: '日历未录入', rule: 'R-W2', message: expect.stringContaining('请文秘或科长') }))
  })

  it('按周期安排 proposes 2027 dates, each marked provisional, numbered on from the last session', async () => {
    const plan = await api.ok('meetings.plan', { typeId: (await 常务会议()).id, count: 3 })
    expect(plan.proposals.length).toBe(3)
    expect(plan.proposals.filter((p) => p.date >= '2027-01-01').every((p) => p.provisional)).toBe(true)
    expect(plan.proposals.some((p) => p.date >= '2027-01-01')).toBe(true)
    expect(plan.proposals.map((p) => p.session)).toEqual([plan.proposals[0].session, plan.proposals[0].session + 1, plan.proposals[0].session + 2])
  })

  it('生成排班 for January 2027 works, and the roster says it is provisional', async () => {
    const roster = await api.ok('duty.preview', { kind: '办公室值班', from: '2027-01-01', to: '2027-01-31' })
    expect(roster.days).toHaveLength(31)
    expect(roster.provisional).toMatch(/2027年的节假日安排尚未录入.*暂定/)
  })

  it('a 加急 收文 proposed on 28 December gets a 办结时限 counted into 2027 by weekends, shown as 暂定', async () => {
    await setClock('2026-12-28T09:30:00+08:00')
    const doc = await api.ok('incoming.receive', {
      receivedAt: '2026-12-28 09:10', sender: '市财政局', senderDepartmentId: demo.deptId('市财政局'), senderNumber: '资财〔2026〕51号',
      title: '关于2027年一季度资金调度的请示', docType: '请示', urgency: '加急', copies: 1, arrival: '专人送达', files: [],
    })
    ids.doc = doc.id
    await api.ok('incoming.review', { id: doc.id, reviewedOn: '2026-12-28' })
    const proposed = await api.ok('incoming.propose', { id: doc.id, proposal: '拟请李建国常务副市长阅示。', proposedBy: '许文杰', proposedOn: '2026-12-28' })
    // 5 working days after Monday 28 December, 1 January counted as an ordinary Friday: 4 January.
    expect(proposed.deadline).toBe('2027-01-04')
    const view = await api.ok('incoming.get', { id: doc.id })
    expect(view.deadlineTiming?.label).toContain('暂定')
  })
})

describe('X-6 the 2027 notice entered: every date recomputed, what moved audited', () => {
  it('pasting a notice cut short is refused whole, naming the line, and nothing is entered', async () => {
    const cut = NOTICE_2027.slice(0, NOTICE_2027.indexOf('10月9日（周六）上班') + 4)
    const r = await api.call('calendar.importYear', { year: 2027, source: SOURCE_2027, text: cut })
    expect(r.body.error).toMatchObject({ code: 'VALIDATION', field: 'text' })
    expect(r.body.error?.message).toMatch(/^「安排内容」第\d+行（七、国庆节）没有读完/)
    expect((await api.ok('calendar.years', {})).map((y) => y.year)).not.toContain(2027)
  })

  it('the preview reads the pasted notice; saving it recomputes the meeting\'s deadline and the stored 办结时限', async () => {
    const preview = await api.ok('calendar.parse', { year: 2027, text: NOTICE_2027 })
    expect('days' in preview && preview.days.length).toBe(35)
    const done = await api.ok('calendar.importYear', { year: 2027, source: SOURCE_2027, text: NOTICE_2027 })
    expect(done).toMatchObject({ year: 2027, days: 35, moved: [{ what: '收〔2026〕1号办结时限', from: '2027-01-04', to: '2027-01-05' }] })

    const topics = await api.ok('topics.list', { meetingId: ids.meeting })
    expect(topics).toMatchObject({ deadline: '2026-12-30', deadlineProvisional: false })
    expect((await api.ok('incoming.get', { id: ids.doc })).deadline).toBe('2027-01-05')
    expect((await api.ok('home.today', {})).holidayPrompt).toBeNull()
  })

  it('the audit log keeps what moved: the 收文\'s deadline before and after, and the year\'s record listing it', async () => {
    const db = server.core.conn.db
    const docRows = db.select().from(auditLog).where(and(eq(auditLog.entity, '收文'), eq(auditLog.entityId, String(ids.doc)), eq(auditLog.procedure, 'calendar.importYear'))).all()
    expect(docRows).toHaveLength(1)
    expect(docRows[0].changes).toContain('2027-01-04')
    expect(docRows[0].changes).toContain('2027-01-05')
    const yearRow = must(db.select().from(auditLog).where(and(eq(auditLog.entity, '节假日安排'), eq(auditLog.entityId, '2027'))).all().at(-1), '2027年的审计记录')
    expect(yearRow.changes).toContain('收〔2026〕1号办结时限：2027-01-04 → 2027-01-05')
  })
})
