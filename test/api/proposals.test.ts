import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, rpcClient, must, type TestServer } from '../helpers/server'
import { demoOffice } from '../helpers/demo-office'

let server: TestServer
let api: ReturnType<typeof rpcClient>
const demo = demoOffice()
const { deptId, postId } = demo

beforeAll(async () => {
  server = await startTestServer()
  api = rpcClient(server.url)
  await api.login()
  await api.ok('system.setClock', { at: '2026-07-10T09:00:00+08:00' })
  await demo.load(api)
})
afterAll(async () => { await server.stop() })

const ids: Record<string, number> = {}

describe('人大代表建议和政协提案 (R-D8)', () => {
  it('R-D8 registers a 建议 with the handling department, and takes its 分管副市长 as the leading city leader unless one is named', async () => {
    const s = await api.ok('proposals.save', {
      kind: '人大代表建议', year: 2026, number: '第12号', title: '关于加快城东片区土地收储的建议', proposer: '王建华等5名代表',
      departmentId: deptId('市自然资源和规划局'), deadline: '2026-07-31',
    })
    expect(s).toMatchObject({
      kind: '人大代表建议', number: '第12号', departmentName: '市自然资源和规划局', leader: { title: '副市长', holderName: '陈立新' },
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
    expect(r.body.error?.message).toContain('2026年政协提案“第3号”已经登记')
    // Same number, other kind: allowed.
    await api.ok('proposals.save', {
      kind: '人大代表建议', year: 2026, number: '第3号', title: '关于建设城市慢行系统的建议', proposer: '赵敏代表', departmentId: deptId('市住房和城乡建设局'), deadline: '2026-08-31',
    })
  })

  it('lists newest year first, then by kind and number (第3号 before 第10号), filtered by year, kind, department and overdue', async () => {
    const all = await api.ok('proposals.list', {})
    expect(all.map((p) => `${p.year}${p.kind}${p.number}`)).toEqual([
      '2026人大代表建议第3号', '2026人大代表建议第12号', '2026政协提案第3号', '2026政协提案第10号', '2025人大代表建议第40号',
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
