import type { HolidayCalendar } from '../../src-main/calendar/rules'
import { packagedArrangements } from '../../src-main/calendar/seed'

/** The calendar a new database is seeded with (the holiday data shipped offline), as plain data for rule tests. */
export function packagedCalendar(): HolidayCalendar {
  const byYear = packagedArrangements()
  return {
    years: new Set(byYear.keys()),
    days: new Map([...byYear.values()].flat().map((d) => [d.date, { kind: d.kind, name: d.name }])),
  }
}
