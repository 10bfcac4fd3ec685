import { describe, expect, it } from 'vitest'
import { must, type OutputOf } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'

const demo = demoOffice()
const { api } = officeServer({ demo })
const { nameOf, person } = demo
type Roster = OutputOf<'duty.get'>
const duties = (roster: Roster) => roster.days.flatMap((d) => d.duties)
/** The roster's entries of one day. */
const dayOf = (roster: Roster, date: string) => must(roster.days.find((d) => d.date === date), `${date} 的值班`).duties

let national: Roster
let december: Roster

describe('the leaders\' holiday roster (R-W1, R-W2)', () => {
  it('gives 国庆 2026 seven 带班领导 days, 10月1日 to 7日, and not the make-up Saturday 10月10日 (R-W1)', async () => {
    const made = await api.ok('duty.generate', { kind: '领导带班', from: '2026-09-28', to: '2026-10-11' })
    expect(made.title).toBe('2026年国庆节市政府领导带班表')
    expect(made.gaps).toEqual([])
    national = await api.ok('duty.get', { id: made.id })
    expect(national.roster.status).toBe('草稿')
    expect(national.days.map((d) => d.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'])
    const list = duties(national)
    expect(list.every((d) => d.role === '带班领导')).toBe(true)
    expect(new Set(list.map((d) => d.personId)).size).toBe(7)
    const leaders = demo.org.posts.filter((p) => ['市长', '副市长', '秘书长'].includes(p.kind)).map((p) => p.holderId)
    expect(list.every((d) => leaders.includes(d.personId))).toBe(true)
    expect(list[0].person).toMatchObject({ name: nameOf(list[0].personId), officePhone: expect.any(String), mobile: expect.any(String) })
    expect(national.fairness).toHaveLength(7)
    expect(national.fairness.every((r) => r.holiday === 1 && r.weighted === 2 && r.name)).toBe(true)
  })

  it('refuses a period without statutory holidays; in a year not entered says who enters the holidays (R-W1, R-W2)', async () => {
    const none = await api.call('duty.generate', { kind: '领导带班', from: '2026-11-02', to: '2026-11-06' })
    expect(none.body.error).toMatchObject({ code: 'RULE', rule: 'R-W1' })
    const unknown = await api.call('duty.preview', { kind: '领导带班', from: '2099-10-01', to: '2099-10-07' })
    expect(unknown.body.error).toMatchObject({ code: 'RULE', rule: 'R-W2' })
    expect(unknown.body.error?.message).toContain('2099年的节假日安排尚未录入')
    expect(unknown.body.error?.message).toContain('请文秘或科长在“节假日”中粘贴国务院办公厅通知录入')
  })

  it('publishes the roster with its time, and will not publish it twice (X-4)', async () => {
    await api.ok('system.setClock', { at: '2026-09-20T10:00:00+08:00' })
    const published = await api.ok('duty.publish', { id: national.roster.id })
    expect(published).toMatchObject({ status: '已发布', publishedAt: expect.stringMatching(/^2026-09-20T02:00/) })
    const again = await api.call('duty.publish', { id: national.roster.id })
    expect(again.body.error?.code).toBe('CONFLICT')
  })
})

describe('the office\'s own duty (X-4)', () => {
  it('drafts December 2026 with a 带班, a 主班 and a 副班 every day, three different people, fairly spread (X-4)', async () => {
    const made = await api.ok('duty.generate', { kind: '办公室值班', from: '2026-12-01', to: '2026-12-31' })
    expect(made).toMatchObject({ title: '2026年12月市政府办公室值班表', gaps: [], warnings: [] })
    december = await api.ok('duty.get', { id: made.id })
    expect(december.days).toHaveLength(31)
    for (const day of december.days) {
      expect(day.duties.map((d) => d.role)).toEqual(['带班', '主班', '副班'])
      expect(new Set(day.duties.map((d) => d.personId)).size).toBe(3)
    }
    const leads = ['何振华', '马丽', '黄涛', '林静'].map((n) => person(n).id)
    expect(december.days.every((d) => leads.includes(d.duties[0].personId))).toBe(true)
    for (const role of ['带班', '主班', '副班']) {
      const counts = december.fairness.filter((r) => r.role === role).map((r) => r.ordinary + r.holiday)
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1)
    }
    expect(december.missing).toEqual([])
    await api.ok('duty.publish', { id: made.id })
  })

  it('refuses a swap the 带班 has not consented to, recording nothing, then makes it once consented (X-4)', async () => {
    const list = duties(december)
    const a = must(list.find((d) => d.date === '2026-12-03' && d.role === '主班'), '12月3日的主班')
    const b = must(list.find((d) => d.role === '主班' && d.date > '2026-12-03' && d.personId !== a.personId
      && !list.some((x) => x.date === '2026-12-03' && x.personId === d.personId)
      && !list.some((x) => x.date === d.date && x.personId === a.personId)), '可与之换班的主班')
    const request = { rosterId: december.roster.id, requesterId: a.personId, counterpartId: b.personId, date: a.date, returnDate: b.date, counterpartAccepted: true }
    const lead = (date: string) => dayOf(december, date)[0].personId
    const refused = await api.call('duty.swap', { ...request, leadConsents: [] })
    expect(refused.body.error).toMatchObject({ code: 'RULE', rule: 'X-4' })
    expect(refused.body.error?.message).toContain(`须经2026年12月3日带班${nameOf(lead(a.date))}同意`)
    expect((await api.ok('duty.get', { id: december.roster.id })).changes).toEqual([])

    const done = await api.ok('duty.swap', { ...request, leadConsents: [a.date, b.date].map((date) => ({ date, personId: lead(date) })) })
    expect(done.record).toContain(`${nameOf(a.personId)}与${nameOf(b.personId)}换班`)
    const after = await api.ok('duty.get', { id: december.roster.id })
    const now = duties(after)
    expect(now.find((d) => d.date === a.date && d.role === '主班')?.personId).toBe(b.personId)
    expect(now.find((d) => d.date === b.date && d.role === '主班')?.personId).toBe(a.personId)
    expect(after.changes).toEqual([expect.objectContaining({ kind: '换班', dates: `${a.date},${b.date}`, counterpartAccepted: true, leadConsented: true, requesterName: nameOf(a.personId) })])
    december = after
  })

  it('shows a gap with suggested replacements when someone on duty is away after publishing, and records the fix as 发布后修改 (X-4)', async () => {
    const duty = must(duties(december).find((d) => d.date === '2026-12-15' && d.role === '副班'), '12月15日的副班')
    expect(await api.ok('duty.gaps', { id: december.roster.id })).toEqual([])
    await api.ok('absences.save', { personId: duty.personId, kind: '休假', startDate: '2026-12-14', endDate: '2026-12-16', reportedTo: [] })
    const gaps = await api.ok('duty.gaps', { id: december.roster.id })
    const gap = must(gaps.find((g) => g.duty.date === '2026-12-15' && g.duty.role === '副班'), '12月15日副班的空缺')
    expect(gap.reason).toBe(`2026年12月15日副班${nameOf(duty.personId)}外出（休假），须另行安排`)
    expect(gap.suggestions.length).toBeGreaterThan(0)
    const onThatDay = duties(december).filter((d) => d.date === '2026-12-15').map((d) => d.personId)
    expect(gap.suggestions.every((s) => !onThatDay.includes(s.personId) && s.name)).toBe(true)

    const away = await api.call('duty.setDuty', { rosterId: december.roster.id, date: '2026-12-15', role: '副班', personId: duty.personId })
    expect(away.body.error).toMatchObject({ code: 'RULE', rule: 'X-4' })
    const fixed = await api.ok('duty.setDuty', { rosterId: december.roster.id, date: '2026-12-15', role: '副班', personId: gap.suggestions[0].personId })
    expect(fixed.changes.at(-1)).toMatchObject({ kind: '发布后修改', dates: '2026-12-15', requesterId: duty.personId, counterpartId: gap.suggestions[0].personId })
    expect((await api.ok('duty.gaps', { id: december.roster.id })).some((g) => g.duty.date === '2026-12-15' && g.duty.role === '副班')).toBe(false)
    december = fixed
  })
})

describe('on the day', () => {
  it('shows today\'s office 带班, 主班 and 副班 with their numbers, and the 国庆 带班领导 on a holiday (R-W1, X-4)', async () => {
    await api.ok('system.setClock', { at: '2026-12-15T09:00:00+08:00' })
    const today = await api.ok('duty.today')
    const day = dayOf(december, '2026-12-15')
    expect(today.date).toBe('2026-12-15')
    expect(today.leader).toBeNull()
    expect(today.lead).toMatchObject({ id: day[0].personId, name: nameOf(day[0].personId), mobile: expect.any(String) })
    expect(today.main?.id).toBe(day[1].personId)
    expect(today.deputy).toMatchObject({ id: day[2].personId, officePhone: expect.any(String) })

    await api.ok('system.setClock', { at: '2026-10-03T08:00:00+08:00' })
    const holiday = await api.ok('duty.today')
    const leader = dayOf(national, '2026-10-03')[0]
    expect(holiday.leader).toMatchObject({ name: nameOf(leader.personId), roster: '2026年国庆节市政府领导带班表' })
    await api.ok('system.setClock', { at: new Date().toISOString() })
  })

  it('finds a duty-log entry by date and by a two-character search (X-4)', async () => {
    const entry = await api.ok('duty.addLog', {
      at: '2026-12-15 21:30', callerUnit: '市应急管理局', callerName: '王强', callerPhone: '028-26612345',
      content: '通报今晚强降温，请做好防汛和道路结冰防范', handling: '已报告带班领导，通知相关科室', notified: '何振华', urgent: true,
    })
    expect(entry).toMatchObject({ urgent: true, recordedBy: expect.any(String) })
    const found = await api.ok('duty.searchLog', { from: '2026-12-15', to: '2026-12-15', text: '防汛' })
    expect(found.map((e) => e.id)).toEqual([entry.id])
    expect((await api.ok('duty.searchLog', { from: '2026-12-01', to: '2026-12-31', text: '应急' })).map((e) => e.id)).toEqual([entry.id])
    expect(await api.ok('duty.searchLog', { from: '2026-12-16', to: '2026-12-31', text: '防汛' })).toEqual([])
    expect(await api.ok('duty.searchLog', { from: '2026-12-15', to: '2026-12-15', text: '土地' })).toEqual([])
    expect(await api.ok('duty.searchLog', { from: '2026-12-15', to: '2026-12-15', text: '100%' })).toEqual([])
  })

  it('keeps a handover note for the shift (X-4)', async () => {
    const [lead, main] = dayOf(december, '2026-12-15')
    await api.ok('duty.addHandover', { date: '2026-12-15', shift: '主班', note: '强降温通报已处理，明早跟进道路结冰情况', fromPersonId: main.personId, toPersonId: lead.personId })
    const notes = await api.ok('duty.listHandovers', { from: '2026-12-15', to: '2026-12-15' })
    expect(notes).toEqual([expect.objectContaining({ shift: '主班', fromName: nameOf(main.personId), toName: nameOf(lead.personId) })])
  })

  it('keeps a person\'s date out of a generated roster when they asked not to be on duty (X-4)', async () => {
    const staff = person('许文杰')
    const ex = await api.ok('duty.saveExclusion', { personId: staff.id, date: '2026-11-05', reason: '家中有事' })
    const preview = await api.ok('duty.preview', { kind: '办公室值班', from: '2026-11-01', to: '2026-11-10' })
    expect(preview.assignments.some((a) => a.date === '2026-11-05' && a.personId === staff.id)).toBe(false)
    expect(preview.assignments.some((a) => a.personId === staff.id)).toBe(true)
    expect((await api.ok('duty.listExclusions', { from: '2026-11-01', to: '2026-11-30' }))[0]).toMatchObject({ id: ex.id, name: '许文杰', reason: '家中有事' })
    await api.ok('duty.deleteExclusion', { id: ex.id })
  })
})

describe('bad input', () => {
  it('answers in Chinese, naming the field, and writes nothing', async () => {
    const rostersBefore = (await api.ok('duty.list')).length
    const logBefore = (await api.ok('duty.searchLog', { from: '2026-01-01', to: '2026-12-31' })).length
    const empty = await api.call('duty.addLog', { callerName: '王强', content: '  ' })
    expect(empty.status).toBe(400)
    expect(empty.body.error).toMatchObject({ code: 'VALIDATION', field: 'content', message: '「来电内容」不能为空' })
    const backwards = await api.call('duty.generate', { kind: '办公室值班', from: '2027-02-28', to: '2027-02-01' })
    expect(backwards.body.error).toMatchObject({ code: 'VALIDATION', field: 'to', message: '「结束日期」不能早于开始日期' })
    const badKind = await api.call('duty.generate', { kind: '夜班', from: '2027-02-01', to: '2027-02-28' })
    expect(badKind.body.error?.message).toContain('「值班类别」')
    const badTime = await api.call('duty.addLog', { at: '12月15日晚', content: '测试' })
    expect(badTime.body.error).toMatchObject({ field: 'at', message: '「时间」应为时间，格式 2026-12-15 09:30' })
    expect((await api.ok('duty.list')).length).toBe(rostersBefore)
    expect((await api.ok('duty.searchLog', { from: '2026-01-01', to: '2026-12-31' })).length).toBe(logBefore)
  })

  it('will not delete a published roster (X-4)', async () => {
    const r = await api.call('duty.delete', { id: december.roster.id })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'X-4' })
  })
})
