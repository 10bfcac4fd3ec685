/**
 * What every statistic reads with: the database, the period, today, the holiday calendar and the reader's clearance
 * as SQL (null: every level is visible), so each figure counts only rows the reader may see.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import type { HolidayCalendar } from '../calendar/rules'
import type { Clearance } from '../common/classification'
import { addDays, type IsoDate } from '../common/dates'
import { officeDayStart } from '../common/office-time'
import { visibleSql } from '../security/clearance'
import { followUpsInHand } from '../followups/service'
import type { StatsPeriod } from './contract'

export interface StatsReading {
  db: ReadDb
  period: StatsPeriod
  today: IsoDate
  cal: HolidayCalendar
  clearance: Clearance
}

/** follow_ups as a table of the items this reader counts (followups/service.ts followUpsInHand), for `FROM … f`. */
export const followUpsCounted = (r: StatsReading): SQL => sql`(SELECT * FROM follow_ups WHERE ${followUpsInHand(r.clearance)})`

/** The visibility condition on a classification column, TRUE when the reader sees every level. */
export const visible = (r: StatsReading, column: SQL): SQL => visibleSql(column, r.clearance) ?? sql`1`

/**
 * The same on a summary table's 密级 column (stats/schema.ts), where a voided (已作废) 收文 or 发文 is kept under
 * 已作废: no reader's levels include it, and a reader who sees every level is kept from it too.
 */
export const visibleCounted = (r: StatsReading, column: SQL): SQL => visibleSql(column, r.clearance) ?? sql`${column} <> '已作废'`

/** What the clearance leaves out, said once under each table that counts classified records. */
export const clearanceNote = (r: StatsReading, what: string): string =>
  visibleSql(sql`x`, r.clearance) ? `；不含超出您涉密等级（${r.clearance}）的${what}` : ''

/** 收文's received_at is office time 'YYYY-MM-DD HH:MM': the period as a half-open range of it. */
export const receivedRange = (r: StatsReading, column: SQL): SQL => sql`${column} >= ${r.period.from} AND ${column} < ${addDays(r.period.to, 1)}`

/** 发文's created_at is an ISO instant: the period as a half-open range of the office days' starts. */
export const instantRange = (r: StatsReading, column: SQL): SQL =>
  sql`${column} >= ${officeDayStart(r.period.from)} AND ${column} < ${officeDayStart(addDays(r.period.to, 1))}`
