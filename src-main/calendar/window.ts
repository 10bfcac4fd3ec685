/**
 * A window of the holiday calendar (R-W2) around one date: the calendar owns which years and days a page reads.
 * A meeting reads its year and the one before, not every year entered: enough for the day itself and for any topic
 * deadline (at most 60 working days back). A walk beyond is refused as an unentered year, never guessed.
 */
import { between, sql } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import { perConnection } from '../db/prepared'
import { yearOf, type IsoDate } from '../common/dates'
import { calendarDays, holidayYears } from './schema'
import type { HolidayCalendar } from './rules'

const fromYear = sql.placeholder('fromYear')
const toYear = sql.placeholder('toYear')

/** Prepared once per connection; exported for their query-plan test (test/db/meetings-plan.test.ts). */
export const calendarYearsStatement = perConnection((db) => db.select({ year: holidayYears.year }).from(holidayYears).where(between(holidayYears.year, fromYear, toYear)).prepare())
export const calendarDaysStatement = perConnection((db) => db.select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name }).from(calendarDays).where(between(calendarDays.year, fromYear, toYear)).prepare())

/** The calendar of `date`'s year and the year before. */
export function calendarAround(db: ReadDb, date: IsoDate): HolidayCalendar {
  const years = { fromYear: yearOf(date) - 1, toYear: yearOf(date) }
  return {
    years: new Set(calendarYearsStatement(db).all(years).map((r) => r.year)),
    days: new Map(calendarDaysStatement(db).all(years).map((r) => [r.date, { kind: r.kind, name: r.name }])),
  }
}
