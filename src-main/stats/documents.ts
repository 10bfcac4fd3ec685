/**
 * 收文 and 发文 figures (issue 17): counts per month by 文种 and 紧急程度, the working days each step of a 收文 took,
 * the leaders' 批示 times, 承办 on time by department and what is overdue now. Clearance is applied in SQL.
 */
import { sql } from 'drizzle-orm'
import { allRows } from '../db/prepared'
import { DOCUMENT_TYPES, URGENCIES, urgencyText } from '../common/documents'
import { durationCells, monthsOf, monthText, pivot, rateText, withTotals, workingDaysTaken, type StatTable } from './rules'
import { clearanceNote, instantRange, officeDaySql, receivedRange, visible, type StatsReading } from './reading'

type Dimension = 'doc_type' | 'urgency'
interface MonthCount { m: string; k: string; n: number }

function monthCounts(r: StatsReading, kind: '收文' | '发文', dim: Dimension): MonthCount[] {
  const column = sql.raw(dim)
  return kind === '收文'
    ? allRows<MonthCount>(r.db, sql`SELECT substr(received_at, 1, 7) AS m, ${column} AS k, count(*) AS n FROM incoming_documents d
        WHERE ${receivedRange(r, sql`received_at`)} AND ${visible(r, sql`d.classification`)} GROUP BY 1, 2`)
    : allRows<MonthCount>(r.db, sql`SELECT substr(${officeDaySql(sql`created_at`)}, 1, 7) AS m, ${column} AS k, count(*) AS n FROM outgoing_documents o
        WHERE ${instantRange(r, sql`created_at`)} AND ${visible(r, sql`o.classification`)} GROUP BY 1, 2`)
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

interface StageRow { received: string; reviewed: string | null; proposed: string | null; instructed: string | null; closed: string | null }

/**
 * 签收→初审→拟办→批示→办结 for the 收文 received in the period: each step from the date the previous one was done to
 * the date it was, in working days. 批示 is done on the day the last leader's is in (only once all are in).
 */
export function stageDurations(r: StatsReading): StatTable {
  const rows = allRows<StageRow>(r.db, sql`SELECT substr(d.received_at, 1, 10) AS received, d.reviewed_on AS reviewed, d.proposed_on AS proposed, d.closed_on AS closed,
      (SELECT CASE WHEN count(*) = count(i.instructed_on) THEN max(i.instructed_on) END FROM instructions i WHERE i.document_id = d.id) AS instructed
    FROM incoming_documents d WHERE ${receivedRange(r, sql`d.received_at`)} AND ${visible(r, sql`d.classification`)}`)
  const taken = workingDaysTaken(r.cal)
  const steps: [string, (x: StageRow) => [string | null, string | null]][] = [
    ['签收→初审', (x) => [x.received, x.reviewed]],
    ['初审→拟办', (x) => [x.reviewed, x.proposed]],
    ['拟办→批示', (x) => [x.proposed, x.instructed]],
    ['批示→办结', (x) => [x.instructed, x.closed]],
    ['签收→办结（全程）', (x) => [x.received, x.closed]],
  ]
  return {
    id: 'stages',
    title: '收文各环节用时（工作日）',
    note: `统计期间内签收的收文，已完成该环节的件；用时按节假日安排计工作日（起日之后至完成之日，当日完成为0）；P90：九成的件不超过此数${clearanceNote(r, '文件')}`,
    columns: ['环节', '件数', '平均', 'P90', '最长'],
    rows: steps.map(([name, ends]) => {
      const values = rows.map(ends).filter((e): e is [string, string] => !!e[0] && !!e[1]).map(([a, b]) => taken(a, b))
      return [name, ...durationCells(values)]
    }),
    chart: { series: ['平均', 'P90'] },
  }
}

interface LeaderRow { name: string; title: string | null; sent: string; done: string }

/** Each leader's 批示 sent in the period and answered: working days from 送批 to 批示. */
export function leaderStages(r: StatsReading): StatTable {
  const rows = allRows<LeaderRow>(r.db, sql`SELECT p.name AS name, i.leader_title AS title, i.sent_on AS sent, i.instructed_on AS done
    FROM instructions i JOIN incoming_documents d ON d.id = i.document_id JOIN people p ON p.id = i.leader_id
    WHERE i.sent_on BETWEEN ${r.period.from} AND ${r.period.to} AND i.instructed_on IS NOT NULL AND ${visible(r, sql`d.classification`)}`)
  const taken = workingDaysTaken(r.cal)
  const byLeader = new Map<string, number[]>()
  for (const x of rows) {
    const label = x.title ? `${x.name}（${x.title}）` : x.name
    byLeader.set(label, [...(byLeader.get(label) ?? []), taken(x.sent, x.done)])
  }
  return {
    id: 'leaderStages',
    title: '领导批示用时（工作日）',
    note: `统计期间内送批且已批示（含圈阅）的件，从送批到批示的工作日；当日或次日批示视为及时${clearanceNote(r, '文件')}`,
    columns: ['领导', '件数', '平均', 'P90', '最长', '及时（1个工作日内）', '及时率'],
    rows: [...byLeader].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([label, v]) => {
      const prompt = v.filter((d) => d <= 1).length
      return [label, ...durationCells(v), prompt, rateText(prompt, v.length)]
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
      total(a.feedback_on IS NOT NULL AND a.feedback_on <= a.deadline) AS onTime, total(a.feedback_on > a.deadline) AS late,
      total(a.feedback_on IS NULL AND a.deadline < ${r.today}) AS overdue, total(a.feedback_on IS NULL AND a.deadline >= ${r.today}) AS pending
    FROM assignments a JOIN departments dep ON dep.id = a.department_id JOIN incoming_documents d ON d.id = a.document_id
    WHERE a.deadline BETWEEN ${r.period.from} AND ${r.period.to} AND d.status <> '已作废' AND ${visible(r, sql`d.classification`)}
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

/** Overdue today, by department: 承办 without feedback past its 承办时限, and 督办 not closed past its deadline. */
export function overdueNow(r: StatsReading): StatTable {
  const rows = allRows<{ department: string; assignments: number; followUps: number }>(r.db, sql`SELECT dep.name AS department, sum(x.a) AS assignments, sum(x.f) AS followUps FROM (
      SELECT a.department_id AS dep, 1 AS a, 0 AS f FROM assignments a JOIN incoming_documents d ON d.id = a.document_id
        WHERE a.feedback_on IS NULL AND a.deadline < ${r.today} AND d.status <> '已作废' AND ${visible(r, sql`d.classification`)}
      UNION ALL SELECT department_id, 0, 1 FROM follow_ups WHERE status = '办理中' AND deadline < ${r.today}
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
