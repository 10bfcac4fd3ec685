/**
 * 收文 and 发文 figures (issue 17): counts per month by 文种 and 紧急程度, the working days each step of a 收文 took,
 * the leaders' 批示 times, 承办 on time by department and what is overdue now. Clearance is applied in SQL.
 */
import { sql } from 'drizzle-orm'
import { allRows, perConnection } from '../db/prepared'
import { visibleClassifications } from '../common/classification'
import { DOCUMENT_TYPES, URGENCIES, urgencyText } from '../common/documents'
import { addTo, durationCells, monthsOf, monthText, pivot, rateText, withTotals, workingDaysTaken, type StatTable, type Tally } from './rules'
import { clearanceNote, followUpsCounted, visible, visibleCounted, type StatsReading } from './reading'

type Dimension = 'doc_type' | 'urgency'
interface MonthCount { m: string; k: string; n: number }

/** Per month and 文种 or 紧急程度, from the day counts the triggers keep (stats/schema.ts). */
function monthCounts(r: StatsReading, kind: '收文' | '发文', dim: Dimension): MonthCount[] {
  return allRows<MonthCount>(r.db, sql`SELECT substr(day, 1, 7) AS m, ${sql.raw(dim)} AS k, sum(n) AS n FROM stats_document_days s
    WHERE kind = ${kind} AND day BETWEEN ${r.period.from} AND ${r.period.to} AND ${visibleCounted(r, sql`s.classification`)} GROUP BY 1, 2 HAVING sum(n) > 0`)
}

/** 收文/发文 per month by 文种 (the kinds that occur) or by 紧急程度 (all three). */
export function documentsByMonth(r: StatsReading, kind: '收文' | '发文', dim: Dimension): StatTable {
  const rows = monthCounts(r, kind, dim)
  const counts = new Map(rows.map((x) => [`${monthText(x.m)}|${dim === 'urgency' ? urgencyText(x.k) : x.k}`, x.n]))
  const columns = dim === 'urgency' ? URGENCIES.map((u) => urgencyText(u)) : DOCUMENT_TYPES.filter((t) => rows.some((x) => x.k === t))
  const by = dim === 'urgency' ? '紧急程度' : '文种'
  const dated = kind === '收文' ? '按签收日期' : '按拟稿日期'
  return {
    id: `${kind === '收文' ? 'incoming' : 'outgoing'}By${dim === 'urgency' ? 'Urgency' : 'Type'}`,
    title: `${kind}数量（按月、${by}）`,
    note: `${dated}统计期间内登记的${kind}${clearanceNote(r, '文件')}`,
    columns: ['月份', ...columns, '合计'],
    rows: withTotals(pivot(counts, monthsOf(r.period.from, r.period.to).map(monthText), columns)),
    chart: { series: columns, stacked: true },
  }
}

const STEPS = ['签收→初审', '初审→拟办', '拟办→批示', '批示→办结', '签收→办结（全程）']

/**
 * A year of step pairs is 30,000 rows: read as arrays in index order and summed by the caller (objects per row, or
 * SQLite's GROUP BY sorting them first, cost more than the reading). The reader's levels are a JSON list, so one
 * statement serves every clearance; a voided 收文's pairs (已作废) are in no list.
 */
const stagePairsStatement = perConnection((db) => db.$client.prepare<[string, string, string], [number, string, string, number]>(
  `SELECT stage, from_day, to_day, n FROM stats_stage_days WHERE received_day BETWEEN ? AND ? AND n > 0
     AND classification IN (SELECT value FROM json_each(?))`).raw())
const stagePairs = (r: StatsReading) => stagePairsStatement(r.db).all(r.period.from, r.period.to, JSON.stringify(visibleClassifications(r.clearance)))

/**
 * 签收→初审→拟办→批示→办结 for the 收文 received in the period: each step from the date the previous one was done to
 * the date it was, in working days. 批示 is done on the day the last leader's is in (only once all are in). Read from
 * the date pairs the triggers keep (stats_stage_days), each pair's working days counted once.
 */
export function stageDurations(r: StatsReading): StatTable {
  const rows = stagePairs(r)
  const taken = workingDaysTaken(r.cal)
  const tallies = STEPS.map((): Tally => new Map())
  for (const [stage, a, b, n] of rows) addTo(tallies[stage - 1]!, taken(a, b), n)
  return {
    id: 'stages',
    title: '收文各环节用时（工作日）',
    note: `统计期间内签收的收文，已完成该环节的件；用时按节假日安排计工作日（起日之后至完成之日，当日完成为0）；P90：九成的件不超过此数${clearanceNote(r, '文件')}`,
    columns: ['环节', '件数', '平均', 'P90', '最长'],
    rows: STEPS.map((name, i) => [name, ...durationCells(tallies[i]!)]),
    chart: { series: ['平均', 'P90'] },
  }
}

interface LeaderRow { name: string; title: string; sent: string; done: string; n: number }

/** Each leader's 批示 sent in the period and answered: working days from 送批 to 批示 (stats_instruction_days). */
export function leaderStages(r: StatsReading): StatTable {
  const rows = allRows<LeaderRow>(r.db, sql`SELECT p.name AS name, s.leader_title AS title, s.sent_day AS sent, s.done_day AS done, sum(s.n) AS n
    FROM stats_instruction_days s JOIN people p ON p.id = s.leader_id
    WHERE s.sent_day BETWEEN ${r.period.from} AND ${r.period.to} AND s.n > 0 AND ${visibleCounted(r, sql`s.classification`)} GROUP BY s.leader_id, 2, 3, 4`)
  const taken = workingDaysTaken(r.cal)
  const byLeader = new Map<string, Tally>()
  for (const x of rows) {
    const label = x.title ? `${x.name}（${x.title}）` : x.name
    const tally = byLeader.get(label) ?? new Map()
    addTo(tally, taken(x.sent, x.done), x.n)
    byLeader.set(label, tally)
  }
  return {
    id: 'leaderStages',
    title: '领导批示用时（工作日）',
    note: `统计期间内送批且已批示（含圈阅）的件，从送批到批示的工作日；当日或次日批示视为及时${clearanceNote(r, '文件')}`,
    columns: ['领导', '件数', '平均', 'P90', '最长', '及时（1个工作日内）', '及时率'],
    rows: [...byLeader].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([label, tally]) => {
      const all = [...tally.values()].reduce((s, n) => s + n, 0)
      const prompt = (tally.get(0) ?? 0) + (tally.get(1) ?? 0)
      return [label, ...durationCells(tally), prompt, rateText(prompt, all)]
    }),
    chart: { series: ['平均', 'P90'] },
  }
}

interface DueRow { department: string; onTime: number; late: number; overdue: number; pending: number }

/**
 * 承办 whose 承办时限 falls in the period, by 承办单位: answered on or before it, answered after it, not answered and
 * past it (today), not yet due. The rate is on time over all that were due.
 */
export function onTimeByDepartment(r: StatsReading): StatTable {
  const rows = allRows<DueRow>(r.db, sql`SELECT dep.name AS department,
      total(CASE WHEN s.outcome = '按期' THEN s.n END) AS onTime, total(CASE WHEN s.outcome = '超期' THEN s.n END) AS late,
      total(CASE WHEN s.outcome = '未反馈' AND s.deadline < ${r.today} THEN s.n END) AS overdue,
      total(CASE WHEN s.outcome = '未反馈' AND s.deadline >= ${r.today} THEN s.n END) AS pending
    FROM stats_assignment_days s JOIN departments dep ON dep.id = s.department_id
    WHERE s.deadline BETWEEN ${r.period.from} AND ${r.period.to} AND s.n > 0 AND ${visibleCounted(r, sql`s.classification`)}
    GROUP BY dep.id ORDER BY dep.name`)
  return {
    id: 'onTimeByDepartment',
    title: '承办单位按期办结率',
    note: `承办时限在统计期间内的承办任务（主办、协办）；按期：在时限当日或之前反馈；逾期未反馈按今天计；未到期的不计入办结率${clearanceNote(r, '文件')}`,
    columns: ['承办单位', '按期反馈', '超期反馈', '逾期未反馈', '未到期', '按期率'],
    rows: rows.map((x) => [x.department, x.onTime, x.late, x.overdue, x.pending, rateText(x.onTime, x.onTime + x.late + x.overdue)]),
    chart: { series: ['按期反馈', '超期反馈', '逾期未反馈'], stacked: true },
  }
}

/**
 * Overdue today, by department: 承办 without feedback past its 承办时限, and 督办 not closed past its deadline. */
export function overdueNow(r: StatsReading): StatTable {
  const rows = allRows<{ department: string; assignments: number; followUps: number }>(r.db, sql`SELECT dep.name AS department, sum(x.a) AS assignments, sum(x.f) AS followUps FROM (
      SELECT a.department_id AS dep, 1 AS a, 0 AS f FROM assignments a JOIN incoming_documents d ON d.id = a.document_id
        WHERE a.feedback_on IS NULL AND a.deadline < ${r.today} AND d.status <> '已作废' AND ${visible(r, sql`+d.classification`)}
      UNION ALL SELECT department_id, 0, 1 FROM ${followUpsCounted(r)} WHERE status = '办理中' AND deadline < ${r.today}
    ) x JOIN departments dep ON dep.id = x.dep GROUP BY dep.id ORDER BY dep.name`)
  return {
    id: 'overdueNow',
    title: '当前逾期事项（按单位）',
    note: `截至今天（${r.today}）已过时限仍未反馈的承办任务和未办结的督办事项，与统计期间无关${clearanceNote(r, '承办文件')}`,
    columns: ['单位', '承办逾期', '督办逾期', '合计'],
    rows: rows.map((x) => [x.department, x.assignments, x.followUps, x.assignments + x.followUps]),
    chart: { series: ['承办逾期', '督办逾期'], stacked: true },
  }
}
