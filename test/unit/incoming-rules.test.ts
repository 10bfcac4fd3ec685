import { describe, expect, it } from 'vitest'
import type { AbsencePeriod } from '../../src-main/absences/rules'
import type { LeaderPost, OrgSnapshot } from '../../src-main/org/snapshot'
import {
  circleMeaning, currentTurn, deadlineAfter, directExceptionProblem, disagreementGaps, incomingNumberText,
  proposeRoute, secrecyProblem, unresolvedCount, workingDaysProblem, type RouteInput,
} from '../../src-main/documents/incoming/rules'
import { packagedCalendar } from '../helpers/calendar'
import { classificationMark } from '../../src-main/common/classification'

// A small city: 王 (3) and 刘 (4) are an AB pair; 王 supervises the 财政局 (100), 陈 the 住建局 (101), the 秘书长 the 研究室 (102).
const P = { 市长: 1, 常务: 2, 王: 3, 刘: 4, 陈: 5, 秘书长: 6, 副秘书长: 7 }
const posts: LeaderPost[] = [
  { id: 10, title: '市长', kind: '市长', holderId: P.市长, isExecutive: false, departmentId: null },
  { id: 11, title: '常务副市长', kind: '副市长', holderId: P.常务, isExecutive: true, departmentId: null },
  { id: 12, title: '副市长', kind: '副市长', holderId: P.王, isExecutive: false, departmentId: null },
  { id: 13, title: '副市长', kind: '副市长', holderId: P.刘, isExecutive: false, departmentId: null },
  { id: 14, title: '副市长', kind: '副市长', holderId: P.陈, isExecutive: false, departmentId: null },
  { id: 15, title: '秘书长', kind: '秘书长', holderId: P.秘书长, isExecutive: false, departmentId: null },
  { id: 16, title: '副秘书长', kind: '副秘书长', holderId: P.副秘书长, isExecutive: false, departmentId: null },
]
const org: OrgSnapshot = {
  posts,
  names: new Map([[1, '张市长'], [2, '李常务'], [3, '王副市长'], [4, '刘副市长'], [5, '陈副市长'], [6, '周秘书长'], [7, '吴副秘书长']]),
  abPairs: [[12, 13]],
  supervisors: new Map([[100, 12], [101, 14], [102, 15], [103, null]]),
}
const D = '2026-12-03'
let nextId = 1
const away = (personId: number, actingPersonId: number | null = null): AbsencePeriod => ({ id: nextId++, personId, kind: '出差', startDate: D, endDate: D, actingPersonId })
const decide = (over: Partial<RouteInput>) => proposeRoute({ org, absences: [], date: D, senderDepartmentId: 100, major: false, withinOneDepartment: false, ...over })
const route = (over: Partial<RouteInput>) => {
  const d = decide(over)
  if (!d.ok) throw new Error(`refused: ${d.reason}`)
  return d.proposal
}

describe('R-D3 the route of the 拟办意见, with the acting rules on the day (R-P2, R-P3)', () => {
  it.each<[string, Partial<RouteInput>, { route: string; postId: number; holderName: string; actorName: string | null; acting: boolean; rules: string[] }]>([
    ['R-D3 a department\'s document goes to the 副市长 whose portfolio covers it', {}, { route: '分管副市长', postId: 12, holderName: '王副市长', actorName: '王副市长', acting: false, rules: ['R-D3'] }],
    ['R-D3 another department, another 分管副市长', { senderDepartmentId: 101 }, { route: '分管副市长', postId: 14, holderName: '陈副市长', actorName: '陈副市长', acting: false, rules: ['R-D3'] }],
    ['R-D3 + R-P3 the 分管副市长 away → the AB partner acts', { absences: [away(P.王)] }, { route: '分管副市长', postId: 12, holderName: '王副市长', actorName: '刘副市长', acting: true, rules: ['R-D3', 'R-P3'] }],
    ['R-D3 + R-P3 the 分管副市长 and the AB partner away → the 常务副市长', { absences: [away(P.王), away(P.刘)] }, { route: '分管副市长', postId: 12, holderName: '王副市长', actorName: '李常务', acting: true, rules: ['R-D3', 'R-P3'] }],
    ['R-D3 + R-P5 an acting person filed with the absence', { senderDepartmentId: 101, absences: [away(P.陈, P.秘书长)] }, { route: '分管副市长', postId: 14, holderName: '陈副市长', actorName: '周秘书长', acting: true, rules: ['R-D3', 'R-P5'] }],
    ['R-D3 a major matter goes to the 市长', { major: true }, { route: '市长', postId: 10, holderName: '张市长', actorName: '张市长', acting: false, rules: ['R-D3'] }],
    ['R-D3 + R-P2 a major matter with the 市长 away → the 常务副市长 acts', { major: true, absences: [away(P.市长)] }, { route: '市长', postId: 10, holderName: '张市长', actorName: '李常务', acting: true, rules: ['R-D3', 'R-P2'] }],
    ['R-D3 a matter within one department\'s remit goes to the 秘书长', { withinOneDepartment: true }, { route: '秘书长', postId: 15, holderName: '周秘书长', actorName: '周秘书长', acting: false, rules: ['R-D3'] }],
    ['R-D3 … or to the 副秘书长 chosen', { withinOneDepartment: true, secretaryPostId: 16 }, { route: '秘书长', postId: 16, holderName: '吴副秘书长', actorName: '吴副秘书长', acting: false, rules: ['R-D3'] }],
    ['R-D3 a major matter wins over one department\'s remit', { major: true, withinOneDepartment: true }, { route: '市长', postId: 10, holderName: '张市长', actorName: '张市长', acting: false, rules: ['R-D3'] }],
    ['R-D3 a department the 秘书长 supervises goes to the 秘书长', { senderDepartmentId: 102 }, { route: '秘书长', postId: 15, holderName: '周秘书长', actorName: '周秘书长', acting: false, rules: ['R-D3'] }],
    ['R-D3 a 县（区）\'s major matter still goes to the 市长', { senderIsCounty: true, major: true }, { route: '市长', postId: 10, holderName: '张市长', actorName: '张市长', acting: false, rules: ['R-D3'] }],
  ])('%s', (_name, over, expected) => {
    expect(route(over)).toMatchObject(expected)
  })

  it('R-D3 + R-P3 says who acts and why in the rules\' words', () => {
    const r = route({ absences: [away(P.王)] })
    expect(r.reason).toContain('第四十七条：来文单位由副市长王副市长分管')
    expect(r.reason).toContain('按第五十七条由AB角刘副市长代行政务活动职责')
  })

  it('R-D3 + R-P2 with the 市长 and the 常务副市长 both away, nobody acts and the office is told to arrange it', () => {
    const r = route({ major: true, absences: [away(P.市长), away(P.常务)] })
    expect(r).toMatchObject({ route: '市长', actorId: null, acting: false })
    expect(r.reason).toContain('请办公室另行报请安排')
  })

  it.each([
    ['a sender outside the city\'s departments', { senderDepartmentId: null }, '来文单位不是本市政府部门'],
    ['a department without a 分管领导', { senderDepartmentId: 103 }, '来文单位未设分管领导'],
    ['a 县（区）政府, routed by subject, not by a 分管 of the county (issue 16)', { senderDepartmentId: 103, senderIsCounty: true }, '县（区）政府的来文按所涉事项报分管该领域的副市长'],
    ['a 县（区）政府 even when someone set a 分管 for it', { senderDepartmentId: 100, senderIsCounty: true }, '请直接选择批示领导'],
    ['a 副市长 chosen for one department\'s remit', { withinOneDepartment: true, secretaryPostId: 12 }, '由秘书长或副秘书长批示'],
  ])('R-D3 refuses to guess for %s', (_name, over, message) => {
    expect(decide(over)).toEqual({ ok: false, rule: 'R-D3', reason: expect.stringContaining(message) })
  })
})

describe('R-D7 deadlines in working days, across 国庆 2026', () => {
  const cal = packagedCalendar()
  const days = { 无: 10, 加急: 5, 特急: 2 }
  it.each([
    ['R-D7 特急 on 9月30日: the 国庆 holiday (10月1日—7日) does not count', '2026-09-30', 2, '2026-10-09'],
    ['R-D7 一般件 from 9月29日 counts the 调休 Saturday 10月10日 as a working day', '2026-09-29', 10, '2026-10-19'],
    ['R-D7 加急 from Friday 9月18日 counts the 调休 Sunday 9月20日, skips 中秋 and 国庆', '2026-09-18', 5, '2026-09-24'],
    ['R-D7 加急 from 9月24日 jumps 中秋 (9月25日—27日) and 国庆', '2026-09-24', 5, '2026-10-09'],
    ['R-D7 an ordinary week', '2026-11-02', 5, '2026-11-09'],
  ])('%s', (_name, from, n, expected) => {
    expect(deadlineAfter(cal, from, n)).toBe(expected)
  })

  it('R-D7 urgent documents may be shortened but not lengthened; ordinary ones may be given more days', () => {
    expect(workingDaysProblem('特急', 2, days)).toBeNull()
    expect(workingDaysProblem('特急', 1, days)).toBeNull()
    expect(workingDaysProblem('特急', 3, days)).toBe('第五十一条：特急件须从快办理，办理时限不能超过2个工作日（设置—办理时限）')
    expect(workingDaysProblem('加急', 6, days)).toContain('不能超过5个工作日')
    expect(workingDaysProblem('无', 20, days)).toBeNull()
  })
})

describe('R-D4 what a 圈阅 means', () => {
  it.each([
    ['请示', '同意'],
    ['报告', '已阅'],
    ['意见', '同意'],
    ['函', '同意'],
  ] as const)('R-D4 circling a %s counts as %s', (docType, meaning) => {
    expect(circleMeaning(docType)).toBe(meaning)
  })
})

describe('R-D1 a document sent straight to a leader', () => {
  it.each([
    ['neither: the ordinary single entry', null, null, null],
    ['both: the exception and the leader', '紧急重大事项', 3, null],
    ['an exception without the leader', '外事', null, '第四十五条：直送领导的文件须写明送给哪位领导（例外情形：外事）'],
    ['a leader without the exception', null, 3, '第四十五条：公文由办公室统一收文办理；直送领导的须写明例外情形（领导交办、涉密敏感、紧急重大事项、突发事件、外事）'],
  ] as const)('R-D1 %s', (_name, exception, leader, problem) => {
    expect(directExceptionProblem(exception, leader)).toBe(problem)
  })
})

describe('R-D2 a 请示 with other departments\' opinions', () => {
  const agree = { agrees: true, coordination: null, reasons: null, proposedDecision: null }
  const bare = { agrees: false, coordination: null, reasons: null, proposedDecision: null }
  const partly = { agrees: false, coordination: '12月1日由副秘书长召集协调', reasons: null, proposedDecision: null }
  const full = { agrees: false, coordination: '12月1日由副秘书长召集协调', reasons: '财政局：资金未列入预算；住建局：工期紧', proposedDecision: '分两年安排资金' }
  it.each([
    ['R-D2 agreement needs nothing more', agree, []],
    ['R-D2 a disagreement needs the coordination, the reasons and the proposed decision', bare, ['协调情况', '各方理由', '拟处理意见']],
    ['R-D2 a disagreement coordinated but without reasons and decision is still open', partly, ['各方理由', '拟处理意见']],
    ['R-D2 a disagreement fully recorded is resolved', full, []],
  ])('%s', (_name, row, gaps) => {
    expect(disagreementGaps(row)).toEqual(gaps)
  })
  it('R-D2 counts the disagreements still unresolved', () => {
    expect(unresolvedCount([agree, bare, partly, full])).toBe(2)
    expect(unresolvedCount([agree, full])).toBe(0)
  })
})

describe('X-2 收文号, 密级 and where the document is', () => {
  it('X-2 the 收文号 is 收〔year〕n号 without leading zeros', () => {
    expect(incomingNumberText(2026, 1)).toBe('收〔2026〕1号')
    expect(incomingNumberText(2026, 123)).toBe('收〔2026〕123号')
  })
  it.each([
    ['无', null, null, null],
    ['机密', '1年', null, '机密★1年'],
    ['秘密', '6个月', null, '秘密★6个月'],
    ['秘密', '长期', null, '秘密★长期'],
    ['机密', null, '「保密期限」：机密文件须填写保密期限（如“1年”）', '机密'],
    ['机密', '一年', '「保密期限」应写作“1年”“6个月”或“长期”', '机密★一年'],
    ['无', '1年', '「保密期限」：非涉密文件不填保密期限', null],
  ] as const)('%s with period %s', (cls, period, problem, mark) => {
    expect(secrecyProblem(cls, period)).toBe(problem)
    expect(classificationMark(cls, period)).toBe(mark)
  })
  it('X-2 传阅: the document is at the first leader without a date, in turn order', () => {
    const rows = [{ turn: 2, leaderId: 5, instructedOn: null }, { turn: 1, leaderId: 3, instructedOn: '2026-12-03' }, { turn: 3, leaderId: 6, instructedOn: null }]
    expect(currentTurn(rows)?.leaderId).toBe(5)
    expect(currentTurn(rows.map((r) => ({ ...r, instructedOn: '2026-12-04' })))).toBeNull()
  })
})
