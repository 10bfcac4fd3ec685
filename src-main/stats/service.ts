/** Every statistic of a period, in the order the 统计 page shows them (issue 17). */
import type { QueryContext } from '../kernel/procedure'
import { clearanceOf } from '../security/clearance'
import { loadCalendar } from '../calendar/service'
import type { StatId, StatsPeriod } from './contract'
import type { StatTable } from './rules'
import type { StatsReading } from './reading'
import { documentsByMonth, leaderStages, onTimeByDepartment, overdueNow, stageDurations } from './documents'
import { dutyDays, followUpsBy, leadersAway, meetingsByType, proposalsByState } from './office'

const TABLES: Record<StatId, (r: StatsReading) => StatTable> = {
  incomingByType: (r) => documentsByMonth(r, '收文', 'doc_type'),
  incomingByUrgency: (r) => documentsByMonth(r, '收文', 'urgency'),
  outgoingByType: (r) => documentsByMonth(r, '发文', 'doc_type'),
  outgoingByUrgency: (r) => documentsByMonth(r, '发文', 'urgency'),
  stages: stageDurations,
  leaderStages,
  onTimeByDepartment,
  overdueNow,
  followUpsByDepartment: (r) => followUpsBy(r, 'department'),
  followUpsByLeader: (r) => followUpsBy(r, 'leader'),
  meetingsByType,
  proposals: proposalsByState,
  leadersAway,
  dutyDays,
}

export function statsReading(ctx: Pick<QueryContext, 'db' | 'clock' | 'user'>, period: StatsPeriod): StatsReading {
  return { db: ctx.db, period, today: ctx.clock.today(), cal: loadCalendar(ctx.db), clearance: clearanceOf(ctx.user) }
}

/** One statistic, or all of them (the page asks for each on its own, so a slow one never holds up the rest). */
export const statTable = (r: StatsReading, id: StatId): StatTable => TABLES[id](r)
export const allStatTables = (r: StatsReading): StatTable[] => (Object.keys(TABLES) as StatId[]).map((id) => TABLES[id](r))
