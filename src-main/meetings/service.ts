/** Meetings (办会): types as settings, the calendar, scheduling with the rules' warnings, planning, held/cancelled. */
import { and, asc, eq, gte, lte, ne } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import type { ActionContext } from '../kernel/procedure'
import { AppError, ruleViolation } from '../kernel/errors'
import { insertAudited, updateAudited } from '../kernel/audited'
import { addDays, chineseDate, weekdayOf, yearOf } from '../common/dates'
import { dayInfo, isProvisional } from '../calendar/rules'
import { loadCalendar } from '../calendar/service'
import { listAbsences } from '../absences/service'
import { loadOrgSnapshot } from '../org/service'
import { readSettings } from '../settings/service'
import { checkEntrustment, cityWideMeetingCheck, expectedAttendance, meetingWarnings, planNextMeetings, topicDeadline, topicsTurnedLate, type MeetingWarning } from './rules'
import { enforce } from '../kernel/decision'
import type { MeetingType } from './types/config'
import { type ReservedMatter } from '../common/meetings'
import { governmentShort, listMeetingTypes, meetingContext, meetingTitle, meetingTypeById, type MeetingContext, type MeetingRow, type StoredMeetingType } from './context'
import { meetings, topics } from './schema'
import { departments } from '../org/schema'
import { attendanceSheet } from './attendance/service'
import { lastMeetingOfType, minutesOfMeeting, sameDayMeetings, topicsOfMeeting } from './statements'
import type { Participant } from './attendance/rules'
import { heldCheck, listCorrections } from './corrections'
import { visibleTopicCount } from './topics/service'
import type { Reader } from '../security/clearance'
import type { RuleId } from '../common/rules'
import type { MeetingInput } from './contract'
import { cite, citing } from '../common/rules'

const CHAIR_RULE: Partial<Record<MeetingType['kind'], RuleId>> = { 全体会议: 'R-M1', 常务会议: 'R-M2', 市长办公会: 'R-M6', 专题会议: 'R-M7' }

/** The chair must hold a post the type allows (市长 for 常务会议 …); by default the first such post. */
function resolveChair(ctx: MeetingContext | { org: MeetingContext['org'] }, type: MeetingType, chairPostId?: number | null): number | null {
  const allowed = [...type.chairPostKinds, ...type.entrustedChairPostKinds]
  if (chairPostId == null) return ctx.org.posts.find((p) => p.kind === type.chairPostKinds[0])?.id ?? null
  const post = ctx.org.posts.find((p) => p.id === chairPostId)
  if (!post) throw new AppError('NOT_FOUND', '所选主持人岗位不存在')
  if (!allowed.includes(post.kind)) {
    throw ruleViolation(CHAIR_RULE[type.kind] ?? 'R-M7', `${cite(CHAIR_RULE[type.kind] ?? 'R-M7')}：${type.name}由${allowed.join('、')}主持，${post.title}不能主持。`)
  }
  return chairPostId
}

function checkCityWide(db: ReadDb, type: StoredMeetingType, input: MeetingInput) {
  if (!type.oncePerYearPerDepartment) return
  if (!input.departmentId) throw new AppError('VALIDATION', `「主办部门」${type.name}须注明主办部门（${cite('R-M8')}：各部门每年原则上不超过1次）`)
  const dept = db.select().from(departments).where(eq(departments.id, input.departmentId)).get()
  if (!dept) throw new AppError('NOT_FOUND', '主办部门不存在')
  const existing = db.select().from(meetings).where(eq(meetings.typeId, type.id)).all()
    .map((m) => ({ id: m.id, departmentId: m.departmentId ?? 0, date: m.date, title: m.subject ?? type.name, cancelled: m.status === '已取消' }))
  enforce(cityWideMeetingCheck({ id: dept.id, name: dept.name }, yearOf(input.date), existing, input.id))
}

function checkSession(db: ReadDb, type: StoredMeetingType, input: MeetingInput) {
  if (!input.session) return
  const clash = db.select().from(meetings)
    .where(and(eq(meetings.typeId, type.id), eq(meetings.session, input.session), ne(meetings.status, '已取消'), input.id ? ne(meetings.id, input.id) : undefined)).get()
  if (clash) throw new AppError('CONFLICT', `已有第${input.session}次${type.name}（${chineseDate(clash.date)}），请核对会议次数`)
}

/** R-M7: a 副秘书长 chairs only with an entrusting 市长/副市长/秘书长 recorded. */
function checkEntrusting(org: MeetingContext['org'], type: MeetingType, chairPostId: number | null, entrustingPostId: number | null | undefined) {
  const post = (id: number | null | undefined) => (id == null ? null : org.posts.find((p) => p.id === id) ?? null)
  enforce(checkEntrustment(type, post(chairPostId), post(entrustingPostId)))
}

/** The page's and the save's warning, beyond the schedule's: topics late without the 市长's consent (R-M3). */
export interface TopicWarning { code: '议题逾期'; rule: 'R-M3'; message: string; topicIds: number[] }

/** 改期 earlier (R-M3): the topics on time for the old date and late for the new one, none with consent yet. */
function turnedLate(db: ReadDb, before: MeetingRow, after: MeetingRow, type: MeetingType): TopicWarning[] {
  const days = type.topicDeadlineWorkingDays
  if (!days || after.date >= before.date) return []
  // A year without holiday data counts provisionally (never throws), so the warning is given across the year's turn too.
  const late = topicsTurnedLate(loadCalendar(db), before.date, after.date, days, topicsOfMeeting(db, after.id))
  if (!late.length) return []
  return [{
    code: '议题逾期', rule: 'R-M3', topicIds: late.map((t) => t.id),
    message: `会议提前到${chineseDate(after.date)}后，${late.map((t) => `“${t.title}”（${chineseDate(t.deliveredOn)}送达）`).join('、')}已晚于会前${days}个工作日的报送时限，须记录市长同意（在“议题”中逐项“记录市长同意”）。`,
  }]
}

/** The live topics delivered after the deadline with no consent recorded: shown on the meeting while it is prepared (R-M3). */
function lateTopicsWarning(db: ReadDb, mc: MeetingContext): TopicWarning[] {
  const days = mc.type.topicDeadlineWorkingDays
  if (!days || mc.meeting.status !== '筹备') return []
  const deadline = topicDeadline(mc.cal(), mc.meeting.date, days)
  const late = topicsOfMeeting(db, mc.meeting.id).filter((t) => !t.withdrawn && !t.consentBy && t.deliveredOn > deadline)
  if (!late.length) return []
  return [{ code: '议题逾期', rule: 'R-M3', topicIds: late.map((t) => t.id), message: `${late.length}个议题晚于报送截止日期（${chineseDate(deadline)}）且未记录市长同意：${late.map((t) => `“${t.title}”`).join('、')}。` }]
}

/** 安排会议 / 修改 / 改期: only a meeting still in preparation changes; the warnings come back to be shown. */
export function saveMeeting(ctx: ActionContext, input: MeetingInput) {
  const type = meetingTypeById(ctx.db, input.typeId)
  let current: MeetingRow | null = null
  if (input.id) {
    current = meetingContext(ctx.db, input.id).meeting
    if (current.status !== '筹备') throw new AppError('CONFLICT', `会议${current.status}，不能再修改${current.status === '已召开' ? '；如需更正，请由设定的更正人员“重新打开”会议' : ''}`)
    if (current.typeId !== input.typeId) throw new AppError('VALIDATION', '「会议类别」已安排的会议不能改类别，请取消后重新安排')
  }
  const org = loadOrgSnapshot(ctx.db)
  const chairPostId = resolveChair({ org }, type, input.chairPostId)
  checkEntrusting(org, type, chairPostId, input.entrustingPostId)
  checkCityWide(ctx.db, type, input)
  checkSession(ctx.db, type, input)
  const values = {
    typeId: input.typeId, session: input.session ?? null, subject: input.subject ?? null, date: input.date, halfDay: input.halfDay,
    startTime: input.startTime ?? null, place: input.place ?? null, chairPostId, entrustingPostId: input.entrustingPostId ?? null,
    departmentId: input.departmentId ?? null, reservedMatters: JSON.stringify(input.reservedMatters ?? []),
    priorAgreementOn: input.priorAgreementOn ?? null, priorAgreementNote: input.priorAgreementNote ?? null, note: input.note ?? null,
    contactName: input.contactName ?? null, contactPhone: input.contactPhone ?? null,
    ...(input.participants ? { participants: JSON.stringify(uniqueParticipants(input.participants)) } : {}),
  }
  const row = input.id
    ? updateAudited(ctx, meetings, '会议', input.id, values)
    : insertAudited(ctx, meetings, '会议', { ...values, createdAt: ctx.clock.now().toISOString() })
  const late = current ? turnedLate(ctx.db, current, row, type) : []
  const warnings: PageWarning[] = [...warningsFor(ctx.db, meetingContext(ctx.db, row.id)), ...late]
  return { meeting: row, warnings, lateTopicIds: late.flatMap((w) => w.topicIds) }
}

export type PageWarning = MeetingWarning | TopicWarning

/** One entry a person: the last role given wins. */
const uniqueParticipants = (list: NonNullable<MeetingInput['participants']>) => [...new Map(list.map((p) => [p.personId, p])).values()]

export function cancelMeeting(ctx: ActionContext, id: number, reason: string) {
  const { meeting } = meetingContext(ctx.db, id)
  if (meeting.status !== '筹备') throw new AppError('CONFLICT', `会议${meeting.status}，不能取消`)
  const live = ctx.db.select().from(topics).where(and(eq(topics.meetingId, id), eq(topics.withdrawn, false))).all()
  if (live.length) {
    // Topics above the clerk's clearance are not counted for them, only said to be there.
    const seen = visibleTopicCount(ctx, id)
    const hidden = seen < live.length ? '（其中有密级高于您涉密等级的议题，须由具有相应涉密等级的人员处理）' : ''
    throw new AppError('CONFLICT', `会议还有${seen ? `${seen}个` : ''}议题${hidden}，请先将议题移至其他会议或撤回，再取消会议`)
  }
  return updateAudited(ctx, meetings, '会议', id, { status: '已取消', cancelReason: reason })
}

/** 议程确定 (R-M3): from then on a new topic needs the 市长's consent. */
export function fixAgenda(ctx: ActionContext, id: number, fixed: boolean) {
  const { meeting } = meetingContext(ctx.db, id)
  if (meeting.status !== '筹备') throw new AppError('CONFLICT', `会议${meeting.status}，议程不能再调整`)
  return updateAudited(ctx, meetings, '会议', id, { agendaFixedOn: fixed ? ctx.clock.today() : null })
}

/**
 * 已召开: not before the day, and a 常务会议 only with its quorum (R-M2) — the refusal quotes the rule. What would block
 * the minutes (heldCheck) must have been shown and acknowledged first.
 */
export function markHeld(ctx: ActionContext, id: number, acknowledged = false) {
  const mc = meetingContext(ctx.db, id)
  if (mc.meeting.status !== '筹备') throw new AppError('CONFLICT', `会议${mc.meeting.status}`)
  if (mc.meeting.date > ctx.clock.today()) throw new AppError('CONFLICT', `会议定于${chineseDate(mc.meeting.date)}召开，当日或之后才能标记为已召开`)
  const sheet = attendanceSheet(ctx, id)
  if (sheet.unrecordedMembers.length) {
    throw new AppError('CONFLICT', `还有组成人员未登记出席情况：${sheet.unrecordedMembers.join('、')}`)
  }
  if (!sheet.quorum.met) throw ruleViolation('R-M2', sheet.quorum.message!)
  const blocking = heldCheck(ctx, id)
  if (blocking.length && !acknowledged) {
    throw new AppError('CONFLICT', `标记为已召开之前请先确认以下问题（它们会妨碍纪要签发）：${blocking.map((w) => citing(w.rule, w.message)).join('；')}`)
  }
  return updateAudited(ctx, meetings, '会议', id, { status: '已召开' })
}

/** The chair and members' person ids, and who else is booked in the same half-day (for 领导已有安排). */
function bookedPeople(mc: Pick<MeetingContext, 'type' | 'org' | 'meeting'>): number[] {
  const chair = mc.org.posts.find((p) => p.id === mc.meeting.chairPostId)?.holderId
  return [...(chair ? [chair] : []), ...expectedAttendance(mc.type, mc.org).members.map((m) => m.personId)]
}

export function warningsFor(db: ReadDb, mc: MeetingContext, short = governmentShort(readSettings(db).governmentName)): MeetingWarning[] {
  const { meeting, type, org } = mc
  if (meeting.status === '已取消') return []
  const sameDay = sameDayMeetings(db, meeting)
  const types = new Map([[type.id, type]])
  const typeOf = (id: number) => types.get(id) ?? types.set(id, meetingTypeById(db, id)).get(id)!
  const others = sameDay.map((m) => {
    const t = typeOf(m.typeId)
    return { title: meetingTitle(short, t, m), date: m.date, halfDay: m.halfDay, personIds: bookedPeople({ type: t, org, meeting: m }) }
  })
  const last = lastMeetingOfType(db, meeting)
  return meetingWarnings({
    type, date: meeting.date, halfDay: meeting.halfDay, cal: mc.cal(), chairPostId: meeting.chairPostId ?? 0,
    members: expectedAttendance(type, org).members.map((m) => m.personId), absences: mc.absences, org,
    otherMeetingsSameSlot: others, lastMeetingOfType: last?.date ?? null,
  })
}

/** A meeting as the calendar and its page show it; the topics counted are those within the reader's clearance. */
function describe(reader: Reader, m: MeetingRow, types: Map<number, StoredMeetingType>, org: MeetingContext['org'], short: string) {
  const type = types.get(m.typeId)!
  const chair = org.posts.find((p) => p.id === m.chairPostId)
  const entrusting = org.posts.find((p) => p.id === m.entrustingPostId)
  const topicCount = visibleTopicCount(reader, m.id)
  return {
    ...m, reservedMatters: JSON.parse(m.reservedMatters) as ReservedMatter[], participants: JSON.parse(m.participants) as Participant[],
    entrustingTitle: entrusting ? `${entrusting.title}${entrusting.holderId ? ` ${org.names.get(entrusting.holderId) ?? ''}` : ''}` : null,
    typeName: type.name, kind: type.kind, title: meetingTitle(short, type, m),
    chairTitle: chair?.title ?? null, chairName: chair?.holderId ? org.names.get(chair.holderId) ?? null : null, topicCount,
  }
}

/** The calendar's data for a period: meetings, holidays and make-up days, and leaders' absences (R-W2, R-P4). */
export function meetingCalendar(reader: Reader, from: string, to: string) {
  const { db } = reader
  const types = new Map(listMeetingTypes(db).map((t) => [t.id, t]))
  const org = loadOrgSnapshot(db)
  const short = governmentShort(readSettings(db).governmentName)
  const rows = db.select().from(meetings).where(and(gte(meetings.date, from), lte(meetings.date, to))).orderBy(asc(meetings.date), asc(meetings.id)).all()
  const cal = loadCalendar(db)
  const days = [...cal.days.entries()].filter(([d]) => d >= from && d <= to).map(([date, d]) => ({ date, kind: d.kind, name: d.name }))
  const missingYears = [...new Set([yearOf(from), yearOf(to)])].filter((y) => !cal.years.has(y))
  const { absences, overlaps } = listAbsences(db, from, to)
  return {
    meetings: rows.map((m) => describe(reader, m, types, org, short)),
    days, missingYears,
    absences: absences.map((a) => ({ id: a.id, personName: a.personName, postTitle: a.postTitle, kind: a.kind, startDate: a.startDate, endDate: a.endDate, acting: a.acting })),
    overlaps,
  }
}

export function getMeeting(reader: Reader, id: number) {
  const { db } = reader
  const mc = meetingContext(db, id)
  const short = governmentShort(readSettings(db).governmentName)
  const day = dayInfo(mc.cal(), mc.meeting.date)
  const warnings: PageWarning[] = [...warningsFor(db, mc, short), ...lateTopicsWarning(db, mc)]
  const minutes = minutesOfMeeting(db, id)
  return {
    ...describe(reader, mc.meeting, new Map([[mc.type.id, mc.type]]), mc.org, short), type: mc.type, day, warnings,
    participantNames: mc.participants.map((p) => ({ ...p, name: mc.org.names.get(p.personId) ?? `（人员${p.personId}）` })),
    corrections: listCorrections(db, id),
    minutesSigned: minutes?.status === '已签发',
    correctionRoles: readSettings(db).meetingCorrectionRoles,
  }
}

/** 安排下次会议: dates at the type's cadence from its last meeting, avoiding holidays; nothing is saved. */
export function planMeetings(db: ReadDb, typeId: number, count: number, today: string) {
  const type = meetingTypeById(db, typeId)
  if (!type.cadenceDays) throw new AppError('VALIDATION', `${type.name}没有设定召开周期，请直接安排`)
  const last = db.select().from(meetings).where(and(eq(meetings.typeId, typeId), ne(meetings.status, '已取消'))).orderBy(asc(meetings.date)).all().at(-1)
  // From the last meeting, but never proposing a date already past when the cadence has slipped.
  const earliest = addDays(today, -type.cadenceDays)
  const from = last && last.date > earliest ? last.date : earliest
  const lastSession = db.select().from(meetings).where(eq(meetings.typeId, typeId)).all().reduce((n, m) => Math.max(n, m.session ?? 0), 0)
  const cal = loadCalendar(db)
  const dates = planNextMeetings(cal, type, from, count, last ? weekdayOf(last.date) : null)
  return { from, cadenceDays: type.cadenceDays, proposals: dates.map((date, i) => ({ date, session: lastSession + i + 1, provisional: isProvisional(cal, date) })) }
}
