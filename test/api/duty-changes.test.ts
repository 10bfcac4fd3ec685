import { beforeAll, describe, expect, it } from 'vitest'
import { rpcClient, download, must, type OutputOf } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'
import { unzipPart } from '../helpers/zip'

// Issue 15, 值班 without dead ends: swaps only of shifts not yet past, each date's 带班 consenting by name;
// 轮班统计 by the calendar; the handover offered the day's duty staff; the log export with 记录人 and handovers.

const demo = demoOffice()
const { server, api } = officeServer({ demo, clock: '2026-11-20T10:00:00+08:00' })
type Roster = OutputOf<'duty.get'>
let december: Roster
const dayOf = (roster: Roster, date: string) => must(roster.days.find((d) => d.date === date), `${date} 的值班`).duties
const holder = (roster: Roster, date: string, role: string) => must(dayOf(roster, date).find((d) => d.role === role), `${date} 的${role}`).personId

beforeAll(async () => {
  const made = await api.ok('duty.generate', { kind: '办公室值班', from: '2026-12-01', to: '2026-12-31' })
  await api.ok('duty.publish', { id: made.id })
  await api.ok('system.setClock', { at: '2026-12-10T10:00:00+08:00' })
  december = await api.ok('duty.get', { id: made.id })
}, 60_000)

/** A 主班 of `date` and a counterpart free that day, with the counterpart's later 主班 (on a day the requester is free). */
function exchangeFrom(date: string, differentLeads: boolean) {
  const a = holder(december, date, '主班')
  const busy = (d: string) => dayOf(december, d).map((x) => x.personId)
  const back = must(december.days.find((d) => d.date > date && !busy(d.date).includes(a) && !busy(date).includes(holder(december, d.date, '主班'))
    && (holder(december, d.date, '带班') !== holder(december, date, '带班')) === differentLeads), `${date} 之后可换回的日期`).date
  return { requesterId: a, counterpartId: holder(december, back, '主班'), date, returnDate: back }
}

describe('X-4 swaps of shifts not yet past, each date\'s 带班 consenting by name', () => {
  it('the roster tells the page the office\'s today, before which nothing can be swapped', () => {
    expect(december.today).toBe('2026-12-10')
  })

  it('a past swap refused: 12月3日 is over on 12月10日, and nothing is recorded', async () => {
    const s = exchangeFrom('2026-12-03', true)
    const lead = (d: string) => ({ date: d, personId: holder(december, d, '带班') })
    const r = await api.call('duty.swap', { rosterId: december.roster.id, ...s, counterpartAccepted: true, leadConsents: [lead(s.date), lead(s.returnDate)] })
    expect(r.body.error).toMatchObject({ code: 'RULE', rule: 'X-4', message: '办公室工作惯例：不能换班——2026年12月3日的值班已经过去，只能调换今天及以后的值班' })
    // Nor a future shift given for a past one: the date taken back is checked too.
    const future = holder(december, '2026-12-15', '主班')
    const busy = (d: string) => dayOf(december, d).map((x) => x.personId)
    const past = must(december.days.find((d) => d.date < '2026-12-10' && !busy(d.date).includes(future) && !busy('2026-12-15').includes(holder(december, d.date, '主班'))), '可换回的过去日期').date
    const back = await api.call('duty.swap', {
      rosterId: december.roster.id, requesterId: future, counterpartId: holder(december, past, '主班'), date: '2026-12-15', returnDate: past,
      counterpartAccepted: true, leadConsents: [lead('2026-12-15'), lead(past)],
    })
    expect(back.body.error?.message).toBe(`办公室工作惯例：不能换班——2026年12月${Number(past.slice(8))}日的值班已经过去，只能调换今天及以后的值班`)
    const after = await api.ok('duty.get', { id: december.roster.id })
    expect(after.changes).toEqual([])
    expect(after.days).toEqual(december.days)
  })

  it('an exchange whose two dates have different 带班 needs both by name, and records who agreed for each date', async () => {
    const s = exchangeFrom('2026-12-15', true)
    const [leadA, leadB] = [holder(december, s.date, '带班'), holder(december, s.returnDate, '带班')]
    expect(leadA).not.toBe(leadB)
    const request = { rosterId: december.roster.id, ...s, counterpartAccepted: true }
    const one = await api.call('duty.swap', { ...request, leadConsents: [{ date: s.date, personId: leadA }] })
    expect(one.body.error?.message).toContain(`须经${s.returnDate.slice(0, 4)}年12月${Number(s.returnDate.slice(8))}日带班${demo.nameOf(leadB)}同意，尚未同意`)
    const wrong = await api.call('duty.swap', { ...request, leadConsents: [{ date: s.date, personId: leadB }, { date: s.returnDate, personId: leadB }] })
    expect(wrong.body.error?.message).toContain(`2026年12月15日的带班是${demo.nameOf(leadA)}，不是${demo.nameOf(leadB)}；须由当日带班本人同意`)
    expect((await api.ok('duty.get', { id: december.roster.id })).changes).toEqual([])

    const done = await api.ok('duty.swap', { ...request, leadConsents: [{ date: s.date, personId: leadA }, { date: s.returnDate, personId: leadB }] })
    expect(done.record).toContain(`对方已同意，2026年12月15日带班${demo.nameOf(leadA)}、2026年12月${Number(s.returnDate.slice(8))}日带班${demo.nameOf(leadB)}已同意。`)
    const after = await api.ok('duty.get', { id: december.roster.id })
    expect(after.changes).toHaveLength(1)
    expect(after.changes[0].consents).toEqual([
      { date: s.date, role: '带班', personId: leadA, name: demo.nameOf(leadA) },
      { date: s.returnDate, role: '带班', personId: leadB, name: demo.nameOf(leadB) },
    ])
    expect(holder(after, s.date, '主班')).toBe(s.counterpartId)
    december = after
  })

  it('each consent is in the audit log as its own record, naming the 带班', async () => {
    const auditor = rpcClient(server.url)
    await auditor.login('auditor')
    const rows = await auditor.ok('audit.list', { entity: '换班同意' })
    const text = JSON.stringify(rows)
    const [consent] = december.changes[0].consents
    expect(text).toContain(consent.name)
    expect(text).toContain('同意的带班')
  })
})

describe('轮班统计 by the holiday calendar', () => {
  it('counts weekend shifts as 周末, not 平日: December 2026 has 8 weekend days and 23 working days in each role', () => {
    for (const role of ['带班', '主班', '副班'] as const) {
      const rows = december.fairness.filter((r) => r.role === role)
      expect(rows.reduce((n, r) => n + r.weekend, 0)).toBe(8)
      expect(rows.reduce((n, r) => n + r.workday, 0)).toBe(23)
      expect(rows.reduce((n, r) => n + r.holiday, 0)).toBe(0)
    }
    const onSaturday = holder(december, '2026-12-05', '主班')
    const row = must(december.fairness.find((r) => r.role === '主班' && r.personId === onSaturday), '12月5日主班的统计')
    expect(row.weekend).toBeGreaterThan(0)
    expect(row.workday + row.weekend).toBe(row.ordinary)
  })
})

describe('交接班', () => {
  it('offers the day\'s duty staff to hand over and the next day\'s to take over, not the 市长 or the county heads', async () => {
    const people = await api.ok('duty.handoverPeople', { date: '2026-12-16' })
    const names = (list: { personId: number }[]) => list.map((p) => demo.nameOf(p.personId))
    expect(people.today.map((d) => [d.role, d.personId])).toEqual(dayOf(december, '2026-12-16').map((d) => [d.role, d.personId]))
    expect(people.next).toEqual({ date: '2026-12-17', duties: dayOf(december, '2026-12-17').map((d) => ({ role: d.role, personId: d.personId, name: demo.nameOf(d.personId) })) })
    const leaders = demo.org.posts.filter((p) => ['市长', '副市长', '秘书长', '县区主要负责人'].includes(p.kind) && p.holderId).map((p) => p.holderId)
    expect(leaders.length).toBeGreaterThan(3)
    for (const p of [...people.today, ...people.next.duties, ...people.others]) expect(leaders).not.toContain(p.personId)
    expect(names(people.others).length).toBeGreaterThan(0)
  })

  it('takes the shift from the office\'s vocabulary and refuses free text, saying which 班次 there are', async () => {
    const bad = await api.call('duty.addHandover', { date: '2026-12-16', shift: '夜班', note: '无' })
    expect(bad.body.error).toMatchObject({ code: 'VALIDATION', field: 'shift' })
    expect(bad.body.error?.message).toContain('「班次」')
  })
})

describe('the duty log as a Word file', () => {
  it('lists who recorded each entry and the period\'s handovers', async () => {
    const me = await api.ok('auth.me')
    await api.ok('duty.addLog', { at: '2026-12-16 22:10', callerUnit: '市水务局', content: '上游来水增加，请关注', handling: '已报告带班' })
    const [lead, main] = dayOf(december, '2026-12-16')
    const next = dayOf(december, '2026-12-17')[1]
    await api.ok('duty.addHandover', { date: '2026-12-16', shift: '主班', note: '来水情况请继续关注', fromPersonId: main.personId, toPersonId: next.personId })
    const file = await download(api, 'duty.exportLogDocx', { from: '2026-12-16', to: '2026-12-16' })
    const xml = unzipPart(file.buf, 'word/document.xml')
    const rows = xml.split('<w:tr>').slice(1).map((tr) => [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((tc) => [...tc[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
    expect(rows[0]).toEqual(['时间', '来电单位及来电人', '来电内容', '处理情况', '报告或通知', '后续跟进', '记录人'])
    expect(rows[1]).toEqual(['22:10', '市水务局', '上游来水增加，请关注', '已报告带班', '', '', must(me, '当前用户').displayName])
    expect(xml).toContain('交接班记录')
    expect(rows[2]).toEqual(['日期', '班次', '交班人 → 接班人', '交接内容'])
    expect(rows[3]).toEqual(['12月16日', '主班', `${demo.nameOf(main.personId)} → ${demo.nameOf(next.personId)}`, '来水情况请继续关注'])
    expect(lead.role).toBe('带班')
  })
})

describe('a staff member who has left (归档)', () => {
  it('keeps their name on the December roster, marked as left, and is refused for a duty after leaving', async () => {
    // The 主班 of 12月5日 leaves today, 12月10日: the duties before stay theirs; a later substitute by them is refused.
    const leaver = holder(december, '2026-12-05', '主班')
    await api.ok('org.archivePerson', { id: leaver, date: '2026-12-10', reason: '调离市政府办公室' })
    const after = await api.ok('duty.get', { id: december.roster.id })
    const theirs = after.days.flatMap((d) => d.duties).filter((d) => d.personId === leaver)
    expect(theirs.length).toBeGreaterThan(0)
    expect(theirs.every((d) => d.person?.name === demo.nameOf(leaver) && d.person.archivedOn === '2026-12-10')).toBe(true)
    expect(after.fairness.find((r) => r.personId === leaver)?.archivedOn).toBe('2026-12-10')

    const late = must(after.days.find((d) => d.date >= '2026-12-10' && !d.duties.some((x) => x.personId === leaver)), '离任后的一天').date
    const given = dayOf(after, late).find((d) => d.role === '副班')!
    const refused = await api.call('duty.swap', {
      rosterId: december.roster.id, requesterId: given.personId, counterpartId: leaver, date: late,
      counterpartAccepted: true, leadConsents: [{ date: late, personId: holder(after, late, '带班') }],
    })
    expect(refused.body.error).toMatchObject({ code: 'RULE', rule: 'X-4' })
    expect(refused.body.error?.message).toContain(`${demo.nameOf(leaver)}已于2026年12月10日离任（已归档），不能安排`)
    const word = unzipPart((await download(api, 'duty.exportRosterDocx', { id: december.roster.id })).buf, 'word/document.xml')
    expect(word).toContain(demo.nameOf(leaver))
    // Their duties from the day they left are gaps to fill, with replacements offered; the earlier ones are not.
    const gaps = await api.ok('duty.gaps', { id: december.roster.id })
    const left = theirs.filter((d) => d.date >= '2026-12-10')
    expect(left.length).toBeGreaterThan(0)
    expect(gaps.filter((g) => g.duty.personId === leaver).map((g) => g.duty.date)).toEqual(left.map((d) => d.date))
    expect(gaps.find((g) => g.duty.personId === leaver)?.reason).toContain(`${demo.nameOf(leaver)}已于2026年12月10日离任，须另行安排`)
    expect(gaps.find((g) => g.duty.personId === leaver)?.suggestions.every((x) => x.personId !== leaver)).toBe(true)
  })
})

describe('a year without holiday data (R-W2, X-6)', () => {
  it('drafts January 2027 all the same, marked 暂定 on the page and in the Word and Excel files, naming who enters the year', async () => {
    expect((await api.ok('calendar.year', { year: 2027 })).known).toBe(false)
    const made = await api.ok('duty.generate', { kind: '办公室值班', from: '2027-01-01', to: '2027-01-31' })
    const roster = await api.ok('duty.get', { id: made.id })
    expect(roster.days).toHaveLength(31)
    expect(roster.provisional).toContain('2027年的节假日安排尚未录入')
    expect(roster.provisional).toContain('文秘或科长')
    const word = unzipPart((await download(api, 'duty.exportRosterDocx', { id: made.id })).buf, 'word/document.xml')
    expect(word).toContain('（暂定：2027年的节假日安排尚未录入')
    const excel = (await download(api, 'duty.exportRosterXlsx', { id: made.id })).buf
    expect(unzipPart(excel, 'xl/sharedStrings.xml')).toContain('暂定：2027年的节假日安排尚未录入')
    expect(december.provisional).toBeNull()
  })
})
