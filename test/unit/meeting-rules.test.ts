import { describe, expect, it } from 'vitest'
import type { AbsencePeriod } from '../../src-main/absences/rules'
import type { LeaderPost, OrgWithUnits } from '../../src-main/org/snapshot'
import { packagedCalendar } from '../helpers/calendar'
import { AppError } from '../../src-main/kernel/errors'
import { checkEntrustment, checkLeaveAskee, checkSignOff, checkSupervisor, checkTopicDelivery, heldWarnings, topicsTurnedLate, correctorProblem, cityWideMeetingCheck, expectedAttendance, formatMinutesNumber, leaveAskee, meetingWarnings, minutesSigner, minutesTitle, nextNumber, planNextMeetings, quorum, quorumFor, topicDeadline, typeTopicDeadline } from '../../src-main/meetings/rules'
import { enforce } from '../../src-main/kernel/decision'
import { DEFAULT_MEETING_TYPES, defaultMeetingType, meetingTypeSchema } from '../../src-main/meetings/types/config'

const cal = packagedCalendar()

// People 1–8 lead; 王 (3) and 刘 (4) are an AB pair. Units 100–105 and a county 200.
const P = { 市长: 1, 常务: 2, 王: 3, 刘: 4, 陈: 5, 秘书长: 6, 财政局长: 7, 县长: 8, 副秘书长: 9, 审计局长: 10, 军分区: 11, 办主任: 12 }
const post = (id: number, title: string, kind: LeaderPost['kind'], holderId: number | null, departmentId: number | null = null, isExecutive = false): LeaderPost =>
  ({ id, title, kind, holderId, departmentId, isExecutive })
const org: OrgWithUnits = {
  posts: [
    post(10, '市长', '市长', P.市长),
    post(11, '常务副市长', '副市长', P.常务, null, true),
    post(12, '副市长', '副市长', P.王),
    post(13, '副市长', '副市长', P.刘),
    post(14, '副市长', '副市长', P.陈),
    post(15, '秘书长', '秘书长', P.秘书长),
    post(16, '市财政局局长', '部门主要负责人', P.财政局长, 100),
    post(17, '安岳县县长', '县区主要负责人', P.县长, 200),
    post(19, '市政府副秘书长', '副秘书长', P.副秘书长),
    post(20, '资阳市审计局局长', '部门主要负责人', P.审计局长, 101),
    post(21, '资阳军分区司令员', '其他', P.军分区, 102),
    post(22, '市政府办公室主任', '办公室主任', P.办主任),
    post(23, '市政府研究室主任', '部门主要负责人', null, 103),
  ],
  names: new Map([[1, '张市长'], [2, '李常务'], [3, '王副市长'], [4, '刘副市长'], [5, '陈副市长'], [6, '周秘书长'], [7, '钱局长'], [8, '孙县长'], [9, '吴副秘书长'], [10, '郑局长'], [11, '冯司令员'], [12, '何主任']]),
  abPairs: [[12, 13]],
  supervisors: new Map([[100, 12], [200, null]]),
  departments: new Map([
    [100, { name: '市财政局', kind: '市政府部门' }], [101, { name: '资阳市审计局', kind: '市政府部门' }],
    [102, { name: '资阳军分区', kind: '其他单位' }], [103, { name: '市政府研究室', kind: '办公室内设' }], [200, { name: '安岳县', kind: '县区' }],
  ]),
}
let nextId = 1
const away = (personId: number, startDate: string, endDate = startDate): AbsencePeriod => ({ id: nextId++, personId, kind: '出差', startDate, endDate, actingPersonId: null })
const 常务会议 = defaultMeetingType('常务会议')
const 全体会议 = defaultMeetingType('全体会议')
const 专题会议 = defaultMeetingType('专题会议')

describe('meeting types are settings (R-M1…R-M8)', () => {
  it('the defaults reproduce 资阳 and validate against the settings schema', () => {
    for (const t of DEFAULT_MEETING_TYPES) expect(meetingTypeSchema.parse(t)).toEqual(t)
    expect(常务会议).toMatchObject({ quorum: '过半数', cadenceDays: 14, topicDeadlineWorkingDays: 10, leaveAskee: '主持人', minutesSigner: '市长', numbering: '〔{年}〕{n}号' })
    expect(全体会议).toMatchObject({ members: { departmentHeads: true }, leaveAskee: '市长', cadenceDays: 182 })
    expect(defaultMeetingType('全市性视频会议').oncePerYearPerDepartment).toBe(true)
  })
  it('rejects a numbering style without {n}', () => {
    expect(meetingTypeSchema.safeParse({ ...常务会议, numbering: '〔{年}〕号' }).success).toBe(false)
  })
  it('fills the title template', () => {
    expect(minutesTitle(常务会议, '资阳市人民政府')).toBe('资阳市人民政府常务会议纪要')
  })
})

describe('R-M2 常务会议 needs more than half of its members present', () => {
  it.each([
    [8, 4, false, 5], [8, 5, true, 5], [7, 3, false, 4], [7, 4, true, 4], [6, 3, false, 4], [6, 4, true, 4], [9, 5, true, 5], [9, 4, false, 5], [1, 1, true, 1], [2, 1, false, 2],
  ])('%i members, %i present → met=%s (needs %i)', (total, present, met, needed) => {
    const q = quorum(total, present)
    expect(q).toMatchObject({ met, needed })
    if (met) expect(q.message).toBeNull()
    else expect(q.message).toContain('半数以上组成人员到会方可召开')
  })
  it('explains in the rules\' words when exactly half are present', () => {
    expect(quorum(8, 4).message).toBe('按第三十八条，常务会议须半数以上组成人员到会方可召开。组成人员8人，现到会4人，至少需5人到会。')
  })
  it('refuses impossible counts; a type without a quorum rule is always met', () => {
    expect(() => quorum(7, 8)).toThrow(RangeError)
    expect(quorumFor(专题会议, 8, 1).met).toBe(true)
    expect(quorumFor(常务会议, 8, 4).met).toBe(false)
  })
})

describe('R-M3 topics are delivered 10 working days before the 常务会议', () => {
  it.each([
    ['across 国庆 2026 and the make-up Saturday 10月10日', '2026-10-20', '2026-09-30'],
    ['the make-up Saturday counts: a Friday meeting reaches back to 9月28日', '2026-10-16', '2026-09-28'],
    ['an ordinary fortnight', '2026-11-25', '2026-11-11'],
  ])('R-M3 %s', (_n, meeting, deadline) => {
    expect(topicDeadline(cal, meeting, 10)).toBe(deadline)
  })
  it('R-M3 a topic on the deadline is accepted, a day later refused in the rules\' words', () => {
    expect(checkTopicDelivery({ cal, meetingDate: '2026-10-20', deliveredOn: '2026-09-30', agendaFixed: false })).toEqual({ ok: true, deadline: '2026-09-30', byConsent: false })
    const late = checkTopicDelivery({ cal, meetingDate: '2026-10-20', deliveredOn: '2026-10-08', agendaFixed: false })
    expect(late.ok).toBe(false)
    if (!late.ok) {
      expect(late.rule).toBe('R-M3')
      expect(late.reason).toContain('2026年9月30日前')
      expect(late.reason).toContain('未经市政府主要领导同意，杜绝会前临时增加议题')
    }
  })
  it('R-M3 a topic added after the agenda is fixed is refused even before the deadline', () => {
    const r = checkTopicDelivery({ cal, meetingDate: '2026-10-20', deliveredOn: '2026-09-25', agendaFixed: true })
    expect(r).toMatchObject({ ok: false, rule: 'R-M3' })
    expect(() => enforce(r)).toThrow(AppError)
  })
  it('R-M3 the 市长\'s recorded consent admits a late topic', () => {
    const r = checkTopicDelivery({ cal, meetingDate: '2026-10-20', deliveredOn: '2026-10-15', agendaFixed: true, mayorConsent: { by: '张市长', at: '2026-10-15' } })
    expect(r).toEqual({ ok: true, deadline: '2026-09-30', byConsent: true })
  })
  it('X-6 a meeting in a year without holiday data gets a deadline counted by weekends (暂定), never a refusal', () => {
    expect(topicDeadline(cal, '2031-03-20', 10)).toBe('2031-03-06')
  })
  it.each([[10, '2031-03-06'], [null, null]])('R-M3 a type setting %s working days gives the topic deadline %s (none: only the fixed agenda counts)', (days, deadline) => {
    expect(typeTopicDeadline(cal, '2031-03-20', days)).toBe(deadline)
  })
})

describe('expected attendance from the type settings (R-M1, R-M2)', () => {
  it('常务会议: members by post, 军分区 invited, 列席 by post, named unit and topic unit', () => {
    const a = expectedAttendance(常务会议, org, [100, 200])
    expect(a.members.map((m) => m.name)).toEqual(['张市长', '李常务', '王副市长', '刘副市长', '陈副市长', '周秘书长'])
    expect(a.invited.map((m) => m.name)).toEqual(['冯司令员'])
    expect(a.attending.map((m) => m.name)).toEqual(['吴副秘书长', '何主任', '郑局长', '钱局长', '孙县长'])
    expect(a.vacant).toEqual(['市政府研究室主任'])
    expect(a.unresolved).toContain('市监察局主要负责人')
  })
  it('全体会议 includes the heads of government departments as members', () => {
    const a = expectedAttendance(全体会议, org)
    expect(a.members.map((m) => m.name)).toEqual(['张市长', '李常务', '王副市长', '刘副市长', '陈副市长', '周秘书长', '钱局长', '郑局长'])
    expect(a.attending.map((m) => m.name)).toEqual(['吴副秘书长'])
  })
})

describe('R-M4 whom an absentee asks', () => {
  it.each([
    ['R-M4 全体会议 → the 市长', 全体会议, 11, '张市长'],
    ['R-M4 常务会议 → the chair', 常务会议, 11, '李常务'],
  ])('%s', (_n, type, chair, name) => {
    expect(leaveAskee(type, chair, org).name).toBe(name)
  })
  it('R-M4 with the 市长 away, the 常务副市长 answers for a 全体会议 (R-P2)', () => {
    expect(leaveAskee(全体会议, 10, org, [away(P.市长, '2026-11-25')], '2026-11-25')).toMatchObject({ name: '李常务' })
  })
})

describe('R-M5 who signs off the minutes', () => {
  const D = '2026-11-25'
  it('R-M5 常务会议 minutes are signed by the 市长', () => {
    const r = minutesSigner({ type: 常务会议, chairPostId: 10, org, absences: [], date: D })
    expect(r.ok && r.signers.map((s) => [s.name, s.actingFor])).toEqual([['张市长', null]])
  })
  it('R-M5 with R-P2: the mayor away, the 常务副市长 signs and the answer says for whom', () => {
    const r = minutesSigner({ type: 常务会议, chairPostId: 10, org, absences: [away(P.市长, '2026-11-24', '2026-11-27')], date: D })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.signers[0]).toMatchObject({ personId: P.常务, name: '李常务', actingFor: '张市长', actingRule: 'R-P2' })
    expect(r.signers[0].reason).toContain('代行市长职责')
    expect(checkSignOff(P.常务, r).ok).toBe(true)
    const refused = checkSignOff(P.市长, r, org)
    expect(refused).toMatchObject({ ok: false, rule: 'R-M5' })
    if (!refused.ok) expect(refused.reason).toBe('按第四十条，常务会议纪要由市长签发。张市长不能签发，应由李常务（代张市长）签发。')
  })
  it('R-M5 nobody signs when the 市长 and the 常务副市长 are both away', () => {
    const r = minutesSigner({ type: 常务会议, chairPostId: 10, org, absences: [away(P.市长, D), away(P.常务, D)], date: D })
    expect(r).toMatchObject({ ok: false, rule: 'R-M5' })
  })
  it('R-M5 专题会议: the entrusting leader (named first) or the entrusted chair, nobody else', () => {
    const r = minutesSigner({ type: 专题会议, chairPostId: 19, entrustingPostId: 12, org, absences: [], date: D })
    expect(r.ok && r.signers.map((s) => s.name)).toEqual(['王副市长', '吴副秘书长'])
    expect(checkSignOff(P.王, r).ok).toBe(true)
    const other = checkSignOff(P.陈, r, org)
    expect(other.ok).toBe(false)
    if (!other.ok) expect(other.reason).toContain('专题会议纪要由会议主持人签发，或由委托召开会议的市政府领导签发')
  })
  it.each([
    ['without prior agreement or the 市长\'s consent → refused', undefined, undefined, false, '尚缺：会前与相关领导协商一致；市长同意'],
    ['with prior agreement but no consent → refused', { at: '2026-11-20' }, undefined, false, '尚缺：市长同意'],
    ['agreement recorded after the meeting does not count', { at: '2026-11-23' }, { byPersonId: P.市长, at: '2026-11-24' }, false, '会前与相关领导协商一致'],
    ['consent by someone other than the 市长 does not count', { at: '2026-11-20' }, { byPersonId: P.王, at: '2026-11-24' }, false, '不是市长'],
    ['agreement before and the 市长\'s consent recorded → the chair signs', { at: '2026-11-20' }, { byPersonId: P.市长, at: '2026-11-24' }, true, null],
  ])('R-M5 专题会议 on 资金、土地 %s', (_n, priorAgreement, mayorConsent, ok, text) => {
    const r = minutesSigner({ type: 专题会议, chairPostId: 12, org, absences: [], date: D, meetingDate: '2026-11-21', touchesReservedMatters: ['资金', '土地'], priorAgreement, mayorConsent })
    expect(r.ok).toBe(ok)
    if (!r.ok) {
      expect(r.reason).toContain('涉及资金、土地，按第四十二条须会前与相关领导协商一致，纪要须报市长同意后再签发')
      expect(r.reason).toContain(text)
    }
  })
})

describe('X-1 minutes numbers', () => {
  it.each([
    ['〔{年}〕{n}号', 2026, 5, '〔2026〕5号'],
    ['〔{年}〕{n}号', 2026, 12, '〔2026〕12号'],
    ['第{n}期', 2026, 5, '第5期'],
    ['第{n}期', 2027, 1, '第1期'],
  ])('%s %i %i → %s', (style, year, n, text) => {
    expect(formatMinutesNumber(style, year, n)).toBe(text)
  })
  it('refuses zero, fractions and two-digit years', () => {
    expect(() => formatMinutesNumber('第{n}期', 2026, 0)).toThrow(RangeError)
    expect(() => formatMinutesNumber('第{n}期', 2026, 1.5)).toThrow(RangeError)
    expect(() => formatMinutesNumber('〔{年}〕{n}号', 26, 1)).toThrow(RangeError)
  })
  it.each([[[], 1], [[1, 2, 3], 4], [[3, 1, 2], 4]])('next after %j is %i', (used, n) => {
    expect(nextNumber(used)).toBe(n)
  })
})

describe('scheduling warnings and planning', () => {
  const base = { type: 常务会议, halfDay: '上午' as const, cal, chairPostId: 10, members: [1, 2, 3, 4, 5, 6], org, absences: [] as AbsencePeriod[], otherMeetingsSameSlot: [], lastMeetingOfType: '2026-11-11' }
  it('an ordinary Wednesday a fortnight on has no warnings', () => {
    expect(meetingWarnings({ ...base, date: '2026-11-25' })).toEqual([])
  })
  it('warns: holiday, chair away and who acts, member away, leader booked, cadence slipped (R-M2)', () => {
    const w = meetingWarnings({
      ...base, date: '2026-10-02', lastMeetingOfType: '2026-09-16',
      absences: [away(P.市长, '2026-10-02'), away(P.王, '2026-10-02')],
      otherMeetingsSameSlot: [{ title: '专题会议', date: '2026-10-02', halfDay: '全天', personIds: [P.陈] }, { title: '下午的会', date: '2026-10-02', halfDay: '下午', personIds: [P.刘] }],
    })
    expect(w.map((x) => x.code)).toEqual(['非工作日', '主持人外出', '组成人员外出', '领导已有安排', '周期超期'])
    expect(w[0].message).toContain('国庆节')
    expect(w[1]).toMatchObject({ rule: 'R-P2' })
    expect(w[1].message).toContain('李常务代行市长职责')
    expect(w[2].message).toContain('刘副市长')
    expect(w[3].message).toBe('陈副市长2026年10月2日全天已安排“专题会议”')
    expect(w[4].message).toContain('已16天')
  })
  it('plans across 国庆: a Wednesday that falls in the holiday moves to the next working day, the rest keep the fortnight', () => {
    expect(planNextMeetings(cal, 常务会议, '2026-09-09', 4, 3)).toEqual(['2026-09-23', '2026-10-08', '2026-10-21', '2026-11-04'])
  })
  it('plans to the preferred weekday within the week when the nominal date is another day', () => {
    expect(planNextMeetings(cal, 常务会议, '2026-11-09', 2, 3)).toEqual(['2026-11-25', '2026-12-09'])
  })
  it('a type without a cadence proposes nothing', () => {
    expect(planNextMeetings(cal, 专题会议, '2026-11-09', 3, 3)).toEqual([])
  })
})

describe('R-M8 a department holds at most one city-wide meeting a year', () => {
  const dept = { id: 100, name: '市财政局' }
  const held = [{ id: 1, departmentId: 100, date: '2026-03-10', title: '全市财政工作视频会议' }]
  it.each([
    ['R-M8 the first of the year is allowed', [], 2026, undefined, true],
    ['R-M8 a second in the same year is refused', held, 2026, undefined, false],
    ['R-M8 next year is allowed again', held, 2027, undefined, true],
    ['R-M8 editing the same meeting is not a second one', held, 2026, 1, true],
    ['R-M8 a cancelled meeting does not count', [{ ...held[0], cancelled: true }], 2026, undefined, true],
    ['R-M8 another department\'s meeting does not count', [{ ...held[0], departmentId: 101 }], 2026, undefined, true],
  ])('%s', (_n, existing, year, selfId, ok) => {
    const r = cityWideMeetingCheck(dept, year, existing, selfId)
    expect(r.ok).toBe(ok)
    if (!r.ok) expect(r.reason).toBe('按第四十三条，各部门召开全市性会议原则上每年不超过1次。市财政局2026年已安排“全市财政工作视频会议”（2026年3月10日），不能再安排第二次。')
  })
})

describe('issue 15: rules enforced where they are decided', () => {
  const D = '2026-11-24'
  it.each([
    ['the chair (市长) → in order', P.市长, null, true],
    ['the 常务副市长 acting while the 市长 is away → in order', P.常务, null, true],
    ['the 秘书长, not the chair → refused', P.秘书长, null, false],
    ['the 秘书长 with a recorded exception → accepted as an exception', P.秘书长, '市长临时交代由秘书长转告', true],
  ])('R-M4 leave from a 常务会议 asked of %s', (_n, asked, exception, ok) => {
    const absences = asked === P.常务 ? [away(P.市长, D)] : []
    const askee = leaveAskee(常务会议, 10, org, absences, D)
    const r = checkLeaveAskee(askee, asked, exception, org)
    expect(r.ok).toBe(ok)
    if (!r.ok) expect(r).toMatchObject({ rule: 'R-M4', reason: expect.stringContaining('周秘书长不是应请假的人') })
    if (r.ok) expect(r.exception).toBe(!!exception)
  })
  it.each([
    ['a 副市长 chairs without entrustment → in order', 12, null, true, null],
    ['a 副秘书长 chairs without an entrusting leader → refused', 19, null, false, '请选择委托召开会议的领导'],
    ['a 副秘书长 "entrusted" by a department head → refused', 19, 16, false, '市财政局局长不能委托'],
    ['a 副秘书长 entrusted by a 副市长 → in order', 19, 12, true, null],
  ])('R-M7 %s', (_n, chairId, entrustingId, ok, text) => {
    const find = (id: number | null) => (id === null ? null : org.posts.find((p) => p.id === id)!)
    const r = checkEntrustment(专题会议, find(chairId), find(entrustingId))
    expect(r.ok).toBe(ok)
    if (!r.ok) { expect(r.rule).toBe('R-M7'); expect(r.reason).toContain(text) }
  })
  it('R-M7 the minutes of a 专题会议 chaired by a 副秘书长 without entrustment have no signer', () => {
    const r = minutesSigner({ type: 专题会议, chairPostId: 19, org, absences: [], date: D })
    expect(r).toMatchObject({ ok: false, rule: 'R-M7' })
  })
  it('R-M5 consent from a 市长 who is away that day does not count; the acting 常务副市长 does (the sign-off reads the same way)', () => {
    const absences = [away(P.市长, '2026-11-24')]
    const base = { type: 专题会议, chairPostId: 12, org, absences, date: '2026-11-25', meetingDate: '2026-11-21', touchesReservedMatters: ['土地'] as const, priorAgreement: { at: '2026-11-20' } }
    const byAway = minutesSigner({ ...base, mayorConsent: { byPersonId: P.市长, at: '2026-11-24' } })
    expect(byAway.ok).toBe(false)
    if (!byAway.ok) expect(byAway.reason).toContain('市长外出，应由代行市长职责的李常务同意')
    expect(minutesSigner({ ...base, mayorConsent: { byPersonId: P.常务, at: '2026-11-24' } }).ok).toBe(true)
  })
  it('R-M3 a topic through a 副市长 who is not the department\'s 分管 leader is refused without a reason', () => {
    const dept = { id: 12, title: '副市长王副市长' }
    const other = { id: 14, title: '副市长陈副市长' }
    expect(checkSupervisor('市财政局', dept, dept, null).ok).toBe(true)
    const r = checkSupervisor('市财政局', dept, other, '  ')
    expect(r).toMatchObject({ ok: false, rule: 'R-M3' })
    if (!r.ok) expect(r.reason).toContain('市财政局的分管领导是副市长王副市长')
    expect(checkSupervisor('市财政局', dept, other, '王副市长出国期间由陈副市长审核').ok).toBe(true)
  })
  it('R-M3 moving a 常务会议 earlier names the topics that turn late, not those already late or with consent', () => {
    const list = [
      { id: 1, title: '按时', deliveredOn: '2026-11-02', consentBy: null, withdrawn: false },
      { id: 2, title: '变为逾期', deliveredOn: '2026-11-12', consentBy: null, withdrawn: false },
      { id: 3, title: '已有同意', deliveredOn: '2026-11-12', consentBy: '市长张市长', withdrawn: false },
      { id: 4, title: '已撤回', deliveredOn: '2026-11-12', consentBy: null, withdrawn: true },
    ]
    // 12月3日 → deadline 11月19日; 11月26日 → deadline 11月12日 — delivered 11月12日 is on time; 11月25日 → 11月11日.
    expect(topicsTurnedLate(cal, '2026-12-03', '2026-11-25', 10, list).map((t) => t.title)).toEqual(['变为逾期'])
    expect(topicsTurnedLate(cal, '2026-11-25', '2026-12-03', 10, list)).toEqual([])
  })
  it('before 已召开: a 土地 专题会议 without prior agreement and a wrongly asked leave are named', () => {
    const w = heldWarnings({ type: 专题会议, meetingDate: D, reservedMatters: ['土地'], priorAgreementOn: null, wrongAskees: [{ name: '陈副市长', asked: '周秘书长' }], signerProblem: null })
    expect(w.map((x) => x.rule)).toEqual(['R-M5', 'R-M4'])
    expect(w[0].message).toContain('尚未登记会前与相关领导协商一致')
    expect(heldWarnings({ type: 专题会议, meetingDate: D, reservedMatters: ['土地'], priorAgreementOn: '2026-11-20', wrongAskees: [], signerProblem: null })).toEqual([])
  })
  it('corrections are for the designated roles (科长 by default)', () => {
    expect(correctorProblem('科长', ['科长'])).toBeNull()
    expect(correctorProblem('文秘', ['科长'])).toContain('由科长办理')
  })
  it('R-M2 the quorum sentence names the meeting\'s own type', () => {
    expect(quorumFor({ ...常务会议, name: '市长办公会' }, 7, 3).message).toContain('市长办公会须半数以上组成人员到会')
  })
})
