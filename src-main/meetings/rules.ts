import { shiftWorkingDays, type HolidayCalendar } from '../calendar/rules'
import { chineseDate, type IsoDate } from '../common/dates'
import type { Decision } from '../kernel/decision'
import type { MeetingType } from './types/config'
import { cite, type RuleId } from '../common/rules'
import { designatedProblem } from '../common/roles'

export * from './attendance/rules'
export * from './schedule'


// ── R-M2 quorum (第三十八条) ───────────────────────────────────────────────

export interface Quorum { met: boolean; needed: number; message: string | null }

/** R-M2: 半数以上组成人员到会方可召开 — more than half: 5 of 8, 4 of 7; exactly half is not enough. `meetingName` is the type's name. */
export function quorum(membersTotal: number, present: number, meetingName = '常务会议'): Quorum {
  if (!Number.isInteger(membersTotal) || !Number.isInteger(present) || membersTotal < 0 || present < 0 || present > membersTotal) {
    throw new RangeError(`invalid attendance ${present}/${membersTotal}`)
  }
  const needed = Math.floor(membersTotal / 2) + 1
  const met = present >= needed
  return {
    met, needed,
    message: met ? null : `按第三十八条，${meetingName}须半数以上组成人员到会方可召开。组成人员${membersTotal}人，现到会${present}人，至少需${needed}人到会。`,
  }
}

/** The type's quorum rule: '过半数' applies R-M2, '无' is always met. */
export const quorumFor = (type: MeetingType, membersTotal: number, present: number): Quorum =>
  type.quorum === '过半数' ? quorum(membersTotal, present, type.name) : { met: true, needed: 0, message: null }

// ── R-M3 topics (第三十八条) ───────────────────────────────────────────────

/** R-M3: the last day a topic may reach the 办公室 — `workingDays` working days before the meeting. */
export const topicDeadline = (cal: HolidayCalendar, meetingDate: IsoDate, workingDays = 10): IsoDate =>
  shiftWorkingDays(cal, meetingDate, -workingDays)

/** R-M3 by a meeting type's setting: its topic deadline, or null for a type without one (then only the fixed agenda counts). */
export const typeTopicDeadline = (cal: HolidayCalendar, meetingDate: IsoDate, workingDays: number | null): IsoDate | null =>
  workingDays ? topicDeadline(cal, meetingDate, workingDays) : null

export interface Consent { by: string; at: IsoDate }

export interface TopicDelivery {
  cal: HolidayCalendar
  meetingDate: IsoDate
  deliveredOn: IsoDate
  agendaFixed: boolean
  workingDays?: number
  /** 市政府主要领导同意: who consented and when. */
  mayorConsent?: Consent | null
}

const R_M3_TAIL = '按第三十八条，未经市政府主要领导同意，杜绝会前临时增加议题。'

/** R-M3: a topic delivered after the deadline, or after the agenda is fixed, needs the 市长's recorded consent. */
export function checkTopicDelivery(t: TopicDelivery): Decision<{ deadline: IsoDate; byConsent: boolean }> {
  const days = t.workingDays ?? 10
  const deadline = topicDeadline(t.cal, t.meetingDate, days)
  if (t.deliveredOn > t.meetingDate) return { ok: false, rule: 'R-M3', reason: `${cite('R-M3')}：会议已于${chineseDate(t.meetingDate)}召开，不能再报送议题。` }
  const problems: string[] = []
  if (t.deliveredOn > deadline) {
    problems.push(`议题应于会前${days}个工作日（${chineseDate(deadline)}前）报送，本议题${chineseDate(t.deliveredOn)}报送，已逾期`)
  }
  if (t.agendaFixed) problems.push('会议议程已确定，本议题属临时增加')
  if (problems.length === 0) return { ok: true, deadline, byConsent: false }
  const consent = t.mayorConsent
  if (consent && consent.by.trim() && consent.at <= t.meetingDate) return { ok: true, deadline, byConsent: true }
  return { ok: false, rule: 'R-M3', reason: `${cite('R-M3')}：${problems.join('；')}。${R_M3_TAIL}请先记录市长同意（同意人、日期）。` }
}

export interface DeliveredTopic { id: number; title: string; deliveredOn: IsoDate; consentBy: string | null; withdrawn: boolean }

/**
 * R-M3 on 改期: the live topics delivered on time for the old date that are late for the new one and have no consent —
 * moving a meeting earlier must say which (and the office records the 市长's consent for each).
 */
export function topicsTurnedLate(cal: HolidayCalendar, oldDate: IsoDate, newDate: IsoDate, workingDays: number, list: readonly DeliveredTopic[]): DeliveredTopic[] {
  if (newDate >= oldDate) return []
  const before = topicDeadline(cal, oldDate, workingDays)
  const after = topicDeadline(cal, newDate, workingDays)
  return list.filter((t) => !t.withdrawn && !t.consentBy && t.deliveredOn <= before && t.deliveredOn > after)
}

/** R-M3: the 分管副市长 a topic goes through is the department's, or another one with a recorded reason. */
export function checkSupervisor(deptName: string, deptSupervisor: { id: number; title: string } | null, given: { id: number; title: string } | null, reason: string | null | undefined): Decision {
  if (!given || !deptSupervisor || given.id === deptSupervisor.id || reason?.trim()) return { ok: true }
  return {
    ok: false, rule: 'R-M3',
    reason: `${cite('R-M3')}：${deptName}的分管领导是${deptSupervisor.title}，议题应经其审核后报送；所选${given.title}不分管该部门。确需经由${given.title}报送的，请在“经由其他领导的理由”中写明。`,
  }
}

// ── R-M7 专题会议 chaired on entrustment (第四十二条) ─────────────────────────

/**
 * R-M7: a post that may chair only when entrusted (a 副秘书长) needs an entrusting leader recorded, and the
 * entrusting post must be one that may chair the type itself (市长、副市长、秘书长) — never a department head.
 */
export function checkEntrustment(type: MeetingType, chair: { kind: string; title: string } | null, entrusting: { kind: string; title: string } | null): Decision {
  if (!chair || type.chairPostKinds.includes(chair.kind as never) || !type.entrustedChairPostKinds.includes(chair.kind as never)) return { ok: true }
  const who = type.chairPostKinds.join('、')
  if (!entrusting) return { ok: false, rule: 'R-M7', reason: `按第四十二条，${chair.title}须受${who}委托方可召集、主持${type.name}。请选择委托召开会议的领导。` }
  if (!type.chairPostKinds.includes(entrusting.kind as never)) {
    return { ok: false, rule: 'R-M7', reason: `按第四十二条，委托${chair.title}主持${type.name}的应是${who}，${entrusting.title}不能委托。` }
  }
  return { ok: true }
}

// ── Before 已召开: what would block the minutes (R-M4, R-M5, R-M7) ────────────

export interface HeldWarning { rule: RuleId; message: string }

export interface HeldQuery {
  type: MeetingType
  meetingDate: IsoDate
  reservedMatters: readonly string[]
  priorAgreementOn: IsoDate | null
  /** The recorded leave that was asked of someone the rule does not name, without a recorded exception. */
  wrongAskees: readonly { name: string; asked: string }[]
  /** R-M7: the signer problem, when the minutes could not be signed by anyone. */
  signerProblem: string | null
}

/** What will stand in the way of the minutes once the meeting is held: shown for confirmation before marking it. */
export function heldWarnings(q: HeldQuery): HeldWarning[] {
  const out: HeldWarning[] = []
  if (q.type.reservedMattersNeedMayorConsent && q.reservedMatters.length && (!q.priorAgreementOn || q.priorAgreementOn > q.meetingDate)) {
    out.push({ rule: 'R-M5', message: `本会议涉及${q.reservedMatters.join('、')}，尚未登记会前与相关领导协商一致（第四十二条）：纪要将不能签发。` })
  }
  for (const w of q.wrongAskees) {
    out.push({ rule: 'R-M4', message: `${w.name}向${w.asked}请假，不是第三十九条规定的请假对象，也未写明例外理由：纪要中的请假记录将不合规定。` })
  }
  if (q.signerProblem) out.push({ rule: 'R-M7', message: q.signerProblem })
  return out
}

/** Corrections after the fact are for the roles the office designates (设置—会议更正人员, 科长 by default). */
export function correctorProblem(role: string, designated: readonly string[]): string | null {
  return designatedProblem(role, designated, { name: '会议召开后的更正', setting: '会议更正人员', cannot: '更正。' })
}

// ── Numbering (X-1, R-D6 style) ─────────────────────────────────────────────

/** '〔{年}〕{n}号' → 〔2026〕5号, '第{n}期' → 第5期: the year in full, no leading zeros. */
export function formatMinutesNumber(style: string, year: number, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError('minutes number must be a positive integer')
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError('year must have four digits')
  return style.replaceAll('{年}', String(year)).replaceAll('{n}', String(n))
}

/** The next number in a yearly series: max + 1 (the service runs this inside an immediate transaction). */
export function nextNumber(usedNumbersOfYear: readonly number[]): number {
  return usedNumbersOfYear.reduce((m, n) => Math.max(m, n), 0) + 1
}

/** The minutes title from the type's template: '{政府}常务会议纪要' → 资阳市人民政府常务会议纪要. */
export const minutesTitle = (type: MeetingType, government: string): string => type.minutesTitle.replaceAll('{政府}', government)

// ── R-M8 city-wide meetings (第四十三条) ─────────────────────────────────────

export interface CityWideMeeting { id: number; departmentId: number; date: IsoDate; title: string; cancelled?: boolean }

/** R-M8: a department holds at most one city-wide meeting a year; `selfId` excludes the meeting being edited. */
export function cityWideMeetingCheck(
  department: { id: number; name: string }, year: number, existing: readonly CityWideMeeting[], selfId?: number,
): Decision {
  const prior = existing.find((m) => m.departmentId === department.id && Number(m.date.slice(0, 4)) === year && !m.cancelled && m.id !== selfId)
  if (!prior) return { ok: true }
  return {
    ok: false, rule: 'R-M8',
    reason: `按第四十三条，各部门召开全市性会议原则上每年不超过1次。${department.name}${year}年已安排“${prior.title}”（${chineseDate(prior.date)}），不能再安排第二次。`,
  }
}
