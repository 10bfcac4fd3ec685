/**
 * 纪要 (R-M5, X-1): a draft proposed from the meeting, its topics and its attendance; edited and saved;
 * the 市长's consent where a 专题会议 touches reserved matters; the sign-off by the person the rule names;
 * the number in the type's yearly series, assigned at sign-off inside the mutation's immediate transaction.
 */
import { and, eq } from 'drizzle-orm'
import type { ReadDb } from '../../db/connection'
import type { ActionContext } from '../../kernel/procedure'
import { AppError, ruleViolation } from '../../kernel/errors'
import { deleteAudited, insertAudited, updateAudited } from '../../kernel/audited'
import { chineseDate, yearOf, type IsoDate } from '../../common/dates'
import { whoActsFor } from '../../absences/rules'
import { mayorPost, orgOn } from '../../org/snapshot'
import { loadAbsencePeriods } from '../../absences/service'
import { readSettings } from '../../settings/service'
import { people } from '../../org/schema'
import { governmentShort, meetingContext, meetingTitle, type MeetingContext } from '../context'
import { checkSignOff, formatMinutesNumber, minutesSigner, minutesTitle, nextNumber, type SignerAnswer } from '../rules'
import { enforce } from '../../kernel/decision'
import { attendance, meetingDecisions, minutes, topics } from '../schema'
import { requireWholeAgenda } from '../topics/service'
import { decisionsOfMinutes, minutesOfMeeting, postHoldersInOrder, topicsOfMeeting } from '../statements'
import type { Reader } from '../../security/clearance'
import type { MinutesInput, MinutesConsentInput, SignMinutesInput } from '../contract'
import { cite } from '../../common/rules'

export type MinutesRow = typeof minutes.$inferSelect

/** Absences from the meeting day to `date`: acting on the sign-off day and on the consent's day are both read from these. */
const loadAbsencesOn = (db: ReadDb, date: IsoDate, from: IsoDate = date) => loadAbsencePeriods(db, from < date ? from : date, date)

/**
 * The meeting seen from a signing day: the posts' holders of that day (a 市长 replaced since the meeting: the new one
 * signs; signed minutes keep the one who signed then) and the absences from the meeting day to it.
 */
const onSignDay = (db: ReadDb, mc: MeetingContext, date: IsoDate): MeetingContext =>
  ({ ...mc, org: orgOn(mc.org, date), absences: loadAbsencesOn(db, date, mc.meeting.date) })

/** 出席 / 请假 / 列席 as printed in the minutes: one line per person, editable. */
export interface MinutesAttendance { present: string[]; onLeave: string[]; attending: string[] }

/** 市政府 from 资阳市人民政府 (the same reading as meetings/service.ts uses for meeting titles). */

const EMPTY_ATTENDANCE: MinutesAttendance = { present: [], onLeave: [], attending: [] }

function parseAttendance(json: string): MinutesAttendance {
  try {
    const v = JSON.parse(json) as Partial<MinutesAttendance>
    return { present: v.present ?? [], onLeave: v.onLeave ?? [], attending: v.attending ?? [] }
  } catch {
    return { ...EMPTY_ATTENDANCE }
  }
}

const minutesOf = (db: ReadDb, meetingId: number): MinutesRow | undefined => minutesOfMeeting(db, meetingId)

const liveTopics = (db: ReadDb, meetingId: number) => topicsOfMeeting(db, meetingId).filter((t) => !t.withdrawn)

/** 2026年12月3日上午，市长张明远在市政府第一会议室主持召开市政府第12次常务会议，研究了……等事项。现纪要如下： */
export function proposedOpening(mc: MeetingContext, title: string, topicTitles: readonly string[]): string {
  const { meeting, org } = mc
  const when = `${chineseDate(meeting.date)}${meeting.halfDay === '全天' ? '' : meeting.halfDay}`
  const chair = org.posts.find((p) => p.id === meeting.chairPostId)
  const chairName = chair?.holderId ? org.names.get(chair.holderId) ?? '' : ''
  const who = chair ? `${chair.title}${chairName}` : ''
  const where = meeting.place ? `在${meeting.place}` : ''
  const studied = topicTitles.length === 0 ? '研究了有关事项' : topicTitles.length === 1 ? `研究了${topicTitles[0]}` : `研究了${topicTitles.join('、')}等事项`
  return `${when}，${who}${where}主持召开${title}，${studied}。现纪要如下：`
}

/** 出席 / 请假 / 列席 from the attendance table, people in the order of their posts. */
export function proposedAttendance(db: ReadDb, meetingId: number): MinutesAttendance {
  const rows = db.select({ a: attendance, name: people.name }).from(attendance).innerJoin(people, eq(people.id, attendance.personId))
    .where(eq(attendance.meetingId, meetingId)).all()
  const order = new Map<number, number>()
  postHoldersInOrder(db)
    .forEach((p, i) => { if (p.holderId !== null && !order.has(p.holderId)) order.set(p.holderId, i) })
  rows.sort((x, y) => (order.get(x.a.personId) ?? Infinity) - (order.get(y.a.personId) ?? Infinity) || x.a.id - y.a.id)
  const substitute = (r: (typeof rows)[number]) => `${r.a.substitute?.trim() || '（代会人）'}（代${r.name}）`
  const isMember = (r: (typeof rows)[number]) => r.a.role === '组成人员' || r.a.role === '邀请'
  return {
    present: rows.filter((r) => isMember(r) && (r.a.status === '出席' || r.a.status === '代会'))
      .map((r) => (r.a.status === '代会' ? substitute(r) : r.name)),
    onLeave: rows.filter((r) => r.a.status === '请假').map((r) => (r.a.leaveReason?.trim() ? `${r.name}（${r.a.leaveReason.trim()}）` : r.name)),
    attending: rows.filter((r) => r.a.role === '列席' && (r.a.status === '出席' || r.a.status === '代会'))
      .map((r) => (r.a.status === '代会' ? substitute(r) : r.name)),
  }
}

/** R-M5 with acting (R-P2/R-P3): who may sign this meeting's minutes on `date`. */
export function requiredSigner(mc: MeetingContext, row: MinutesRow | undefined, date: IsoDate): SignerAnswer {
  const { meeting, type } = mc
  const chairPostId = meeting.chairPostId ?? meeting.entrustingPostId
  if (type.minutesSigner === '主持人或委托领导' && chairPostId == null) {
    return { ok: false, rule: 'R-M5', reason: `${cite('R-M5')}：本会议未登记主持人，无法确定纪要签发人，请先在会议中填写主持人。` }
  }
  return minutesSigner({
    type, org: mc.org, absences: mc.absences, date,
    chairPostId: chairPostId ?? 0,
    entrustingPostId: meeting.entrustingPostId,
    meetingDate: meeting.date,
    touchesReservedMatters: mc.reservedMatters,
    priorAgreement: meeting.priorAgreementOn ? { at: meeting.priorAgreementOn, note: meeting.priorAgreementNote ?? undefined } : null,
    mayorConsent: row?.mayorConsentPersonId && row.mayorConsentOn ? { byPersonId: row.mayorConsentPersonId, at: row.mayorConsentOn } : null,
  })
}

/** The page's "应由 X 签发（代 Y，R-P2）" line. */
export function signerLine(answer: SignerAnswer): string {
  if (!answer.ok) return answer.reason
  return `应由${answer.signers.map((s) => (s.actingFor ? `${s.name}（代${s.actingFor}，${s.actingRule ? cite(s.actingRule) : ''}）` : s.name)).join('或')}签发`
}

/**
 * The minutes of a meeting: the stored draft or signed text, or a proposed draft when none is saved yet. The minutes
 * record every topic's decisions, so a reader who cannot see every topic is refused them as a whole.
 */
export function getMinutes(reader: Reader, meetingId: number, today: IsoDate) {
  const { db } = reader
  const mc = meetingContext(db, meetingId)
  requireWholeAgenda(reader, meetingId, '查看会议纪要')
  const { meeting, type } = mc
  const settings = readSettings(db)
  const title = meetingTitle(governmentShort(settings.governmentName), type, meeting)
  const row = minutesOf(db, meetingId)
  const topicList = liveTopics(db, meetingId)
  const decisions = row
    ? decisionsOfMinutes(db, row.id)
      .map((d) => ({ id: d.id as number | null, topicId: d.topicId, heading: d.heading, text: d.text }))
    : topicList.map((t) => ({ id: null as number | null, topicId: t.id as number | null, heading: t.title, text: '' }))
  const signed = row?.status === '已签发'
  const signDate = signed ? row!.signedOn! : today
  const signer = requiredSigner(onSignDay(db, mc, signDate), row, signDate)
  const needsMayorConsent = type.reservedMattersNeedMayorConsent && mc.reservedMatters.length > 0
  const editBlocked = type.minutesSigner === '无' ? `${type.name}不印发纪要（${cite('R-M5')}）`
    : meeting.status !== '已召开' ? (meeting.status === '已取消' ? '会议已取消，不起草纪要' : '会议尚未标记为已召开，请先将会议标记为已召开，再起草纪要')
      : signed ? '已签发纪要不能修改' : null
  const proposed = proposedAttendance(db, meetingId)
  return {
    id: row?.id ?? null,
    /** false: nothing saved yet, this is the proposal built from the meeting. */
    saved: !!row,
    meetingId,
    meetingTitle: title,
    meetingDate: meeting.date,
    meetingStatus: meeting.status,
    typeName: type.name,
    kind: type.kind,
    meetingSubject: meeting.subject,
    title: minutesTitle(type, settings.governmentName),
    status: row?.status ?? '草稿',
    opening: row?.opening ?? proposedOpening(mc, title, topicList.map((t) => t.title)),
    decisions,
    attendance: row ? parseAttendance(row.attendanceText) : proposed,
    /** The lists as the attendance record gives them now, for 按出席记录重新填写 on a saved draft. */
    proposedAttendance: proposed,
    distribution: row?.distribution ?? null,
    reservedMatters: mc.reservedMatters,
    needsMayorConsent,
    priorAgreement: meeting.priorAgreementOn ? { on: meeting.priorAgreementOn, note: meeting.priorAgreementNote } : null,
    mayorConsent: row?.mayorConsentPersonId && row.mayorConsentOn
      ? { personId: row.mayorConsentPersonId, name: mc.org.names.get(row.mayorConsentPersonId) ?? null, on: row.mayorConsentOn }
      : null,
    signed: signed
      ? { personId: row!.signerPersonId, name: row!.signerName, actingFor: row!.actingFor, opinion: row!.signOpinion, on: row!.signedOn }
      : null,
    numberText: row?.numberText ?? null,
    /** Who may sign: on the sign-off date once signed, today otherwise. */
    requiredSigner: signer,
    requiredSignerText: signerLine(signer),
    canEdit: editBlocked === null,
    editBlockedReason: editBlocked,
  }
}
export type MinutesView = ReturnType<typeof getMinutes>

/** The meeting must have been held, its type must print minutes, and the minutes must not be signed. */
function assertDraftable(mc: MeetingContext, row: MinutesRow | undefined): void {
  const { meeting, type } = mc
  if (type.minutesSigner === '无') throw ruleViolation('R-M5', `${cite('R-M5')}：${type.name}不印发纪要，无须起草和签发。`)
  if (meeting.status === '已取消') throw new AppError('CONFLICT', '会议已取消，不能起草纪要')
  if (meeting.status !== '已召开') throw new AppError('CONFLICT', '会议尚未召开：请先将会议标记为“已召开”，再起草纪要')
  if (row?.status === '已签发') throw new AppError('CONFLICT', `已签发纪要不能修改（${row.numberText ?? ''}，${row.signedOn ? chineseDate(row.signedOn) : ''}签发）`)
}

const cleanList = (xs: readonly string[]) => xs.map((s) => s.trim()).filter(Boolean)

/** Saves the draft: opening, 议定事项 (kept by id, new ones added, the rest removed), attendance lists, 分送. */
export function saveMinutes(ctx: ActionContext, input: MinutesInput) {
  const { db } = ctx
  const mc = meetingContext(db, input.meetingId)
  requireWholeAgenda(ctx, input.meetingId, '起草会议纪要')
  let row = minutesOf(db, input.meetingId)
  assertDraftable(mc, row)
  const topicIds = new Set(db.select({ id: topics.id }).from(topics).where(eq(topics.meetingId, input.meetingId)).all().map((t) => t.id))
  for (const d of input.decisions) {
    if (d.topicId != null && !topicIds.has(d.topicId)) throw new AppError('VALIDATION', `议定事项“${d.heading}”对应的议题不属于本次会议`)
  }
  const now = ctx.clock.now().toISOString()
  const values = {
    opening: input.opening,
    attendanceText: JSON.stringify({ present: cleanList(input.attendance.present), onLeave: cleanList(input.attendance.onLeave), attending: cleanList(input.attendance.attending) }),
    distribution: input.distribution ?? null,
    updatedAt: now,
  }
  row = row ? updateAudited(ctx, minutes, '会议纪要', row.id, values) : insertAudited(ctx, minutes, '会议纪要', { meetingId: input.meetingId, status: '草稿', ...values })
  const minutesId = row.id
  const existing = new Map(db.select().from(meetingDecisions).where(eq(meetingDecisions.minutesId, minutesId)).all().map((d) => [d.id, d]))
  const kept = new Set<number>()
  input.decisions.forEach((d, i) => {
    const values = { topicId: d.topicId ?? null, heading: d.heading, text: d.text, sortOrder: i }
    if (d.id != null) {
      if (!existing.has(d.id)) throw new AppError('NOT_FOUND', `议定事项（编号${d.id}）不属于本纪要，请刷新后重试`)
      if (kept.has(d.id)) throw new AppError('VALIDATION', `议定事项“${d.heading}”重复出现`)
      kept.add(d.id)
      const before = existing.get(d.id)!
      if (before.heading !== d.heading || before.text !== d.text || before.topicId !== values.topicId || before.sortOrder !== i) {
        updateAudited(ctx, meetingDecisions, '议定事项', d.id, values)
      }
    } else {
      insertAudited(ctx, meetingDecisions, '议定事项', { minutesId, ...values })
    }
  })
  for (const id of existing.keys()) {
    if (!kept.has(id)) {
      deleteAudited(ctx, meetingDecisions, '议定事项', id)
    }
  }
  return getMinutes(ctx, input.meetingId, ctx.clock.today())
}

/** The date a leader acted on: a real day, not before the meeting, not in the future (X-1: the day actually signed). */
function checkActionDate(ctx: ActionContext, mc: MeetingContext, date: IsoDate, what: string): void {
  if (date < mc.meeting.date) throw new AppError('VALIDATION', `「${what}」不能早于会议日期（${chineseDate(mc.meeting.date)}）`)
  const today = ctx.clock.today()
  if (date > today) throw new AppError('VALIDATION', `「${what}」不能晚于今天（${chineseDate(today)}）：请填写领导实际签署的日期`)
}

function requireDraft(ctx: ActionContext, mc: MeetingContext): MinutesRow {
  requireWholeAgenda(ctx, mc.meeting.id, '办理会议纪要')
  const row = minutesOf(ctx.db, mc.meeting.id)
  assertDraftable(mc, row)
  if (!row) throw new AppError('CONFLICT', '纪要尚未起草：请先保存纪要草稿')
  return row
}

/** R-M5 (第四十二条): a 专题会议 on 资金、土地、规划、国有资产、人事编制 needs the 市长's consent before sign-off. */
export function recordMinutesConsent(ctx: ActionContext, input: MinutesConsentInput) {
  const mc = meetingContext(ctx.db, input.meetingId)
  const row = requireDraft(ctx, mc)
  if (!(mc.type.reservedMattersNeedMayorConsent && mc.reservedMatters.length)) {
    throw new AppError('CONFLICT', '本会议不涉及资金、土地、规划、国有资产、人事编制事项，纪要无须报市长同意')
  }
  checkActionDate(ctx, mc, input.date, '同意日期')
  const mayor = mayorPost(orgOn(mc.org, input.date))
  if (!mayor) throw ruleViolation('R-M5', `${cite('R-M5')}：未设市长岗位，无法记录市长同意。`)
  // The context's absences cover the meeting day; the consent comes later, so that day's are read.
  const onDay = whoActsFor(mc.org, loadAbsencesOn(ctx.db, input.date), mayor.id, input.date)
  // Whoever answers for the 市长 that day, as at sign-off: a 市长 away is not accepted, the acting leader is (R-P2).
  if (input.personId !== onDay.actorId) {
    const who = mc.org.names.get(input.personId) ?? `人员${input.personId}`
    const why = input.personId === mayor.holderId
      ? `${onDay.reason}，${chineseDate(input.date)}的同意应由${onDay.actorName ?? '代行市长职责的领导'}表示；或填写市长实际同意的日期`
      : `${who}不是市长${onDay.actorId !== mayor.holderId && onDay.actorName ? `，也不是${chineseDate(input.date)}代行市长职责的${onDay.actorName}` : ''}，不能记为市长同意`
    throw ruleViolation('R-M5', `按第四十二条，涉及${mc.reservedMatters.join('、')}的专题会议纪要须报市长同意后再签发。${why}。`)
  }
  updateAudited(ctx, minutes, '会议纪要', row.id, { mayorConsentPersonId: input.personId, mayorConsentOn: input.date, updatedAt: ctx.clock.now().toISOString() })
  return getMinutes(ctx, input.meetingId, ctx.clock.today())
}

/** R-M5 + X-1: the sign-off by the person the rule names, then the number in the type's series for the sign-off year. */
export function signMinutes(ctx: ActionContext, input: SignMinutesInput) {
  const { db } = ctx
  const base = meetingContext(db, input.meetingId)
  const row = requireDraft(ctx, base)
  checkActionDate(ctx, base, input.date, '签发日期')
  if (!row.opening.trim()) throw new AppError('VALIDATION', '纪要开头段落尚未填写，不能签发')
  const empty = db.select().from(meetingDecisions).where(eq(meetingDecisions.minutesId, row.id)).all().filter((d) => !d.text.trim())
  if (empty.length) throw new AppError('VALIDATION', `议定事项“${empty.map((d) => d.heading).join('”“')}”尚未填写内容，不能签发`)
  // Who holds the posts and who is away are read for the sign-off day, not the meeting day (R-P2 acting is decided on the day of signing).
  const mc = onSignDay(db, base, input.date)
  const required = requiredSigner(mc, row, input.date)
  const { signer } = enforce(checkSignOff(input.signerPersonId, required, mc.org))
  // X-1: numbered only now. This runs inside the router's immediate transaction, which holds the write
  // lock from its first statement, so the read of the used numbers and the write cannot interleave with
  // another connection's sign-off; minutes_number_idx is the last guard.
  const series = mc.type.name
  const year = yearOf(input.date)
  const used = db.select({ n: minutes.numberSeq }).from(minutes).where(and(eq(minutes.series, series), eq(minutes.numberYear, year))).all()
    .map((r) => r.n).filter((n): n is number => n !== null)
  const seq = nextNumber(used)
  updateAudited(ctx, minutes, '会议纪要', row.id, {
    status: '已签发',
    signerPersonId: signer.personId,
    signerName: signer.name,
    actingFor: signer.actingFor,
    signOpinion: input.opinion,
    signedOn: input.date,
    series,
    numberYear: year,
    numberSeq: seq,
    numberText: formatMinutesNumber(mc.type.numbering, year, seq),
    updatedAt: ctx.clock.now().toISOString(),
  })
  return getMinutes(ctx, input.meetingId, ctx.clock.today())
}

/** Who may sign on a given date, for the page's "应由 X 签发（代 Y，R-P2）". */
export function minutesSignerOn(db: ReadDb, meetingId: number, date: IsoDate) {
  const answer = requiredSigner(onSignDay(db, meetingContext(db, meetingId), date), minutesOf(db, meetingId), date)
  return { ...answer, text: signerLine(answer) }
}
