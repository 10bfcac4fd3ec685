/** What every meeting action reads around one meeting: its type's settings, the org on the day, absences, the calendar. */
import { asc, eq } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import { notFound } from '../kernel/errors'
import type { AbsencePeriod } from '../absences/rules'
import type { OrgWithUnits } from '../org/snapshot'
import type { HolidayCalendar } from '../calendar/rules'
import { meetingTypeSchema, type MeetingType } from './types/config'
import { type ReservedMatter } from '../common/meetings'
import type { Participant } from './attendance/rules'
import { meetings, meetingTypes } from './schema'
import { meetingRow, meetingTypeRow } from './statements'
import { calendarAround } from '../calendar/window'
import { loadOrgSnapshot } from '../org/service'
import { loadAbsencePeriods } from '../absences/service'
import { typeTopicDeadline } from './rules'

export type MeetingRow = typeof meetings.$inferSelect
export interface StoredMeetingType extends MeetingType { id: number; sortOrder: number }

const parseType = (row: typeof meetingTypes.$inferSelect): StoredMeetingType =>
  ({ ...meetingTypeSchema.parse(JSON.parse(row.config)), id: row.id, sortOrder: row.sortOrder })

/** R-M3: a meeting's topic deadline by its type (null for a type without one), as 待办 and 提醒 read it. */
export const meetingTopicDeadline = (db: ReadDb, cal: HolidayCalendar, m: Pick<MeetingRow, 'typeId' | 'date'>): string | null =>
  typeTopicDeadline(cal, m.date, meetingTypeById(db, m.typeId).topicDeadlineWorkingDays)

/** The configured types (seeded when the core opens, meetings/seed.ts). */
export function listMeetingTypes(db: ReadDb): StoredMeetingType[] {
  return db.select().from(meetingTypes).orderBy(asc(meetingTypes.sortOrder), asc(meetingTypes.id)).all().map(parseType)
}

export function meetingTypeById(db: ReadDb, id: number): StoredMeetingType {
  const row = meetingTypeRow(db, id)
  if (!row) throw notFound('会议类别')
  return parseType(row)
}

export interface MeetingContext {
  meeting: MeetingRow
  type: StoredMeetingType
  org: OrgWithUnits
  absences: AbsencePeriod[]
  /** The calendar around the meeting day, read on first use: attendance and minutes never need it. */
  cal(): HolidayCalendar
  reservedMatters: ReservedMatter[]
  /** People added by hand (a 专题会议's 参会人员 and 列席). */
  participants: Participant[]
}

export function meetingContext(db: ReadDb, meetingId: number): MeetingContext {
  const meeting = meetingRow(db, meetingId)
  if (!meeting) throw notFound('会议')
  let cal: HolidayCalendar | undefined
  return {
    meeting,
    type: meetingTypeById(db, meeting.typeId),
    // The holders on the meeting day (R-P1 turnover): who chaired and who attended, then.
    org: loadOrgSnapshot(db, meeting.date),
    absences: loadAbsencePeriods(db, meeting.date, meeting.date),
    cal: () => (cal ??= calendarAround(db, meeting.date)),
    reservedMatters: JSON.parse(meeting.reservedMatters) as ReservedMatter[],
    participants: JSON.parse(meeting.participants) as Participant[],
  }
}

/** 市政府 from 资阳市人民政府: how meeting titles name the government. */
export const governmentShort = (governmentName: string) => (governmentName.endsWith('人民政府') ? '市政府' : governmentName)

/** 市政府第12次常务会议 / 专题会议（关于…） — how the office names a meeting in lists and prints. */
export function meetingTitle(governmentShort: string, type: MeetingType, m: Pick<MeetingRow, 'session' | 'subject'>): string {
  const base = m.session ? `${governmentShort}第${m.session}次${type.name}` : `${governmentShort}${type.name}`
  return m.subject ? `${base}（${m.subject}）` : base
}

export const meetingsOfType = (db: ReadDb, typeId: number) =>
  db.select().from(meetings).where(eq(meetings.typeId, typeId)).orderBy(asc(meetings.date)).all()
