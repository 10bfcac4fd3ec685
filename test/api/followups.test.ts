import { beforeAll, describe, expect, it } from 'vitest'
import { must, type OutputOf } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'
import { listMeetingTypes } from '../../src-main/meetings/context'
import { meetings, topics } from '../../src-main/meetings/schema'

const demo = demoOffice()
const { server, api } = officeServer({ demo, clock: '2026-11-10T09:00:00+08:00' })
const { deptId, personId, post } = demo

// Meetings go straight into the server's database (the meetings service is written alongside);
// minutes go through the real procedures.
const db = () => server.core.conn.db
function heldMeeting(session: number, topicTitles: string[]): number {
  const typeId = listMeetingTypes(db()).find((t) => t.kind === '常务会议')!.id
  const id = db().insert(meetings).values({
    typeId, session, date: '2026-11-05', halfDay: '上午', status: '已召开', chairPostId: post('市长').id, createdAt: new Date().toISOString(),
  }).returning().get().id
  topicTitles.forEach((title, i) => db().insert(topics).values({
    meetingId: id, title, sortOrder: i, departmentId: deptId('市财政局'), deliveredOn: '2026-10-20', createdAt: new Date().toISOString(),
  }).run())
  return id
}
async function draft(meetingId: number) {
  const m = await api.ok('minutes.get', { meetingId })
  return api.ok('minutes.save', {
    meetingId, opening: m.opening, attendance: m.attendance,
    decisions: m.decisions.map((d) => ({ ...d, text: '会议同意，请责任单位抓好落实。' })),
  })
}

let signed: OutputOf<'minutes.sign'>
let unsigned: OutputOf<'minutes.save'>

beforeAll(async () => {
  const a = heldMeeting(10, ['关于城区停车设施建设的议题', '关于农贸市场升级改造的议题'])
  await draft(a)
  signed = await api.ok('minutes.sign', { meetingId: a, signerPersonId: personId('张明远'), opinion: '同意印发。', date: '2026-11-09' })
  unsigned = await draft(heldMeeting(11, ['关于冬季供气保障的议题']))
})

const ids: Record<string, number> = {}

describe('督办事项 (R-S1)', () => {
  it('R-S1 only decisions of signed minutes can become follow-ups, and the refusal says why', async () => {
    const r = await api.call('followups.create', { decisionId: unsigned.decisions[0].id, task: '做好冬季供气保障', departmentId: deptId('市住房和城乡建设局'), deadline: '2026-12-31' })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-S1' })
    expect(r.body.error?.message).toContain('纪要尚未签发')
    expect(r.body.error?.message).toContain('只有已签发纪要中的议定事项才能立项督办')
  })

  it('R-S1 a decision of the signed minutes becomes an item with the minutes title, number and heading, and the 分管副市长 as leader', async () => {
    const [parking, market] = signed.decisions
    const item = await api.ok('followups.create', { decisionId: parking.id, task: '年底前建成城区公共停车位2000个', departmentId: deptId('市住房和城乡建设局'), deadline: '2026-11-30' })
    expect(item).toMatchObject({
      source: '会议纪要', sourceId: parking.id, status: '办理中', reports: [], lastReport: null,
      sourceTitle: '资阳市人民政府常务会议纪要〔2026〕1号：关于城区停车设施建设的议题',
      departmentName: '市住房和城乡建设局', leader: { title: '副市长', holderName: '陈立新' },
      meeting: { meetingId: signed.meetingId, minutesId: signed.id },
      urgency: '办理中', workingDaysLeft: 14, workingDaysOverdue: null, label: '剩余14个工作日',
    })
    ids.parking = item.id
    ids.market = (await api.ok('followups.create', {
      decisionId: market.id, task: '完成3个农贸市场升级改造', departmentId: deptId('市商务局'), leaderPostId: post('常务副市长').id, deadline: '2026-11-12',
    })).id
    const again = await api.call('followups.create', { decisionId: parking.id, task: '重复', departmentId: deptId('市住房和城乡建设局'), deadline: '2026-11-30' })
    expect(again.body.error?.code).toBe('CONFLICT')
    const minutes = await api.ok('minutes.get', { meetingId: signed.meetingId })
    const counts = await api.ok('followups.counts', { source: '会议纪要', sourceIds: minutes.decisions.map((d) => must(d.id, '已保存的决定')) })
    expect(minutes.decisions.map((d) => counts[must(d.id, '已保存的决定')])).toEqual([1, 1])
  })

  it('R-S1 a leader\'s instruction becomes an item with its own title (领导批示)', async () => {
    const item = await api.ok('followups.create', { sourceTitle: '张明远市长关于防汛隐患排查的批示', task: '完成全市防汛隐患排查整治', departmentId: deptId('市水利局'), deadline: '2026-11-05' })
    expect(item).toMatchObject({ source: '领导批示', sourceId: null, sourceTitle: '张明远市长关于防汛隐患排查的批示', leader: { holderName: '杨帆' } })
    ids.flood = item.id
    const none = await api.call('followups.create', { task: '无来源事项', departmentId: deptId('市水利局'), deadline: '2026-11-05' })
    expect(none.body.error).toMatchObject({ code: 'VALIDATION', field: 'sourceTitle' })
  })

  it('R-S1 lists overdue items first with the days overdue, then by deadline with the days remaining', async () => {
    const list = await api.ok('followups.list', {})
    expect(list.map((i) => [i.id, i.urgency, i.label])).toEqual([
      [ids.flood, '逾期', '逾期3个工作日'],
      [ids.market, '临期', '剩余2个工作日'],
      [ids.parking, '办理中', '剩余14个工作日'],
    ])
    expect(list[0]).toMatchObject({ workingDaysOverdue: 3, workingDaysLeft: null, label: '逾期3个工作日', departmentName: '市水利局', leader: { title: '副市长', holderName: '杨帆' } })
    expect(list[1].leader).toMatchObject({ title: '常务副市长', holderName: '李建国' })
    expect((await api.ok('followups.list', { overdueOnly: true })).map((i) => i.id)).toEqual([ids.flood])
    expect((await api.ok('followups.list', { departmentId: deptId('市商务局') })).map((i) => i.id)).toEqual([ids.market])

    await api.ok('system.setClock', { at: '2026-11-13T09:00:00+08:00' })
    const later = await api.ok('followups.list', { overdueOnly: true })
    expect(later.map((i) => [i.id, i.workingDaysOverdue])).toEqual([[ids.flood, 6], [ids.market, 1]])
  })

  it('R-S1 progress reports: the list shows the last one, the item all of them in order', async () => {
    await api.ok('followups.report', { id: ids.parking, reportedOn: '2026-11-11', content: '已完成选址8处，开工3处。', reporter: '市住房和城乡建设局 张华' })
    await api.ok('followups.report', { id: ids.parking, reportedOn: '2026-11-13', content: '已建成停车位600个。' })
    const item = await api.ok('followups.get', { id: ids.parking })
    expect(item.reports.map((r) => [r.reportedOn, r.content, r.reporter])).toEqual([
      ['2026-11-11', '已完成选址8处，开工3处。', '市住房和城乡建设局 张华'],
      ['2026-11-13', '已建成停车位600个。', null],
    ])
    const row = must((await api.ok('followups.list', {})).find((i) => i.id === ids.parking), '停车位督办事项')
    expect(row).toMatchObject({ reportCount: 2, lastReport: { reportedOn: '2026-11-13', content: '已建成停车位600个。' } })
    // The list's rows carry the count and the last report, not the reports themselves.
    expect(row).not.toHaveProperty('reports')
    const future = await api.call('followups.report', { id: ids.parking, reportedOn: '2026-11-20', content: '预报' })
    expect(future.body.error?.message).toContain('「报送日期」不能晚于今天')
  })

  it('R-S1 closing needs the outcome (件件有着落、事事有回音), and a closed item takes no more reports', async () => {
    const blank = await api.call('followups.close', { id: ids.flood, closedOn: '2026-11-13', outcome: '' })
    expect(blank.body.error).toMatchObject({ code: 'VALIDATION', field: 'outcome', message: '「办理结果」不能为空' })
    const closed = await api.ok('followups.close', { id: ids.flood, closedOn: '2026-11-13', outcome: '排查隐患点46处，已整改44处，2处列入明年汛前工程。' })
    expect(closed).toMatchObject({ status: '已办结', closedOn: '2026-11-13', urgency: '已办结', label: '已办结（超期6个工作日）' })
    const more = await api.call('followups.report', { id: ids.flood, reportedOn: '2026-11-13', content: '补充' })
    expect(more.body.error?.code).toBe('CONFLICT')
    expect(more.body.error?.message).toContain('已于2026年11月13日办结')
    const list = await api.ok('followups.list', {})
    expect(list.map((i) => i.id)).toEqual([ids.market, ids.parking, ids.flood])
    expect((await api.ok('followups.list', { status: '已办结' })).map((i) => i.id)).toEqual([ids.flood])
  })
})
