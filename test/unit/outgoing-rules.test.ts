import { describe, expect, it } from 'vitest'
import type { AbsencePeriod } from '../../src-main/absences/rules'
import type { LeaderPost, OrgSnapshot } from '../../src-main/org/snapshot'
import {
  checkOutgoingSignOff, checkReviewStep, countyDirectiveCheck, formatCopyNumber, formatDocumentNumber, nextReviewStep, nextSequence,
  nextStep, outgoingSigner, signerLine, signOpinion,
} from '../../src-main/documents/outgoing/rules'
import { SIGN_KINDS } from '../../src-main/common/documents'
import { draftTemplates } from '../../src-main/documents/outgoing/templates'
import type { SignKind } from '../../src-main/common/documents'

// A small city: 王 (3) and 刘 (4) are an AB pair; 王 covers the 财政局 (100), 陈 (5) the 交通局 (101),
// the 秘书长 only 联系 the 研究室 (102); the 县 (200) has no supervisor.
const P = { 市长: 1, 常务: 2, 王: 3, 刘: 4, 陈: 5, 秘书长: 6, 局长: 7 }
const posts: LeaderPost[] = [
  { id: 10, title: '市长', kind: '市长', holderId: P.市长, isExecutive: false, departmentId: null },
  { id: 11, title: '常务副市长', kind: '副市长', holderId: P.常务, isExecutive: true, departmentId: null },
  { id: 12, title: '副市长', kind: '副市长', holderId: P.王, isExecutive: false, departmentId: null },
  { id: 13, title: '副市长', kind: '副市长', holderId: P.刘, isExecutive: false, departmentId: null },
  { id: 14, title: '副市长', kind: '副市长', holderId: P.陈, isExecutive: false, departmentId: null },
  { id: 15, title: '秘书长', kind: '秘书长', holderId: P.秘书长, isExecutive: false, departmentId: null },
  { id: 16, title: '市财政局局长', kind: '部门主要负责人', holderId: P.局长, isExecutive: false, departmentId: 100 },
]
const org: OrgSnapshot = {
  posts,
  names: new Map([[1, '张市长'], [2, '李常务'], [3, '王副市长'], [4, '刘副市长'], [5, '陈副市长'], [6, '周秘书长'], [7, '钱局长']]),
  abPairs: [[12, 13]],
  supervisors: new Map([[100, 12], [101, 14], [102, 15], [200, null]]),
}
const D = '2026-11-25'
let nextId = 1
const away = (personId: number, actingPersonId: number | null = null): AbsencePeriod =>
  ({ id: nextId++, personId, kind: '出差', startDate: '2026-11-24', endDate: '2026-11-26', actingPersonId })

const ask = (signKind: SignKind, absences: AbsencePeriod[] = [], dept: number | null = 100, countyDirective = false) =>
  outgoingSigner({ signKind, draftingDepartmentId: dept, draftingDepartmentName: '市财政局', countyDirective, org, absences, date: D })
const names = (a: ReturnType<typeof ask>) => (a.ok ? a.signers.map((s) => s.name) : a.reason)

describe('R-D4 who signs each kind (第四十八条)', () => {
  const mayorKinds = SIGN_KINDS.filter((k) => k !== '一般' && k !== '事务性')
  it.each(mayorKinds)('R-D4 %s is signed by the 市长', (kind) => {
    const a = ask(kind)
    expect(names(a)).toEqual(['张市长'])
    expect(a.ok && a.ruleText).toMatch(/^按第四十八条，.+由市长签署或签发。$/)
  })
  it('R-D4 covers every SIGN_KIND (8 for the 市长, 一般, 事务性)', () => {
    expect(mayorKinds).toHaveLength(8)
    for (const k of SIGN_KINDS) expect(ask(k).ok).toBe(true)
  })
  it('R-D4 一般 is signed by the 分管副市长 of the drafting department', () => {
    expect(names(ask('一般'))).toEqual(['王副市长'])
    expect(names(ask('一般', [], 101))).toEqual(['陈副市长'])
  })
  it('R-D4 事务性 may be signed by the 秘书长, or by the 分管副市长', () => {
    const a = ask('事务性')
    expect(names(a)).toEqual(['周秘书长', '王副市长'])
    expect(signerLine(a)).toBe('应由秘书长周秘书长或分管副市长王副市长签发')
    expect(names(ask('事务性', [], null))).toEqual(['周秘书长'])
  })
  it('R-D4 一般 from a department without a 分管副市长 cannot be resolved, and says why', () => {
    const a = ask('一般', [], 102)
    expect(a).toMatchObject({ ok: false, rule: 'R-D4' })
    expect(!a.ok && a.reason).toContain('市财政局没有分管副市长')
    expect(!ask('一般', [], null).ok && (ask('一般', [], null) as { reason: string }).reason).toContain('未填写起草单位')
  })
})

describe('R-D4 with acting on the sign-off day (R-P2, R-P3)', () => {
  it.each<[string, SignKind, AbsencePeriod[], string[], string | null]>([
    ['R-P2 市长 away → the 常务副市长 signs a 规范性文件 for him', '规范性文件', [away(P.市长)], ['李常务'], 'R-P2'],
    ['R-P2 市长 and 常务副市长 away → nobody may sign a 规章', '规章', [away(P.市长), away(P.常务)], [], null],
    ['R-P3 分管副市长 away → the AB partner signs', '一般', [away(P.王)], ['刘副市长'], 'R-P3'],
    ['R-P3 both of the AB pair away → the 常务副市长 signs', '一般', [away(P.王), away(P.刘)], ['李常务'], 'R-P3'],
    ['R-P3 事务性 with the 分管副市长 away: the 秘书长 or the AB partner', '事务性', [away(P.王)], ['周秘书长', '刘副市长'], 'R-P3'],
    ['R-P5 事务性 with the 秘书长 away and nobody filed: only the 分管副市长', '事务性', [away(P.秘书长)], ['王副市长'], null],
  ])('%s', (_, kind, absences, expected, rule) => {
    const a = ask(kind, absences)
    if (!expected.length) {
      expect(a).toMatchObject({ ok: false, rule: 'R-D4' })
      expect(!a.ok && a.reason).toContain('规则中没有可代行的在岗领导')
      return
    }
    expect(names(a)).toEqual(expected)
    const acting = a.ok ? a.signers.find((s) => s.actingFor) : undefined
    expect(acting?.actingRule ?? null).toBe(rule)
  })
  it('R-P2 the line names whom the acting signer acts for', () => {
    expect(signerLine(ask('人事任免', [away(P.市长)]))).toBe('应由李常务（代张市长，第八条）签发')
  })
})

describe('R-D4 a sign-off by anyone else is refused, quoting the rule', () => {
  it.each<[string, SignKind, number, AbsencePeriod[], string]>([
    ['R-D4 a 副市长 cannot sign a 规范性文件', '规范性文件', P.王, [], '按第四十八条，规范性文件由市长签署或签发。副市长王副市长不能签发，应由市长张市长签发。'],
    ['R-D4 the 市长 at work: the 常务副市长 cannot sign for him', '报省政府', P.常务, [], '按第四十八条，市政府向省政府报送的文件由市长签署或签发。常务副市长李常务不能签发，应由市长张市长签发。'],
    ['R-D4 the 秘书长 cannot sign an 一般 document', '一般', P.秘书长, [], '按第四十八条，其他以市政府名义（含市政府授权市政府办公室）发文，由分管副市长签发。秘书长周秘书长不能签发，应由分管副市长王副市长签发。'],
    ['R-P3 the absent 分管副市长 cannot sign; the AB partner can', '一般', P.王, [away(P.王)], '按第四十八条，其他以市政府名义（含市政府授权市政府办公室）发文，由分管副市长签发。副市长王副市长不能签发，应由刘副市长（代王副市长，第五十七条）签发。'],
    ['R-D4 a department head cannot sign', '事务性', P.局长, [], '按第四十八条，事务性文件可由秘书长签发，也可由分管副市长签发。市财政局局长钱局长不能签发，应由秘书长周秘书长或分管副市长王副市长签发。'],
  ])('%s', (_, kind, signer, absences, message) => {
    expect(checkOutgoingSignOff(signer, ask(kind, absences), org)).toEqual({ ok: false, rule: 'R-D4', reason: message })
  })
  it('R-D4 the right signer is accepted, acting recorded', () => {
    const d = checkOutgoingSignOff(P.常务, ask('规范性文件', [away(P.市长)]), org)
    expect(d).toMatchObject({ ok: true, signer: { name: '李常务', actingFor: '张市长', actingRule: 'R-P2' } })
  })
  it.each([['圈阅', '同意'], [' 圈阅 ', '同意'], ['○', '同意'], ['同意印发。', '同意印发。']])('R-D4 opinion %j is recorded as %j (圈阅 counts as consent)', (given, recorded) => {
    expect(signOpinion(given)).toBe(recorded)
  })
})

describe('R-D5 directives to counties (第四十九条)', () => {
  it('R-D5 refuses a county directive whose body lacks 经市政府同意', () => {
    const d = countyDirectiveCheck({ countyDirective: true, body: '请各县（区）做好……' })
    expect(d).toMatchObject({ ok: false, rule: 'R-D5' })
    expect(!d.ok && d.reason).toContain('按第四十九条')
    expect(!d.ok && d.reason).toContain('“经市政府同意”')
  })
  it('R-D5 accepts it with the phrase; other documents need none', () => {
    expect(countyDirectiveCheck({ countyDirective: true, body: '经市政府同意，现将……通知如下' }).ok).toBe(true)
    expect(countyDirectiveCheck({ countyDirective: false, body: '' }).ok).toBe(true)
  })
  it('R-D5 a county directive needs a 市政府领导: a 事务性 one goes to the 分管副市长, not the 秘书长', () => {
    expect(names(ask('事务性', [], 100, true))).toEqual(['王副市长'])
    const refused = checkOutgoingSignOff(P.秘书长, ask('事务性', [], 100, true), org)
    expect(!refused.ok && refused.reason).toContain('按第四十九条')
  })
})

describe('R-D6 发文字号', () => {
  it.each<[string, number, number, string]>([
    ['资府发', 2026, 12, '资府发〔2026〕12号'],
    ['资府函', 2026, 1, '资府函〔2026〕1号'],
    ['资府办发', 2027, 105, '资府办发〔2027〕105号'],
  ])('R-D6 %s %i no.%i → %s', (code, year, n, text) => {
    const s = formatDocumentNumber(code, year, n)
    expect(s).toBe(text)
    expect(s).not.toMatch(/〔\d{4}〕0|第|\[|〔\d{2}〕/)
  })
  it('R-D6 no leading zeros, no 第, no two-digit year: bad input is refused', () => {
    expect(formatDocumentNumber('资府发', 2026, 12)).not.toBe('资府发〔2026〕012号')
    expect(() => formatDocumentNumber('资府发', 26, 1)).toThrow(RangeError)
    expect(() => formatDocumentNumber('资府发', 2026, 0)).toThrow(RangeError)
    expect(() => formatDocumentNumber('资府发', 2026, 1.5)).toThrow(RangeError)
    expect(() => formatDocumentNumber(' ', 2026, 1)).toThrow(RangeError)
  })
  it('R-D6 the next number follows the highest used; the first of a year is 1', () => {
    expect(nextSequence([])).toBe(1)
    expect(nextSequence([1, 2, 3])).toBe(4)
    expect(nextSequence([3, 1, 2])).toBe(4)
  })
  it('份号 are six digits (GB/T 9704)', () => {
    expect(formatCopyNumber(1)).toBe('000001')
    expect(formatCopyNumber(120)).toBe('000120')
    expect(() => formatCopyNumber(0)).toThrow(RangeError)
  })
})

describe('核稿 order and the next step', () => {
  it('核稿 goes 部门负责人 → 办公室秘书 → 办公室负责人', () => {
    expect(nextReviewStep([])).toBe('部门负责人')
    expect(nextReviewStep(['部门负责人'])).toBe('办公室秘书')
    expect(nextReviewStep(['部门负责人', '办公室秘书', '办公室负责人'])).toBeNull()
    expect(checkReviewStep([], '部门负责人').ok).toBe(true)
    const early = checkReviewStep([], '办公室负责人')
    expect(!early.ok && early.reason).toBe('核稿须依次进行（部门负责人→办公室秘书→办公室负责人）：部门负责人尚未核稿，办公室负责人不能先核。')
    const again = checkReviewStep(['部门负责人'], '部门负责人')
    expect(!again.ok && again.reason).toContain('下一步应由办公室秘书核稿')
  })
  it('X-1 the next step after sign-off is numbering, then 复核, 印发, 核发', () => {
    const p = { reviewsDone: [] as const, checkedBy: null, dispatchedOn: null }
    expect(nextStep({ ...p, status: '拟稿' })).toEqual({ step: '核稿（部门负责人）', procedure: 'outgoing.review' })
    expect(nextStep({ ...p, status: '待签发' })?.procedure).toBe('outgoing.signOff')
    expect(nextStep({ ...p, status: '已签发' })).toEqual({ step: '编号', procedure: 'outgoing.number' })
    expect(nextStep({ ...p, status: '已编号' })?.step).toBe('复核')
    expect(nextStep({ ...p, status: '已编号', checkedBy: '许文杰' })?.step).toBe('印发')
    expect(nextStep({ ...p, status: '已印发' })?.step).toBe('核发')
    expect(nextStep({ ...p, status: '已印发', dispatchedOn: '2026-12-01' })).toBeNull()
  })
})

describe('drafting templates', () => {
  const templates = draftTemplates({
    governmentName: '资阳市人民政府', officeName: '资阳市人民政府办公室', countyUnits: ['雁江区人民政府', '临空经济区管委会'],
    series: [{ code: '资府发', issuer: '资阳市人民政府', letter: false }, { code: '资府函', issuer: '资阳市人民政府', letter: true },
      { code: '资府办发', issuer: '资阳市人民政府办公室', letter: false }, { code: '资府办函', issuer: '资阳市人民政府办公室', letter: true }],
  })
  const t = (docType: string) => templates.find((x) => x.docType === docType)!
  it('one template per kind, with its closing phrase and heading levels', () => {
    expect(templates.map((x) => x.docType)).toEqual(expect.arrayContaining(['通知', '请示', '报告', '函', '批复', '意见']))
    expect(t('请示').body.endsWith('妥否，请批示。')).toBe(true)
    expect(t('报告').body.endsWith('特此报告。')).toBe(true)
    expect(t('函').closings).toEqual(expect.arrayContaining(['特此函告。', '请予支持。']))
    expect(t('通知').body).toMatch(/一、[\s\S]*（一）/)
  })
  it('R-D4 defaults: a 请示 goes up to the province (报省政府, 上行文); a 通知 is the government\'s 资府发, 一般', () => {
    expect(t('请示')).toMatchObject({ series: '资府发', signKind: '报省政府', upward: true, titlePattern: '资阳市人民政府关于{事由}的请示' })
    expect(t('通知')).toMatchObject({ series: '资府发', signKind: '一般', upward: false, addressee: '各县（区）人民政府，临空经济区管委会，市政府各部门（单位）' })
    expect(t('函')).toMatchObject({ series: '资府函' })
  })
})
