import { whoActsFor, type AbsencePeriod, type ActingRule } from '../../absences/rules'
import { mayorPost, principalPost, type LeaderPost, type OrgSnapshot, type OrgWithUnits } from '../../org/snapshot'
import { chineseDate, type IsoDate } from '../../common/dates'
import type { Decision } from '../../kernel/decision'
import type { MeetingType } from '../types/config'
import type { ReservedMatter } from '../../common/meetings'
import { cite, citing } from '../../common/rules'

export interface Attendee { personId: number; name: string; postId: number; postTitle: string; why: string }

export interface ExpectedAttendance {
  members: Attendee[]
  invited: Attendee[]
  attending: Attendee[]
  /** Configured units or descriptions with nobody in the org data (e.g. 军分区 not entered): shown as text. */
  unresolved: string[]
  vacant: string[]
}

const HEAD_KINDS = new Set(['部门主要负责人', '县区主要负责人', '其他'])

/** A unit's 主要负责人 post: configured names match exactly or as the end of the stored name (资阳市审计局 ← 市审计局). */
function unitHead(org: OrgWithUnits, unit: string): { post: LeaderPost | undefined; found: boolean } {
  const dept = [...org.departments.entries()].find(([, d]) => d.name === unit) ?? [...org.departments.entries()].find(([, d]) => d.name.endsWith(unit))
  if (!dept) return { post: undefined, found: false }
  return { post: headOf(org, dept[0]), found: true }
}
const headOf = (org: OrgSnapshot, departmentId: number) =>
  org.posts.filter((p) => p.departmentId === departmentId && HEAD_KINDS.has(p.kind)).sort((a, b) => a.id - b.id)[0]

/** Someone added to the meeting by hand: a 专题会议's 参会人员 or 列席 (R-M7). */
export interface Participant { personId: number; role: '组成人员' | '列席' }

/** Members, invited and 列席 by person, from the type's settings, the topics' units and those added by hand (R-M1, R-M2, R-M6, R-M7). */
export function expectedAttendance(type: MeetingType, org: OrgWithUnits, topicDepartments: readonly number[] = [], participants: readonly Participant[] = []): ExpectedAttendance {
  const out: ExpectedAttendance = { members: [], invited: [], attending: [], unresolved: [], vacant: [] }
  const seen = new Set<number>()
  const add = (list: Attendee[], post: LeaderPost | undefined, why: string, label: string) => {
    if (!post) { out.unresolved.push(label); return }
    if (post.holderId === null) { out.vacant.push(post.title); return }
    if (seen.has(post.holderId)) return
    seen.add(post.holderId)
    list.push({ personId: post.holderId, name: org.names.get(post.holderId) ?? `（人员${post.holderId}）`, postId: post.id, postTitle: post.title, why })
  }
  const byKind = (kinds: readonly string[]) => org.posts.filter((p) => kinds.includes(p.kind)).sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || Number(b.isExecutive) - Number(a.isExecutive) || a.id - b.id)
  for (const p of byKind(type.members.postKinds)) add(out.members, p, p.kind, p.title)
  if (type.members.departmentHeads) {
    for (const p of byKind(['部门主要负责人'])) {
      if (p.departmentId !== null && org.departments.get(p.departmentId)?.kind === '市政府部门') add(out.members, p, '市政府组成部门主要负责人', p.title)
    }
  }
  for (const unit of type.invited.units) { const h = unitHead(org, unit); add(out.invited, h.post, `邀请：${unit}`, `${unit}主要负责人${h.found ? '（未录入岗位）' : ''}`) }
  for (const p of byKind(type.attending.postKinds)) add(out.attending, p, p.kind, p.title)
  for (const unit of type.attending.units) { const h = unitHead(org, unit); add(out.attending, h.post, `列席：${unit}`, `${unit}主要负责人${h.found ? '（未录入岗位）' : ''}`) }
  if (type.attending.topicUnits) {
    for (const id of topicDepartments) {
      const name = org.departments.get(id)?.name ?? `（单位${id}）`
      add(out.attending, headOf(org, id), `议题单位：${name}`, `${name}主要负责人（未录入岗位）`)
    }
  }
  for (const p of participants) {
    if (seen.has(p.personId)) continue
    seen.add(p.personId)
    const post = principalPost(org, p.personId)
    const list = p.role === '组成人员' ? out.members : out.attending
    list.push({ personId: p.personId, name: org.names.get(p.personId) ?? `（人员${p.personId}）`, postId: post?.id ?? 0, postTitle: post?.title ?? '', why: p.role === '组成人员' ? '通知参会' : '通知列席' })
  }
  out.unresolved.push(...type.attending.others)
  return out
}

export interface Askee {
  rule: 'R-M4'; askee: '市长' | '主持人'; personId: number | null; name: string | null; reason: string
  /** Whom the rule accepts: the post's holder and whoever acts for them on the day. */
  acceptedIds: number[]
}

/** R-M4 (第三十九条): from a 全体会议 ask the 市长, from a 常务会议 the chair; on a date, the acting person answers. */
export function leaveAskee(type: MeetingType, chairPostId: number, org: OrgSnapshot, absences: readonly AbsencePeriod[] = [], date?: IsoDate): Askee {
  const postId = type.leaveAskee === '市长' ? mayorPost(org)?.id : chairPostId
  if (postId === undefined || !org.posts.some((p) => p.id === postId)) {
    return { rule: 'R-M4', askee: type.leaveAskee, personId: null, name: null, reason: type.leaveAskee === '市长' ? '未设市长岗位' : '会议未定主持人', acceptedIds: [] }
  }
  const a = whoActsFor(org, date ? absences : [], postId, date ?? '0000-01-01')
  const whom = type.leaveAskee === '市长' ? '市长' : '会议主持人'
  const acceptedIds = [...new Set([a.holderId, a.actorId].filter((x): x is number => x !== null))]
  return { rule: 'R-M4', askee: type.leaveAskee, personId: a.actorId, name: a.actorName, reason: `按第三十九条，不能参加${type.name}的向${whom}请假${a.rule ? `；${a.reason}` : ''}`, acceptedIds }
}

/**
 * R-M4: leave asked of the rule's person (or whoever acts for them that day) is in order; asked of anyone else it
 * stands only as a recorded exception with its reason.
 */
export function checkLeaveAskee(askee: Askee, askedPersonId: number | null, exception: string | null | undefined, org: OrgSnapshot): Decision<{ exception: boolean }> {
  if (askedPersonId === null || askee.acceptedIds.length === 0 || askee.acceptedIds.includes(askedPersonId)) return { ok: true, exception: false }
  if (exception?.trim()) return { ok: true, exception: true }
  const who = org.names.get(askedPersonId) ?? `人员${askedPersonId}`
  return {
    ok: false, rule: 'R-M4',
    reason: `${cite('R-M4')}：${askee.reason}${askee.name ? `（${askee.name}）` : ''}，${who}不是应请假的人。请改为向${askee.name ?? '规定的领导'}请假；确属特殊情况的，请在“例外说明”中写明理由。`,
  }
}

export interface Signer {
  personId: number
  name: string
  postId: number
  postTitle: string
  /** Set when the person signs as acting for the post's holder (R-P2/R-P3/R-P5). */
  actingFor: string | null
  actingRule: ActingRule | null
  reason: string
}

export interface SignerQuery {
  type: MeetingType
  chairPostId: number
  entrustingPostId?: number | null
  org: OrgSnapshot
  absences: readonly AbsencePeriod[]
  /** The sign-off date. */
  date: IsoDate
  meetingDate?: IsoDate
  touchesReservedMatters?: readonly ReservedMatter[]
  /** 会前与相关领导协商一致: when it was recorded. */
  priorAgreement?: { at: IsoDate; note?: string } | null
  /** 报市长同意: the consenting person (id) and when. */
  mayorConsent?: { byPersonId: number; at: IsoDate } | null
}

export type SignerAnswer = Decision<{ rule: 'R-M5'; signers: Signer[]; ruleText: string }>

function signerFor(org: OrgSnapshot, absences: readonly AbsencePeriod[], postId: number, date: IsoDate, role: string): Signer | string {
  const a = whoActsFor(org, absences, postId, date)
  if (a.actorId === null) return `${role}${a.postTitle}：${a.reason}`
  const acting = a.actorId !== a.holderId
  return {
    personId: a.actorId, name: a.actorName!, postId, postTitle: a.postTitle,
    actingFor: acting ? a.holderName : null, actingRule: acting ? a.rule : null,
    reason: acting ? `${a.reason}，代${role}${a.holderName}签发` : `${role}${a.actorName}签发`,
  }
}

/** R-M5 (第四十、四十二条) with acting (R-P2, R-P3): who may sign off the minutes, or why nobody may yet. */
export function minutesSigner(q: SignerQuery): SignerAnswer {
  const refuse = (reason: string): SignerAnswer => ({ ok: false, rule: 'R-M5', reason: citing('R-M5', reason) })
  const { type, org, absences, date } = q
  if (type.minutesSigner === '无') return refuse(`${type.name}不印发纪要，无须签发。`)
  if (type.minutesSigner === '市长') {
    const ruleText = `按第四十条，${type.name}纪要由市长签发。`
    const mayor = mayorPost(org)
    if (!mayor) return refuse('未设市长岗位。')
    const s = signerFor(org, absences, mayor.id, date, '市长')
    return typeof s === 'string' ? refuse(`${ruleText}${s}`) : { ok: true, rule: 'R-M5', signers: [s], ruleText }
  }
  const ruleText = '按第四十二条，专题会议纪要由会议主持人签发，或由委托召开会议的市政府领导签发。'
  const matters = [...new Set(q.touchesReservedMatters ?? [])]
  if (type.reservedMattersNeedMayorConsent && matters.length) {
    const missing: string[] = []
    const before = q.meetingDate ?? date
    if (!q.priorAgreement || q.priorAgreement.at > before) missing.push('会前与相关领导协商一致')
    const mayor = mayorPost(org)
    const c = q.mayorConsent
    if (!c || !mayor) missing.push('市长同意')
    else {
      // The same reading as the sign-off: whoever answers for the 市长 on the consent's day (R-P2), not someone away.
      const acting = whoActsFor(org, absences, mayor.id, c.at)
      if (c.byPersonId !== acting.actorId) {
        missing.push(c.byPersonId === mayor.holderId
          ? `市长同意（${chineseDate(c.at)}市长外出，应由代行市长职责的${acting.actorName ?? '领导'}同意）`
          : '市长同意（记录的同意人不是市长或代行市长职责的领导）')
      }
      else if (c.at > date) missing.push(`市长同意（记录于${chineseDate(c.at)}，晚于签发日期）`)
    }
    if (missing.length) {
      return refuse(`本专题会议涉及${matters.join('、')}，按第四十二条须会前与相关领导协商一致，纪要须报市长同意后再签发。尚缺：${missing.join('；')}。`)
    }
  }
  const chairKind = org.posts.find((p) => p.id === q.chairPostId)?.kind
  const entrustedOnly = !!chairKind && type.entrustedChairPostKinds.includes(chairKind) && !type.chairPostKinds.includes(chairKind)
  if (entrustedOnly && q.entrustingPostId == null) {
    return { ok: false, rule: 'R-M7', reason: `按第四十二条，${chairKind}受市长、副市长委托方可主持专题会议。本会议未登记委托领导，纪要无人可签发；请先更正会议的委托领导。` }
  }
  const signers: Signer[] = []
  const gaps: string[] = []
  // A 副秘书长 chairing on entrustment: the entrusting leader is named first (第四十二条: 或由委托召开会议的市政府领导签发).
  const posts: [number, string][] = entrustedOnly ? [[q.entrustingPostId!, '委托召开会议的领导'], [q.chairPostId, '会议主持人']] : [[q.chairPostId, '会议主持人']]
  if (!entrustedOnly && q.entrustingPostId != null && q.entrustingPostId !== q.chairPostId) posts.push([q.entrustingPostId, '委托召开会议的领导'])
  for (const [postId, role] of posts) {
    const s = signerFor(org, absences, postId, date, role)
    if (typeof s === 'string') gaps.push(s)
    else if (!signers.some((x) => x.personId === s.personId)) signers.push(s)
  }
  return signers.length ? { ok: true, rule: 'R-M5', signers, ruleText } : refuse(`${ruleText}${gaps.join('；')}`)
}

/** R-M5: only a person the rule names may sign off; anyone else is refused, quoting the rule. */
export function checkSignOff(signerPersonId: number, required: SignerAnswer, org?: OrgSnapshot): Decision<{ signer: Signer }> {
  if (!required.ok) return required
  const signer = required.signers.find((s) => s.personId === signerPersonId)
  if (signer) return { ok: true, signer }
  const who = org?.names.get(signerPersonId) ?? (org ? principalPost(org, signerPersonId)?.title : undefined) ?? `人员${signerPersonId}`
  const allowed = required.signers.map((s) => s.actingFor ? `${s.name}（代${s.actingFor}）` : s.name).join('或')
  return { ok: false, rule: 'R-M5', reason: citing('R-M5', `${required.ruleText}${who}不能签发，应由${allowed}签发。`) }
}
