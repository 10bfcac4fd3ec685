/**
 * Corrections of a held meeting (issue 15): until its minutes are signed, the roles the office designates (设置—会议更正人员,
 * 科长 by default) may reopen it, or correct its attendance, leave and prior agreement; each act is written with its reason
 * to meeting_corrections and the audit log in the same transaction. Before a meeting is marked held, what would block its
 * minutes is shown for confirmation (heldCheck).
 */
import { asc, eq } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import type { ActionContext } from '../kernel/procedure'
import { AppError } from '../kernel/errors'
import { insertAudited, updateAudited } from '../kernel/audited'
import { chineseDate } from '../common/dates'
import { readSettings } from '../settings/service'
import { meetingContext, type MeetingContext } from './context'
import { meetingCorrections, meetings } from './schema'
import { attendanceOfMeeting, minutesOfMeeting } from './statements'
import { correctorProblem, heldWarnings, leaveAskee, minutesSigner, type HeldWarning } from './rules'
import type { Reader } from '../security/clearance'

/** Refuses a role the office has not designated for corrections. */
export function requireCorrector(ctx: ActionContext): void {
  const problem = correctorProblem(ctx.user!.role, readSettings(ctx.db).meetingCorrectionRoles)
  if (problem) throw new AppError('FORBIDDEN', problem)
}

/** A held meeting whose minutes are not yet signed: the only state a correction applies to. */
export function requireCorrectable(db: ReadDb, mc: MeetingContext): void {
  if (mc.meeting.status !== '已召开') throw new AppError('CONFLICT', `会议${mc.meeting.status}，不是已召开的会议：召开前请直接“修改/改期”或登记出席`)
  const minutes = minutesOfMeeting(db, mc.meeting.id)
  if (minutes?.status === '已签发') {
    throw new AppError('CONFLICT', `纪要已于${minutes.signedOn ? chineseDate(minutes.signedOn) : ''}签发（${minutes.numberText ?? ''}），会议情况不能再更正`)
  }
}

/** Writes one correction of the meeting: what was done, what changed, why, by whom. */
export function recordCorrection(ctx: ActionContext, meetingId: number, act: string, detail: string, reason: string) {
  return insertAudited(ctx, meetingCorrections, '会议更正', {
    meetingId, act, detail, reason: reason.trim(), by: ctx.user?.displayName ?? '（系统）', at: ctx.clock.now().toISOString(),
  })
}

/** 重新打开 (已召开 → 筹备): the meeting can be edited, rescheduled and marked held again; the minutes draft stays. */
export function reopenMeeting(ctx: ActionContext, id: number, reason: string) {
  requireCorrector(ctx)
  const mc = meetingContext(ctx.db, id)
  requireCorrectable(ctx.db, mc)
  recordCorrection(ctx, id, '重新打开', '会议由“已召开”恢复为“筹备”', reason)
  return updateAudited(ctx, meetings, '会议', id, { status: '筹备' })
}

export interface AgreementCorrection { id: number; priorAgreementOn: string | null; priorAgreementNote: string | null; reason: string }

/** R-M5: the prior agreement (会前协商一致) entered or corrected after the meeting was held. */
export function correctAgreement(ctx: ActionContext, input: AgreementCorrection) {
  requireCorrector(ctx)
  const mc = meetingContext(ctx.db, input.id)
  requireCorrectable(ctx.db, mc)
  if (input.priorAgreementOn && input.priorAgreementOn > mc.meeting.date) {
    throw new AppError('VALIDATION', `「会前协商一致日期」应在会议（${chineseDate(mc.meeting.date)}）之前或当天：会后才协商的，不属于会前协商一致（第四十二条）`)
  }
  const was = mc.meeting.priorAgreementOn ? `${chineseDate(mc.meeting.priorAgreementOn)}${mc.meeting.priorAgreementNote ? `（${mc.meeting.priorAgreementNote}）` : ''}` : '未登记'
  const now = input.priorAgreementOn ? `${chineseDate(input.priorAgreementOn)}${input.priorAgreementNote ? `（${input.priorAgreementNote}）` : ''}` : '未登记'
  recordCorrection(ctx, input.id, '更正会前协商', `会前协商一致：${was} → ${now}`, input.reason)
  return updateAudited(ctx, meetings, '会议', input.id, { priorAgreementOn: input.priorAgreementOn, priorAgreementNote: input.priorAgreementNote })
}

/** The meeting's corrections, oldest first, for its page. */
export const listCorrections = (db: ReadDb, meetingId: number) =>
  db.select().from(meetingCorrections).where(eq(meetingCorrections.meetingId, meetingId)).orderBy(asc(meetingCorrections.id)).all()

/** What will block the minutes once the meeting is held (R-M4, R-M5, R-M7), for the confirmation before 已召开. */
export function heldCheck(reader: Reader, meetingId: number): HeldWarning[] {
  const { db } = reader
  const mc = meetingContext(db, meetingId)
  const askee = leaveAskee(mc.type, mc.meeting.chairPostId ?? 0, mc.org, mc.absences, mc.meeting.date)
  const wrongAskees = attendanceOfMeeting(db, meetingId)
    .filter((r) => r.status === '请假' && r.askedPersonId !== null && askee.acceptedIds.length > 0 && !askee.acceptedIds.includes(r.askedPersonId) && !r.askeeException)
    .map((r) => ({ name: mc.org.names.get(r.personId) ?? `人员${r.personId}`, asked: mc.org.names.get(r.askedPersonId!) ?? `人员${r.askedPersonId}` }))
  let signerProblem: string | null = null
  if (mc.type.minutesSigner === '主持人或委托领导' && mc.meeting.chairPostId != null) {
    const answer = minutesSigner({ type: mc.type, chairPostId: mc.meeting.chairPostId, entrustingPostId: mc.meeting.entrustingPostId, org: mc.org, absences: [], date: mc.meeting.date })
    if (!answer.ok && answer.rule === 'R-M7') signerProblem = answer.reason
  }
  return heldWarnings({
    type: mc.type, meetingDate: mc.meeting.date, reservedMatters: mc.reservedMatters, priorAgreementOn: mc.meeting.priorAgreementOn,
    wrongAskees, signerProblem,
  })
}
