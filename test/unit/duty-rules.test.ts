import { describe, expect, it } from 'vitest'
import { statutoryHolidays } from '../../src-main/calendar/rules'
import { packagedCalendar } from '../helpers/calendar'
import { addDays } from '../../src-main/common/dates'
import { absenceOn, type AbsencePeriod } from '../../src-main/absences/rules'
import { type LeaderPost, type OrgSnapshot } from '../../src-main/org/snapshot'
import {
  periodProblem, dutyDays, fairnessCounts, gapsAfterPublish, generateLeaderRoster, generateOfficeRoster, leaderDutyDays,
  type DutyAssignment, type DutyExclusion, type DutyRole, type DutyRoster, type FairnessRow,
} from '../../src-main/duty/rules'

const cal = packagedCalendar()

// City leaders 1–6; 1 is the 市长, 2 the 常务副市长.
const L = { 市长: 1, 常务: 2, 王: 3, 刘: 4, 陈: 5, 周: 6 }
const posts: LeaderPost[] = [
  { id: 10, title: '市长', kind: '市长', holderId: L.市长, isExecutive: false, departmentId: null },
  { id: 11, title: '常务副市长', kind: '副市长', holderId: L.常务, isExecutive: true, departmentId: null },
  { id: 12, title: '副市长', kind: '副市长', holderId: L.王, isExecutive: false, departmentId: null },
  { id: 13, title: '副市长', kind: '副市长', holderId: L.刘, isExecutive: false, departmentId: null },
  { id: 14, title: '副市长', kind: '副市长', holderId: L.陈, isExecutive: false, departmentId: null },
  { id: 15, title: '秘书长', kind: '秘书长', holderId: L.周, isExecutive: false, departmentId: null },
]
const org: OrgSnapshot = {
  posts,
  names: new Map([[1, '张市长'], [2, '李常务'], [3, '王副市长'], [4, '刘副市长'], [5, '陈副市长'], [6, '周秘书长']]),
  abPairs: [],
  supervisors: new Map(),
}
const leaders = Object.values(L).map((personId) => ({ personId }))
// The office: 4 leads (主任、副主任) 101–104, 8 staff 201–208.
const leads = [101, 102, 103, 104].map((personId) => ({ personId }))
const staff = [201, 202, 203, 204, 205, 206, 207, 208].map((personId) => ({ personId }))

let nextId = 1
const away = (personId: number, startDate: string, endDate: string): AbsencePeriod =>
  ({ id: nextId++, personId, kind: '出差', startDate, endDate, actingPersonId: null })

/** A small deterministic pseudo-random sequence, so the "every day" tests see many shapes. */
function lcg(seed: number) {
  let s = seed >>> 0
  return (n: number) => { s = (s * 1664525 + 1013904223) >>> 0; return s % n }
}

const spread = (rows: FairnessRow[], role: DutyRole, people: number[], field: 'weighted' | 'holiday' | 'ordinary') => {
  const values = people.map((p) => rows.find((r) => r.personId === p && r.role === role)?.[field] ?? 0)
  return Math.max(...values) - Math.min(...values)
}

/** Checks every day of an office roster: three roles filled by three different people from the right pools. */
function expectWellFormedOfficeRoster(r: DutyRoster, days: number) {
  expect(r.gaps).toEqual([])
  expect(r.assignments).toHaveLength(days * 3)
  const byDate = new Map<string, DutyAssignment[]>()
  for (const a of r.assignments) byDate.set(a.date, [...(byDate.get(a.date) ?? []), a])
  expect(byDate.size).toBe(days)
  for (const [, list] of byDate) {
    expect(list.map((a) => a.role).sort()).toEqual(['主班', '副班', '带班'].sort())
    expect(new Set(list.map((a) => a.personId)).size).toBe(3)
    for (const a of list) expect(a.role === '带班' ? a.personId < 200 : a.personId > 200).toBe(true)
  }
}

describe('R-W1/R-W2 the leaders\' duty days come from the holiday calendar', () => {
  it('R-W1 国庆 2026: 10月1日–7日 are duty days; the make-up Saturday 10月10日 and the ordinary weekend after are not', () => {
    const days = leaderDutyDays(cal, '2026-09-28', '2026-10-12')
    expect(days.map((d) => d.date)).toEqual(['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'])
    expect(days.every((d) => d.holiday && d.name === '国庆节')).toBe(true)
  })

  it('R-W1 the make-up Sunday 9月20日 before 国庆 is not a duty day, and an ordinary weekend is not either', () => {
    expect(leaderDutyDays(cal, '2026-09-19', '2026-09-21')).toEqual([])
    expect(leaderDutyDays(cal, '2026-11-21', '2026-11-22')).toEqual([])
  })

  it('R-W1 the duty days of a whole year are exactly the calendar\'s statutory holidays', () => {
    const expected = statutoryHolidays(cal, 2026).flatMap((h) => h.dates)
    expect(leaderDutyDays(cal, '2026-01-01', '2026-12-31').map((d) => d.date)).toEqual(expected)
    expect(expected.length).toBeGreaterThan(25)
  })

  it('R-W2 a period in 2031, a year without data, is rostered by weekends with no holidays yet (暂定, X-6)', () => {
    expect(leaderDutyDays(cal, '2031-10-01', '2031-10-07')).toEqual([])
    expect(dutyDays(cal, '2031-01-01', '2031-01-03').map((d) => d.holiday)).toEqual([false, false, false])
  })

  it.each([
    ['a period that ends before it starts', '2026-10-07', '2026-10-01', '排班期间的结束日期2026年10月1日早于开始日期2026年10月7日'],
    ['a date that does not exist', '2026-02-30', '2026-03-01', '排班期间的日期无效：2026-02-30 至 2026-03-01'],
    ['a one-day period', '2026-10-01', '2026-10-01', null],
  ])('%s: %s to %s', (_what, from, to, problem) => {
    expect(periodProblem(from, to)).toBe(problem)
  })
})

describe('R-W1 the leaders\' 带班 roster', () => {
  const guoqing = leaderDutyDays(cal, '2026-10-01', '2026-10-07')

  it('R-W1 rotates by fewest past duties: a leader with three past holiday duties waits until the others catch up', () => {
    const r = generateLeaderRoster({ days: guoqing, leaders, org, history: [{ personId: L.王, role: '带班领导', ordinary: 0, holiday: 3 }] })
    expect(r.assignments.map((a) => a.personId)).toEqual([L.市长, L.常务, L.刘, L.陈, L.周, L.市长, L.常务])
    expect(r.gaps).toEqual([])
    expect(r.warnings).toEqual([])
  })

  it('R-W1 skips a leader who is away or has excluded the day', () => {
    const r = generateLeaderRoster({
      days: guoqing, leaders, org,
      absences: [away(L.市长, '2026-09-30', '2026-10-03')],
      exclusions: [{ personId: L.常务, date: '2026-10-01' }],
    })
    const on = (d: string) => r.assignments.find((a) => a.date === d)?.personId
    expect(on('2026-10-01')).toBe(L.王)
    expect(r.assignments.filter((a) => a.personId === L.市长).every((a) => a.date > '2026-10-03')).toBe(true)
    expect(r.assignments.some((a) => a.personId === L.常务 && a.date === '2026-10-01')).toBe(false)
  })

  it('R-W1 a day nobody can lead is returned as a gap with the reasons in Chinese, not dropped', () => {
    const exclusions: DutyExclusion[] = leaders.map((l) => ({ personId: l.personId, date: '2026-10-02', reason: '另有任务' }))
    const r = generateLeaderRoster({ days: guoqing, leaders, org, exclusions: exclusions.slice(1), absences: [away(L.市长, '2026-10-02', '2026-10-02')] })
    expect(r.assignments.map((a) => a.date)).not.toContain('2026-10-02')
    expect(r.gaps).toHaveLength(1)
    expect(r.gaps[0].date).toBe('2026-10-02')
    expect(r.gaps[0].reason).toMatch(/2026年10月2日无可安排的带班领导/)
    expect(r.gaps[0].reason).toContain('张市长外出（出差）')
    expect(r.gaps[0].reason).toContain('周秘书长不排班（另有任务）')
  })

  it('R-P4 a day the 市长 and 常务副市长 are both away carries a warning and still gets a leader in post', () => {
    const r = generateLeaderRoster({ days: guoqing, leaders, org, absences: [away(L.市长, '2026-10-02', '2026-10-04'), away(L.常务, '2026-10-03', '2026-10-05')] })
    expect(r.warnings.map((w) => w.date)).toEqual(['2026-10-03', '2026-10-04'])
    expect(r.warnings[0].rule).toBe('R-P4')
    expect(r.warnings[0].message).toMatch(/^2026年10月3日市长张市长（出差）与常务副市长李常务（出差）同时外出/)
    expect(r.assignments).toHaveLength(7)
    for (const d of ['2026-10-03', '2026-10-04']) {
      const who = r.assignments.find((a) => a.date === d)!.personId
      expect([L.市长, L.常务]).not.toContain(who)
    }
  })

  it('R-P4 on each day asks about that day\'s 市长: after a new 市长 takes office on 4 October, the old one\'s trip no longer counts', () => {
    // 王副市长 (3) becomes 市长 from 4 October; 张市长 (1) stays away on a trip to 5 October, as does the 常务副市长.
    const turnover: OrgSnapshot = { ...org, holdings: [
      { postId: 10, personId: L.市长, fromDate: null, toDate: '2026-10-03' }, { postId: 10, personId: L.王, fromDate: '2026-10-04', toDate: null },
      { postId: 11, personId: L.常务, fromDate: null, toDate: null },
    ] }
    const r = generateLeaderRoster({ days: guoqing, leaders, org: turnover, absences: [away(L.市长, '2026-10-02', '2026-10-05'), away(L.常务, '2026-10-03', '2026-10-05')] })
    expect(r.warnings.map((w) => w.date)).toEqual(['2026-10-03'])
  })

  it('R-P4 is never violated by a generated leaders\' roster, over 300 random absence patterns on 2026\'s holidays', () => {
    const days = leaderDutyDays(cal, '2026-01-01', '2026-12-31')
    const rnd = lcg(7)
    let warned = 0
    let gapped = 0
    for (let trial = 0; trial < 300; trial++) {
      const absences: AbsencePeriod[] = []
      for (let i = 0; i < 8; i++) {
        const start = days[rnd(days.length)].date
        absences.push(away(1 + rnd(6), start, addDays(start, rnd(5))))
      }
      const exclusions: DutyExclusion[] = Array.from({ length: 10 }, () => ({ personId: 1 + rnd(6), date: days[rnd(days.length)].date }))
      const r = generateLeaderRoster({ days, leaders, org, absences, exclusions })
      for (const d of days) {
        const duty = r.assignments.filter((a) => a.date === d.date)
        const gap = r.gaps.filter((g) => g.date === d.date)
        expect(duty.length + gap.length).toBe(1)
        const bothAway = !!absenceOn(absences, L.市长, d.date) && !!absenceOn(absences, L.常务, d.date)
        expect(r.warnings.some((w) => w.date === d.date && w.rule === 'R-P4')).toBe(bothAway)
        if (bothAway) warned++
        const unavailable = (p: number) => !!absenceOn(absences, p, d.date) || exclusions.some((e) => e.personId === p && e.date === d.date)
        if (duty[0]) expect(unavailable(duty[0].personId)).toBe(false)
        else { gapped++; expect(leaders.every((l) => unavailable(l.personId))).toBe(true) }
      }
    }
    expect(warned).toBeGreaterThan(0) // the patterns did exercise the rule
    expect(gapped).toBe(0)
  })
})

describe('X-4 the office\'s own duty roster', () => {
  const year = dutyDays(cal, '2026-01-01', '2026-12-31')
  const leadIds = leads.map((p) => p.personId)
  const staffIds = staff.map((p) => p.personId)

  it('X-4 over 2026 (365 days, 4 leads, 8 staff) every day has one 带班, one 主班 and one 副班, three different people', () => {
    expect(year).toHaveLength(365)
    expectWellFormedOfficeRoster(generateOfficeRoster({ days: year, leads, staff }), 365)
  })

  it('X-4 fairness over a year: in each role nobody\'s weighted count differs from another\'s by more than one, nor their holiday count', () => {
    const r = generateOfficeRoster({ days: year, leads, staff })
    const rows = fairnessCounts(r.assignments, cal)
    for (const [role, people] of [['带班', leadIds], ['主班', staffIds], ['副班', staffIds]] as const) {
      expect(spread(rows, role, people, 'weighted'), role).toBeLessThanOrEqual(1)
      expect(spread(rows, role, people, 'holiday'), role).toBeLessThanOrEqual(1)
    }
  })

  it('X-4 fairness holds month by month too, each month generated with the counts so far as history', () => {
    let history: FairnessRow[] = []
    for (let m = 1; m <= 12; m++) {
      const from = `2026-${String(m).padStart(2, '0')}-01`
      const to = addDays(m === 12 ? '2027-01-01' : `2026-${String(m + 1).padStart(2, '0')}-01`, -1)
      const r = generateOfficeRoster({ days: dutyDays(cal, from, to), leads, staff, history })
      expect(r.gaps).toEqual([])
      history = fairnessCounts(r.assignments, cal, { history })
    }
    for (const [role, people] of [['带班', leadIds], ['主班', staffIds], ['副班', staffIds]] as const) {
      expect(spread(history, role, people, 'weighted'), role).toBeLessThanOrEqual(1)
      expect(spread(history, role, people, 'holiday'), role).toBeLessThanOrEqual(1)
    }
  })

  it('X-4 fairness within one holds for other office sizes and weights too (2–5 leads, 3–12 staff, weights 1–3, 2019 and 2024–2026)', () => {
    const failures: string[] = []
    for (const y of [2019, 2024, 2025, 2026]) {
      const days = dutyDays(cal, `${y}-01-01`, `${y}-12-31`)
      for (let nl = 2; nl <= 5; nl++) for (let ns = 3; ns <= 12; ns++) for (const holidayWeight of [1, 2, 3]) {
        const ls = leadIds.slice(0, nl).concat(nl > 4 ? [105] : [])
        const ss = Array.from({ length: ns }, (_, i) => 201 + i)
        const r = generateOfficeRoster({ days, leads: ls.map((personId) => ({ personId })), staff: ss.map((personId) => ({ personId })), holidayWeight })
        if (r.gaps.length) failures.push(`${y} ${nl}/${ns}/${holidayWeight}: gaps`)
        const rows = fairnessCounts(r.assignments, cal, { holidayWeight })
        for (const [role, people] of [['带班', ls], ['主班', ss], ['副班', ss]] as const) {
          for (const field of ['weighted', 'holiday'] as const) {
            const s = spread(rows, role, people, field)
            if (s > 1) failures.push(`${y} leads ${nl} staff ${ns} weight ${holidayWeight}: ${role} ${field} differ by ${s}`)
          }
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('X-4 the holiday weight is a parameter: with weight 1 plain day counts are within one, with weight 3 holidays buy fewer ordinary days', () => {
    const even = fairnessCounts(generateOfficeRoster({ days: year, leads, staff, holidayWeight: 1 }).assignments, cal, { holidayWeight: 1 })
    const days = (r: FairnessRow) => r.ordinary + r.holiday
    for (const role of ['带班', '主班', '副班'] as const) {
      const counts = even.filter((r) => r.role === role).map(days)
      expect(Math.max(...counts) - Math.min(...counts), role).toBeLessThanOrEqual(1)
    }
    const heavy = fairnessCounts(generateOfficeRoster({ days: year, leads, staff, holidayWeight: 3 }).assignments, cal, { holidayWeight: 3 })
    expect(spread(heavy, '带班', leadIds, 'weighted')).toBeLessThanOrEqual(1)
    const lead = heavy.filter((r) => r.role === '带班').sort((a, b) => b.holiday - a.holiday)
    if (lead[0].holiday > lead.at(-1)!.holiday) expect(lead[0].ordinary).toBeLessThan(lead.at(-1)!.ordinary)
  })

  it('X-4 a past imbalance in history is evened out: the person with the most past duties takes fewest now', () => {
    const r = generateOfficeRoster({ days: dutyDays(cal, '2026-11-01', '2026-11-30'), leads, staff, history: [{ personId: 101, role: '带班', ordinary: 10, holiday: 0 }] })
    const rows = fairnessCounts(r.assignments, cal)
    const n = (p: number) => rows.find((x) => x.personId === p && x.role === '带班')?.weighted ?? 0
    expect(n(101)).toBe(0)
    expect(n(102) + n(103) + n(104)).toBe(30)
  })

  it('X-4 absences and exclusions are respected on every day of the year, and the unaffected stay within one of each other', () => {
    const rnd = lcg(42)
    const absences = [away(101, '2026-02-10', '2026-02-28'), away(203, '2026-05-01', '2026-05-20'), away(206, '2026-07-01', '2026-07-03')]
    const exclusions: DutyExclusion[] = Array.from({ length: 60 }, () => ({ personId: [102, 204, 205][rnd(3)], date: year[rnd(year.length)].date }))
    const r = generateOfficeRoster({ days: year, leads, staff, absences, exclusions })
    expectWellFormedOfficeRoster(r, 365)
    for (const a of r.assignments) {
      expect(absenceOn(absences, a.personId, a.date), `${a.date} ${a.personId}`).toBeNull()
      expect(exclusions.some((e) => e.personId === a.personId && e.date === a.date), `${a.date} ${a.personId}`).toBe(false)
    }
    const rows = fairnessCounts(r.assignments, cal)
    expect(spread(rows, '带班', [103, 104], 'weighted')).toBeLessThanOrEqual(1)
    expect(spread(rows, '主班', [201, 202, 207, 208], 'weighted')).toBeLessThanOrEqual(1)
  })

  it('X-4 the same input gives the same roster (deterministic)', () => {
    const days = dutyDays(cal, '2026-10-01', '2026-10-31')
    expect(generateOfficeRoster({ days, leads, staff })).toEqual(generateOfficeRoster({ days, leads, staff }))
  })

  it('X-4 a day short of people is a gap with the reason, the other roles still filled', () => {
    const days = dutyDays(cal, '2026-10-08', '2026-10-08')
    const r = generateOfficeRoster({ days, leads, staff: staff.slice(0, 2), absences: [away(202, '2026-10-08', '2026-10-08')], names: new Map([[202, '赵科员']]) })
    expect(r.assignments.map((a) => a.role).sort()).toEqual(['主班', '带班'].sort())
    expect(r.gaps).toHaveLength(1)
    expect(r.gaps[0].role).toBe('副班')
    expect(r.gaps[0].reason).toContain('2026年10月8日无可安排的副班')
    expect(r.gaps[0].reason).toContain('赵科员外出（出差）')
  })
})

describe('fairness counts shown beside the roster', () => {
  const duties: DutyAssignment[] = [
    { date: '2026-10-01', role: '主班', personId: 201 }, // 国庆节
    { date: '2026-10-10', role: '主班', personId: 201 }, // 调休上班 Saturday: ordinary
    { date: '2026-10-11', role: '主班', personId: 201 }, // ordinary Sunday
    { date: '2026-10-11', role: '带班', personId: 201 },
  ]
  it('counts ordinary and holiday days apart per role, the holiday weighing 2 by default', () => {
    expect(fairnessCounts(duties, cal)).toEqual([
      { personId: 201, role: '带班', ordinary: 1, holiday: 0, weighted: 1 },
      { personId: 201, role: '主班', ordinary: 2, holiday: 1, weighted: 4 },
    ])
  })
  it('takes another weight and adds history', () => {
    const rows = fairnessCounts(duties, cal, { holidayWeight: 3, history: [{ personId: 201, role: '主班', ordinary: 1, holiday: 1 }] })
    expect(rows.find((r) => r.role === '主班')).toEqual({ personId: 201, role: '主班', ordinary: 3, holiday: 2, weighted: 9 })
  })
})

describe('X-4 gaps after publishing', () => {
  const days = dutyDays(cal, '2026-10-01', '2026-10-31')
  const roster = generateOfficeRoster({ days, leads, staff }).assignments
  const pools = { 带班: leads.map((p) => p.personId), 主班: staff.map((p) => p.personId), 副班: staff.map((p) => p.personId) }
  const onDuty = roster.find((a) => a.date === '2026-10-15' && a.role === '主班')!

  it('X-4 a duty whose person is away after publishing is a gap, with free people of the role, fewest duties first', () => {
    const alsoAway = staff.map((s) => s.personId).find((p) => p !== onDuty.personId && !roster.some((a) => a.date === '2026-10-15' && a.personId === p))!
    const absences = [away(onDuty.personId, '2026-10-15', '2026-10-15'), away(alsoAway, '2026-10-14', '2026-10-16')]
    const gaps = gapsAfterPublish(roster, absences, { calendar: cal, pools, limit: 8 })
    // alsoAway's own duties on 14/16 October are gaps too; the one we look at is 15 October's 主班.
    const gap = gaps.find((g) => g.duty === onDuty)!
    expect(gap.reason).toMatch(/2026年10月15日主班.*外出（出差），须另行安排/)
    const busy = new Set(roster.filter((a) => a.date === '2026-10-15').map((a) => a.personId))
    const eligible = pools.主班.filter((p) => !busy.has(p) && p !== alsoAway)
    expect(gap.suggestions.map((s) => s.personId).sort()).toEqual([...eligible].sort())
    const counts = fairnessCounts(roster, cal)
    const weighted = (p: number) => counts.find((c) => c.personId === p && c.role === '主班')?.weighted ?? 0
    expect(gap.suggestions.map((s) => s.weighted)).toEqual(gap.suggestions.map((s) => weighted(s.personId)))
    expect(gap.suggestions.map((s) => s.weighted)).toEqual([...gap.suggestions.map((s) => s.weighted)].sort((a, b) => a - b))
  })

  it('X-4 no later absence, no gaps; suggestions are capped at three by default', () => {
    expect(gapsAfterPublish(roster, [], { calendar: cal, pools })).toEqual([])
    const gaps = gapsAfterPublish(roster, [away(onDuty.personId, '2026-10-15', '2026-10-15')], { calendar: cal, pools })
    expect(gaps).toHaveLength(1)
    expect(gaps[0].suggestions).toHaveLength(3)
  })
})
