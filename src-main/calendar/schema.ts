import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core'
import { DAY_KINDS } from '../common/calendar'

/** A year whose arrangement the office has entered; a year absent here is unknown, never guessed. */
export const holidayYears = sqliteTable('holiday_years', {
  year: integer('year').primaryKey(),
  /** 来源通知, e.g. 国务院办公厅关于2026年部分节假日安排的通知. */
  source: text('source').notNull(),
  importedAt: text('imported_at').notNull(),
})

/** Exceptions to the ordinary week: 放假 on a weekday, 上班 (调休) on a weekend. */
export const calendarDays = sqliteTable('calendar_days', {
  date: text('date').primaryKey(),
  year: integer('year').notNull().references(() => holidayYears.year, { onDelete: 'cascade' }),
  kind: text('kind', { enum: DAY_KINDS }).notNull(),
  /** 节日名称 (国庆节…). */
  name: text('name').notNull(),
}, (t) => [index('calendar_days_year_idx').on(t.year)])
