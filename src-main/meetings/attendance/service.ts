/** Attendance (R-M2, R-M4): the expected list derived from the type and topics, what was recorded, and the quorum. */
import { and, eq } from 'drizzle-orm'
import type { ReadDb } from '../../db/connection'
import type { ActionContext } from '../../kernel/procedure'
import { AppError } from '../../kernel/errors'
import { insertAudited, updateAudited } from '../../kernel/audited'
import { absenceOn } from '../../absences/rules'
import { checkLeaveAskee, expectedAttendance, leaveAskee, quorumFor, type Attendee } from '../rules'
import { enforce } from '../../kernel/decision'
import { recordCorrection, requireCorrectable, requireCorrector } from '../corrections'
import { meetingContext, type MeetingContext } from '../context'
import { attendance } from '../schema'
import { type AttendanceState } from '../../common/meetings'
import { attendanceOfMeeting, topicsOfMeeting, topicUnitsOfMeeting } from '../statements'
import { canSee } from '../../common/classification'
import { clearanceOf, type Reader } from '../../security/clearance'
import type { AttendanceInput } from '../contract'
import { cite } from '../../common/rules'

type Role = (typeof attendance.$inferSelect)['role']

/**
 * The departments whose heads attend as 列席 for the topics: the submitting ones and those involved. With a
 * reader, only those of the topics the reader may see: a hidden topic shows nothing, not even its units (issue 14).
 */
export function topicDepartments(db: ReadDb, meetingId: number, reader?: Reader): number[] {
  const clearance = reader ? clearanceOf(reader.user) : null
  const live = topicsOfMeeting(db, meetingId).filter((t) => !t.withdrawn && (!clearance || canSee(clearance, t.classification)))
  const liveIds = new Set(live.map((t) => t.id))
  const involved = topicUnitsOfMeeting(db, meetingId).filter((u) => liveIds.has(u.topicId))
  return [...new Set([...live.map((t) => t.departmentId), ...involved.map((u) => u.departmentId)])]
}

export interface AttendanceRow extends Attendee {
  role: Role
  status: AttendanceState | null
  /** Filled from a recorded absence (领导外出) and not yet confirmed by the staff. */
  proposed: boolean
  leaveReason: string | null
  askedPersonId: number | null
  askedName: string | null
  /** R-M4: the leave was asked of someone else than the rule's person; the recorded reason, if any. */
  askeeWrong: boolean
  askeeException: string | null
  answer: string | null
  substitute: string | null
  note: string | null
}

function rowsFor(mc: MeetingContext, list: Attendee[], role: Role, stored: Map<number, typeof attendance.$inferSelect>, askee: ReturnType<typeof leaveAskee>): AttendanceRow[] {
  return list.map((a) => {
    const s = stored.get(a.personId)
    if (s) {
      stored.delete(a.personId)
      const askeeWrong = s.status === '请假' && s.askedPersonId !== null && askee.acceptedIds.length > 0 && !askee.acceptedIds.includes(s.askedPersonId)
      return {
        ...a, role, status: s.status, proposed: false, leaveReason: s.leaveReason, askedPersonId: s.askedPersonId, askedName: s.askedPersonId ? mc.org.names.get(s.askedPersonId) ?? null : null,
        askeeWrong, askeeException: s.askeeException, answer: s.answer, substitute: s.substitute, note: s.note,
      }
    }
    const away = absenceOn(mc.absences, a.personId, mc.meeting.date)
    return {
      ...a, role, status: away ? '请假' : null, proposed: !!away, leaveReason: away ? `${away.kind}（已登记外出）` : null,
      askedPersonId: away ? askee.personId : null, askedName: away ? askee.name : null, askeeWrong: false, askeeException: null, answer: null, substitute: null, note: null,
    }
  })
}

/**
 * The people who attend only for topics above the reader's clearance: their recorded attendance is not shown
 * either (it would name the unit of a topic the reader may not know of).
 */
function hiddenAttendees(db: ReadDb, mc: MeetingContext, reader: Reader): Set<number> {
  const all = expectedAttendance(mc.type, mc.org, topicDepartments(db, mc.meeting.id), mc.participants)
  const seen = expectedAttendance(mc.type, mc.org, topicDepartments(db, mc.meeting.id, reader), mc.participants)
  const shown = new Set([...seen.members, ...seen.invited, ...seen.attending].map((a) => a.personId))
  return new Set(all.attending.map((a) => a.personId).filter((id) => !shown.has(id)))
}

/**
 * 出席情况 as this reader may see it: members, invited and 列席 with their status; a member counts towards the
 * quorum only when 出席. Topics above the reader's clearance add no one (issue 14).
 */
export function attendanceSheet(reader: Reader, meetingId: number) {
  const { db } = reader
  const mc = meetingContext(db, meetingId)
  const expected = expectedAttendance(mc.type, mc.org, topicDepartments(db, meetingId, reader), mc.participants)
  const hidden = hiddenAttendees(db, mc, reader)
  const stored = new Map(attendanceOfMeeting(db, meetingId).filter((r) => !hidden.has(r.personId)).map((r) => [r.personId, r]))
  const askee = leaveAskee(mc.type, mc.meeting.chairPostId ?? 0, mc.org, mc.absences, mc.meeting.date)
  const members = rowsFor(mc, expected.members, '组成人员', stored, askee)
  const invited = rowsFor(mc, expected.invited, '邀请', stored, askee)
  const attending = rowsFor(mc, expected.attending, '列席', stored, askee)
  // People recorded by hand beyond the derived list (e.g. an expert invited to 列席).
  const extra = [...stored.values()].map((s) => ({ personId: s.personId, name: mc.org.names.get(s.personId) ?? `（人员${s.personId}）`, postId: 0, postTitle: '', why: '临时增加' }))
  attending.push(...rowsFor(mc, extra, '列席', new Map([...stored.entries()]), askee))
  const present = members.filter((m) => m.status === '出席' && !m.proposed).length
  return {
    meetingId, members, invited, attending, unresolved: expected.unresolved, vacant: expected.vacant, askee,
    quorum: { ...quorumFor(mc.type, members.length, present), present, total: members.length, rule: mc.type.quorum === '过半数' ? ('R-M2' as const) : null },
    unrecordedMembers: members.filter((m) => m.status === null || m.proposed).map((m) => m.name),
  }
}

/** After the meeting is held, attendance changes only as a correction: by the designated role, with its reason (issue 15). */
function checkHeldCorrection(ctx: ActionContext, mc: MeetingContext, reason: string | null | undefined): boolean {
  if (mc.meeting.status !== '已召开') return false
  requireCorrector(ctx)
  requireCorrectable(ctx.db, mc)
  if (!reason?.trim()) throw new AppError('VALIDATION', '「更正理由」会议已召开，更正出席或请假情况须写明理由')
  return true
}

const statusText = (r: { status: string; leaveReason: string | null } | undefined) => (r ? `${r.status}${r.leaveReason ? `（${r.leaveReason}）` : ''}` : '未登记')

/**
 * Records one person's attendance; 请假 needs the reason, whom they asked (R-M4: the rule's person or whoever acts for
 * them, else an exception with its reason) and the answer; 代会 the substitute. After holding, a correction (issue 15).
 */
export function recordAttendance(ctx: ActionContext, input: AttendanceInput) {
  const mc = meetingContext(ctx.db, input.meetingId)
  if (mc.meeting.status === '已取消') throw new AppError('CONFLICT', '会议已取消')
  const correcting = checkHeldCorrection(ctx, mc, input.correctionReason)
  if (input.status === '请假' && !input.leaveReason) throw new AppError('VALIDATION', `「请假事由」请假须写明事由（${cite('R-M4')}）`)
  if (input.status === '代会' && !input.substitute) throw new AppError('VALIDATION', '「代会人员」请填写代为参会的人员')
  const askee = leaveAskee(mc.type, mc.meeting.chairPostId ?? 0, mc.org, mc.absences, mc.meeting.date)
  const leave = input.status === '请假'
  const askedPersonId = leave ? input.askedPersonId ?? askee.personId : null
  const check = leave ? enforce(checkLeaveAskee(askee, askedPersonId, input.askeeException, mc.org)) : null
  const values = {
    role: input.role, status: input.status, leaveReason: leave ? input.leaveReason! : null,
    askedPersonId, answer: leave ? input.answer ?? '待答复' : null, askeeException: check?.exception ? input.askeeException!.trim() : null,
    substitute: input.status === '代会' ? input.substitute! : null, note: input.note ?? null,
  }
  const existing = ctx.db.select().from(attendance).where(and(eq(attendance.meetingId, input.meetingId), eq(attendance.personId, input.personId))).get()
  if (correcting) {
    const name = mc.org.names.get(input.personId) ?? `人员${input.personId}`
    const asked = askedPersonId ? `，向${mc.org.names.get(askedPersonId) ?? `人员${askedPersonId}`}请假` : ''
    recordCorrection(ctx, mc.meeting.id, '更正出席情况', `${name}：${statusText(existing)} → ${statusText(values)}${asked}`, input.correctionReason!)
  }
  return existing
    ? updateAudited(ctx, attendance, '出席情况', existing.id, values)
    : insertAudited(ctx, attendance, '出席情况', { meetingId: input.meetingId, personId: input.personId, ...values })
}

/** 其余人员出席: everyone not yet recorded (and not proposed as on leave) is recorded present. */
export function markRestPresent(ctx: ActionContext, meetingId: number) {
  if (meetingContext(ctx.db, meetingId).meeting.status !== '筹备') throw new AppError('CONFLICT', '会议已召开或已取消：请逐人更正出席情况并写明理由')
  const sheet = attendanceSheet(ctx, meetingId)
  let n = 0
  for (const row of [...sheet.members, ...sheet.invited, ...sheet.attending]) {
    if (row.status !== null) continue
    recordAttendance(ctx, { meetingId, personId: row.personId, role: row.role, status: '出席' })
    n++
  }
  return { recorded: n }
}
