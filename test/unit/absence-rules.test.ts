import { describe, expect, it } from 'vitest'
import { actingByDay, executiveOverlaps, reportingDuty, reportingGaps, whoActsFor, type AbsencePeriod, type ReportRecord } from '../../src-main/absences/rules'
import { mayorPost, orgOn, type LeaderPost, type OrgSnapshot } from '../../src-main/org/snapshot'

// A small city: people 1–8 hold the posts below; 王 (3) and 刘 (4) are an AB pair.
const P = { 市长: 1, 常务: 2, 王: 3, 刘: 4, 陈: 5, 秘书长: 6, 财政局长: 7, 县长: 8 }
const posts: LeaderPost[] = [
  { id: 10, title: '市长', kind: '市长', holderId: P.市长, isExecutive: false, departmentId: null },
  { id: 11, title: '常务副市长', kind: '副市长', holderId: P.常务, isExecutive: true, departmentId: null },
  { id: 12, title: '副市长', kind: '副市长', holderId: P.王, isExecutive: false, departmentId: null },
  { id: 13, title: '副市长', kind: '副市长', holderId: P.刘, isExecutive: false, departmentId: null },
  { id: 14, title: '副市长', kind: '副市长', holderId: P.陈, isExecutive: false, departmentId: null },
  { id: 15, title: '秘书长', kind: '秘书长', holderId: P.秘书长, isExecutive: false, departmentId: null },
  { id: 16, title: '市财政局局长', kind: '部门主要负责人', holderId: P.财政局长, isExecutive: false, departmentId: 100 },
  { id: 17, title: '安岳县县长', kind: '县区主要负责人', holderId: P.县长, isExecutive: false, departmentId: 200 },
  { id: 18, title: '副市长', kind: '副市长', holderId: null, isExecutive: false, departmentId: null },
]
const org: OrgSnapshot = {
  posts,
  names: new Map([[1, '张市长'], [2, '李常务'], [3, '王副市长'], [4, '刘副市长'], [5, '陈副市长'], [6, '周秘书长'], [7, '钱局长'], [8, '孙县长']]),
  abPairs: [[12, 13]],
  supervisors: new Map([[100, 12], [200, null]]),
}
let nextId = 1
const away = (personId: number, startDate: string, endDate: string, actingPersonId: number | null = null): AbsencePeriod =>
  ({ id: nextId++, personId, kind: '出差', startDate, endDate, actingPersonId })

describe('who acts for a post on a day (R-P2, R-P3)', () => {
  const D = '2026-11-25'
  it.each<[string, number, AbsencePeriod[], string | null, string | null]>([
    ['the mayor at work answers for himself', 10, [], '张市长', null],
    ['R-P2 mayor away → the 常务副市长 acts as mayor', 10, [away(P.市长, D, D)], '李常务', 'R-P2'],
    ['R-P2 mayor and 常务副市长 both away → nobody under the rules', 10, [away(P.市长, D, D), away(P.常务, D, D)], null, null],
    ['R-P3 A away → B, the AB partner, acts', 12, [away(P.王, D, D)], '刘副市长', 'R-P3'],
    ['R-P3 A and B both away → the 常务副市长 acts', 12, [away(P.王, D, D), away(P.刘, D, D)], '李常务', 'R-P3'],
    ['R-P3 A, B and the 常务副市长 all away → nobody', 12, [away(P.王, D, D), away(P.刘, D, D), away(P.常务, D, D)], null, null],
    ['a 副市长 without an AB partner has nobody named by R-P3', 14, [away(P.陈, D, D)], null, null],
    ['R-P5 an acting person filed with the absence comes first', 14, [away(P.陈, D, D, P.秘书长)], '周秘书长', 'R-P5'],
    ['a filed acting person who is away too is passed over for the rules', 12, [away(P.王, D, D, P.陈), away(P.陈, D, D)], '刘副市长', 'R-P3'],
    ['a filed acting person the rules also name is reported under the rule', 12, [away(P.王, D, D, P.刘)], '刘副市长', 'R-P3'],
    ['an absence that ended yesterday does not count', 12, [away(P.王, '2026-11-20', '2026-11-24')], '王副市长', null],
  ])('%s', (_name, postId, absences, actor, rule) => {
    const answer = whoActsFor(org, absences, postId, D)
    expect(answer.actorName).toBe(actor)
    expect(answer.rule).toBe(rule)
  })

  it('says whom the acting person acts for and why, in the rules\' words', () => {
    const a = whoActsFor(org, [away(P.市长, '2026-11-24', '2026-11-27')], 10, '2026-11-25')
    expect(a.reason).toBe('市长张市长外出（出差），按第八条由负责常务工作的副市长李常务代行市长职责')
    const b = whoActsFor(org, [away(P.王, '2026-11-25', '2026-11-25'), away(P.刘, '2026-11-25', '2026-11-25')], 12, '2026-11-25')
    expect(b.reason).toContain('王副市长与AB角刘副市长均外出，按第五十七条由常务副市长李常务代行')
  })

  it('reports a vacant post as vacant', () => {
    expect(whoActsFor(org, [], 18, '2026-11-25')).toMatchObject({ actorId: null, reason: '副市长空缺' })
  })

  it('says who else is away when nobody can act, each name once', () => {
    const a = whoActsFor(org, [away(P.市长, '2026-11-25', '2026-11-25', P.常务), away(P.常务, '2026-11-25', '2026-11-25')], 10, '2026-11-25')
    expect(a.reason).toContain('（李常务亦外出）')
  })

  it('marks the rule\'s answer as 已报备 when the office filed that same person', () => {
    const a = whoActsFor(org, [away(P.市长, '2026-11-25', '2026-11-25', P.常务)], 10, '2026-11-25')
    expect(a).toMatchObject({ rule: 'R-P2', actorName: '李常务' })
    expect(a.reason).toMatch(/（已报备）$/)
  })
})

describe('R-P4 the 市长 and the 常务副市长 are not away together', () => {
  it.each<[string, [string, string], [string, string], [string, string] | null]>([
    ['overlapping trips warn for the shared days', ['2026-10-03', '2026-10-08'], ['2026-10-06', '2026-10-12'], ['2026-10-06', '2026-10-08']],
    ['one shared day is enough', ['2026-10-03', '2026-10-06'], ['2026-10-06', '2026-10-09'], ['2026-10-06', '2026-10-06']],
    ['back-to-back trips do not overlap', ['2026-10-03', '2026-10-05'], ['2026-10-06', '2026-10-09'], null],
    ['one trip inside the other', ['2026-10-01', '2026-10-31'], ['2026-10-10', '2026-10-12'], ['2026-10-10', '2026-10-12']],
  ])('%s', (_n, m, e, shared) => {
    const found = executiveOverlaps(org, [away(P.市长, ...m), away(P.常务, ...e)])
    if (shared === null) expect(found).toEqual([])
    else expect(found.map((o) => [o.startDate, o.endDate])).toEqual([shared])
  })

  it('does not warn when a 副市长 is away with the mayor', () => {
    expect(executiveOverlaps(org, [away(P.市长, '2026-10-03', '2026-10-08'), away(P.王, '2026-10-03', '2026-10-08')])).toEqual([])
  })

  it('words the warning with both names, the dates and the article', () => {
    const [o] = executiveOverlaps(org, [away(P.市长, '2026-10-03', '2026-10-08'), away(P.常务, '2026-10-06', '2026-10-12')])
    expect(o.message).toBe('市长张市长与常务副市长李常务2026年10月6日至2026年10月8日同时外出。按第七十六条，市长与负责常务工作的副市长一般不同时外出。')
  })
})

describe('R-P5 reporting and approval of absences', () => {
  const record = (r: Partial<ReportRecord> & { personId: number }): ReportRecord =>
    ({ kind: '出差', reportedTo: [], approval: '待批', approvedById: null, actingPersonId: null, ...r })
  it.each<[string, ReportRecord, string[]]>([
    ['a 副市长 on business who told the mayor and filed an acting person needs nothing more',
      record({ personId: P.王, reportedTo: [P.市长], actingPersonId: P.刘 }), []],
    ['a 副市长 may report to the 常务副市长 instead of the mayor',
      record({ personId: P.王, reportedTo: [P.常务], actingPersonId: P.刘 }), []],
    ['a 副市长 who told nobody is flagged',
      record({ personId: P.王, actingPersonId: P.刘 }), ['副市长、秘书长离开本市应事先报告市长或常务副市长']],
    ['the 常务副市长 must report to the mayor himself',
      record({ personId: P.常务, reportedTo: [P.常务], actingPersonId: P.王 }), ['常务副市长外出应事先报告市长']],
    ['private leave needs the mayor\'s approval',
      record({ personId: P.秘书长, kind: '因私', reportedTo: [P.市长], actingPersonId: P.王 }), ['因私须经市长批准，目前尚未批准']],
    ['leave approved by someone other than the mayor is flagged',
      record({ personId: P.刘, kind: '休假', reportedTo: [P.常务], approval: '已批准', approvedById: P.常务, actingPersonId: P.王 }), ['须由市长批准，记录的批准人不是市长']],
    ['leave approved by the mayor is in order',
      record({ personId: P.刘, kind: '休假', reportedTo: [P.市长], approval: '已批准', approvedById: P.市长, actingPersonId: P.王 }), []],
    ['a missing acting person is flagged for a 副市长',
      record({ personId: P.陈, reportedTo: [P.市长] }), ['未填写代行人']],
    ['a department head asks both the mayor and the 分管副市长',
      record({ personId: P.财政局长, reportedTo: [P.市长], approval: '已批准', approvedById: P.市长 }), ['应向分管副市长请假']],
    ['a department head who asked both and was approved is in order',
      record({ personId: P.财政局长, reportedTo: [P.市长, P.王], approval: '已批准', approvedById: P.市长 }), []],
    ['a department head still waiting for approval is flagged',
      record({ personId: P.财政局长, reportedTo: [P.市长, P.王] }), ['请假尚未批准']],
    ['a county head reports to the mayor',
      record({ personId: P.县长, reportedTo: [P.常务] }), ['县（区）主要负责人离开本市应向市长报告']],
    ['the mayor himself has nothing to ask',
      record({ personId: P.市长 }), []],
  ])('%s', (_n, r, expected) => {
    const gaps = reportingGaps(org, r)
    expect(gaps).toHaveLength(expected.length)
    expected.forEach((text, i) => expect(gaps[i]).toContain(text))
    gaps.forEach((g) => expect(g.startsWith('第七十六条：')).toBe(true))
  })
})

describe('turnover: the holders of the day (R-P1)', () => {
  // 张市长 (1) until 30 June, 钱市长 (9) from 1 July; the other posts as above, held since before the records.
  const turned: OrgSnapshot = {
    ...org,
    names: new Map([...org.names, [9, '钱市长']]),
    holdings: [
      { postId: 10, personId: P.市长, fromDate: null, toDate: '2026-06-30' },
      { postId: 10, personId: 9, fromDate: '2026-07-01', toDate: null },
    ],
  }

  it.each<[string, string, number | null]>([
    ['before the change the old 市长 holds the post', '2026-06-30', P.市长],
    ['from the change the new one does', '2026-07-01', 9],
  ])('%s; a post without records keeps its holder', (_n, date, holder) => {
    expect(mayorPost(orgOn(turned, date))?.holderId).toBe(holder)
    expect(orgOn(turned, date).posts.find((p) => p.id === 11)?.holderId).toBe(P.常务)
  })

  it('R-P2 acts for the 市长 of the day: a former 市长 away in July is nobody\'s concern', () => {
    expect(whoActsFor(turned, [away(P.市长, '2026-07-02', '2026-07-03')], 10, '2026-07-02')).toMatchObject({ holderName: '钱市长', away: null, reason: '在岗' })
    expect(whoActsFor(turned, [away(9, '2026-07-02', '2026-07-03')], 10, '2026-07-02')).toMatchObject({ actorName: '李常务', rule: 'R-P2' })
  })

  it('R-P4 warns only for the days each was 市长 and 常务副市长', () => {
    const found = executiveOverlaps(turned, [away(P.市长, '2026-06-28', '2026-07-03'), away(P.常务, '2026-06-25', '2026-07-05'), away(9, '2026-07-02', '2026-07-02')])
    expect(found.map((o) => [o.startDate, o.endDate, o.message.split('同时外出')[0]])).toEqual([
      ['2026-06-28', '2026-06-30', '市长张市长与常务副市长李常务2026年6月28日至2026年6月30日'],
      ['2026-07-02', '2026-07-02', '市长钱市长与常务副市长李常务2026年7月2日'],
    ])
  })
})

describe('acting per day of an absence (R-P2, R-P3)', () => {
  it('splits the trip where the acting person is away himself: never shown acting on those days', () => {
    const mayorTrip = away(P.市长, '2026-12-07', '2026-12-12')
    const spans = actingByDay(org, [mayorTrip, away(P.常务, '2026-12-10', '2026-12-18')], mayorTrip)
    expect(spans.map((s) => [s.startDate, s.endDate, s.acting.actorName])).toEqual([
      ['2026-12-07', '2026-12-09', '李常务'],
      ['2026-12-10', '2026-12-12', null],
    ])
  })

  it('is one span when the same person acts throughout', () => {
    const trip = away(P.王, '2026-12-01', '2026-12-05')
    expect(actingByDay(org, [trip], trip).map((s) => [s.startDate, s.endDate, s.acting.actorName])).toEqual([['2026-12-01', '2026-12-05', '刘副市长']])
  })
})

describe('R-P5 what each leader owes for a trip', () => {
  it.each<[string, number, '出差' | '因私', { reportTo: string | null; approvalBy: string | null }]>([
    ['the 市长 reports to nobody above and needs no approval', P.市长, '因私', { reportTo: null, approvalBy: null }],
    ['the 常务副市长 reports to the 市长', P.常务, '出差', { reportTo: '市长', approvalBy: null }],
    ['a 副市长 on business reports, without approval', P.王, '出差', { reportTo: '市长或常务副市长', approvalBy: null }],
    ['a 副市长\'s private trip needs the 市长\'s approval', P.王, '因私', { reportTo: '市长或常务副市长', approvalBy: '市长' }],
    ['a department head asks the 市长 and the 分管副市长', P.财政局长, '出差', { reportTo: '市长和分管副市长', approvalBy: '市长和分管副市长' }],
    ['a county head reports to the 市长', P.县长, '出差', { reportTo: '市长', approvalBy: null }],
  ])('%s', (_n, personId, kind, expected) => {
    expect(reportingDuty(org, personId, kind)).toMatchObject(expected)
  })
})
