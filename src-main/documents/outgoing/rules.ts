/**
 * 发文 rules as pure functions: who signs (R-D4 with acting, R-P2/R-P3), the county directive
 * (R-D5), the 发文字号 (R-D6, X-1), the 核稿 order, 圈阅, the 份号, and what comes next.
 */
import { chineseDate, type IsoDate } from '../../common/dates'
import { whoActsFor, type AbsencePeriod, type ActingRule } from '../../absences/rules'
import { mayorPost, principalPost, type OrgSnapshot } from '../../org/snapshot'
import { REVIEW_STEP_ROLES, REVIEW_STEPS, SIGNER_OF_KIND, type OutgoingState, type ReviewStep, type SignKind } from '../../common/documents'
import type { Role } from '../../common/roles'
import type { Decision } from '../../kernel/decision'
import { citing, cite } from '../../common/rules'

/** Who may record a 核稿 step (REVIEW_STEP_ROLES): null when this role may, else why not, naming who does. */
export function reviewStepRoleProblem(step: ReviewStep, role: Role): string | null {
  const roles = REVIEW_STEP_ROLES[step]
  return roles.includes(role) ? null : `${step}核稿由${roles.join('或')}登记，当前账户（${role}）不能登记。`
}

// ── R-D4 who signs (第四十八条) ──────────────────────────────────────────────

/** The kinds 第四十八条 reserves for the 市长 (SIGNER_OF_KIND), in the article's words. */
const MAYOR_SIGN_KIND_WORDS: Readonly<Partial<Record<SignKind, string>>> = {
  报省政府: '市政府向省政府报送的文件',
  党组报市委: '市政府党组报市委的文件',
  提请人大议案: '向市人民代表大会及其常务委员会提出的议案',
  规章: '市政府制定的规章',
  规范性文件: '规范性文件',
  重大工作部署: '部署安排综合性或重要专项工作的文件',
  人事任免: '人事任免文件',
  请求支持重大事项: '市政府商请支持、协调解决我市经济社会发展重要事项的文件',
}

/** The sentence of 第四十八条 that applies to a kind (a county directive needs a 市政府领导, R-D5). */
export function signRuleText(kind: SignKind, countyDirective = false): string {
  const mayorKind = MAYOR_SIGN_KIND_WORDS[kind]
  if (SIGNER_OF_KIND[kind] === '市长') return `按第四十八条，${mayorKind}由市长签署或签发。`
  if (kind === '事务性' && !countyDirective) return '按第四十八条，事务性文件可由秘书长签发，也可由分管副市长签发。'
  const general = '按第四十八条，其他以市政府名义（含市政府授权市政府办公室）发文，由分管副市长签发。'
  return kind === '事务性' ? `${general}按第四十九条，向县（区）政府发布的指示性公文须报经市政府领导批准，不由秘书长签发。` : general
}

export interface OutgoingSigner {
  personId: number
  name: string
  postId: number
  postTitle: string
  /** 市长, 分管副市长 or 秘书长: the role the rule names. */
  role: string
  /** Set when the person signs as acting for the post's holder (R-P2/R-P3/R-P5). */
  actingFor: string | null
  actingRule: ActingRule | null
  reason: string
}

export type SignerAnswer = Decision<{ rule: 'R-D4'; signers: OutgoingSigner[]; ruleText: string }>

export interface SignerQuery {
  signKind: SignKind
  draftingDepartmentId: number | null
  /** The drafting department's name, for the messages. */
  draftingDepartmentName?: string | null
  countyDirective?: boolean
  org: OrgSnapshot
  absences: readonly AbsencePeriod[]
  /** The sign-off date: acting is decided on that day. */
  date: IsoDate
}

function signerFor(org: OrgSnapshot, absences: readonly AbsencePeriod[], postId: number, date: IsoDate, role: string): OutgoingSigner | string {
  const a = whoActsFor(org, absences, postId, date)
  if (a.actorId === null) return `${role}（${a.postTitle}）${a.reason}`
  const acting = a.actorId !== a.holderId
  return {
    personId: a.actorId, name: a.actorName!, postId, postTitle: a.postTitle, role,
    actingFor: acting ? a.holderName : null, actingRule: acting ? a.rule : null,
    reason: acting ? `${a.reason}，代${role}${a.holderName}签发` : `${role}${a.actorName}签发`,
  }
}

/**
 * The post whose portfolio covers the drafting department, when it is a 市长 or 副市长 post
 * (a department the 秘书长 only 联系 has no 分管副市长).
 */
export function supervisingLeaderPost(org: OrgSnapshot, departmentId: number | null) {
  if (departmentId === null) return undefined
  const postId = org.supervisors.get(departmentId)
  const post = org.posts.find((p) => p.id === postId)
  return post && (post.kind === '副市长' || post.kind === '市长') ? post : undefined
}

/**
 * R-D4 (第四十八条) with acting (R-P2, R-P3): who may sign the document on `date`.
 * - the kinds the article lists → the 市长 (the 常务副市长 while the 市长 is away, R-P2);
 * - 一般 → the 分管副市长 of the drafting department (the AB partner while away, both away → 常务副市长, R-P3);
 * - 事务性 → the 秘书长, or the 分管副市长 ("可由秘书长签发": the 秘书长 may, the ordinary signer still can);
 *   a county directive (R-D5) needs a 市政府领导's approval, so the 秘书长 alone is not enough.
 */
export function outgoingSigner(q: SignerQuery): SignerAnswer {
  const { org, absences, date, signKind } = q
  const ruleText = signRuleText(signKind, !!q.countyDirective)
  const refuse = (why: string): SignerAnswer => ({ ok: false, rule: 'R-D4', reason: citing('R-D4', `${ruleText}${why}`) })
  if (SIGNER_OF_KIND[signKind] === '市长') {
    const mayor = mayorPost(org)
    if (!mayor) return refuse('未设市长岗位，请先在组织机构中设置。')
    const s = signerFor(org, absences, mayor.id, date, '市长')
    return typeof s === 'string' ? refuse(s) : { ok: true, rule: 'R-D4', signers: [s], ruleText }
  }
  const signers: OutgoingSigner[] = []
  const gaps: string[] = []
  const add = (s: OutgoingSigner | string) => {
    if (typeof s === 'string') gaps.push(s)
    else if (!signers.some((x) => x.personId === s.personId)) signers.push(s)
  }
  if (signKind === '事务性' && !q.countyDirective) {
    const secretary = org.posts.find((p) => p.kind === '秘书长')
    if (secretary) add(signerFor(org, absences, secretary.id, date, '秘书长'))
  }
  const leader = supervisingLeaderPost(org, q.draftingDepartmentId)
  if (leader) add(signerFor(org, absences, leader.id, date, leader.kind === '市长' ? '市长' : '分管副市长'))
  else if (signers.length === 0) {
    const dept = q.draftingDepartmentName ?? '起草单位'
    gaps.push(q.draftingDepartmentId === null ? '未填写起草单位，无法确定分管副市长' : `${dept}没有分管副市长，请在组织机构中设置分管领导，或将起草单位改为承办该事项的部门`)
  }
  return signers.length ? { ok: true, rule: 'R-D4', signers, ruleText } : refuse(`${gaps.join('；')}。`)
}

/** The page's "应由 X 签发（代 Y，R-P2）" line. */
export function signerLine(answer: SignerAnswer): string {
  if (!answer.ok) return answer.reason
  return `应由${answer.signers.map((s) => (s.actingFor ? `${s.name}（代${s.actingFor}，${s.actingRule ? cite(s.actingRule) : ''}）` : `${s.role}${s.name}`)).join('或')}签发`
}

/** R-D4: only a person the rule names may sign; anyone else is refused, quoting the rule. */
export function checkOutgoingSignOff(signerId: number, required: SignerAnswer, org: OrgSnapshot): Decision<{ signer: OutgoingSigner }> {
  if (!required.ok) return required
  const signer = required.signers.find((s) => s.personId === signerId)
  if (signer) return { ok: true, signer }
  const post = principalPost(org, signerId)
  const name = org.names.get(signerId) ?? `人员${signerId}`
  const who = post ? `${post.title}${name}` : name
  const allowed = required.signers.map((s) => (s.actingFor ? `${s.name}（代${s.actingFor}，${s.actingRule ? cite(s.actingRule) : ''}）` : `${s.role}${s.name}`)).join('或')
  return { ok: false, rule: 'R-D4', reason: citing('R-D4', `${required.ruleText}${who}不能签发，应由${allowed}签发。`) }
}

/**
 * R-D4: a clear opinion. 圈阅 on a draft counts as consent, so it is recorded as 同意
 * (a 报告 received is a different matter, handled with incoming documents).
 */
export function signOpinion(opinion: string): string {
  const o = opinion.trim()
  return /^(圈阅|已圈阅|圈|○|〇)$/.test(o) ? '同意' : o
}

// ── R-D5 county directives (第四十九条) ──────────────────────────────────────

export const COUNTY_DIRECTIVE_PHRASE = '经市政府同意'

/** R-D5: a directive to county governments carries "经市政府同意" (its approval is the 市政府领导's sign-off). */
export function countyDirectiveCheck(doc: { countyDirective: boolean; body: string }): Decision {
  if (!doc.countyDirective || doc.body.includes(COUNTY_DIRECTIVE_PHRASE)) return { ok: true }
  return {
    ok: false, rule: 'R-D5',
    reason: `按${cite('R-D5')}，向县（区）政府发布的指示性公文，应当报经市政府领导批准，并在文中注明“${COUNTY_DIRECTIVE_PHRASE}”字样。正文尚未注明，不能签发。`,
  }
}

/** A 发文字号 series as R-D5 needs it: a department's own series names the department (公文设置). */
export interface SeriesOwner { code: string; issuer: string; department?: string }

/**
 * R-D5 (issue 16): a department's directive to the counties is the department's own document “经市政府同意”, issued
 * under its name and 代字 (资阳市水利局文件, 资水发〔2026〕3号) — never in the government's series, where the city
 * government would say it agrees with itself and a city number would be used up.
 */
export function countyDirectiveSeriesCheck(
  doc: { countyDirective: boolean; series: string; title: string; draftingDepartmentName: string | null },
  series: readonly SeriesOwner[], governmentName: string,
): Decision {
  if (!doc.countyDirective) return { ok: true }
  const refuse = (reason: string): Decision => ({ ok: false, rule: 'R-D5', reason: `${cite('R-D5')}：${reason}` })
  const dept = doc.draftingDepartmentName
  if (!dept) return refuse('向县（区）政府发布的指示性公文是起草部门的公文，以部门名义印发：请先选择起草单位。')
  const own = series.filter((s) => s.department === dept)
  if (own.length === 0) {
    return refuse(`部门向县（区）政府发布的指示性公文以${dept}的名义和发文字号印发，文中注明“${COUNTY_DIRECTIVE_PHRASE}”，不占用市政府的发文字号。` +
      `公文设置中还没有${dept}的发文字号序列：请科长在“设置—公文设置”中增加一个序列（机关代字、发文机关、发文机关标志，“部门”填${dept}）。`)
  }
  if (!own.some((s) => s.code === doc.series)) {
    return refuse(`本文以${dept}名义印发，应使用${dept}的发文字号序列（${own.map((s) => s.code).join('、')}），不能用${doc.series}。`)
  }
  if (doc.title.startsWith(governmentName)) {
    const issuer = own.find((s) => s.code === doc.series)!.issuer
    return refuse(`本文以${dept}名义印发，标题应为“${issuer}关于……”，不能以“${governmentName}”开头。`)
  }
  return { ok: true }
}

// ── R-D6 发文字号 (X-1) ───────────────────────────────────────────────────────

/** 资府发〔2026〕12号: the year in full in 六角括号, the sequence without leading zeros and without 第. */
export function formatDocumentNumber(code: string, year: number, n: number): string {
  if (!code.trim()) throw new RangeError('series code must not be empty')
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError('year must have four digits')
  if (!Number.isInteger(n) || n < 1) throw new RangeError('document number must be a positive integer')
  return `${code.trim()}〔${year}〕${n}号`
}

/** One counter per series per year: the next number after the highest used (numbers are never released). */
export const nextSequence = (used: readonly number[]): number => used.reduce((m, n) => Math.max(m, n), 0) + 1

/** 份号 (GB/T 9704 7.2.1): six Arabic digits, e.g. 000001. */
export function formatCopyNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999_999) throw new RangeError('copy number must be 1..999999')
  return String(n).padStart(6, '0')
}

// ── 核稿 order and the next step ──────────────────────────────────────────────

/** 核稿 goes 部门负责人 → 办公室秘书 → 办公室负责人; null when all three are done. */
export function nextReviewStep(done: readonly ReviewStep[]): ReviewStep | null {
  return REVIEW_STEPS.find((s) => !done.includes(s)) ?? null
}

export function checkReviewStep(done: readonly ReviewStep[], step: ReviewStep): Decision {
  const next = nextReviewStep(done)
  if (next === step) return { ok: true }
  const order = REVIEW_STEPS.join('→')
  if (next === null) return { ok: false, rule: 'X-2', reason: `核稿已完成（${order}），不能再次核稿。` }
  if (done.includes(step)) return { ok: false, rule: 'X-2', reason: `${step}已核稿，下一步应由${next}核稿（顺序：${order}）。` }
  return { ok: false, rule: 'X-2', reason: `核稿须依次进行（${order}）：${next}尚未核稿，${step}不能先核。` }
}

export interface Progress {
  status: OutgoingState
  reviewsDone: readonly ReviewStep[]
  checkedBy: string | null
  dispatchedOn: string | null
}

/** What the page offers next: the step's name and the procedure that does it; null when finished. */
export function nextStep(p: Progress): { step: string; procedure: string } | null {
  switch (p.status) {
    case '拟稿':
    case '核稿中': {
      const s = nextReviewStep(p.reviewsDone)
      return s ? { step: `核稿（${s}）`, procedure: 'outgoing.review' } : { step: '签发', procedure: 'outgoing.signOff' }
    }
    case '待签发': return { step: '签发', procedure: 'outgoing.signOff' }
    case '已签发': return { step: '编号', procedure: 'outgoing.number' }
    case '已编号': return p.checkedBy ? { step: '印发', procedure: 'outgoing.issue' } : { step: '复核', procedure: 'outgoing.check' }
    case '已印发': return p.dispatchedOn ? null : { step: '核发', procedure: 'outgoing.dispatch' }
    case '已作废': return null
  }
}

/** A date a step happened on: not in the future, not before the step it follows. */
export function stepDateProblem(date: IsoDate, today: IsoDate, after: { date: IsoDate | null; what: string } | null, label: string): string | null {
  if (date > today) return `「${label}」不能晚于今天（${chineseDate(today)}）：请填写实际办理的日期`
  if (after?.date && date < after.date) return `「${label}」不能早于${after.what}（${chineseDate(after.date)}）`
  return null
}
