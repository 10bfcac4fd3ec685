/** 统计 (issue 17): the statistics in the order the page shows them, and the longest period one view counts. */
export const STAT_IDS = [
  'incomingByType', 'incomingByUrgency', 'outgoingByType', 'outgoingByUrgency', 'stages', 'leaderStages', 'onTimeByDepartment',
  'overdueNow', 'followUpsByDepartment', 'followUpsByLeader', 'meetingsByType', 'proposals', 'leadersAway', 'dutyDays',
] as const
export type StatId = (typeof STAT_IDS)[number]

/** A year's figures answer within the bench's 50 ms; longer spans are asked for year by year. */
export const MAX_PERIOD_DAYS = 366
