import { describe, expect, it } from 'vitest'
import { must } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice, type OrgPost } from '../helpers/demo-office'

const demo = demoOffice()
const { api } = officeServer({ demo })
const { department, person, post } = demo

describe('the demo organisation (R-P1)', () => {
  it('has the 市长, a 常务副市长, five more 副市长 with portfolios, the 秘书长 and three 副秘书长', () => {
    const kinds = (k: string) => demo.org.posts.filter((p) => p.kind === k && p.isDemo)
    expect(kinds('市长')).toHaveLength(1)
    expect(kinds('副市长').filter((p) => p.isExecutive)).toHaveLength(1)
    expect(kinds('副市长').filter((p) => !p.isExecutive)).toHaveLength(5)
    expect(kinds('副市长').every((p) => p.portfolio && p.departmentIds.length > 0)).toBe(true)
    expect(kinds('秘书长')).toHaveLength(1)
    expect(kinds('副秘书长')).toHaveLength(3)
  })

  it('has the departments the rules name as 列席 of the 常务会议', () => {
    const names = demo.org.departments.map((d) => d.name)
    for (const n of ['市监察局', '市审计局', '市政府信访局', '市政府法制办', '市政府研究室', '市政府督查室', '市政府应急办', '市政府新闻办']) {
      expect(names).toContain(n)
    }
    expect(demo.org.departments.filter((d) => d.kind === '县区').length).toBeGreaterThanOrEqual(3)
  })
})

describe('editing the organisation', () => {
  it('moves the 常务 flag when another 副市长 is made 常务副市长 (R-P1)', async () => {
    const wang = post('副市长', '王志强')
    await api.ok('org.savePost', { ...pick(wang), isExecutive: true })
    const after = await api.ok('org.overview')
    expect(after.posts.filter((p) => p.isExecutive).map((p) => p.holderName)).toEqual(['王志强'])
    await api.ok('org.savePost', { ...pick(post('常务副市长')), isExecutive: true })
  })

  it('refuses the 常务 flag on a post that is not a 副市长', async () => {
    const r = await api.call('org.savePost', { ...pick(post('秘书长')), isExecutive: true })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-P1' })
  })

  it('sets a portfolio: the departments under a 副市长 follow the list given', async () => {
    const chen = post('副市长', '陈立新')
    const water = department('市水利局')
    await api.ok('org.setPortfolio', { postId: chen.id, portfolio: '分管城建、交通、水利', departmentIds: [...chen.departmentIds, water.id] })
    const after = await api.ok('org.overview')
    expect(after.departments.find((d) => d.name === '市水利局')?.supervisor).toBe('副市长 陈立新')
    expect(after.posts.find((p) => p.id === chen.id)?.portfolio).toBe('分管城建、交通、水利')
  })

  it('keeps a post in one AB pair only (R-P3)', async () => {
    const r = await api.call('org.saveAbPair', { postAId: post('副市长', '王志强').id, postBId: post('副市长', '赵德胜').id })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-P3' })
    expect(r.body.error?.message).toContain('已有AB角')
  })

  it('will not delete a person who still holds a post, and points to 归档', async () => {
    const r = await api.call('org.deletePerson', { id: person('周文斌').id })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'R-P1' })
    expect(r.body.error?.message).toContain('周文斌仍担任秘书长，不能删除。人员离任请用“归档”')
  })
})

/** What org.savePost takes of a post as org.overview lists it. */
function pick(p: OrgPost) {
  return { id: p.id, title: p.title, kind: p.kind, departmentId: p.departmentId, holderId: p.holderId, isExecutive: p.isExecutive, portfolio: p.portfolio }
}

describe('leaders\' absences and who acts (R-P2 … R-P5)', () => {
  it('R-P4 warns when the 常务副市长\'s absence overlaps the mayor\'s, at recording and in the list', async () => {
    const mayor = person('张明远'), exec = person('李建国')
    const first = await api.ok('absences.save', { personId: mayor.id, kind: '出国', startDate: '2026-12-07', endDate: '2026-12-12', destination: '新加坡', reportedTo: [], actingPersonId: exec.id })
    expect([first.clashes, first.warnings]).toEqual([[], []])
    const second = await api.ok('absences.save', { personId: exec.id, kind: '学习', startDate: '2026-12-10', endDate: '2026-12-18', reportedTo: [mayor.id], actingPersonId: person('王志强').id })
    expect(second.clashes[0]).toContain('市长张明远与常务副市长李建国2026年12月10日至2026年12月12日同时外出')
    const list = await api.ok('absences.list', { from: '2026-12-01', to: '2026-12-31' })
    expect(list.overlaps).toHaveLength(1)
    expect(list.absences.find((a) => a.id === first.id)?.overlapWarnings[0]).toContain('按第七十六条')
    const later = await api.ok('absences.list', { from: '2026-12-20', to: '2026-12-31' })
    expect(later.overlaps).toEqual([])
  })

  it('R-P2 names the 常务副市长 as acting mayor on the days he is in, and nobody while both are away', async () => {
    const before = await api.ok('absences.leadersOn', { date: '2026-12-08' })
    expect(before[0]).toMatchObject({ postTitle: '市长', actorName: '李建国', rule: 'R-P2' })
    expect(before[0].reason).toBe('市长张明远外出（出国），按第八条由负责常务工作的副市长李建国代行市长职责（已报备）')
    const during = await api.ok('absences.leadersOn', { date: '2026-12-11' })
    expect(during[0].actorName).toBeNull()
    expect(during[0].reason).toContain('（李建国亦外出）')
  })

  it('R-P3 proposes the AB partner as acting for a 副市长 before anything is filed', async () => {
    const acting = await api.ok('absences.proposeActing', { personId: person('刘芳').id, kind: '学习', date: '2026-12-21' })
    expect(acting).toMatchObject({ actorName: '杨帆', rule: 'R-P3' })
    expect(acting?.reason).toBe('刘芳外出（学习），按第五十七条由AB角杨帆代行政务活动职责')
  })

  it('R-P5 flags private leave of a 副市长 that the mayor has not approved', async () => {
    const r = await api.ok('absences.save', { personId: person('赵德胜').id, kind: '因私', startDate: '2026-12-21', endDate: '2026-12-22', reportedTo: [person('张明远').id], actingPersonId: person('杨帆').id })
    expect(r.warnings).toEqual(['第七十六条：因私须经市长批准，目前尚未批准'])
  })

  it('shows 首页 today with the absent mayor and who acts for him', async () => {
    await api.ok('system.setClock', { at: '2026-12-08T09:00:00+08:00' })
    const today = await api.ok('home.today')
    expect(today.date).toBe('2026-12-08')
    expect(today.day).toMatchObject({ working: true, type: '工作日' })
    expect(today.away.map((a) => a.personName)).toContain('张明远')
    expect(today.leaders[0]).toMatchObject({ holderName: '张明远', actorName: '李建国' })
    await api.ok('system.setClock', { at: new Date().toISOString() })
  })

  it('refuses an identical duplicate absence, and warns of one that overlaps', async () => {
    const mayor = person('张明远')
    const again = await api.call('absences.save', { personId: mayor.id, kind: '出国', startDate: '2026-12-07', endDate: '2026-12-12', destination: '新加坡', reportedTo: [] })
    expect(again.body.error).toMatchObject({ code: 'CONFLICT' })
    expect(again.body.error?.message).toBe('张明远2026年12月7日至2026年12月12日的出国已经登记过（新加坡），不能重复登记；如需更改，请在列表中修改原记录')
    const list = await api.ok('absences.list', { from: '2026-12-01', to: '2026-12-31' })
    expect(list.absences.filter((a) => a.personId === mayor.id)).toHaveLength(1)
    const overlapping = await api.ok('absences.save', { personId: mayor.id, kind: '出差', startDate: '2026-12-12', endDate: '2026-12-13', reportedTo: [] })
    expect(overlapping.warnings).toContain('张明远2026年12月7日至2026年12月12日已登记出国，与本次外出有重叠的日子，请核对是否重复登记')
    await api.ok('absences.delete', { id: overlapping.id })
  })

  it('R-P2 acting per day: 李建国 acts for the 市长 only on the days he is in himself', async () => {
    const list = await api.ok('absences.list', { from: '2026-12-01', to: '2026-12-31' })
    const trip = must(list.absences.find((a) => a.personName === '张明远'), '市长的外出')
    expect(trip.actingSpans.map((s) => [s.startDate, s.endDate, s.acting.actorName, s.acting.rule])).toEqual([
      ['2026-12-07', '2026-12-09', '李建国', 'R-P2'],
      ['2026-12-10', '2026-12-12', null, null],
    ])
    expect(trip.actingSpans[1].acting.reason).toContain('（李建国亦外出）')
  })

  it('R-P5 the 市长 reports to nobody above: no 未报告 or 待批, the trip is filed with the office', async () => {
    const list = await api.ok('absences.list', { from: '2026-12-01', to: '2026-12-31' })
    const trip = must(list.absences.find((a) => a.personName === '张明远'), '市长的外出')
    expect(trip.duty).toEqual({ reportTo: null, approvalBy: null, filing: '市长外出无须向上报告或审批；行程和代行的常务副市长报办公室备案' })
    expect(trip.gaps).toEqual([])
    const deputy = must(list.absences.find((a) => a.personName === '李建国'), '常务副市长的外出')
    expect(deputy.duty).toMatchObject({ reportTo: '市长', approvalBy: null })
  })

  it('refuses an absence that ends before it starts, naming the field', async () => {
    const r = await api.call('absences.save', { personId: person('张明远').id, kind: '出差', startDate: '2026-12-10', endDate: '2026-12-01' })
    expect(r.body.error).toMatchObject({ code: 'VALIDATION', field: 'endDate', message: '「结束日期」不能早于开始日期' })
  })
})

describe('removing the demo organisation', () => {
  it('refuses while a real post still sits in a demo department, naming it', async () => {
    const dept = department('市财政局')
    await api.ok('org.addPersonToDepartment', { departmentId: dept.id, name: '真实人员', title: '市财政局办公室主任', kind: '其他' })
    const r = await api.call('org.removeDemo')
    expect(r.body.error?.message).toContain('市财政局办公室主任')
  })

  it('removes every demo row in one action once nothing real depends on it', async () => {
    const now = await api.ok('org.overview')
    const real = must(now.posts.find((p) => p.title === '市财政局办公室主任'), '市财政局办公室主任岗位')
    await api.ok('org.deletePost', { id: real.id })
    const counts = await api.ok('org.removeDemo')
    expect(counts.人员).toBeGreaterThan(50)
    const after = await api.ok('org.overview')
    expect(after.hasDemo).toBe(false)
    expect(after.posts.filter((p) => p.isDemo)).toEqual([])
    expect(after.people.map((p) => p.name)).toContain('真实人员')
  })
})
