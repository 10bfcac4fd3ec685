/** 收文 as the office reads it: one document with everything and where it is now (X-2), and what is due on 首页 (R-D7). */
import { and, asc, eq, inArray } from 'drizzle-orm'
import { chineseDate, type IsoDate } from '../../common/dates'
import { loadCalendar } from '../../calendar/service'
import { posts } from '../../org/schema'
import { directory, type Directory } from '../../org/directory'
import { storedFiles } from '../../files/schema'
import { assignments, chases, consultations, incomingDocuments, incomingFiles, instructions } from '../schema'
import { arrivedOn, currentTurn, disagreementGaps } from './rules'
import { deadlineTiming } from '../../calendar/deadline'
import { classificationMark, visibleClassifications } from '../../common/classification'
import { numberText, requireIncoming, reviewOf, type IncomingRow } from './service'
import { clearanceOf, type Reader } from '../../security/clearance'
import { reclassificationsOf } from '../../security/reclassify'
import { holderOn } from '../../org/turnover'
import { repliesTo } from './void'

/** 催办市财政局（电话，接洽人王科长）：答复…，承诺12月10日前办结 — one line of the timeline. */
function chaseLine(c: typeof chases.$inferSelect, department: string | null): string {
  const how = [c.method, c.contact && `接洽人${c.contact}`].filter(Boolean).join('，')
  const said = [c.note, c.answer && `答复：${c.answer}`, c.promisedOn && `承诺${chineseDate(c.promisedOn)}前办结`].filter(Boolean).join('；')
  return `催办${department ?? ''}${how ? `（${how}）` : ''}${said ? `：${said}` : ''}`
}

type InstructionRow = typeof instructions.$inferSelect
type AssignmentRow = typeof assignments.$inferSelect

export interface Location {
  /** One line: 在副市长陈立新处（2026年12月3日送达，第1位）. */
  where: string
  step: '初审' | '拟办' | '送批' | '批示' | '交办' | '承办' | '已退回' | '已办结' | '已作废'
  leaderId: number | null
  turn: number | null
  since: IsoDate | null
}

/** X-2 传阅: always know where the paper is. */
export function locate(doc: IncomingRow, reviewed: boolean, turns: InstructionRow[], work: AssignmentRow[], l: Directory): Location {
  const none = { leaderId: null, turn: null, since: null }
  switch (doc.status) {
    case '已退回': return { ...none, step: '已退回', where: `已退回${doc.sender}（${doc.returnReason ?? ''}）`, since: doc.closedOn }
    case '已办结': return { ...none, step: '已办结', where: `已办结（${doc.closedOn ? chineseDate(doc.closedOn) : ''}）`, since: doc.closedOn }
    case '已作废': return { ...none, step: '已作废', where: `已作废（${doc.voidReason ?? ''}）`, since: doc.voidedOn }
    case '已登记': return { ...none, step: reviewed ? '拟办' : '初审', where: reviewed ? '在办公室：已初审，待拟办' : '在办公室：待初审' }
    case '已拟办': return { ...none, step: '送批', where: '在办公室：已拟办，待送领导批示', since: doc.proposedOn }
    case '批示中': {
      const at = currentTurn(turns)
      if (!at) return { ...none, step: '交办', where: '在办公室：领导批示已完成，待交办承办单位' }
      return {
        step: '批示', leaderId: at.leaderId, turn: at.turn, since: arrivedOn(turns, at),
        where: `在${at.leaderTitle ?? ''}${l.person(at.leaderId)}处（${chineseDate(arrivedOn(turns, at) ?? at.sentOn)}送达，第${at.turn}位，共${turns.length}位）`,
      }
    }
    case '承办中': {
      const open = work.filter((a) => !a.feedbackOn).map((a) => `${l.department(a.departmentId)}（${a.role}）`)
      return { ...none, step: '承办', where: open.length ? `承办中：${open.join('、')}` : '承办单位均已反馈，待办结', since: work[0]?.assignedOn ?? null }
    }
  }
}

/** Everything about one 收文: registration, files, 拟办, each 批示 in turn, 会签, 承办 with time left, 催办, and a timeline. */
export function getIncoming(reader: Reader, id: number, today: IsoDate) {
  const { db } = reader
  const doc = requireIncoming(reader, id)
  const l = directory(db)
  const cal = loadCalendar(db)
  const review = reviewOf(doc)
  const files = db.select({ fileId: storedFiles.id, kind: incomingFiles.kind, name: storedFiles.name, mime: storedFiles.mime, size: storedFiles.size, sha256: storedFiles.sha256 })
    .from(incomingFiles).innerJoin(storedFiles, eq(storedFiles.id, incomingFiles.fileId)).where(eq(incomingFiles.documentId, id)).orderBy(asc(storedFiles.id)).all()
  const turns = db.select().from(instructions).where(eq(instructions.documentId, id)).orderBy(asc(instructions.turn)).all()
  const work = db.select().from(assignments).where(eq(assignments.documentId, id)).orderBy(asc(assignments.id)).all()
  const consulted = db.select().from(consultations).where(eq(consultations.documentId, id)).orderBy(asc(consultations.id)).all()
  const chased = db.select().from(chases).where(eq(chases.documentId, id)).orderBy(asc(chases.chasedOn), asc(chases.id)).all()
  const fileNames = new Map(work.filter((a) => a.feedbackFileId).length
    ? db.select({ id: storedFiles.id, name: storedFiles.name, size: storedFiles.size, sha256: storedFiles.sha256 }).from(storedFiles)
      .where(inArray(storedFiles.id, work.flatMap((a) => (a.feedbackFileId ? [a.feedbackFileId] : [])))).all().map((f) => [f.id, f])
    : [])
  const at = currentTurn(turns)
  const routePost = doc.routePostId ? db.select().from(posts).where(eq(posts.id, doc.routePostId)).get() : undefined
  const open = !['已办结', '已退回'].includes(doc.status)
  const reclassified = reclassificationsOf(db, '收文', id)

  const instructionRows = turns.map((t) => ({
    ...t, leaderName: l.person(t.leaderId),
    state: t.instructedOn ? (t.kind === '圈阅' ? '已圈阅' as const : '已批示' as const) : t === at ? '在此处' as const : '待送阅' as const,
    /** The day the paper reached this leader; null while it waits with an earlier one (issue 16). */
    arrivedOn: arrivedOn(turns, t),
  }))
  const consultationRows = consulted.map((c) => ({ ...c, departmentName: l.department(c.departmentId), missing: disagreementGaps(c), resolved: disagreementGaps(c).length === 0 }))
  const assignmentRows = work.map((a) => ({
    ...a, departmentName: l.department(a.departmentId), departmentPhone: l.phone(a.departmentId),
    feedbackFile: a.feedbackFileId ? fileNames.get(a.feedbackFileId) ?? null : null,
    // A 协办 that never answered is not overdue once the document itself is closed.
    timing: !a.feedbackOn && doc.status === '已办结'
      ? { state: '已完成' as const, workingDaysLeft: null, workingDaysOverdue: null, provisional: false, label: '未反馈，已随文办结' }
      : deadlineTiming(cal, today, a.deadline, a.feedbackOn),
    chases: chased.filter((c) => c.assignmentId === a.id).length,
  }))

  const timeline: { date: string; event: string; by: string | null }[] = [
    { date: doc.receivedAt, event: `签收登记，收文号${numberText(doc)}`, by: doc.registeredBy },
    ...(review ? [{ date: review.on, event: `初审通过${review.note ? `：${review.note}` : ''}`, by: review.by }] : []),
    ...(doc.status === '已退回' ? [{ date: doc.closedOn ?? '', event: `退回来文单位：${doc.returnReason ?? ''}`, by: null }] : []),
    ...(doc.proposedOn ? [{ date: doc.proposedOn, event: `拟办：${doc.proposal ?? ''}`, by: doc.proposedBy }] : []),
    ...turns.map((t) => ({ date: t.sentOn, event: `送${t.leaderTitle ?? ''}${l.person(t.leaderId)}批示（第${t.turn}位）`, by: null })),
    ...turns.filter((t) => t.instructedOn).map((t) => ({
      date: t.instructedOn!, by: l.person(t.leaderId),
      event: t.kind === '圈阅' ? `圈阅（${t.meaning}）` : `批示：${t.opinion ?? ''}${t.actingFor ? `（代${t.actingFor}）` : ''}`,
    })),
    ...assignmentRows.map((a) => ({ date: a.assignedOn, event: `交${a.departmentName}${a.role}，限${a.workingDays}个工作日（${chineseDate(a.deadline)}前）`, by: null })),
    ...chased.map((c) => ({ date: c.chasedOn, event: chaseLine(c, c.assignmentId ? l.department(work.find((a) => a.id === c.assignmentId)?.departmentId ?? null) : null), by: c.chaser })),
    ...assignmentRows.filter((a) => a.feedbackOn).map((a) => ({ date: a.feedbackOn!, event: `${a.departmentName}反馈：${a.feedback ?? ''}`, by: null })),
    ...(doc.status === '已办结' && doc.closedOn ? [{ date: doc.closedOn, event: `办结：${doc.closingNote ?? ''}`, by: null }] : []),
    ...reclassified.map((r) => ({ date: r.when, event: r.text, by: r.by })),
    ...(doc.status === '已作废' && doc.voidedOn ? [{ date: doc.voidedOn, event: `作废：${doc.voidReason ?? ''}`, by: doc.voidedBy }] : []),
  ]
  const replies = repliesTo(reader, id)
  const issuedReply = replies.find((r) => r.status === '已印发')

  return {
    ...doc,
    numberText: numberText(doc),
    secrecyMark: classificationMark(doc.classification, doc.secrecyPeriod),
    senderDepartmentName: l.department(doc.senderDepartmentId),
    directLeaderName: l.person(doc.directLeaderId),
    review,
    files,
    proposalInfo: doc.proposedOn ? {
      text: doc.proposal, proposedBy: doc.proposedBy, proposedOn: doc.proposedOn, route: doc.route, routePostId: doc.routePostId,
      routePostTitle: routePost?.title ?? null, routeHolderName: routePost ? l.person(holderOn(db, routePost, doc.proposedOn)) : null,
    } : null,
    deadlineTiming: doc.deadline ? deadlineTiming(cal, today, doc.deadline, open ? null : doc.closedOn) : null,
    location: locate(doc, !!review, turns, work, l),
    instructions: instructionRows,
    consultations: { rows: consultationRows, unresolved: consultationRows.filter((c) => !c.resolved).length, allResolved: consultationRows.every((c) => c.resolved) },
    assignments: assignmentRows,
    chases: chased.map((c) => ({ ...c, departmentName: c.assignmentId ? l.department(work.find((a) => a.id === c.assignmentId)?.departmentId ?? null) : null })),
    // By day; within a day the steps keep their order (a 签收 time and a 初审 date compare as the same day).
    /** 定密变更, oldest first (issue 14). */
    reclassifications: reclassified,
    /** 作废 (issue 16): when, by whom, why; null unless voided. */
    voided: doc.status === '已作废' ? { on: doc.voidedOn, by: doc.voidedBy, reason: doc.voidReason } : null,
    /** 请示 ↔ 批复 (issue 16): the 发文 naming this one as the 请示 they answer; 已批复 once one is issued. */
    replies,
    answered: issuedReply ? { outgoingId: issuedReply.id, numberText: issuedReply.numberText, issuedOn: issuedReply.issuedOn } : null,
    timeline: timeline.sort((a, b) => a.date.slice(0, 10).localeCompare(b.date.slice(0, 10))),
  }
}

/**
 * Whether a stored file belongs to a 收文 the reader may see (its text, annexes, scans, or a department's feedback
 * evidence). Files are stored once per content, so one file may belong to several documents: any visible one will do.
 */
export function isIncomingFileSeen(reader: Reader, fileId: number): boolean {
  const { db } = reader
  const seen = inArray(incomingDocuments.classification, visibleClassifications(clearanceOf(reader.user)))
  return !!db.select({ id: incomingFiles.fileId }).from(incomingFiles).innerJoin(incomingDocuments, eq(incomingDocuments.id, incomingFiles.documentId))
    .where(and(eq(incomingFiles.fileId, fileId), seen)).get()
    || !!db.select({ id: assignments.id }).from(assignments).innerJoin(incomingDocuments, eq(incomingDocuments.id, assignments.documentId))
      .where(and(eq(assignments.feedbackFileId, fileId), seen)).get()
}
