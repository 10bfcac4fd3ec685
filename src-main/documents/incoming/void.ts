/**
 * 作废 of a 收文 registration (issue 16): a duplicate or mistaken registration is voided with a reason by the designated
 * role (设置—公文作废人员). The row stays, marked 已作废, in the register and search; its 收文号 is never given again
 * (the next number is the year's highest plus one, voided rows included). It leaves the due list, the counts of work in
 * hand and 督办. Before the act the page shows what it will stop (voidWarnings); it cannot be undone.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import type { ReadDb } from '../../db/connection'
import type { ActionContext } from '../../kernel/procedure'
import { updateAudited } from '../../kernel/audited'
import { chineseDate } from '../../common/dates'
import { INCOMING_VOIDABLE } from '../../common/documents'
import { VOID_IS_FINAL } from '../../common/voiding'
import { requireVoider } from '../voiding'
import { directory } from '../../org/directory'
import { assignments, incomingDocuments, instructions, outgoingDocuments } from '../schema'
import { clearanceOf, type Reader } from '../../security/clearance'
import { visibleClassifications } from '../../common/classification'
import { ENTITY, numberText, requireIncoming, requireStatus, type IncomingRow } from './service'
import { currentTurn } from './rules'

/** What voiding this 收文 will stop, in the office's words, the last line saying it cannot be undone. */
export function voidWarnings(db: ReadDb, doc: IncomingRow): string[] {
  const l = directory(db)
  const turns = db.select().from(instructions).where(eq(instructions.documentId, doc.id)).all()
  const at = currentTurn(turns)
  const open = db.select().from(assignments).where(and(eq(assignments.documentId, doc.id), isNull(assignments.feedbackOn))).all()
  return [
    `收文号${numberText(doc)}保留不再使用，登记簿和检索中本件显示为“已作废”；本件不再计入公文到期提醒和在办件数。`,
    ...(at ? [`本件正在${at.leaderTitle ?? ''}${l.person(at.leaderId)}处（${chineseDate(at.sentOn)}送达）：作废后不能再登记批示，请告知领导本件已作废。`] : []),
    ...(open.length ? [`${open.map((a) => `${l.department(a.departmentId)}（${a.role}）`).join('、')}尚未反馈：作废后不再催办、不再计入逾期，请通知承办单位停止办理。`] : []),
    // 督办 depends on 收文, not the reverse, so the items are not counted here; the 督办 list leaves them out.
    ...(turns.some((t) => t.kind === '批示' && t.instructedOn) ? ['本件领导批示如已转为督办事项，该事项将不再列入督办清单。'] : []),
    VOID_IS_FINAL,
  ]
}

/** For the confirm dialog: whether this reader may void it now, and what it will stop. */
export function voidCheck(reader: Reader & { db: ReadDb }, id: number) {
  const doc = requireIncoming(reader, id)
  const voidable = INCOMING_VOIDABLE.includes(doc.status)
  return {
    voidable,
    reason: voidable ? null : `${numberText(doc)}目前状态为“${doc.status}”，不能作废（已办结、已退回或已作废的收文不能作废）`,
    warnings: voidable ? voidWarnings(reader.db, doc) : [],
  }
}

/** 作废: by the designated role, with a reason; the status becomes 已作废 and stays. */
export function voidIncoming(ctx: ActionContext, input: { id: number; reason: string }): IncomingRow {
  requireVoider(ctx)
  const doc = requireIncoming(ctx, input.id)
  requireStatus(doc, INCOMING_VOIDABLE, '作废（已办结、已退回或已作废的收文不能作废）')
  return updateAudited(ctx, incomingDocuments, ENTITY, doc.id, {
    status: '已作废', voidedOn: ctx.clock.today(), voidedBy: ctx.user?.displayName ?? null, voidReason: input.reason,
  })
}

/** The 批复/复函 that answer this 请示 (outgoing_reply_idx) and that the reader may see, whatever their state. */
export const repliesTo = (reader: Reader, incomingId: number) => {
  const o = outgoingDocuments
  return reader.db.select({ id: o.id, title: o.title, status: o.status, numberText: o.numberText, issuedOn: o.issuedOn })
    .from(o).where(and(eq(o.replyToId, incomingId), inArray(o.classification, visibleClassifications(clearanceOf(reader.user))))).orderBy(asc(o.id)).all()
}
