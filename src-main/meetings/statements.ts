/**
 * The queries every meeting page runs around its meeting, prepared once per connection (db/prepared.ts):
 * opening a meeting runs some forty of them (bench: 打开会议). The org and the absences it reads are
 * prepared the same way in their own services.
 */
import { and, asc, desc, eq, lte, ne, sql } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import { perConnection } from '../db/prepared'
import { posts } from '../org/schema'
import { calendarDaysStatement, calendarYearsStatement } from '../calendar/window'
import { absencePeriodStatement } from '../absences/service'
import { storedFiles } from '../files/schema'
import { attendance, meetingDecisions, meetings, meetingTypes, minutes, topicFiles, topicMoves, topics, topicUnits } from './schema'

const id = sql.placeholder('id')

const meetingStmt = perConnection((db) => db.select().from(meetings).where(eq(meetings.id, id)).prepare())
const typeStmt = perConnection((db) => db.select().from(meetingTypes).where(eq(meetingTypes.id, id)).prepare())

export const meetingRow = (db: ReadDb, meetingId: number) => meetingStmt(db).get({ id: meetingId })
export const meetingTypeRow = (db: ReadDb, typeId: number) => typeStmt(db).get({ id: typeId })

// ── One meeting's topics and what hangs from them, by the meeting (topics_meeting_idx) ──

const ofMeeting = eq(topics.meetingId, id)
const liveByLevelStmt = perConnection((db) => db.select({ classification: topics.classification, n: sql<number>`count(*)` }).from(topics)
  .where(and(ofMeeting, eq(topics.withdrawn, false))).groupBy(topics.classification).prepare())
const topicsStmt = perConnection((db) => db.select().from(topics).where(ofMeeting).orderBy(asc(topics.sortOrder), asc(topics.id)).prepare())
const unitsStmt = perConnection((db) => db.select({ topicId: topicUnits.topicId, departmentId: topicUnits.departmentId }).from(topicUnits)
  .innerJoin(topics, eq(topics.id, topicUnits.topicId)).where(ofMeeting).orderBy(asc(topicUnits.topicId), asc(topicUnits.departmentId)).prepare())
const filesStmt = perConnection((db) => db.select({ topicId: topicFiles.topicId, kind: topicFiles.kind, id: storedFiles.id, name: storedFiles.name, size: storedFiles.size, sha256: storedFiles.sha256 })
  .from(topicFiles).innerJoin(topics, eq(topics.id, topicFiles.topicId)).innerJoin(storedFiles, eq(storedFiles.id, topicFiles.fileId)).where(ofMeeting).prepare())
const movesStmt = perConnection((db) => db.select({ move: topicMoves }).from(topicMoves).innerJoin(topics, eq(topics.id, topicMoves.topicId)).where(ofMeeting).orderBy(asc(topicMoves.at)).prepare())

/** How many live topics the meeting has at each 密级. */
export const liveTopicsByLevel = (db: ReadDb, meetingId: number) => liveByLevelStmt(db).all({ id: meetingId })
/** Every topic of the meeting, withdrawn ones too, in agenda order; the caller keeps those the reader may see. */
export const topicsOfMeeting = (db: ReadDb, meetingId: number) => topicsStmt(db).all({ id: meetingId })
export const topicUnitsOfMeeting = (db: ReadDb, meetingId: number) => unitsStmt(db).all({ id: meetingId })
export const topicFilesOfMeeting = (db: ReadDb, meetingId: number) => filesStmt(db).all({ id: meetingId })
export const topicMovesOfMeeting = (db: ReadDb, meetingId: number) => movesStmt(db).all({ id: meetingId }).map((r) => r.move)

// ── Around the meeting: same day, the last of its type; attendance, minutes ──

const sameDayStmt = perConnection((db) => db.select().from(meetings)
  .where(and(eq(meetings.date, sql.placeholder('date')), ne(meetings.id, id), ne(meetings.status, '已取消'))).prepare())
const lastOfTypeStmt = perConnection((db) => db.select({ date: meetings.date }).from(meetings)
  .where(and(eq(meetings.typeId, sql.placeholder('typeId')), ne(meetings.status, '已取消'), lte(meetings.date, sql.placeholder('date')), ne(meetings.id, id)))
  .orderBy(desc(meetings.date)).limit(1).prepare())
const attendanceStmt = perConnection((db) => db.select().from(attendance).where(eq(attendance.meetingId, id)).prepare())
const minutesStmt = perConnection((db) => db.select().from(minutes).where(eq(minutes.meetingId, id)).prepare())
const decisionsStmt = perConnection((db) => db.select().from(meetingDecisions).where(eq(meetingDecisions.minutesId, id))
  .orderBy(asc(meetingDecisions.sortOrder), asc(meetingDecisions.id)).prepare())
const postOrderStmt = perConnection((db) => db.select({ holderId: posts.holderId }).from(posts).orderBy(asc(posts.sortOrder), asc(posts.id)).prepare())

type Meeting = typeof meetings.$inferSelect
/** Other meetings not cancelled on the same day, for 领导已有安排. */
export const sameDayMeetings = (db: ReadDb, m: Meeting) => sameDayStmt(db).all({ date: m.date, id: m.id })
/** The latest earlier (or same-day) meeting of its type: ten years of a type are hundreds of meetings. */
export const lastMeetingOfType = (db: ReadDb, m: Meeting) => lastOfTypeStmt(db).get({ typeId: m.typeId, date: m.date, id: m.id })
export const attendanceOfMeeting = (db: ReadDb, meetingId: number) => attendanceStmt(db).all({ id: meetingId })
export const minutesOfMeeting = (db: ReadDb, meetingId: number) => minutesStmt(db).get({ id: meetingId })
export const decisionsOfMinutes = (db: ReadDb, minutesId: number) => decisionsStmt(db).all({ id: minutesId })
/** The people holding posts, in the posts' order (the order names are printed in). */
export const postHoldersInOrder = (db: ReadDb) => postOrderStmt(db).all()

/** The statements opening a meeting runs, by name: test/db/meetings-plan.test.ts holds each to its index. */
export const MEETING_PAGE_STATEMENTS = {
  meeting: meetingStmt, type: typeStmt, absences: absencePeriodStatement, years: calendarYearsStatement, days: calendarDaysStatement,
  liveByLevel: liveByLevelStmt, topics: topicsStmt, units: unitsStmt, files: filesStmt, moves: movesStmt,
  sameDay: sameDayStmt, lastOfType: lastOfTypeStmt, attendance: attendanceStmt, minutes: minutesStmt, decisions: decisionsStmt,
}
