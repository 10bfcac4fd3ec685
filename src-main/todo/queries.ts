/**
 * 我的待办: each group's items, found in SQL from the records themselves (no second copy to drift), within the
 * reader's clearance. Every group is counted in full and lists its first TODO_SHOWN items, oldest first; the
 * indexes each relies on are named beside it (bench: `npm run bench -- --only 待办`).
 */
import { and, asc, eq, gte, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm'
import type { IsoDate } from '../common/dates'
import { clearanceOf, visibleSql, type Reader } from '../security/clearance'
import { incomingDocuments as d, instructions, outgoingDocuments as o, reviews } from '../documents/schema'
import { meetings, minutes, topics } from '../meetings/schema'
import { followUps } from '../followups/schema'
import { followUpsInHand } from '../followups/service'
import { rosters } from '../duty/schema'
import { numberText } from '../documents/incoming/service'
import { intakeDeadline } from '../documents/incoming/rules'
import type { HolidayCalendar } from '../calendar/rules'
import { readSettings } from '../settings/service'
import { governmentShort, meetingTitle, meetingTypeById } from '../meetings/context'
import { TODO_LINKS, reviewStepsOf } from './rules'
import type { Role } from '../common/roles'

/** A group answers with at most this many items; the count is always whole. */
export const TODO_SHOWN = 50

export interface TodoItem {
  /** Stable within the group: what the item is (收文 12, 会议 3 …). */
  key: string
  title: string
  /** 收〔2026〕12号 · where it stands. */
  detail: string
  /** The 办结时限, 督办 deadline, topic deadline … when the step has one. */
  deadline: IsoDate | null
  /** The renderer's hash route where the step is done. */
  href: string
}
export interface GroupRows { total: number; items: TodoItem[] }

/** `+column`: checked on the few rows read, never chosen as the index (it would read every 收文 of ten years). */
const seen = (reader: Reader, column: SQL): SQL | undefined => visibleSql(column, clearanceOf(reader.user)) ?? undefined
const countOf = (row: { n: number } | undefined) => row?.n ?? 0
const n = { n: sql<number>`count(*)` }

type IncomingRow = typeof d.$inferSelect
type DeadlineOf = (doc: IncomingRow) => IsoDate | null
const incomingItem = (doc: IncomingRow, where: string, deadlineOf: DeadlineOf): TodoItem =>
  ({ key: `收文${doc.id}`, title: doc.title, detail: `${numberText(doc)} · ${where}`, deadline: deadlineOf(doc), href: TODO_LINKS.incoming(doc.id) })

/** 收文 in one stored state (incoming_status_received_idx: status, received_at), oldest first; the 办结时限 unless told. */
function incomingIn(reader: Reader, where: SQL, where_: string, shown: number, deadlineOf: DeadlineOf = (doc) => doc.deadline): GroupRows {
  const cond = and(where, seen(reader, sql`+${d.classification}`))
  return {
    total: countOf(reader.db.select(n).from(d).where(cond).get()),
    items: shown === 0 ? [] : reader.db.select().from(d).where(cond).orderBy(asc(d.receivedAt), asc(d.id)).limit(shown).all().map((doc) => incomingItem(doc, where_, deadlineOf)),
  }
}

/** A paper waiting for 初审 or 拟办 is due by its intake deadline (签收 + working days by urgency), as on 首页's due list. */
export const toReview = (r: Reader, shown: number, cal: HolidayCalendar) =>
  incomingIn(r, and(eq(d.status, '已登记'), isNull(d.reviewedOn))!, '待初审', shown, (doc) => intakeDeadline(cal, doc))
export const toPropose = (r: Reader, shown: number, cal: HolidayCalendar) =>
  incomingIn(r, and(eq(d.status, '已登记'), isNotNull(d.reviewedOn))!, '已初审，待拟办', shown, (doc) => intakeDeadline(cal, doc))
export const toSend = (r: Reader, shown: number) => incomingIn(r, eq(d.status, '已拟办'), '已拟办，待送领导批示', shown)
/** 批示中 with no leader still holding it (instructions_document_idx): the page's 待交办 (incomingStatusText). */
export const toAssign = (r: Reader, shown: number) => incomingIn(r,
  and(eq(d.status, '批示中'), sql`NOT EXISTS (SELECT 1 FROM ${instructions} i WHERE i.document_id = ${d.id} AND i.instructed_on IS NULL)`)!,
  '领导批示已回，待交办', shown)

type OutgoingRow = typeof o.$inferSelect
const outgoingItem = (doc: OutgoingRow, where: string): TodoItem =>
  ({ key: `发文${doc.id}`, title: doc.title, detail: `${doc.numberText ?? doc.series} · ${where}`, deadline: null, href: TODO_LINKS.outgoing(doc.id) })

/** 发文 by state (outgoing_status_created_idx: status, created_at), oldest first. */
function outgoingIn(reader: Reader, where: SQL, text: (doc: OutgoingRow) => string, shown: number): GroupRows {
  const cond = and(where, seen(reader, sql`+${o.classification}`))
  return {
    total: countOf(reader.db.select(n).from(o).where(cond).get()),
    items: shown === 0 ? [] : reader.db.select().from(o).where(cond).orderBy(asc(o.createdAt), asc(o.id)).limit(shown).all().map((doc) => outgoingItem(doc, text(doc))),
  }
}

const reviewsDone = sql<number>`(SELECT count(*) FROM ${reviews} rv WHERE rv.outgoing_id = ${o.id})`
/** 核稿: drafts whose next step (the number of reviews so far, reviews_outgoing_idx) is one this role records. */
export function toCheckDraft(reader: Reader, role: Role, shown: number): GroupRows {
  const steps = reviewStepsOf(role)
  return outgoingIn(reader, and(inArray(o.status, ['拟稿', '核稿中']), sql`${reviewsDone} IN (${sql.join(steps.map((s) => sql`${s}`), sql`, `)})`)!,
    (doc) => (doc.status === '拟稿' ? '拟稿，待部门负责人核稿' : '核稿中'), shown)
}
export const toNumber = (r: Reader, shown: number) => outgoingIn(r, eq(o.status, '已签发'), (doc) => `${doc.signerName ?? ''}已签发，待编号`, shown)
export const toIssue = (r: Reader, shown: number) => outgoingIn(r, eq(o.status, '已编号'), (doc) => (doc.checkedBy ? `${doc.checkedBy}已复核，待印发` : '待复核（科长）后印发'), shown)

type MeetingRow = typeof meetings.$inferSelect

/** How meetings are named on this office's pages (市政府第12次常务会议). */
export function meetingNamer(reader: Reader): (m: MeetingRow) => string {
  const short = governmentShort(readSettings(reader.db).governmentName)
  return (m) => meetingTitle(short, meetingTypeById(reader.db, m.typeId), m)
}

/** 纪要草稿 of held meetings: minutes_draft_idx holds only drafts (the literal matches its condition; a bound value would not). */
export function toSignMinutes(reader: Reader, title: (m: MeetingRow) => string, shown: number): GroupRows {
  const cond = and(sql`${minutes.status} = '草稿'`, eq(meetings.status, '已召开'))
  const q = () => reader.db.select({ m: meetings }).from(minutes).innerJoin(meetings, eq(meetings.id, minutes.meetingId)).where(cond)
  return {
    total: countOf(reader.db.select(n).from(minutes).innerJoin(meetings, eq(meetings.id, minutes.meetingId)).where(cond).get()),
    // `+date`: sorted after reading the drafts, never by walking every meeting in date order to find them.
    items: shown === 0 ? [] : q().orderBy(sql`+${meetings.date}`, asc(meetings.id)).limit(shown).all()
      .map(({ m }) => ({ key: `纪要${m.id}`, title: title(m), detail: `${m.date}召开 · 纪要草稿待签发`, deadline: null, href: TODO_LINKS.meeting(m.id) })),
  }
}

/** Meetings being prepared from today on (meetings_date_idx) with their live topics visible to the reader. */
export function upcomingMeetings(reader: Reader, today: IsoDate) {
  const rows = reader.db.select().from(meetings).where(and(gte(meetings.date, today), eq(meetings.status, '筹备'))).orderBy(asc(meetings.date), asc(meetings.id)).all()
  const ids = rows.map((m) => m.id)
  const live = ids.length
    ? reader.db.select().from(topics).where(and(inArray(topics.meetingId, ids), eq(topics.withdrawn, false), seen(reader, sql`${topics.classification}`))).all()
    : []
  return rows.map((m) => ({ meeting: m, topics: live.filter((t) => t.meetingId === m.id) }))
}

/** 督办 办理中 by deadline (follow_ups_status_deadline_idx). Follow-ups carry no 密级 of their own. */
export function openFollowUps(reader: Reader, limit: number) {
  // Hidden like its source: an item from a 批示 or 议定事项 above the reader's clearance is not theirs to see.
  const cond = and(eq(followUps.status, '办理中'), followUpsInHand(clearanceOf(reader.user)))!
  return {
    total: countOf(reader.db.select(n).from(followUps).where(cond).get()),
    rows: limit === 0 ? [] : reader.db.select().from(followUps).where(cond).orderBy(asc(followUps.deadline), asc(followUps.id)).limit(limit).all(),
  }
}

/** Draft rosters (few), and whether a roster of `kind` covers `date` (rosters_period_idx). */
export const draftRosters = (reader: Reader) => reader.db.select().from(rosters).where(eq(rosters.status, '草稿')).orderBy(asc(rosters.fromDate)).all()
export const rosterCovers = (reader: Reader, kind: '办公室值班', date: IsoDate): boolean =>
  !!reader.db.select({ id: rosters.id }).from(rosters).where(and(eq(rosters.kind, kind), sql`${rosters.fromDate} <= ${date}`, sql`${rosters.toDate} >= ${date}`)).limit(1).get()

