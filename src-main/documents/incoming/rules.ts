/**
 * 收文 (X-2) as pure rules: the 收文号's form, 密级标注, the R-D1 exception, the route of the 拟办意见 (R-D3 with
 * R-P2/R-P3 on the day), deadlines in working days (R-D7), what a 圈阅 means (R-D4), the R-D2 consultation,
 * and where a document is in its 传阅.
 */
import type { Decision } from '../../kernel/decision'
import { chineseDate, type IsoDate } from '../../common/dates'
import { shiftWorkingDays, type HolidayCalendar } from '../../calendar/rules'
import { whoActsFor, type AbsencePeriod, type ActingRule } from '../../absences/rules'
import { mayorPost, type LeaderPost, type OrgSnapshot } from '../../org/snapshot'
import type { CLASSIFICATIONS } from '../../common/classification'
import type { DIRECT_EXCEPTIONS, DocumentType, ROUTES, URGENCIES } from '../../common/documents'
import { cite } from '../../common/rules'

export type Urgency = (typeof URGENCIES)[number]
export type Classification = (typeof CLASSIFICATIONS)[number]
export type Route = (typeof ROUTES)[number]

/** 收文号 as printed everywhere (slip, registers, lists): 收〔2026〕123号 — year in full, no leading zeros, no 第. */
export const incomingNumberText = (year: number, seq: number): string => `收〔${year}〕${seq}号`

/** 保密期限 as offices write it: 1年, 6个月, 长期. */
export const SECRECY_PERIOD = /^(?:[1-9]\d?年|[1-9]\d?个月|长期)$/

/** A 密级 needs its 保密期限 and an unclassified document has none; null when fine. */
export function secrecyProblem(classification: Classification, period: string | null | undefined): string | null {
  if (classification === '无') return period ? '「保密期限」：非涉密文件不填保密期限' : null
  if (!period) return `「保密期限」：${classification}文件须填写保密期限（如“1年”）`
  if (!SECRECY_PERIOD.test(period)) return '「保密期限」应写作“1年”“6个月”或“长期”'
  return null
}


/** R-D1 (第四十五条): a document sent straight to a leader records why and to whom — both or neither. */
export function directExceptionProblem(exception: (typeof DIRECT_EXCEPTIONS)[number] | null | undefined, leaderId: number | null | undefined): string | null {
  if (exception && !leaderId) return `${cite('R-D1')}：直送领导的文件须写明送给哪位领导（例外情形：${exception}）`
  if (!exception && leaderId) return `${cite('R-D1')}：公文由办公室统一收文办理；直送领导的须写明例外情形（领导交办、涉密敏感、紧急重大事项、突发事件、外事）`
  return null
}

/** R-D4 (第四十八条): circling a 请示 or a draft counts as consent; circling a 报告 counts as read. */
export function circleMeaning(docType: DocumentType): '同意' | '已阅' {
  return docType === '报告' ? '已阅' : '同意'
}

// ——— Route of the 拟办意见 (R-D3, with R-P2/R-P3) ———

export interface RouteInput {
  org: OrgSnapshot
  absences: readonly AbsencePeriod[]
  /** The day the 拟办意见 is written: who acts is decided for that day. */
  date: IsoDate
  senderDepartmentId: number | null
  /** The sender is a 县（区）政府: not under one 分管副市长, so its papers go by subject. */
  senderIsCounty?: boolean
  /** 重大事项: to the 市长. */
  major: boolean
  /** 属一个部门职责范围内的事项: the 秘书长 (or the 副秘书长 chosen). */
  withinOneDepartment: boolean
  secretaryPostId?: number | null
}

export interface RouteProposal {
  route: Route
  postId: number
  postTitle: string
  holderId: number | null
  holderName: string | null
  /** Who answers on the day: the holder, or whoever acts for them. */
  actorId: number | null
  actorName: string | null
  acting: boolean
  actingRule: ActingRule | null
  actingReason: string
  /** Every rule the answer rests on, R-D3 first. */
  rules: string[]
  reason: string
}

export const routeOfPost = (post: Pick<LeaderPost, 'kind'>): Route | null =>
  post.kind === '市长' ? '市长' : post.kind === '副市长' ? '分管副市长' : post.kind === '秘书长' || post.kind === '副秘书长' ? '秘书长' : null

function withActing(input: RouteInput, post: LeaderPost, route: Route, why: string): RouteProposal {
  const a = whoActsFor(input.org, input.absences, post.id, input.date)
  const acting = a.actorId !== null && a.actorId !== post.holderId
  const rules = ['R-D3', ...(a.rule ? [a.rule] : [])]
  const who = a.actorId === null ? `；${a.reason}` : acting ? `；${chineseDate(input.date)}${a.reason}` : ''
  return {
    route, postId: post.id, postTitle: post.title, holderId: post.holderId, holderName: a.holderName,
    actorId: a.actorId, actorName: a.actorName, acting, actingRule: a.rule, actingReason: a.reason,
    rules, reason: `${why}${who}`,
  }
}

const refuseRoute = (reason: string): Decision<{ proposal: RouteProposal }> => ({ ok: false, rule: 'R-D3', reason })
const routed = (proposal: RouteProposal): Decision<{ proposal: RouteProposal }> => ({ ok: true, proposal })

/** R-D3 (第四十七条): major matters to the 市长; one department's remit to the 秘书长/副秘书长; otherwise the 分管副市长. */
export function proposeRoute(input: RouteInput): Decision<{ proposal: RouteProposal }> {
  const { org } = input
  if (input.major) {
    const mayor = mayorPost(org)
    if (!mayor) return refuseRoute(`${cite('R-D3')}：组织机构中未设市长岗位，重大事项无法报市长。请先在“组织机构”中设置。`)
    return routed(withActing(input, mayor, '市长', `${cite('R-D3')}：重大事项报市长${mayor.holderId ? org.names.get(mayor.holderId) ?? '' : ''}审批`))
  }
  if (input.withinOneDepartment) {
    const chosen = input.secretaryPostId != null ? org.posts.find((p) => p.id === input.secretaryPostId) : org.posts.find((p) => p.kind === '秘书长')
    if (!chosen) return refuseRoute(`${cite('R-D3')}：组织机构中未设秘书长岗位。请先在“组织机构”中设置，或选择一位副秘书长。`)
    if (chosen.kind !== '秘书长' && chosen.kind !== '副秘书长') return refuseRoute(`${cite('R-D3')}：属一个部门职责范围内的事项由秘书长或副秘书长批示，“${chosen.title}”不是`)
    const name = chosen.holderId ? org.names.get(chosen.holderId) ?? '' : ''
    return routed(withActing(input, chosen, '秘书长', `${cite('R-D3')}：属一个部门职责范围内的事项，由${chosen.title}${name}批示后转该部门办理，并要求其反馈`))
  }
  if (input.senderDepartmentId == null) {
    return refuseRoute(`${cite('R-D3')}：来文单位不是本市政府部门，无法按分管领域确定批示领导。请注明是否为重大事项（报市长）或属一个部门职责范围（报秘书长），或直接选择批示领导。`)
  }
  if (input.senderIsCounty) {
    return refuseRoute(`${cite('R-D3')}：县（区）政府的来文按所涉事项报分管该领域的副市长，不按来文单位确定。请直接选择批示领导，或注明重大事项（报市长）、属一个部门职责范围（报秘书长）。`)
  }
  const supervisorId = org.supervisors.get(input.senderDepartmentId) ?? null
  const post = supervisorId === null ? undefined : org.posts.find((p) => p.id === supervisorId)
  if (!post) return refuseRoute(`${cite('R-D3')}：来文单位未设分管领导，无法按分管领域确定批示领导。请在“组织机构—分管”中设置，或直接选择批示领导。`)
  const route = routeOfPost(post) ?? '分管副市长'
  const name = post.holderId ? org.names.get(post.holderId) ?? '' : ''
  return routed(withActing(input, post, route, `${cite('R-D3')}：来文单位由${post.title}${name}分管，报分管领导审批`))
}

// ——— Deadlines (R-D7) ———

export type HandlingDays = Record<Urgency, number>

/** R-D7: the time limit in working days for an urgency, from the office's settings. */
export const defaultWorkingDays = (urgency: Urgency, days: HandlingDays): number => days[urgency]

/**
 * R-D7: urgent documents are fast-tracked, so their time limit may be shortened but never made longer than
 * the setting; an ordinary one may be given more days. Null when fine.
 */
export function workingDaysProblem(urgency: Urgency, requested: number, days: HandlingDays): string | null {
  if (urgency !== '无' && requested > days[urgency]) return `${cite('R-D7')}：${urgency}件须从快办理，办理时限不能超过${days[urgency]}个工作日（设置—办理时限）`
  return null
}

/** The date `workingDays` working days after `from` (the day itself not counted), across holidays and 调休 (R-W2). */
export const deadlineAfter = (cal: HolidayCalendar, from: IsoDate, workingDays: number): IsoDate => shiftWorkingDays(cal, from, workingDays)

// ——— Consultation (R-D2) ———

export interface ConsultationFacts { agrees: boolean; coordination: string | null; reasons: string | null; proposedDecision: string | null }

/** R-D2: what a disagreement still lacks (协调情况、理由、拟处理意见); empty when it is resolved or there is none. */
export function disagreementGaps(c: ConsultationFacts): string[] {
  if (c.agrees) return []
  const gaps: string[] = []
  if (!c.coordination) gaps.push('协调情况')
  if (!c.reasons) gaps.push('各方理由')
  if (!c.proposedDecision) gaps.push('拟处理意见')
  return gaps
}

export const unresolvedCount = (rows: readonly ConsultationFacts[]): number => rows.filter((r) => disagreementGaps(r).length > 0).length

// ——— 传阅: where the document is now ———

export interface TurnFacts { turn: number; leaderId: number; instructedOn: IsoDate | null }

/** The turn the document waits at: the first, in order, without a date; null when every leader has instructed. */
export function currentTurn<T extends TurnFacts>(rows: readonly T[]): T | null {
  return [...rows].sort((a, b) => a.turn - b.turn).find((r) => !r.instructedOn) ?? null
}

/**
 * When the paper reached this turn's leader (传阅 in turn): the 送批 date for the first, else the day the leader before
 * instructed, whichever is later; null for a turn the paper has not reached yet (no 送达 date to show).
 */
export function arrivedOn<T extends TurnFacts & { sentOn: IsoDate }>(rows: readonly T[], row: T): IsoDate | null {
  const before = rows.filter((r) => r.turn < row.turn)
  if (before.some((r) => !r.instructedOn)) return null
  const last = before.map((r) => r.instructedOn!).sort().at(-1)
  return last && last > row.sentOn ? last : row.sentOn
}

/**
 * 初审 and 拟办 waiting (issue 16): a paper just received counts toward 公文到期提醒 too, due this many working days after
 * its 签收 — the office's practice of clearing the in-tray within two working days, an urgent paper the next working day.
 * Until 拟办 sets its 办结时限 this is the only deadline it has.
 */
export const INTAKE_WORKING_DAYS: Readonly<Record<Urgency, number>> = { 无: 2, 加急: 1, 特急: 1 }

/** The intake deadline of a paper waiting for 初审 or 拟办: 签收 day + INTAKE_WORKING_DAYS working days. */
export const intakeDeadline = (cal: HolidayCalendar, doc: { receivedAt: string; urgency: Urgency }): IsoDate =>
  shiftWorkingDays(cal, doc.receivedAt.slice(0, 10), INTAKE_WORKING_DAYS[doc.urgency])
