import { abPartner, executivePost, mayorPost, orgOn, principalPost, type LeaderPost, type OrgSnapshot } from '../org/snapshot'
import type { AbsenceKind, ApprovalState } from '../common/absences'
import { addDays, chineseDate, covers, overlap, type IsoDate } from '../common/dates'
import { cite } from '../common/rules'

export interface AbsencePeriod {
  id: number
  personId: number
  kind: AbsenceKind
  startDate: IsoDate
  endDate: IsoDate
  actingPersonId: number | null
}

export type ActingRule = 'R-P2' | 'R-P3' | 'R-P5'

export interface ActingAnswer {
  postId: number
  postTitle: string
  holderId: number | null
  holderName: string | null
  /** The holder's absence covering the day, if any. */
  away: AbsencePeriod | null
  /** Who answers for the post that day: the holder, the acting person, or nobody. */
  actorId: number | null
  actorName: string | null
  rule: ActingRule | null
  reason: string
}

const nameOf = (org: OrgSnapshot, id: number | null) => (id === null ? null : org.names.get(id) ?? `（人员${id}）`)

export function absenceOn(absences: readonly AbsencePeriod[], personId: number, date: IsoDate): AbsencePeriod | null {
  return absences.find((a) => a.personId === personId && covers(a, date)) ?? null
}

interface Candidate { personId: number | null | undefined; rule: ActingRule; why: (name: string) => string }

/** Whom the rules name to act for `post` while its holder is away, most specific first (R-P2, R-P3). */
function ruleCandidates(org: OrgSnapshot, post: LeaderPost, away: AbsencePeriod, holder: string): Candidate[] {
  const exec = executivePost(org)
  if (post.kind === '市长') {
    return [{ personId: exec?.holderId, rule: 'R-P2', why: (n) => `市长${holder}外出（${away.kind}），按第八条由负责常务工作的副市长${n}代行市长职责` }]
  }
  const partner = abPartner(org, post.id)
  if (!partner) return []
  const list: Candidate[] = [{ personId: partner.holderId, rule: 'R-P3', why: (n) => `${holder}外出（${away.kind}），按第五十七条由AB角${n}代行政务活动职责` }]
  if (exec && exec.id !== post.id) {
    const partnerName = nameOf(org, partner.holderId) ?? partner.title
    list.push({ personId: exec.holderId, rule: 'R-P3', why: (n) => `${holder}与AB角${partnerName}均外出，按第五十七条由常务副市长${n}代行` })
  }
  return list
}

/**
 * "Who acts for post X on date D, and why" (R-P2, R-P3). An acting person filed with the
 * absence (R-P5) comes first; when it is the person the rules name, the rule is still the reason.
 */
export function whoActsFor(orgOnAnyDay: OrgSnapshot, absences: readonly AbsencePeriod[], postId: number, date: IsoDate): ActingAnswer {
  // The holders of that day (R-P1 turnover): a 市长 who left in June neither acts nor is acted for in July.
  const org = orgOn(orgOnAnyDay, date)
  const post = org.posts.find((p) => p.id === postId)
  if (!post) throw new Error(`post ${postId} not in snapshot`)
  const base = { postId, postTitle: post.title, holderId: post.holderId, holderName: nameOf(org, post.holderId) }
  if (post.holderId === null) return { ...base, away: null, actorId: null, actorName: null, rule: null, reason: `${post.title}空缺` }
  const away = absenceOn(absences, post.holderId, date)
  if (!away) return { ...base, away: null, actorId: post.holderId, actorName: base.holderName, rule: null, reason: '在岗' }
  const holder = base.holderName!
  const alsoAway = new Set<string>()
  const available = (c: Candidate): c is Candidate & { personId: number } => {
    if (!c.personId || c.personId === post.holderId) return false
    if (absenceOn(absences, c.personId, date)) { alsoAway.add(nameOf(org, c.personId)!); return false }
    return true
  }
  const byRule = ruleCandidates(org, post, away, holder).find(available)
  const filed: Candidate = { personId: away.actingPersonId, rule: 'R-P5', why: (n) => `${holder}外出（${away.kind}），按报备由${n}代行` }
  const chosen = available(filed) && filed.personId !== byRule?.personId ? filed : byRule
  if (chosen) {
    const name = nameOf(org, chosen.personId)!
    const reason = chosen.why(name) + (chosen !== filed && away.actingPersonId === chosen.personId ? '（已报备）' : '')
    return { ...base, away, actorId: chosen.personId, actorName: name, rule: chosen.rule, reason }
  }
  const who = alsoAway.size ? `（${[...alsoAway].join('、')}亦外出）` : ''
  return { ...base, away, actorId: null, actorName: null, rule: null, reason: `${holder}外出（${away.kind}），规则中没有可代行的在岗领导${who}，请办公室另行报请安排` }
}

export interface ExecutiveOverlap {
  mayorAbsenceId: number
  executiveAbsenceId: number
  startDate: IsoDate
  endDate: IsoDate
  message: string
}

/** The days of `period` on which `personId` holds the post `pick` finds, in runs: [[from, to], …] (turnover mid-trip). */
function daysHolding(org: OrgSnapshot, pick: (o: OrgSnapshot) => LeaderPost | undefined, personId: number, period: { startDate: IsoDate; endDate: IsoDate }): [IsoDate, IsoDate][] {
  const runs: [IsoDate, IsoDate][] = []
  for (let d = period.startDate; d <= period.endDate; d = addDays(d, 1)) {
    if (pick(orgOn(org, d))?.holderId !== personId) continue
    const last = runs.at(-1)
    if (last && addDays(last[1], 1) === d) last[1] = d
    else runs.push([d, d])
  }
  return runs
}

/** R-P4 (第七十六条): the 市长 and the 常务副市长 should not be away at the same time (each the holder of those days). */
export function executiveOverlaps(org: OrgSnapshot, absences: readonly AbsencePeriod[]): ExecutiveOverlap[] {
  const ever = (pick: (o: OrgSnapshot) => LeaderPost | undefined) => new Set(
    [pick(org)?.holderId, ...(org.holdings ?? []).filter((h) => h.postId === pick(org)?.id).map((h) => h.personId)].filter((x): x is number => !!x))
  const mayors = ever(mayorPost)
  const execs = ever(executivePost)
  const out: ExecutiveOverlap[] = []
  for (const m of absences.filter((a) => mayors.has(a.personId))) {
    for (const e of absences.filter((a) => execs.has(a.personId) && a.personId !== m.personId)) {
      const shared = overlap(m, e)
      if (!shared) continue
      const mayorDays = daysHolding(org, mayorPost, m.personId, shared)
      for (const [from, to] of mayorDays.flatMap(([f, t]) => daysHolding(org, executivePost, e.personId, { startDate: f, endDate: t }))) {
        const span = from === to ? chineseDate(from) : `${chineseDate(from)}至${chineseDate(to)}`
        out.push({
          mayorAbsenceId: m.id, executiveAbsenceId: e.id, startDate: from, endDate: to,
          message: `市长${nameOf(org, m.personId)}与常务副市长${nameOf(org, e.personId)}${span}同时外出。按第七十六条，市长与负责常务工作的副市长一般不同时外出。`,
        })
      }
    }
  }
  return out
}

export interface ReportRecord {
  personId: number
  kind: AbsenceKind
  reportedTo: readonly number[]
  approval: ApprovalState
  approvedById: number | null
  actingPersonId: number | null
}

/** R-P5 (第七十六条): what the leader should have reported or had approved, and has not. */
export function reportingGaps(org: OrgSnapshot, r: ReportRecord): string[] {
  const post = principalPost(org, r.personId)
  if (!post) return []
  const mayor = mayorPost(org)?.holderId ?? null
  const exec = executivePost(org)?.holderId ?? null
  const told = (id: number | null) => id !== null && r.reportedTo.includes(id)
  const gaps: string[] = []
  const approvedByMayor = () => {
    if (r.approval !== '已批准') gaps.push(`${cite('R-P5')}：${r.kind}须经市长批准，目前${r.approval === '待批' ? '尚未批准' : '未获批准'}`)
    else if (r.approvedById !== mayor) gaps.push(`${cite('R-P5')}：须由市长批准，记录的批准人不是市长`)
  }
  switch (post.kind) {
    case '副市长':
    case '秘书长': {
      const superiors = post.isExecutive ? [mayor] : [mayor, exec]
      if (!superiors.some(told)) gaps.push(`${cite('R-P5')}：${post.isExecutive ? '常务副市长外出应事先报告市长' : '副市长、秘书长离开本市应事先报告市长或常务副市长'}`)
      if (r.kind === '因私' || r.kind === '休假') approvedByMayor()
      if (!r.actingPersonId) gaps.push(`${cite('R-P5')}：外出期间代行其职责的领导应告知办公室备案（未填写代行人）`)
      break
    }
    case '部门主要负责人': {
      const supervisor = post.departmentId !== null ? org.supervisors.get(post.departmentId) : null
      const supervisorHolder = org.posts.find((p) => p.id === supervisor)?.holderId ?? null
      if (!told(mayor)) gaps.push(`${cite('R-P5')}：部门主要负责人离开本市应向市长请假`)
      if (supervisorHolder !== null && supervisorHolder !== mayor && !told(supervisorHolder)) gaps.push(`${cite('R-P5')}：部门主要负责人离开本市应向分管副市长请假`)
      if (r.approval !== '已批准') gaps.push(`${cite('R-P5')}：请假${r.approval === '待批' ? '尚未批准' : '未获批准'}`)
      break
    }
    case '县区主要负责人':
      if (!told(mayor)) gaps.push(`${cite('R-P5')}：县（区）主要负责人离开本市应向市长报告`)
      break
    default:
  }
  return gaps
}

/** What R-P5 asks of an absent person: whom they report to, who approves, and what is filed with the 办公室. */
export interface ReportingDuty {
  /** 报告对象 in the rules' words, or null when the rules name nobody (the 市长 reports to nobody above). */
  reportTo: string | null
  /** Who approves, or null when the absence needs no approval (a 副市长's business trip, the 市长's own absence). */
  approvalBy: string | null
  /** What the office files (第七十六条: every leader's trip and the person acting during it). */
  filing: string | null
}

const PRIVATE: readonly AbsenceKind[] = ['因私', '休假']

/** R-P5 (第七十六条) for the list and the form, so nothing the rules do not ask for shows as 未报告 or 待批. */
export function reportingDuty(org: OrgSnapshot, personId: number, kind: AbsenceKind): ReportingDuty {
  const post = principalPost(org, personId)
  const leaderFiling = '行程和代行人报办公室备案'
  switch (post?.kind) {
    case '市长':
      return { reportTo: null, approvalBy: null, filing: '市长外出无须向上报告或审批；行程和代行的常务副市长报办公室备案' }
    case '副市长':
    case '秘书长':
      return { reportTo: post.isExecutive ? '市长' : '市长或常务副市长', approvalBy: PRIVATE.includes(kind) ? '市长' : null, filing: leaderFiling }
    case '部门主要负责人':
      return { reportTo: '市长和分管副市长', approvalBy: '市长和分管副市长', filing: '抄送办公室' }
    case '县区主要负责人':
      return { reportTo: '市长', approvalBy: null, filing: null }
    default:
      return { reportTo: null, approvalBy: null, filing: null }
  }
}

/** Who acts over a run of days of one absence: the same answer from `startDate` to `endDate`. */
export interface ActingSpan { startDate: IsoDate; endDate: IsoDate; acting: ActingAnswer }

/**
 * Who acts for the absent leader on each day of the absence (R-P2, R-P3), in runs of the same answer: the person the
 * rules name may be away on some of the days, and a post may change hands mid-trip, so no single day stands for all.
 */
export function actingByDay(org: OrgSnapshot, absences: readonly AbsencePeriod[], a: AbsencePeriod): ActingSpan[] {
  const spans: ActingSpan[] = []
  let key = ''
  for (let d = a.startDate; d <= a.endDate; d = addDays(d, 1)) {
    const post = principalPost(orgOn(org, d), a.personId)
    if (!post) { key = ''; continue }
    const acting = whoActsFor(org, absences, post.id, d)
    const k = `${post.id}|${acting.actorId}|${acting.rule}|${acting.reason}`
    if (k === key) spans.at(-1)!.endDate = d
    else spans.push({ startDate: d, endDate: d, acting })
    key = k
  }
  return spans
}
