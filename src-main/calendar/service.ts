import { and, eq } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import type { ActionContext } from '../kernel/procedure'
import { AppError, ruleViolation } from '../kernel/errors'
import { calendarDays, holidayYears } from './schema'
import { dayInfo, parseArrangement, requireKnownYear, type HolidayCalendar } from './rules'
import { addDays, yearOf } from '../common/dates'
import type { ImportYearInput, CorrectDayInput } from './contract'

/** The whole calendar is a few thousand rows at most: loaded per call, never cached stale. */
export function loadCalendar(db: ReadDb): HolidayCalendar {
  const years = new Set(db.select({ year: holidayYears.year }).from(holidayYears).all().map((r) => r.year))
  const days = new Map(db.select().from(calendarDays).all().map((r) => [r.date, { kind: r.kind, name: r.name }]))
  return { years, days }
}

export function listYears(db: ReadDb) {
  return db.select().from(holidayYears).orderBy(holidayYears.year).all()
}

/** A year as the 节假日 page shows it: every day of the year with its type. */
export function yearView(db: ReadDb, year: number) {
  const cal = loadCalendar(db)
  const meta = db.select().from(holidayYears).where(eq(holidayYears.year, year)).get()
  if (!meta) return { year, known: false as const, source: null, days: [] }
  const days = []
  for (let d = `${year}-01-01`; yearOf(d) === year; d = addDays(d, 1)) days.push(dayInfo(cal, d))
  return { year, known: true as const, source: meta.source, importedAt: meta.importedAt, days }
}

/** Import (or replace) a year's arrangement from the notice's text, keeping the notice's name. */
export function importYear(ctx: ActionContext, input: ImportYearInput) {
  const parsed = parseArrangement(input.year, input.text)
  if ('error' in parsed) throw new AppError('VALIDATION', `「安排内容」${parsed.error}`, { field: 'text' })
  const seen = new Set<string>()
  for (const d of parsed.days) {
    if (seen.has(d.date)) throw new AppError('VALIDATION', `「安排内容」${d.date} 出现了两次`, { field: 'text' })
    seen.add(d.date)
  }
  const before = ctx.db.select().from(holidayYears).where(eq(holidayYears.year, input.year)).get() ?? null
  ctx.db.delete(holidayYears).where(eq(holidayYears.year, input.year)).run()
  const after = ctx.db.insert(holidayYears).values({ year: input.year, source: input.source, importedAt: ctx.clock.now().toISOString() }).returning().get()
  ctx.db.insert(calendarDays).values(parsed.days.map((d) => ({ ...d, year: input.year }))).run()
  ctx.audit.record({ entity: '节假日安排', id: input.year, before, after: { ...after, 天数: parsed.days.length } })
  return { year: input.year, days: parsed.days.length }
}

/** Correct one day: make it a holiday, a make-up working day, or an ordinary day again. */
export function correctDay(ctx: ActionContext, input: CorrectDayInput) {
  requireKnownYear(loadCalendar(ctx.db), input.date)
  const before = ctx.db.select().from(calendarDays).where(eq(calendarDays.date, input.date)).get() ?? null
  ctx.db.delete(calendarDays).where(eq(calendarDays.date, input.date)).run()
  let after = null
  if (input.kind !== '平常') {
    if (!input.name) throw new AppError('VALIDATION', '「节日名称」不能为空', { field: 'name' })
    after = ctx.db.insert(calendarDays).values({ date: input.date, year: yearOf(input.date), kind: input.kind, name: input.name }).returning().get()
  }
  ctx.audit.record({ entity: '节假日安排', id: input.date, before, after })
  return dayInfo(loadCalendar(ctx.db), input.date)
}

export function deleteYear(ctx: ActionContext, year: number) {
  const before = ctx.db.select().from(holidayYears).where(and(eq(holidayYears.year, year))).get()
  if (!before) throw ruleViolation('R-W2', `${year}年没有节假日安排可删除`)
  ctx.db.delete(holidayYears).where(eq(holidayYears.year, year)).run()
  ctx.audit.record({ entity: '节假日安排', id: year, before })
}
