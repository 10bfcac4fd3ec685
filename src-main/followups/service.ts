/** 督办 (R-S1): decisions of signed minutes and leaders' instructions become items with an owner, a deadline, reports and a closing. */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import type { ActionContext } from '../kernel/procedure'
import { AppError, ruleViolation } from '../kernel/errors'
import { findById, insertAudited, requireById, updateAudited } from '../kernel/audited'
import { canSee, type Clearance } from '../common/classification'
import { clearanceOf, unseen, visibleSql, type Reader } from '../security/clearance'
import { chineseDate, type IsoDate } from '../common/dates'
import { readSettings } from '../settings/service'
import { officeDate } from '../common/office-time'
import { directory } from '../org/directory'
import { departments, posts } from '../org/schema'
import { meetingDecisions, meetings, minutes, topics } from '../meetings/schema'
import { assignments, chases, incomingDocuments, instructions } from '../documents/schema'
import { incomingNumberText } from '../documents/incoming/rules'
import { meetingTypeById } from '../meetings/context'
import { minutesTitle } from '../meetings/rules'
import { followUpReports, followUps } from './schema'
import { type FollowUpState } from '../common/followups'
import { compareFollowUps, isOverdue, timing } from './rules'
import type { ClosingInput, FollowUpInput, ProgressInput } from './contract'
import { loadCalendar } from '../calendar/service'
import { cite } from '../common/rules'

export type FollowUpRow = typeof followUps.$inferSelect
export type FollowUpReportRow = typeof followUpReports.$inferSelect

export interface FollowUpFilter {
  status?: FollowUpState
  overdueOnly?: boolean
  departmentId?: number
}

function labels(db: ReadDb) {
  const d = directory(db)
  return { department: (id: number) => d.department(id)!, leader: (postId: number | null) => d.post(postId) }
}

/**
 * The condition "the reader may see where this item came from": an item from a 批示 on a 收文, or from a 议定事项 on a
 * topic, above the reader's clearance is hidden like its source. Null for a 机密 reader (every level is visible).
 */
export function sourceSeen(reader: Reader): SQL | null {
  return sourceSeenAt(clearanceOf(reader.user))
}

function sourceSeenAt(clearance: Clearance): SQL | null {
  const doc = visibleSql(sql`d.classification`, clearance)
  const topic = visibleSql(sql`t.classification`, clearance)
  if (!doc || !topic) return null
  return sql`NOT EXISTS (SELECT 1 FROM ${instructions} i JOIN ${incomingDocuments} d ON d.id = i.document_id
      WHERE ${followUps.source} = '领导批示' AND i.id = ${followUps.sourceId} AND NOT (${doc}))
    AND NOT EXISTS (SELECT 1 FROM ${meetingDecisions} md JOIN ${topics} t ON t.id = md.topic_id
      WHERE ${followUps.source} = '会议纪要' AND md.id = ${followUps.sourceId} AND NOT (${topic}))`
}

/**
 * Items still followed up: not one from a 批示 on a 收文 voided since (issue 16) — a duplicate registration's 批示 is not
 * work in hand. The item itself is kept, and opens from its link as before.
 */
export const fromLiveSource: SQL = sql`NOT EXISTS (SELECT 1 FROM ${instructions} vi JOIN ${incomingDocuments} vd ON vd.id = vi.document_id
  WHERE ${followUps.source} = '领导批示' AND vi.id = ${followUps.sourceId} AND vd.status = '已作废')`

/**
 * The 督办 items a reader of this clearance counts as theirs: from a source they may see and not from a voided 收文 —
 * the list, 待办, 提醒 and 统计 all count the same items.
 */
export function followUpsInHand(clearance: Clearance): SQL {
  return and(fromLiveSource, sourceSeenAt(clearance) ?? undefined)!
}

/** The item as this reader may see it: one whose source is above their clearance is answered as a missing one. */
function requireFollowUp(reader: Reader, id: number): FollowUpRow {
  const row = reader.db.select().from(followUps).where(and(eq(followUps.id, id), sourceSeen(reader) ?? undefined)).get()
  if (!row) throw unseen('督办事项')
  return row
}

/** Where a 会议纪要 item came from, for a link back to the meeting. */
function decisionSource(db: ReadDb, decisionIds: number[]) {
  if (!decisionIds.length) return new Map<number, { meetingId: number; minutesId: number; heading: string }>()
  return new Map(db.select({ id: meetingDecisions.id, heading: meetingDecisions.heading, minutesId: minutes.id, meetingId: minutes.meetingId })
    .from(meetingDecisions).innerJoin(minutes, eq(minutes.id, meetingDecisions.minutesId))
    .where(inArray(meetingDecisions.id, decisionIds)).all().map((r) => [r.id, { meetingId: r.meetingId, minutesId: r.minutesId, heading: r.heading }]))
}

function present(db: ReadDb, rows: FollowUpRow[], today: IsoDate) {
  const l = labels(db)
  const cal = loadCalendar(db)
  const ids = rows.map((r) => r.id)
  const reports = ids.length
    ? db.select().from(followUpReports).where(inArray(followUpReports.followUpId, ids)).orderBy(asc(followUpReports.reportedOn), asc(followUpReports.id)).all()
    : []
  const byItem = new Map<number, FollowUpReportRow[]>()
  for (const r of reports) byItem.set(r.followUpId, [...(byItem.get(r.followUpId) ?? []), r])
  const sources = decisionSource(db, rows.filter((r) => r.source === '会议纪要' && r.sourceId !== null).map((r) => r.sourceId!))
  return rows.map((r) => {
    const list = byItem.get(r.id) ?? []
    return {
      ...r,
      ...timing(cal, r, today),
      departmentName: l.department(r.departmentId),
      leader: l.leader(r.leaderPostId),
      reportCount: list.length,
      lastReport: list.at(-1) ?? null,
      meeting: r.source === '会议纪要' && r.sourceId !== null ? sources.get(r.sourceId) ?? null : null,
      reports: list,
    }
  })
}

/** The 督办 list: overdue first, then by deadline; days overdue or remaining from the office's today. */
export function listFollowUps(reader: Reader, today: IsoDate, filter: FollowUpFilter = {}) {
  const { db } = reader
  const rows = db.select().from(followUps).where(and(
    sourceSeen(reader) ?? undefined,
    fromLiveSource,
    filter.status ? eq(followUps.status, filter.status) : undefined,
    filter.overdueOnly ? eq(followUps.status, '办理中') : undefined,
    filter.departmentId ? eq(followUps.departmentId, filter.departmentId) : undefined,
  )).orderBy(asc(followUps.deadline), asc(followUps.id)).all()
    .filter((r) => !filter.overdueOnly || isOverdue(r, today))
    .sort(compareFollowUps(loadCalendar(db), today))
  return present(db, rows, today).map(({ reports: _reports, ...item }) => item)
}

export function getFollowUp(reader: Reader, id: number, today: IsoDate) {
  const item = present(reader.db, [requireFollowUp(reader, id)], today)[0]
  return { ...item, document: item.source === '领导批示' && item.sourceId !== null ? sourceDocument(reader.db, item.sourceId) : null }
}

/**
 * The 收文 a 批示 item came from, with its 催办 records (issue 16: each 催办 is listed on the 收文 and 督办 pages alike);
 * the item is visible only when the document is (requireFollowUp), so the document may be shown.
 */
function sourceDocument(db: ReadDb, instructionId: number) {
  const doc = db.select({ id: incomingDocuments.id, year: incomingDocuments.year, seq: incomingDocuments.seq, title: incomingDocuments.title, status: incomingDocuments.status })
    .from(instructions).innerJoin(incomingDocuments, eq(incomingDocuments.id, instructions.documentId)).where(eq(instructions.id, instructionId)).get()
  if (!doc) return null
  const d = directory(db)
  const chased = db.select().from(chases).where(eq(chases.documentId, doc.id)).orderBy(asc(chases.chasedOn), asc(chases.id)).all()
  const unit = (assignmentId: number | null) => (assignmentId === null ? null : db.select({ departmentId: assignments.departmentId }).from(assignments).where(eq(assignments.id, assignmentId)).get()?.departmentId ?? null)
  return {
    id: doc.id, numberText: incomingNumberText(doc.year, doc.seq), title: doc.title, status: doc.status,
    chases: chased.map((c) => ({ id: c.id, chasedOn: c.chasedOn, chaser: c.chaser, method: c.method, contact: c.contact, answer: c.answer, promisedOn: c.promisedOn, note: c.note, departmentName: d.department(unit(c.assignmentId)) })),
  }
}

/** R-S1: only a decision of signed minutes can be followed up — a draft can still change and has no number yet. */
function fromDecision(reader: Reader, decisionId: number): { sourceTitle: string; signedOn: IsoDate } {
  const { db } = reader
  const decision = findById(db, meetingDecisions, decisionId)
  const topic = decision?.topicId == null ? undefined : findById(db, topics, decision.topicId)
  // A decision on a topic above the clerk's clearance is answered as a missing one.
  if (!decision || (topic && !canSee(clearanceOf(reader.user), topic.classification))) throw unseen('议定事项')
  const m = requireById(db, minutes, decision.minutesId, '会议纪要')
  if (m.status !== '已签发' || !m.numberText || !m.signedOn) {
    throw ruleViolation('R-S1', `${cite('R-S1')}：纪要尚未签发，议定事项还可能修改，也还没有纪要编号；只有已签发纪要中的议定事项才能立项督办。请待纪要签发后再立项。`)
  }
  const meeting = requireById(db, meetings, m.meetingId, '会议')
  const title = minutesTitle(meetingTypeById(db, meeting.typeId), readSettings(db).governmentName)
  return { sourceTitle: `${title}${m.numberText}：${decision.heading}`, signedOn: m.signedOn }
}

export function createFollowUp(ctx: ActionContext, input: FollowUpInput) {
  const { db } = ctx
  const department = requireById(db, departments, input.departmentId, '责任单位')
  if (input.leaderPostId != null) requireById(db, posts, input.leaderPostId, '督办领导岗位')
  let source: { source: '会议纪要' | '领导批示'; sourceId: number | null; sourceTitle: string }
  if (input.decisionId != null) {
    const d = fromDecision(ctx, input.decisionId)
    if (input.deadline < d.signedOn) throw new AppError('VALIDATION', `「办结时限」不能早于纪要签发日期（${chineseDate(d.signedOn)}）`)
    const same = db.select().from(followUps).where(and(eq(followUps.source, '会议纪要'), eq(followUps.sourceId, input.decisionId), eq(followUps.departmentId, input.departmentId))).get()
    if (same) throw new AppError('CONFLICT', `该议定事项已交${department.name}督办（${same.status}），不能重复立项`)
    source = { source: '会议纪要', sourceId: input.decisionId, sourceTitle: d.sourceTitle }
  } else {
    if (!input.sourceTitle?.trim()) throw new AppError('VALIDATION', '「来源」不能为空：请选择纪要中的议定事项，或填写领导批示的标题', { field: 'sourceTitle' })
    source = { source: '领导批示', sourceId: input.sourceId ?? null, sourceTitle: input.sourceTitle.trim() }
  }
  // The 分管领导 of the owner department unless another leader is named.
  const leaderPostId = input.leaderPostId !== undefined ? input.leaderPostId : department.supervisorPostId
  const row = insertAudited(ctx, followUps, '督办事项', {
    ...source, task: input.task, departmentId: input.departmentId, leaderPostId: leaderPostId ?? null,
    deadline: input.deadline, status: '办理中', createdAt: ctx.clock.now().toISOString(),
  })
  return getFollowUp(ctx, row.id, ctx.clock.today())
}

function requireOpen(reader: Reader, id: number, doing: string): FollowUpRow {
  const item = requireFollowUp(reader, id)
  if (item.status === '已办结') throw new AppError('CONFLICT', `该事项已于${item.closedOn ? chineseDate(item.closedOn) : ''}办结，不能再${doing}`)
  return item
}

function checkDate(ctx: ActionContext, item: FollowUpRow, date: IsoDate, what: string): void {
  const today = ctx.clock.today()
  if (date > today) throw new AppError('VALIDATION', `「${what}」不能晚于今天（${chineseDate(today)}）`)
  const created = officeDate(new Date(item.createdAt))
  if (date < created) throw new AppError('VALIDATION', `「${what}」不能早于立项日期（${chineseDate(created)}）`)
}

/** 进展情况 from the owner department. */
export function reportProgress(ctx: ActionContext, input: ProgressInput) {
  const item = requireOpen(ctx, input.id, '报送进展')
  checkDate(ctx, item, input.reportedOn, '报送日期')
  insertAudited(ctx, followUpReports, '督办进展', {
    followUpId: item.id, reportedOn: input.reportedOn, content: input.content, reporter: input.reporter ?? null, recordedAt: ctx.clock.now().toISOString(),
  })
  return getFollowUp(ctx, item.id, ctx.clock.today())
}

/** 办结: with the outcome — 件件有着落、事事有回音 (R-S1). */
export function closeFollowUp(ctx: ActionContext, input: ClosingInput) {
  const item = requireOpen(ctx, input.id, '办结')
  checkDate(ctx, item, input.closedOn, '办结日期')
  updateAudited(ctx, followUps, '督办事项', item.id, { status: '已办结', closedOn: input.closedOn, outcome: input.outcome })
  return getFollowUp(ctx, item.id, ctx.clock.today())
}

