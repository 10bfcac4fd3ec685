import type { ReadDb } from '../db/connection'
import type { Clock } from '../kernel/clock'
import { AppError } from '../kernel/errors'
import { dayInfo, type DayInfo } from '../calendar/rules'
import { loadCalendar } from '../calendar/service'
import { leadersOn, listAbsences } from '../absences/service'

/** 首页: today in the office — the date, whether it is a working day, who is away and who acts. */
export function today(db: ReadDb, clock: Clock) {
  const date = clock.today()
  let day: DayInfo | null = null
  let calendarWarning: string | null = null
  try {
    day = dayInfo(loadCalendar(db), date)
  } catch (e) {
    if (!(e instanceof AppError)) throw e
    calendarWarning = e.message
  }
  const { absences, overlaps } = listAbsences(db, date, date)
  return {
    date,
    day,
    calendarWarning,
    leaders: leadersOn(db, date),
    away: absences,
    warnings: [...overlaps.map((o) => o.message), ...absences.flatMap((a) => a.gaps.map((g) => `${a.personName}：${g}`))],
  }
}
