import { describe, expect, it } from 'vitest'
import { must } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'
import { readXlsx } from '../helpers/xlsx'

const demo = demoOffice()
const { api } = officeServer({ demo, clock: '2026-07-10T09:00:00+08:00' })
const { deptId, postId } = demo

const ids: Record<string, number> = {}

describe('人大代表建议和政协提案 (R-D8)', () => {
  it('R-D8 registers a 建议 with the handling department, and takes its 分管副市长 as the leading city leader unless one is named', async () => {
    const s = await api.ok('proposals.save', {
      kind: '人大代表建议', year: 2026, number: '第12号', leaderPostId: null, title: '关于加快城东片区土地收储的建议', proposer: '王建华等5名代表',
      departmentId: deptId('市自然资源和规划局'), deadline: '2026-07-31',
    })
    expect(s).toMatchObject({
      kind: '人大代表建议', number: '12', departmentName: '市自然资源和规划局', leader: { title: '副市长', holderName: '陈立新', byDefault: true },
      status: '办理中', timing: { state: '正常', workingDaysLeft: 15, label: '剩余15个工作日' }, reply: null, satisfaction: null,
    })
    ids.land = s.id
    ids.school = (await api.ok('proposals.save', {
      kind: '政协提案', year: 2026, number: '第3号', title: '关于增加城区义务教育学位供给的提案', proposer: '民进资阳市委',
      leaderPostId: postId('市长', '张明远'), departmentId: deptId('市教育和体育局'), deadline: '2026-06-30',
    })).id
    ids.flood = (await api.ok('proposals.save', {
      kind: '政协提案', year: 2026, number: '第10号', title: '关于完善山洪地质灾害防汛预警的提案', proposer: '李晓梅委员',
      departmentId: deptId('市应急管理局'), deadline: '2026-08-15',
    })).id
    ids.old = (await api.ok('proposals.save', {
      kind: '人大代表建议', year: 2025, number: '第40号', title: '关于改善农村公路通行条件的建议', proposer: '刘强代表',
      departmentId: deptId('市交通运输局'), deadline: '2025-07-31',
    })).id
  })

  it('refuses the same number twice in a year and kind, and says which', async () => {
    const r = await api.call('proposals.save', {
      kind: '政协提案', year: 2026, number: '第3号', title: '重复', proposer: '某委员', departmentId: deptId('市教育和体育局'), deadline: '2026-06-30',
    })
    expect(r.body.error).toMatchObject({ code: 'CONFLICT', field: 'number' })
    expect(r.body.error?.message).toContain('2026年政协提案第3号已经登记')
    // The same number typed bare is the same number.
    const bare = await api.call('proposals.save', {
      kind: '政协提案', year: 2026, number: '3', title: '重复', proposer: '某委员', departmentId: deptId('市教育和体育局'), deadline: '2026-06-30',
    })
    expect(bare.body.error?.code).toBe('CONFLICT')
    // Same number, other kind: allowed.
    await api.ok('proposals.save', {
      kind: '人大代表建议', year: 2026, number: '第3号', title: '关于建设城市慢行系统的建议', proposer: '赵敏代表', departmentId: deptId('市住房和城乡建设局'), deadline: '2026-08-31',
    })
  })

  it('lists newest year first, then by kind and number (第3号 before 第10号), filtered by year, kind, department and overdue', async () => {
    const all = await api.ok('proposals.list', {})
    expect(all.map((p) => `${p.year}${p.kind}${p.number}`)).toEqual([
      '2026人大代表建议3', '2026人大代表建议12', '2026政协提案3', '2026政协提案10', '2025人大代表建议40',
    ])
    expect((await api.ok('proposals.list', { kind: '政协提案' })).map((p) => p.id)).toEqual([ids.school, ids.flood])
    expect((await api.ok('proposals.list', { year: 2025 })).map((p) => p.id)).toEqual([ids.old])
    expect((await api.ok('proposals.list', { departmentId: deptId('市应急管理局') })).map((p) => p.id)).toEqual([ids.flood])
    const overdue = await api.ok('proposals.list', { overdueOnly: true })
    expect(overdue.map((p) => [p.id, p.timing?.label])).toEqual([[ids.school, '逾期8个工作日'], [ids.old, '逾期233个工作日']])
    expect((await api.ok('proposals.list', { text: '防汛' })).map((p) => p.id)).toEqual([ids.flood])
    expect(all.find((p) => p.id === ids.school)?.leader).toMatchObject({ title: '市长', holderName: '张明远' })
  })

  it('R-D8 records the reply and the proposer\'s satisfaction; an answered one is no longer overdue', async () => {
    const future = await api.call('proposals.reply', { id: ids.school, reply: '已新增学位1200个。', repliedOn: '2026-07-11' })
    expect(future.body.error?.code).toBe('VALIDATION')
    expect(future.body.error?.message).toContain('不能晚于今天')
    const r = await api.ok('proposals.reply', { id: ids.school, reply: '经研究，2026年秋季学期新增学位1200个。', repliedOn: '2026-07-08' })
    expect(r).toMatchObject({ status: '已答复', repliedOn: '2026-07-08', satisfaction: null, timing: null })
    const later = await api.ok('proposals.reply', { id: ids.school, reply: must(r.reply, '答复内容'), repliedOn: '2026-07-08', satisfaction: '满意' })
    expect(later.satisfaction).toBe('满意')
    expect((await api.ok('proposals.list', { overdueOnly: true })).map((p) => p.id)).toEqual([ids.old])
  })

  it('corrects a registration by id (a new handling department and deadline)', async () => {
    const s = await api.ok('proposals.save', {
      id: ids.flood, kind: '政协提案', year: 2026, number: '第10号', title: '关于完善山洪地质灾害防汛预警的提案', proposer: '李晓梅委员',
      departmentId: deptId('市水利局'), deadline: '2026-08-20',
    })
    expect(s).toMatchObject({ id: ids.flood, departmentName: '市水利局', deadline: '2026-08-20' })
    const v = await api.call('proposals.save', { kind: '政协提案', year: 2026, number: '', title: 'x', proposer: 'y', departmentId: deptId('市水利局'), deadline: '2026-08-20' })
    expect(v.body.error).toMatchObject({ code: 'VALIDATION', field: 'number' })
    expect(v.body.error?.message).toContain('编号')
  })
})

describe('R-D8 completed: 主办 and 会办, the leading leader shown, numbers printed once, counts and Excel', () => {
  it('takes one 主办 and any number of 会办 units (not the 主办 again); a department finds what it helps with', async () => {
    const s = await api.ok('proposals.save', {
      kind: '人大代表建议', year: 2026, number: '第3-028号', title: '关于加强城区内涝治理的建议', proposer: '周琳等3名代表',
      departmentId: deptId('市住房和城乡建设局'), coDepartmentIds: [deptId('市水利局'), deptId('市财政局'), deptId('市住房和城乡建设局')], deadline: '2026-08-31',
    })
    expect(s).toMatchObject({ number: '3-028', departmentName: '市住房和城乡建设局' })
    expect(s.coDepartments.map((d) => d.name).sort()).toEqual(['市水利局', '市财政局'].sort())
    ids.flooding = s.id
    expect((await api.ok('proposals.list', { departmentId: deptId('市财政局') })).map((p) => p.id)).toEqual([ids.flooding])
    const fewer = await api.ok('proposals.save', {
      id: ids.flooding, kind: '人大代表建议', year: 2026, number: '3-028', title: '关于加强城区内涝治理的建议', proposer: '周琳等3名代表',
      departmentId: deptId('市住房和城乡建设局'), coDepartmentIds: [deptId('市水利局')], deadline: '2026-08-31',
    })
    expect(fewer.coDepartments.map((d) => d.name)).toEqual(['市水利局'])
  })

  it('shows the 主办 department\'s 分管 leader as 牵头市领导 when none is chosen, never "—" while one exists', async () => {
    const list = await api.ok('proposals.list', { year: 2026 })
    const flooding = list.find((p) => p.id === ids.flooding)!
    expect(flooding.leader).toMatchObject({ byDefault: true, holderName: expect.any(String) })
    expect(list.find((p) => p.id === ids.school)!.leader).toMatchObject({ title: '市长', holderName: '张明远', byDefault: false })
  })

  it('names the leader who held the post on the day: today for an open one, the reply day for an answered one', async () => {
    const land = (await api.ok('proposals.list', {})).find((p) => p.id === ids.land)!
    await api.ok('proposals.reply', { id: ids.land, reply: '已纳入2026年土地收储计划。', repliedOn: '2026-07-09' })
    const successor = (await api.ok('org.savePerson', { name: '孙志刚', officePhone: '', mobile: '' })).id
    await api.ok('org.changeHolder', { postId: land.leader!.postId, personId: successor, fromDate: '2026-07-10', reason: '市人大常委会任命' })
    const other = await api.ok('proposals.save', {
      kind: '政协提案', year: 2026, number: '15', title: '关于盘活闲置土地的提案', proposer: '农工党资阳市委',
      departmentId: deptId('市自然资源和规划局'), deadline: '2026-09-30',
    })
    expect(other.leader).toMatchObject({ postId: land.leader!.postId, holderName: '孙志刚', byDefault: true })
    const answered = (await api.ok('proposals.list', {})).find((p) => p.id === ids.land)!
    expect(answered.leader).toMatchObject({ holderName: '陈立新' })
  })

  it('counts by state over the same year and kind as the list: 办理中 (其中逾期), 已答复 by satisfaction', async () => {
    const counts = await api.ok('proposals.counts', { year: 2026 })
    const list = await api.ok('proposals.list', { year: 2026 })
    expect(counts.total).toBe(list.length)
    expect(counts).toMatchObject({
      办理中: list.filter((p) => p.status === '办理中').length,
      已答复: 2, 逾期: list.filter((p) => p.timing?.state === '逾期').length,
      satisfaction: { 满意: 1, 基本满意: 0, 不满意: 0, 未反馈: 1 },
    })
    expect((await api.ok('proposals.counts', { year: 2025 })).逾期).toBe(1)
  })

  it('exports the list to Excel: number printed once, 主办 and 会办, the leader, dates as date cells, the page\'s working-day figure', async () => {
    const file = await api.ok('proposals.exportXlsx', { year: 2026, kind: '人大代表建议' })
    expect(file.filename).toBe('资阳市人民政府办公室人大代表建议和政协提案办理情况（2026年）.xlsx')
    const sheet = readXlsx(file.base64)
    expect(sheet.rows[1][0]).toContain('类别：人大代表建议')
    expect(sheet.rows[2]).toEqual(['类别', '编号', '标题', '提出人', '牵头市领导', '主办单位', '会办单位', '办理时限', '状态', '时限情况', '逾期工作日', '答复日期', '满意度', '答复内容'])
    const body = sheet.rows.slice(3)
    expect(body.map((r) => r[1])).toEqual(['2026年第3号', '2026年第3-028号', '2026年第12号'])
    const flooding = body[1]
    expect(flooding.slice(5, 9)).toEqual(['市住房和城乡建设局', '市水利局', '2026-08-31', '办理中'])
    expect(sheet.kinds[4][7]).toBe('date')
    const page = (await api.ok('proposals.list', { year: 2026 })).find((p) => p.id === ids.flooding)!
    expect(flooding[9]).toBe(page.timing!.label)
    expect(body[2][4]).toBe('副市长陈立新')
    expect(sheet.printTitles).toBe("'建议提案'!$3:$3")
  })
})
