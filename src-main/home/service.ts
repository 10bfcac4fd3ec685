import type { ReadDb } from '../db/connection'
import type { Clock } from '../kernel/clock'
import { dayInfo, HOLIDAY_ENTRY_ROLES, missingYearNote, type DayInfo, type HolidayCalendar } from '../calendar/rules'
import { yearOf, type IsoDate } from '../common/dates'
import { loadCalendar } from '../calendar/service'
import { leadersOn, listAbsences } from '../absences/service'

/**
 * X-6, the year's turn: the year whose holiday arrangement is missing and wanted now — this year's at any time, next
 * year's from 1 November (the State Council's notice usually comes out then) — with who enters it. Null when none is.
 */
export function holidayPrompt(cal: HolidayCalendar, date: IsoDate): { year: number; message: string } | null {
  const year = yearOf(date)
  if (!cal.years.has(year)) return { year, message: missingYearNote(year) }
  if (Number(date.slice(5, 7)) < 11 || cal.years.has(year + 1)) return null
  return {
    year: year + 1,
    message: `${year + 1}年的节假日安排尚未录入。国务院办公厅的通知通常在11月发布，收到后请${HOLIDAY_ENTRY_ROLES}粘贴通知录入；录入前${year + 1}年的日期暂按周末推算（暂定），录入后自动重算。`,
  }
}

/** 首页: today in the office — the date, whether it is a working day, who is away and who acts. */
export function today(db: ReadDb, clock: Clock) {
  const date = clock.today()
  const cal = loadCalendar(db)
  const day: DayInfo = dayInfo(cal, date)
  const { absences, overlaps } = listAbsences(db, date, date)
  return {
    date,
    day,
    holidayPrompt: holidayPrompt(cal, date),
    leaders: leadersOn(db, date),
    away: absences,
    /** R-P4: the 市长 and the 常务副市长 away together today. */
    clashes: overlaps.map((o) => o.message),
    /** R-P5: what the absences of today still lack. */
    warnings: absences.flatMap((a) => a.gaps.map((g) => `${a.personName}：${g}`)),
  }
}
