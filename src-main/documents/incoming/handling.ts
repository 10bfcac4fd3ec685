/** 收文 handling: 拟办 with its route (R-D3) and deadline (R-D7), 送批/传阅, 批示/圈阅 (R-D4), 征求意见 (R-D2), 批示转督办 (R-S1). */
import { and, asc, eq, max } from 'drizzle-orm'
import type { ActionContext } from '../../kernel/procedure'
import type { Reader } from '../../security/clearance'
import { AppError, ruleViolation } from '../../kernel/errors'
import { insertAudited, requireById, updateAudited } from '../../kernel/audited'
import { enforce } from '../../kernel/decision'
import { chineseDate, type IsoDate } from '../../common/dates'
import { isLeaderKind } from '../../common/org'
import { loadCalendar } from '../../calendar/service'
import { whoActsFor } from '../../absences/rules'
import { principalPost, type OrgSnapshot } from '../../org/snapshot'
import { loadAbsencePeriods } from '../../absences/service'
import { loadOrgSnapshot } from '../../org/service'
import { departments, posts } from '../../org/schema'
import { readSettings } from '../../settings/service'
import { consultations, incomingDocuments, instructions } from '../schema'
import {
  circleMeaning, currentTurn, deadlineAfter, disagreementGaps, proposeRoute, routeOfPost, unresolvedCount, type RouteProposal,
} from './rules'
import { ENTITY, checkStepDate, numberText, requireIncoming, requireStatus, reviewOf } from './service'
import type { ConsultInput, InstructInput, ProposeInput, SendInput } from './contract'
import { cite } from '../../common/rules'


export interface RouteQuery {
  id: number
  major?: boolean
  withinOneDepartment?: boolean
  secretaryPostId?: number | null
  date?: IsoDate
}

/** R-D3 with R-P2/R-P3: the leader the 拟办意见 should go to, who acts for them on the day, and why. */
export function routeFor(reader: Reader, today: IsoDate, q: RouteQuery): RouteProposal {
  const { db } = reader
  const doc = requireIncoming(reader, q.id)
  const date = q.date ?? today
  const org = loadOrgSnapshot(db, date)
  const senderIsCounty = doc.senderDepartmentId !== null && org.departments.get(doc.senderDepartmentId)?.kind === '县区'
  return enforce(proposeRoute({
    org, absences: loadAbsencePeriods(db, date, date), date, senderDepartmentId: doc.senderDepartmentId, senderIsCounty,
    major: !!q.major, withinOneDepartment: !!q.withinOneDepartment, secretaryPostId: q.secretaryPostId,
  })).proposal
}

/** Tries the rules; a leader chosen by hand is taken only where the rules have no answer, and must agree with them otherwise. */
function chooseRoute(reader: Reader, input: ProposeInput): { route: RouteProposal['route']; postId: number; proposal: RouteProposal | null } {
  let proposal: RouteProposal | null = null
  try {
    proposal = routeFor(reader, input.proposedOn, { ...input, date: input.proposedOn })
  } catch (e) {
    if (input.routePostId == null) throw e
  }
  if (input.routePostId == null || input.routePostId === proposal?.postId) return { route: proposal!.route, postId: proposal!.postId, proposal }
  const post = requireById(reader.db, posts, input.routePostId, '批示领导岗位')
  const route = routeOfPost(post)
  if (!route) throw new AppError('VALIDATION', `「批示领导」须为市长、副市长、秘书长或副秘书长，“${post.title}”不是`, { field: 'routePostId' })
  if (proposal) {
    const holder = proposal.holderName ?? ''
    throw ruleViolation('R-D3', `${cite('R-D3')}：按规则本件应报${proposal.postTitle}${holder}（${proposal.reason}）。如属重大事项请勾选“重大事项”报市长；如属一个部门职责范围请勾选“属一个部门职责范围”报秘书长。`)
  }
  return { route, postId: post.id, proposal: null }
}

/** 拟办意见 (R-D3) with the overall time limit (R-D7); may be rewritten until the document is sent to a leader. */
export function proposeHandling(ctx: ActionContext, input: ProposeInput) {
  const { db } = ctx
  const doc = requireIncoming(ctx, input.id)
  requireStatus(doc, ['已登记', '已拟办'], '拟办')
  const review = reviewOf(doc)
  if (!review) throw ruleViolation('X-2', `${cite('X-2')}：${numberText(doc)}尚未初审，请先初审（不合要求的退回来文单位），再写拟办意见`)
  checkStepDate(ctx, input.proposedOn, '拟办日期', { date: review.on, what: '初审日期' })
  const chosen = chooseRoute(ctx, input)
  const settingsDays = readSettings(db).handlingWorkingDays[doc.urgency]
  const deadline = input.deadline ?? deadlineAfter(loadCalendar(db), input.proposedOn, settingsDays)
  if (deadline < input.proposedOn) throw new AppError('VALIDATION', '「办结时限」不能早于拟办日期', { field: 'deadline' })
  const after = updateAudited(ctx, incomingDocuments, ENTITY, doc.id, {
    status: '已拟办', proposal: input.proposal, proposedBy: input.proposedBy, proposedOn: input.proposedOn,
    route: chosen.route, routePostId: chosen.postId, deadline,
  })
  return { document: after, route: chosen.proposal, deadline, workingDays: input.deadline ? null : settingsDays }
}

function requireLeader(org: OrgSnapshot, personId: number) {
  const post = principalPost(org, personId)
  if (!post || !isLeaderKind(post.kind)) {
    throw new AppError('VALIDATION', `「送批领导」${org.names.get(personId) ?? '所选人员'}不是市长、副市长、秘书长或副秘书长`, { field: 'leaderIds' })
  }
  return post
}

/** 送批/传阅: to one or more leaders in turn; the document is at the first without a date. Appends after earlier turns. */
export function sendToLeaders(ctx: ActionContext, input: SendInput) {
  const { db } = ctx
  const doc = requireIncoming(ctx, input.id)
  requireStatus(doc, ['已拟办', '批示中'], '送批（须先写拟办意见）')
  checkStepDate(ctx, input.sentOn, '送批日期', doc.proposedOn ? { date: doc.proposedOn, what: '拟办日期' } : null)
  if (new Set(input.leaderIds).size !== input.leaderIds.length) throw new AppError('VALIDATION', '「送批领导」有重复')
  const rows = db.select().from(consultations).where(eq(consultations.documentId, doc.id)).all()
  if (unresolvedCount(rows)) {
    throw ruleViolation('R-D2', `${cite('R-D2')}：有${unresolvedCount(rows)}个单位意见不一致，尚未记录协调情况、各方理由和拟处理意见，请补齐后再送批`)
  }
  const org = loadOrgSnapshot(db, input.sentOn)
  const last = db.select({ n: max(instructions.turn) }).from(instructions).where(eq(instructions.documentId, doc.id)).get()?.n ?? 0
  const warnings: string[] = []
  if (last === 0 && doc.routePostId) {
    const acting = whoActsFor(org, loadAbsencePeriods(db, input.sentOn, input.sentOn), doc.routePostId, input.sentOn)
    const first = input.leaderIds[0]
    if (first !== acting.holderId && first !== acting.actorId) {
      warnings.push(`${cite('R-D3')}：拟办意见报${acting.postTitle}${acting.holderName ?? ''}${acting.actorId && acting.actorId !== acting.holderId ? `（${acting.reason}）` : ''}，首位送批领导不是该领导`)
    }
  }
  input.leaderIds.forEach((leaderId, i) => {
    const post = requireLeader(org, leaderId)
    insertAudited(ctx, instructions, '批示', { documentId: doc.id, turn: last + 1 + i, leaderId, leaderTitle: post.title, sentOn: input.sentOn })
  })
  if (doc.status !== '批示中') updateAudited(ctx, incomingDocuments, ENTITY, doc.id, { status: '批示中' })
  return { warnings }
}

/**
 * 批示 or 圈阅 (R-D4: clear opinion, the name, the full date): only the leader whose turn it is, or whoever
 * acts for them that day (R-P2/R-P3), and the acting is recorded.
 */
export function recordInstruction(ctx: ActionContext, input: InstructInput) {
  const { db } = ctx
  const doc = requireIncoming(ctx, input.id)
  requireStatus(doc, ['批示中'], '记录批示（须先送批）')
  const turns = db.select().from(instructions).where(eq(instructions.documentId, doc.id)).orderBy(asc(instructions.turn)).all()
  const turn = currentTurn(turns)
  if (!turn) throw new AppError('CONFLICT', `${numberText(doc)}送批的领导均已批示，如需再请领导批示，请先送批`)
  checkStepDate(ctx, input.instructedOn, '批示日期', { date: turn.sentOn, what: '送批日期' })
  if (input.kind === '批示' && !input.opinion) throw new AppError('VALIDATION', `「批示意见」不能为空：批示须写明明确的意见（${cite('R-D4')}）`, { field: 'opinion' })
  const org = loadOrgSnapshot(db, input.instructedOn)
  const name = (id: number) => org.names.get(id) ?? `（人员${id}）`
  const post = principalPost(org, turn.leaderId)
  let actingFor: string | null = null
  let title = turn.leaderTitle
  if (input.leaderId !== turn.leaderId) {
    const acting = post ? whoActsFor(org, loadAbsencePeriods(db, input.instructedOn, input.instructedOn), post.id, input.instructedOn) : null
    if (!acting || acting.actorId !== input.leaderId) {
      const who = acting?.actorId && acting.actorId !== turn.leaderId ? `，或${chineseDate(input.instructedOn)}代行其职责的${acting.actorName}` : ''
      throw ruleViolation('X-2', `文件现在${turn.leaderTitle ?? ''}${name(turn.leaderId)}处（第${turn.turn}位），应由${name(turn.leaderId)}${who}批示；${name(input.leaderId)}不能代为批示`)
    }
    actingFor = `${post!.title}${name(turn.leaderId)}（${acting.reason}）`
    title = principalPost(org, input.leaderId)?.title ?? null
  }
  updateAudited(ctx, instructions, '批示', turn.id, {
    leaderId: input.leaderId, leaderTitle: title, actingFor, kind: input.kind, opinion: input.opinion ?? null,
    meaning: input.kind === '圈阅' ? circleMeaning(doc.docType) : null, instructedOn: input.instructedOn,
  })
  return { done: currentTurn(db.select().from(instructions).where(eq(instructions.documentId, doc.id)).all()) === null }
}

/** R-D2 (第四十六条): a 请示's other departments' opinions; one row per department, rewritten as coordination goes on. */
export function recordConsultation(ctx: ActionContext, input: ConsultInput) {
  const { db } = ctx
  const doc = requireIncoming(ctx, input.id)
  if (doc.docType !== '请示') throw ruleViolation('R-D2', `${cite('R-D2')}：征求有关单位意见适用于请示，本件是${doc.docType}`)
  requireStatus(doc, ['已登记', '已拟办', '批示中', '承办中'], '记录会签意见')
  const dept = requireById(db, departments, input.departmentId, '征求意见单位')
  if (dept.id === doc.senderDepartmentId) throw new AppError('VALIDATION', '「征求意见单位」不能是来文单位本身')
  const values = {
    documentId: doc.id, departmentId: dept.id, agrees: input.agrees, opinion: input.opinion,
    coordination: input.agrees ? null : input.coordination ?? null, reasons: input.agrees ? null : input.reasons ?? null,
    proposedDecision: input.agrees ? null : input.proposedDecision ?? null,
  }
  const existing = db.select().from(consultations).where(and(eq(consultations.documentId, doc.id), eq(consultations.departmentId, dept.id))).get()
  const row = existing ? updateAudited(ctx, consultations, '会签意见', existing.id, values) : insertAudited(ctx, consultations, '会签意见', values)
  return { consultation: row, missing: disagreementGaps(row) }
}

