import { and, eq } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import { lastWrittenStamp } from '../db/written-tables'
import type { ActionContext } from '../kernel/procedure'
import type { Change } from '../kernel/audit-trail'
import { AppError, ruleViolation } from '../kernel/errors'
import { calendarDays, holidayYears } from './schema'
import { dayInfo, HOLIDAY_ENTRY_ROLES, type HolidayCalendar } from './rules'
import { addDays, yearOf } from '../common/dates'
import type { ImportYearInput, CorrectDayInput } from './contract'
import { parseHolidayText } from './notice'
import type { MovedDate, StoredDateRecompute } from './recompute'

const loaded = new WeakMap<ReadDb, { at: number; calendar: HolidayCalendar }>()
const CALENDAR_TABLES = ['holiday_years', 'calendar_days'] as const

/**
 * The whole calendar (a few thousand rows at most), kept per connection until its tables are written (here or by
 * another process: db/written-tables.ts), so it is never stale: every register row counts its deadline with it,
 * and reading it again for each page cost a millisecond. Other writes — an audit record of a 秘密 page opened,
 * a 签收 — leave it kept. Shared between callers: read it, never change it.
 */
export function loadCalendar(db: ReadDb): HolidayCalendar {
  const at = lastWrittenStamp(db, CALENDAR_TABLES)
  const kept = loaded.get(db)
  if (kept?.at === at) return kept.calendar
  const years = new Set(db.select({ year: holidayYears.year }).from(holidayYears).all().map((r) => r.year))
  const days = new Map(db.select().from(calendarDays).all().map((r) => [r.date, { kind: r.kind, name: r.name }]))
  const calendar = { years, days }
  loaded.set(db, { at, calendar })
  return calendar
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

/**
 * Changes one year's arrangement and recomputes the stored dates that depend on it, in the caller's transaction:
 * each moved date is audited by its domain, and the year's own audit record says how many moved and which.
 */
function changeYear(ctx: ActionContext, year: number, recompute: readonly StoredDateRecompute[], act: () => Change) {
  const before = loadCalendar(ctx.db)
  const record = act()
  const after = loadCalendar(ctx.db)
  const moved: MovedDate[] = recompute.flatMap((r) => r(ctx, { year, before, after }))
  const recomputed = moved.length ? { 重算日期: moved.map((m) => `${m.what}：${m.from} → ${m.to}`) } : {}
  ctx.audit.record(moved.length ? { ...record, after: { ...record.after, ...recomputed } } : record)
  return moved
}

/** Import (or replace) a year's arrangement from the notice's text or the line format, keeping the notice's name. */
export function importYear(ctx: ActionContext, input: ImportYearInput, recompute: readonly StoredDateRecompute[] = []) {
  const parsed = parseHolidayText(input.year, input.text)
  if ('error' in parsed) throw new AppError('VALIDATION', `「安排内容」${parsed.error}`, { field: 'text' })
  const moved = changeYear(ctx, input.year, recompute, () => {
    const before = ctx.db.select().from(holidayYears).where(eq(holidayYears.year, input.year)).get() ?? null
    ctx.db.delete(holidayYears).where(eq(holidayYears.year, input.year)).run()
    const after = ctx.db.insert(holidayYears).values({ year: input.year, source: input.source, importedAt: ctx.clock.now().toISOString() }).returning().get()
    ctx.db.insert(calendarDays).values(parsed.days.map((d) => ({ ...d, year: input.year }))).run()
    return { entity: '节假日安排', id: input.year, before, after: { ...after, 天数: parsed.days.length } }
  })
  return { year: input.year, days: parsed.days.length, moved }
}

/** Correct one day: make it a holiday, a make-up working day, or an ordinary day again. */
export function correctDay(ctx: ActionContext, input: CorrectDayInput, recompute: readonly StoredDateRecompute[] = []) {
  const year = yearOf(input.date)
  if (!loadCalendar(ctx.db).years.has(year)) throw ruleViolation('R-W2', `${year}年的节假日安排尚未录入，不能更正其中某一天。请${HOLIDAY_ENTRY_ROLES}先粘贴国务院办公厅通知录入全年的安排。`)
  if (input.kind !== '平常' && !input.name) throw new AppError('VALIDATION', '「节日名称」不能为空', { field: 'name' })
  const moved = changeYear(ctx, year, recompute, () => {
    const before = ctx.db.select().from(calendarDays).where(eq(calendarDays.date, input.date)).get() ?? null
    ctx.db.delete(calendarDays).where(eq(calendarDays.date, input.date)).run()
    const after = input.kind === '平常' ? null
      : ctx.db.insert(calendarDays).values({ date: input.date, year, kind: input.kind, name: input.name! }).returning().get()
    return { entity: '节假日安排', id: input.date, before, after }
  })
  return { ...dayInfo(loadCalendar(ctx.db), input.date), moved }
}

/** Removing a year makes its dates provisional again (weekends only); stored dates are recomputed so. */
export function deleteYear(ctx: ActionContext, year: number, recompute: readonly StoredDateRecompute[] = []) {
  const before = ctx.db.select().from(holidayYears).where(and(eq(holidayYears.year, year))).get()
  if (!before) throw ruleViolation('R-W2', `${year}年没有节假日安排可删除`)
  changeYear(ctx, year, recompute, () => {
    ctx.db.delete(holidayYears).where(eq(holidayYears.year, year)).run()
    return { entity: '节假日安排', id: year, before }
  })
}
