/**
 * 轮班统计 as the roster page shows it: per person and role, 平日, 周末 and 节假日 by the holiday calendar (R-W2), and
 * the weighted total the rotation is fair by. A 调休 Saturday is a 平日 (a working day); a weekend inside a holiday is
 * a 节假日. The weighting is fairnessCounts' own (weekends weigh as ordinary days); this only splits the ordinary days.
 */
import { and, eq, ne, sql, type SQLWrapper } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import { dayInfo, type HolidayCalendar } from '../calendar/rules'
import type { RosterKind } from '../common/duty'
import type { DutyAssignment, FairnessRow } from './rules'
import { dutyAssignments, rosters } from './schema'

export interface DutyStatRow extends FairnessRow {
  /** 平日: working days (调休 make-up days included). */
  workday: number
  /** 周末: ordinary weekends. */
  weekend: number
}

const isWeekendDuty = (cal: HolidayCalendar, date: string) => dayInfo(cal, date).type === '周末'
const key = (personId: number, role: string) => `${personId}|${role}`

/** Weekend duties per person and role in `assignments`. */
function weekendTally(cal: HolidayCalendar, assignments: readonly DutyAssignment[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const a of assignments) if (isWeekendDuty(cal, a.date)) out.set(key(a.personId, a.role), (out.get(key(a.personId, a.role)) ?? 0) + 1)
  return out
}

const inJson = (value: SQLWrapper, list: readonly string[]) => sql`${value} IN (SELECT value FROM json_each(${JSON.stringify(list)}))`

/**
 * Weekend duties per person and role in the published rosters of `kind` other than `exceptRosterId` (the history
 * publishedHistory counts): the distinct dates are read once and classified by the calendar, SQL counts the rest.
 */
export function publishedWeekends(db: ReadDb, cal: HolidayCalendar, kind: RosterKind, exceptRosterId?: number): Map<string, number> {
  const published = and(eq(rosters.kind, kind), eq(rosters.status, '已发布'), exceptRosterId ? ne(rosters.id, exceptRosterId) : undefined)
  const from = () => db.selectDistinct({ date: dutyAssignments.date }).from(dutyAssignments).innerJoin(rosters, eq(dutyAssignments.rosterId, rosters.id))
  const weekends = from().where(published).all().map((r) => r.date).filter((d) => isWeekendDuty(cal, d))
  if (!weekends.length) return new Map()
  const rows = db.select({ personId: dutyAssignments.personId, role: dutyAssignments.role, n: sql<number>`count(*)` })
    .from(dutyAssignments).innerJoin(rosters, eq(dutyAssignments.rosterId, rosters.id))
    .where(and(published, inJson(dutyAssignments.date, weekends))).groupBy(dutyAssignments.personId, dutyAssignments.role).all()
  return new Map(rows.map((r) => [key(r.personId, r.role), r.n]))
}

/** The fairness rows split into 平日 and 周末: this roster's weekends plus the history's. */
export function withWeekends(rows: readonly FairnessRow[], cal: HolidayCalendar, assignments: readonly DutyAssignment[], history: ReadonlyMap<string, number>): DutyStatRow[] {
  const mine = weekendTally(cal, assignments)
  return rows.map((r) => {
    const weekend = (mine.get(key(r.personId, r.role)) ?? 0) + (history.get(key(r.personId, r.role)) ?? 0)
    return { ...r, weekend, workday: r.ordinary - weekend }
  })
}
