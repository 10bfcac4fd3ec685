/** Topics (议题, R-M3): submitted through the 分管副市长 with their files, against the deadline; ordered, moved, withdrawn. */
import { and, eq, inArray } from 'drizzle-orm'
import type { ReadDb } from '../../db/connection'
import type { ActionContext } from '../../kernel/procedure'
import { AppError, ruleViolation } from '../../kernel/errors'
import { findById, insertAudited, replaceLinksAudited, requireById, updateAudited } from '../../kernel/audited'
import { readSettings } from '../../settings/service'
import { canSee, visibleClassifications } from '../../common/classification'
import { checkRegistrable, clearanceOf, requireSeen, type Reader } from '../../security/clearance'
import { reclassificationsOfEach, reclassify, type ReclassifyInput, type ReclassifyTarget } from '../../security/reclassify'
import { chineseDate } from '../../common/dates'
import { whoActsFor } from '../../absences/rules'
import { mayorPost, orgOn } from '../../org/snapshot'
import { loadAbsencePeriods } from '../../absences/service'
import { departments } from '../../org/schema'
import { storeFile } from '../../files/service'
import { checkSupervisor, checkTopicDelivery, typeTopicDeadline } from '../rules'
import { isProvisional } from '../../calendar/rules'
import { enforce } from '../../kernel/decision'
import { meetingContext, type MeetingContext } from '../context'
import { meetings, topicFiles, topicMoves, topics, topicUnits } from '../schema'
import { TOPIC_FILE_KINDS } from '../../common/meetings'
import { liveTopicsByLevel, topicFilesOfMeeting, topicMovesOfMeeting, topicsOfMeeting, topicUnitsOfMeeting } from '../statements'
import type { TopicInput, MoveTopicInput, TopicConsentInput } from '../contract'
import { cite } from '../../common/rules'


/**
 * R-M3: the consent must come from whoever answers for the 市长 that day — the 市长 in post, or the leader acting while
 * the 市长 is away (R-P2); the same reading as the minutes' sign-off, so a 市长 away is not accepted here either.
 */
function consentName(mc: MeetingContext, consent: { personId: number; on: string }): string {
  // The 市长 of the day the consent was given, which may not be the meeting's day (a post that changed hands).
  const org = orgOn(mc.org, consent.on)
  const mayor = mayorPost(org)
  if (!mayor) throw new AppError('CONFLICT', '组织机构中未设市长岗位，无法记录市长同意')
  const acting = whoActsFor(org, mc.absences, mayor.id, consent.on)
  if (consent.personId !== acting.actorId) {
    const who = mc.org.names.get(consent.personId) ?? '所选人员'
    const why = consent.personId === mayor.holderId
      ? `${acting.reason}；请记录${acting.actorName ?? '代行市长职责的领导'}的同意，或填写市长实际表示同意的日期`
      : `${who}不是市长${acting.actorId && acting.actorId !== mayor.holderId ? `，也不是当日代行市长职责的${acting.actorName}` : ''}`
    throw ruleViolation('R-M3', `临时增加或逾期报送的议题须经市长同意。${why}。`)
  }
  const name = mc.org.names.get(consent.personId)!
  return consent.personId === mayor.holderId ? `市长${name}` : `${name}（代行市长职责，${cite(acting.rule ?? 'R-P2')}）`
}

/** R-M3 for this meeting: the type's deadline when it has one; the fixed agenda for every type. */
function checkDelivery(mc: MeetingContext, deliveredOn: string, consent: { by: string; at: string } | null) {
  const days = mc.type.topicDeadlineWorkingDays
  const agendaFixed = mc.meeting.agendaFixedOn !== null && mc.meeting.agendaFixedOn <= deliveredOn
  if (days) return enforce(checkTopicDelivery({ cal: mc.cal(), meetingDate: mc.meeting.date, deliveredOn, agendaFixed, workingDays: days, mayorConsent: consent }))
  if (agendaFixed && !consent) throw ruleViolation('R-M3', `${cite('R-M3')}：${mc.type.name}议程已确定，临时增加议题须经市长同意。请先记录市长同意（同意人、日期）。`)
  return { ok: true as const, deadline: null, byConsent: agendaFixed }
}

/** The 分管副市长 the topic goes through: the department's, or another with a recorded reason (R-M3). */
function supervisorOf(db: ReadDb, mc: MeetingContext, departmentId: number, given?: number | null, reason?: string | null): { postId: number | null; reason: string | null } {
  const dept = requireById(db, departments, departmentId, '报送单位')
  const postId = given ?? dept.supervisorPostId
  if (!postId && mc.type.topicDeadlineWorkingDays) {
    throw new AppError('VALIDATION', `「分管副市长」${dept.name}未设分管领导，请选择经由哪位分管副市长报送（${cite('R-M3')}：议题经分管副市长审核后报送）`)
  }
  const post = (id: number | null | undefined) => {
    const p = id == null ? undefined : mc.org.posts.find((x) => x.id === id)
    return p ? { id: p.id, title: `${p.title}${p.holderId ? mc.org.names.get(p.holderId) ?? '' : ''}` } : null
  }
  enforce(checkSupervisor(dept.name, post(dept.supervisorPostId), post(postId), reason))
  const differs = postId != null && dept.supervisorPostId != null && postId !== dept.supervisorPostId
  return { postId: postId ?? null, reason: differs ? reason!.trim() : null }
}

/** The topic as this reader may see it: one above their clearance is answered exactly as a missing one. */
export function requireTopic(reader: Reader, topicId: number) {
  return requireSeen(findById(reader.db, topics, topicId), clearanceOf(reader.user), '议题')
}

const seenBy = (reader: Reader) => inArray(topics.classification, visibleClassifications(clearanceOf(reader.user)))

/** The live topics of a meeting at the levels the reader sees and at those above their clearance. */
function liveTopicsSeen(reader: Reader, meetingId: number): { seen: number; hidden: number } {
  const clearance = clearanceOf(reader.user)
  const out = { seen: 0, hidden: 0 }
  for (const r of liveTopicsByLevel(reader.db, meetingId)) out[canSee(clearance, r.classification) ? 'seen' : 'hidden'] += r.n
  return out
}

/** Whether the meeting has a live topic the reader may not see. */
export const hasHiddenTopics = (reader: Reader, meetingId: number): boolean => liveTopicsSeen(reader, meetingId).hidden > 0

/**
 * Refuses what needs the whole agenda (a printed agenda, notice or minutes, the order of the topics) from a reader
 * who cannot see all of it: an agenda silently missing an item would mislead whoever reads it. `doing`: 导出会议议程.
 */
export function requireWholeAgenda(reader: Reader, meetingId: number, doing: string): void {
  if (!hasHiddenTopics(reader, meetingId)) return
  throw new AppError('FORBIDDEN', `本次会议有议题的密级高于您的涉密等级（${clearanceOf(reader.user)}），不能${doing}：缺少议题的文本会误导读者。请由具有相应涉密等级的人员办理。`)
}

/** The live topics of a meeting the reader may see, for counts (会议日历、详情). */
export const visibleTopicCount = (reader: Reader, meetingId: number): number => liveTopicsSeen(reader, meetingId).seen

/** Whether a stored file belongs to a topic the reader may see (one file may belong to several topics). */
export function isTopicFileSeen(reader: Reader, fileId: number): boolean {
  return !!reader.db.select({ id: topicFiles.fileId }).from(topicFiles).innerJoin(topics, eq(topics.id, topicFiles.topicId))
    .where(and(eq(topicFiles.fileId, fileId), seenBy(reader))).get()
}

export function submitTopic(ctx: ActionContext, input: TopicInput) {
  checkRegistrable(input.classification, readSettings(ctx.db).approvedClassification, clearanceOf(ctx.user), '议题')
  const mc = meetingContext(ctx.db, input.meetingId)
  if (mc.meeting.status !== '筹备') throw new AppError('CONFLICT', `会议${mc.meeting.status}，不能再报送议题`)
  if (mc.type.topicDeadlineWorkingDays) {
    const missing = TOPIC_FILE_KINDS.filter((k) => !input.files.some((f) => f.kind === k))
    if (missing.length) throw new AppError('VALIDATION', `「附件」须同时报送${missing.join('和')}（${cite('R-M3')}）`)
  }
  if (input.deliveredOn > ctx.clock.today()) throw new AppError('VALIDATION', '「送达日期」不能晚于今天')
  // Who acts for the 市长 is decided on the day of the consent, not the meeting day (R-P2).
  const consent = input.consent ? { by: consentName({ ...mc, absences: loadAbsencePeriods(ctx.db, input.consent.on, input.consent.on) }, input.consent), at: input.consent.on } : null
  if (consent && consent.at > ctx.clock.today()) throw new AppError('VALIDATION', '「同意日期」不能晚于今天')
  const check = checkDelivery(mc, input.deliveredOn, consent)
  const order = ctx.db.select({ id: topics.id }).from(topics).where(eq(topics.meetingId, input.meetingId)).all().length
  const supervisor = supervisorOf(ctx.db, mc, input.departmentId, input.supervisorPostId, input.supervisorReason)
  const topic = insertAudited(ctx, topics, '议题', {
    meetingId: input.meetingId, sortOrder: order + 1, title: input.title, departmentId: input.departmentId,
    supervisorPostId: supervisor.postId, supervisorReason: supervisor.reason, reporter: input.reporter ?? null,
    deliveredOn: input.deliveredOn, consentBy: check.byConsent ? consent!.by : null, consentOn: check.byConsent ? consent!.at : null,
    classification: input.classification, createdAt: ctx.clock.now().toISOString(),
  })
  const units = [...new Set(input.unitIds)].filter((id) => id !== input.departmentId)
  replaceLinksAudited(ctx, topicUnits, topicUnits.topicId, units.map((departmentId) => ({ topicId: topic.id, departmentId })),
    { entity: '议题', id: topic.id, field: '涉及单位', describe: (r) => r.departmentId })
  const files = input.files.map((f) => ({ topicId: topic.id, fileId: storeFile(ctx, f.file).id, kind: f.kind }))
  replaceLinksAudited(ctx, topicFiles, topicFiles.topicId, files, { entity: '议题', id: topic.id, field: '附件', describe: (r) => `${r.kind}：文件${r.fileId}` })
  return { topic, deadline: check.deadline, byConsent: check.byConsent }
}

/** The agenda's order (议程): the given ids first to last; every live topic of the meeting must be listed. */
export function reorderTopics(ctx: ActionContext, meetingId: number, topicIds: number[]) {
  const mc = meetingContext(ctx.db, meetingId)
  requireWholeAgenda(ctx, meetingId, '调整议程')
  if (mc.meeting.status !== '筹备') throw new AppError('CONFLICT', `会议${mc.meeting.status}，议程不能再调整`)
  const live = ctx.db.select({ id: topics.id }).from(topics).where(and(eq(topics.meetingId, meetingId), eq(topics.withdrawn, false))).all().map((t) => t.id)
  if (live.length !== topicIds.length || !live.every((id) => topicIds.includes(id))) throw new AppError('VALIDATION', '「议题顺序」须列出本次会议的全部议题')
  topicIds.forEach((id, i) => ctx.db.update(topics).set({ sortOrder: i + 1 }).where(eq(topics.id, id)).run())
  ctx.audit.record({ entity: '会议议程', id: meetingId, after: { 议题顺序: topicIds } })
}

/** 调整到以后的会议: the topic keeps its files and records where it came from; the deadline is checked again. */
export function moveTopic(ctx: ActionContext, input: MoveTopicInput) {
  const topic = requireTopic(ctx, input.topicId)
  const from = meetingContext(ctx.db, topic.meetingId)
  const to = meetingContext(ctx.db, input.toMeetingId)
  if (topic.withdrawn) throw new AppError('CONFLICT', '议题已撤回')
  if (to.meeting.status !== '筹备') throw new AppError('CONFLICT', `目标会议${to.meeting.status}，不能调入议题`)
  if (to.meeting.date <= from.meeting.date || to.meeting.id === from.meeting.id) throw new AppError('VALIDATION', '「调至会议」须是以后召开的会议')
  checkDelivery(to, topic.deliveredOn, topic.consentBy ? { by: topic.consentBy, at: topic.consentOn! } : null)
  const order = ctx.db.select({ id: topics.id }).from(topics).where(eq(topics.meetingId, to.meeting.id)).all().length
  insertAudited(ctx, topicMoves, '议题调整', { topicId: topic.id, fromMeetingId: from.meeting.id, toMeetingId: to.meeting.id, reason: input.reason ?? null, at: ctx.clock.now().toISOString() })
  return updateAudited(ctx, topics, '议题', topic.id, { meetingId: to.meeting.id, sortOrder: order + 1 })
}

/** 撤回 with its reason, kept on the topic (the agenda shows why it left). */
export function withdrawTopic(ctx: ActionContext, topicId: number, reason: string) {
  const topic = requireTopic(ctx, topicId)
  if (topic.withdrawn) throw new AppError('CONFLICT', '议题已撤回')
  if (meetingContext(ctx.db, topic.meetingId).meeting.status !== '筹备') throw new AppError('CONFLICT', '会议已召开或已取消，议题不能撤回')
  return updateAudited(ctx, topics, '议题', topicId, { withdrawn: true, withdrawReason: reason.trim() })
}

/**
 * 记录市长同意 for a topic already on the agenda (R-M3): late after the meeting was moved earlier, or delivered late
 * and registered before the rule was enforced. The consent is read on its own day (R-P2), as at submission.
 */
export function recordTopicConsent(ctx: ActionContext, input: TopicConsentInput) {
  const topic = requireTopic(ctx, input.topicId)
  if (topic.withdrawn) throw new AppError('CONFLICT', '议题已撤回，无须记录市长同意')
  const mc = meetingContext(ctx.db, topic.meetingId)
  if (mc.meeting.status !== '筹备') throw new AppError('CONFLICT', `会议${mc.meeting.status}，不能再记录议题的市长同意`)
  if (input.on > ctx.clock.today()) throw new AppError('VALIDATION', '「同意日期」不能晚于今天')
  if (input.on > mc.meeting.date) throw new AppError('VALIDATION', `「同意日期」应在会议（${chineseDate(mc.meeting.date)}）之前或当天`)
  const by = consentName({ ...mc, absences: loadAbsencePeriods(ctx.db, input.on, input.on) }, input)
  return updateAudited(ctx, topics, '议题', topic.id, { consentBy: input.note ? `${by}（${input.note}）` : by, consentOn: input.on })
}

type TopicRow = typeof topics.$inferSelect

const RECLASSIFY: ReclassifyTarget<TopicRow> = { kind: '议题', entity: '议题', table: topics, hasPeriod: false, load: requireTopic }

/**
 * 定密变更 of a 议题 (its 密级 only: topics record no 保密期限). Its files follow; a lowered topic appears on the agenda,
 * the attendance sheet and the prints of readers who could not see it before, a raised one leaves them.
 */
export const reclassifyTopic = (ctx: ActionContext, input: ReclassifyInput): TopicRow => reclassify(ctx, RECLASSIFY, { ...input, secrecyPeriod: null })

/**
 * The agenda with each topic's department, 分管领导, 列席 units, files and history; and the meeting's deadline. Only the
 * topics within the reader's clearance: the others are neither listed nor counted.
 */
export function listTopics(reader: Reader, meetingId: number) {
  const { db } = reader
  const mc = meetingContext(db, meetingId)
  const clearance = clearanceOf(reader.user)
  const rows = topicsOfMeeting(db, meetingId).filter((t) => canSee(clearance, t.classification))
  const ids = new Set(rows.map((r) => r.id))
  const deptNames = new Map([...mc.org.departments.entries()].map(([id, d]) => [id, d.name]))
  const units = topicUnitsOfMeeting(db, meetingId).filter((u) => ids.has(u.topicId))
  const files = topicFilesOfMeeting(db, meetingId).filter((f) => ids.has(f.topicId))
  const moves = topicMovesOfMeeting(db, meetingId).filter((m) => ids.has(m.topicId))
  const movedBetween = [...new Set(moves.flatMap((m) => [m.fromMeetingId, m.toMeetingId]))]
  const meetingDates = new Map(movedBetween.length ? db.select({ id: meetings.id, date: meetings.date }).from(meetings).where(inArray(meetings.id, movedBetween)).all().map((m) => [m.id, m.date]) : [])
  const dateOf = (id: number) => meetingDates.get(id)!
  const reclassified = reclassificationsOfEach(db, '议题', [...ids])
  const deadline = typeTopicDeadline(mc.cal(), mc.meeting.date, mc.type.topicDeadlineWorkingDays)
  return {
    // X-6: a deadline counted across a year without holiday data is 暂定, and is recomputed on read once the year is entered.
    deadline, deadlineProvisional: deadline !== null && isProvisional(mc.cal(), deadline, mc.meeting.date), deadlineWorkingDays: mc.type.topicDeadlineWorkingDays, agendaFixedOn: mc.meeting.agendaFixedOn,
    topics: rows.map((t) => {
      const post = mc.org.posts.find((p) => p.id === t.supervisorPostId)
      return {
        ...t, departmentName: deptNames.get(t.departmentId) ?? '',
        supervisorTitle: post?.title ?? null, supervisorName: post?.holderId ? mc.org.names.get(post.holderId) ?? null : null,
        units: units.filter((u) => u.topicId === t.id).map((u) => ({ id: u.departmentId, name: deptNames.get(u.departmentId) ?? '' })),
        files: files.filter((f) => f.topicId === t.id),
        late: deadline !== null && t.deliveredOn > deadline,
        history: moves.filter((m) => m.topicId === t.id).map((m) => ({ ...m, fromDate: dateOf(m.fromMeetingId), toDate: dateOf(m.toMeetingId), text: `由${chineseDate(dateOf(m.fromMeetingId))}的会议调至${chineseDate(dateOf(m.toMeetingId))}的会议` })),
        /** 定密变更, oldest first (issue 14). */
        reclassifications: reclassified.get(t.id) ?? [],
      }
    }),
  }
}

export type TopicView = ReturnType<typeof listTopics>['topics'][number]
