import { count } from 'drizzle-orm'
import data from 'chinese-days/dist/chinese-days.json'
import type { Db } from '../db/connection'
import type { Clock } from '../kernel/clock'
import { yearOf } from '../common/dates'
import { calendarDays, holidayYears } from './schema'
import { type DayKind } from '../common/calendar'

/** chinese-days names a day "National Day,国庆节,3": we keep the Chinese name. */
const chineseName = (label: string) => label.split(',')[1] ?? label

export const PACKAGE_SOURCE = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知（随程序附带的节假日数据载入）`

/** The arrangements shipped offline in the chinese-days package, by year. */
export function packagedArrangements(): Map<number, { date: string; kind: DayKind; name: string }[]> {
  const byYear = new Map<number, { date: string; kind: DayKind; name: string }[]>()
  const add = (entries: Record<string, string>, kind: DayKind) => {
    for (const [date, label] of Object.entries(entries)) {
      const list = byYear.get(yearOf(date)) ?? byYear.set(yearOf(date), []).get(yearOf(date))!
      list.push({ date, kind, name: chineseName(label) })
    }
  }
  add(data.holidays as Record<string, string>, '放假')
  add(data.workdays as Record<string, string>, '上班')
  return byYear
}

/** A new database gets every year the package knows; the office adds later years itself. */
export function seedCalendarIfEmpty(db: Db, clock: Clock): void {
  if (db.select({ n: count() }).from(holidayYears).get()!.n > 0) return
  const importedAt = clock.now().toISOString()
  for (const [year, days] of [...packagedArrangements()].sort(([a], [b]) => a - b)) {
    db.insert(holidayYears).values({ year, source: PACKAGE_SOURCE(year), importedAt }).run()
    db.insert(calendarDays).values(days.map((d) => ({ ...d, year }))).run()
  }
}
