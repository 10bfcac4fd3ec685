/**
 * The queries every meeting page runs around its meeting, prepared once per connection. Drizzle builds and
 * prepares a query's SQL on every run, about 0.1 ms each here: more than most of these small queries take,
 * and opening a meeting runs some forty of them (bench: 打开会议).
 */
import { and, asc, between, desc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { absences } from '../absences/schema'
import { abPairs, departments, people, posts } from '../org/schema'
import { calendarDays, holidayYears } from '../calendar/schema'
import { yearOf, type IsoDate } from '../calendar/dates'
import type { AbsencePeriod } from '../absences/rules'
import type { HolidayCalendar } from '../calendar/rules'
import type { MeetingOrg } from './attendance'
import { followUps } from '../followups/schema'
import { storedFiles } from '../files/schema'
import { attendance, meetingDecisions, meetings, meetingTypes, minutes, topicFiles, topicMoves, topics, topicUnits } from './schema'

/** One prepared statement per connection, made on first use (a test opens many databases). */
function perConnection<T>(prepare: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>()
  return (db) => {
    let p = made.get(db)
    if (!p) made.set(db, (p = prepare(db)))
    return p
  }
}

const id = sql.placeholder('id')
const from = sql.placeholder('from')
const to = sql.placeholder('to')
const fromYear = sql.placeholder('fromYear')
const toYear = sql.placeholder('toYear')

const meetingStmt = perConnection((db) => db.select().from(meetings).where(eq(meetings.id, id)).prepare())
const typeStmt = perConnection((db) => db.select().from(meetingTypes).where(eq(meetingTypes.id, id)).prepare())
const postsStmt = perConnection((db) => db.select({ id: posts.id, title: posts.title, kind: posts.kind, holderId: posts.holderId, isExecutive: posts.isExecutive, departmentId: posts.departmentId }).from(posts).prepare())
const namesStmt = perConnection((db) => db.select({ id: people.id, name: people.name }).from(people).prepare())
const pairsStmt = perConnection((db) => db.select({ a: abPairs.postAId, b: abPairs.postBId }).from(abPairs).prepare())
const departmentsStmt = perConnection((db) => db.select({ id: departments.id, name: departments.name, kind: departments.kind, supervisorPostId: departments.supervisorPostId }).from(departments).prepare())
const absencesStmt = perConnection((db) => db.select({ id: absences.id, personId: absences.personId, kind: absences.kind, startDate: absences.startDate, endDate: absences.endDate, actingPersonId: absences.actingPersonId })
  .from(absences).where(and(lte(absences.startDate, to), gte(absences.endDate, from))).prepare())
const yearsStmt = perConnection((db) => db.select({ year: holidayYears.year }).from(holidayYears).where(between(holidayYears.year, fromYear, toYear)).prepare())
const daysStmt = perConnection((db) => db.select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name }).from(calendarDays).where(between(calendarDays.year, fromYear, toYear)).prepare())

export const meetingRow = (db: Db, meetingId: number) => meetingStmt(db).get({ id: meetingId })
export const meetingTypeRow = (db: Db, typeId: number) => typeStmt(db).get({ id: typeId })

/** Who is away at some time in [from, to], as absences/service loadAbsencePeriods reads a period. */
export const absencesBetween = (db: Db, from: IsoDate, to: IsoDate): AbsencePeriod[] => absencesStmt(db).all({ from, to })

/** The org as absences/rules reads it (org/service loadOrgSnapshot), with the departments' names and kinds. */
export function loadMeetingOrg(db: Db): MeetingOrg {
  const depts = departmentsStmt(db).all()
  return {
    posts: postsStmt(db).all(),
    names: new Map(namesStmt(db).all().map((p) => [p.id, p.name])),
    abPairs: pairsStmt(db).all().map((p) => [p.a, p.b] as const),
    supervisors: new Map(depts.map((d) => [d.id, d.supervisorPostId])),
    departments: new Map(depts.map((d) => [d.id, { name: d.name, kind: d.kind }])),
  }
}

/**
 * The meeting's year and the one before, not every year entered: enough for the day itself and for any topic
 * deadline (at most 60 working days back). A walk beyond would be refused as an unentered year, never guessed.
 */
export function calendarAround(db: Db, date: IsoDate): HolidayCalendar {
  const years = { fromYear: yearOf(date) - 1, toYear: yearOf(date) }
  return {
    years: new Set(yearsStmt(db).all(years).map((r) => r.year)),
    days: new Map(daysStmt(db).all(years).map((r) => [r.date, { kind: r.kind, name: r.name }])),
  }
}

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
export const liveTopicsByLevel = (db: Db, meetingId: number) => liveByLevelStmt(db).all({ id: meetingId })
/** Every topic of the meeting, withdrawn ones too, in agenda order; the caller keeps those the reader may see. */
export const topicsOfMeeting = (db: Db, meetingId: number) => topicsStmt(db).all({ id: meetingId })
export const topicUnitsOfMeeting = (db: Db, meetingId: number) => unitsStmt(db).all({ id: meetingId })
export const topicFilesOfMeeting = (db: Db, meetingId: number) => filesStmt(db).all({ id: meetingId })
export const topicMovesOfMeeting = (db: Db, meetingId: number) => movesStmt(db).all({ id: meetingId }).map((r) => r.move)

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
// From the minutes' few decisions into the source index, not through every 督办事项 raised from minutes.
const followUpsStmt = perConnection((db) => db.select({ decisionId: followUps.sourceId }).from(followUps)
  .where(and(eq(followUps.source, '会议纪要'), inArray(followUps.sourceId, db.select({ id: meetingDecisions.id }).from(meetingDecisions).where(eq(meetingDecisions.minutesId, id))))).prepare())
const postOrderStmt = perConnection((db) => db.select({ holderId: posts.holderId }).from(posts).orderBy(asc(posts.sortOrder), asc(posts.id)).prepare())

type Meeting = typeof meetings.$inferSelect
/** Other meetings not cancelled on the same day, for 领导已有安排. */
export const sameDayMeetings = (db: Db, m: Meeting) => sameDayStmt(db).all({ date: m.date, id: m.id })
/** The latest earlier (or same-day) meeting of its type: ten years of a type are hundreds of meetings. */
export const lastMeetingOfType = (db: Db, m: Meeting) => lastOfTypeStmt(db).get({ typeId: m.typeId, date: m.date, id: m.id })
export const attendanceOfMeeting = (db: Db, meetingId: number) => attendanceStmt(db).all({ id: meetingId })
export const minutesOfMeeting = (db: Db, meetingId: number) => minutesStmt(db).get({ id: meetingId })
export const decisionsOfMinutes = (db: Db, minutesId: number) => decisionsStmt(db).all({ id: minutesId })
/** One row per 督办事项 raised from a decision of these minutes. */
export const followUpsOfMinutes = (db: Db, minutesId: number) => followUpsStmt(db).all({ id: minutesId })
/** The people holding posts, in the posts' order (the order names are printed in). */
export const postHoldersInOrder = (db: Db) => postOrderStmt(db).all()

/** The statements opening a meeting runs, by name: test/db/meetings-plan.test.ts holds each to its index. */
export const MEETING_PAGE_STATEMENTS = {
  meeting: meetingStmt, type: typeStmt, absences: absencesStmt, years: yearsStmt, days: daysStmt,
  liveByLevel: liveByLevelStmt, topics: topicsStmt, units: unitsStmt, files: filesStmt, moves: movesStmt,
  sameDay: sameDayStmt, lastOfType: lastOfTypeStmt, attendance: attendanceStmt, minutes: minutesStmt, decisions: decisionsStmt, followUps: followUpsStmt,
}
