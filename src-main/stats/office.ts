/**
 * 督办, meetings, 建议提案, leaders' days away and duty figures (issue 17). None of these records carries a 密级 except
 * 议题, so only the topic counts are cut by clearance; each note says what is counted.
 */
import { sql } from 'drizzle-orm'
import { allRows } from '../db/prepared'
import { dayInfo } from '../calendar/rules'
import { addDays } from '../common/dates'
import { SATISFACTION } from '../common/documents'
import { cite } from '../common/rules'
import { daysWithin, rateText, type StatTable } from './rules'
import { clearanceNote, followUpsCounted, instantRange, visible, type StatsReading } from './reading'

interface FollowUpRow { label: string; opened: number; closed: number; closedOnTime: number; overdue: number }

/** 督办 opened and closed in the period, closed by the deadline, and open past it today, by department or leader post. */
function followUps(r: StatsReading, by: 'department' | 'leader'): FollowUpRow[] {
  const group = by === 'department'
    ? sql`JOIN departments g ON g.id = f.department_id`
    : sql`LEFT JOIN posts g ON g.id = f.leader_post_id LEFT JOIN people h ON h.id = g.holder_id`
  const label = by === 'department' ? sql`g.name` : sql`coalesce(g.title || coalesce('（' || h.name || '）', ''), '未指定领导')`
  return allRows<FollowUpRow>(r.db, sql`SELECT ${label} AS label,
      total(${instantRange(r, sql`f.created_at`)}) AS opened,
      total(f.closed_on BETWEEN ${r.period.from} AND ${r.period.to}) AS closed,
      total(f.closed_on BETWEEN ${r.period.from} AND ${r.period.to} AND f.closed_on <= f.deadline) AS closedOnTime,
      total(f.status = '办理中' AND f.deadline < ${r.today}) AS overdue
    FROM ${followUpsCounted(r)} f ${group} GROUP BY 1 HAVING opened + closed + overdue > 0 ORDER BY 1`)
}

export function followUpsBy(r: StatsReading, by: 'department' | 'leader'): StatTable {
  return {
    id: by === 'department' ? 'followUpsByDepartment' : 'followUpsByLeader',
    title: by === 'department' ? '督办事项（按责任单位）' : '督办事项（按领导）',
    note: `立项、办结按统计期间内的日期；逾期未办结截至今天（${r.today}）${by === 'leader' ? '；按督办事项所列领导岗位统计，姓名为现任' : ''}`,
    columns: [by === 'department' ? '责任单位' : '领导', '立项', '办结', '其中按期办结', '按期办结率', '逾期未办结'],
    rows: followUps(r, by).map((x) => [x.label, x.opened, x.closed, x.closedOnTime, rateText(x.closedOnTime, x.closed), x.overdue]),
    chart: { series: ['立项', '办结', '逾期未办结'] },
  }
}

/** Meetings held in the period by type, with their topics and the topics taken late with the 市长's consent (R-M3). */
export function meetingsByType(r: StatsReading): StatTable {
  const rows = allRows<{ type: string; held: number; topics: number; consented: number }>(r.db, sql`SELECT t.name AS type, count(DISTINCT m.id) AS held,
      count(tp.id) AS topics, count(tp.consent_by) AS consented
    FROM meetings m JOIN meeting_types t ON t.id = m.type_id
    LEFT JOIN topics tp ON tp.meeting_id = m.id AND tp.withdrawn = 0 AND ${visible(r, sql`tp.classification`)}
    WHERE m.status = '已召开' AND m.date BETWEEN ${r.period.from} AND ${r.period.to} GROUP BY t.id ORDER BY t.sort_order, t.name`)
  return {
    id: 'meetingsByType',
    title: '会议召开情况（按类别）',
    note: `统计期间内已召开的会议；议题不含撤回的；逾期或临时报送的议题须经市长同意（${cite('R-M3')}），按已记录的同意计${clearanceNote(r, '议题')}`,
    columns: ['会议类别', '召开次数', '议题', '逾期报送（经市长同意）'],
    rows: rows.map((x) => [x.type, x.held, x.topics, x.consented]),
    chart: { series: ['召开次数', '议题'] },
  }
}

/** 建议提案 registered in the period, by kind: replied, replied by the deadline, and the proposers' satisfaction. */
export function proposalsByState(r: StatsReading): StatTable {
  const rows = allRows<Record<string, number> & { kind: string }>(r.db, sql`SELECT kind, count(*) AS total, count(replied_on) AS replied,
      total(replied_on <= deadline) AS onTime, total(replied_on IS NULL AND deadline < ${r.today}) AS overdue,
      ${sql.join(SATISFACTION.map((s, i) => sql`total(satisfaction = ${s}) AS ${sql.raw(`s${i}`)}`), sql`, `)},
      total(replied_on IS NOT NULL AND satisfaction IS NULL) AS unrated
    FROM proposals WHERE ${instantRange(r, sql`created_at`)} GROUP BY kind ORDER BY kind`)
  return {
    id: 'proposals',
    title: '建议提案办理情况',
    note: `统计期间内登记的建议提案；逾期未答复截至今天（${r.today}）；满意度按代表委员的反馈`,
    columns: ['类别', '件数', '已答复', '按期答复', '逾期未答复', ...SATISFACTION, '未评价'],
    rows: rows.map((x) => [x.kind, x.total, x.replied, x.onTime ?? 0, x.overdue ?? 0, ...SATISFACTION.map((_, i) => x[`s${i}`] ?? 0), x.unrated ?? 0]),
    chart: { series: ['已答复', ...SATISFACTION], stacked: false },
  }
}

/** Approved absences overlapping the period: how often and how many days each leader was away within it. */
export function leadersAway(r: StatsReading): StatTable {
  const rows = allRows<{ name: string; start: string; end: string }>(r.db, sql`SELECT p.name AS name, a.start_date AS start, a.end_date AS end
    FROM absences a JOIN people p ON p.id = a.person_id
    WHERE a.approval = '已批准' AND a.start_date <= ${r.period.to} AND a.end_date >= ${r.period.from}`)
  const byName = new Map<string, { times: number; days: number; working: number }>()
  for (const x of rows) {
    const t = byName.get(x.name) ?? { times: 0, days: 0, working: 0 }
    t.times += 1
    t.days += daysWithin(x.start, x.end, r.period.from, r.period.to)
    for (let d = x.start > r.period.from ? x.start : r.period.from; d <= x.end && d <= r.period.to; d = addDays(d, 1)) if (dayInfo(r.cal, d).working) t.working += 1
    byName.set(x.name, t)
  }
  return {
    id: 'leadersAway',
    title: '领导外出天数',
    note: '已批准的外出（出差、学习、休假、因私、出国），只计统计期间内的日子；工作日按节假日安排',
    columns: ['领导', '外出次数', '外出天数', '其中工作日'],
    rows: [...byName].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([name, t]) => [name, t.times, t.days, t.working]),
    chart: { series: ['外出天数', '其中工作日'] },
  }
}

/** Duties on the published rosters in the period, per person: 平日 (调休上班 included), 周末 and 法定节假日. */
export function dutyDays(r: StatsReading): StatTable {
  const rows = allRows<{ name: string; date: string; n: number }>(r.db, sql`SELECT p.name AS name, da.date AS date, count(*) AS n
    FROM duty_assignments da JOIN rosters ro ON ro.id = da.roster_id JOIN people p ON p.id = da.person_id
    WHERE ro.status = '已发布' AND da.date BETWEEN ${r.period.from} AND ${r.period.to} GROUP BY p.id, da.date`)
  const byName = new Map<string, [number, number, number]>()
  for (const x of rows) {
    const t = byName.get(x.name) ?? [0, 0, 0]
    const type = dayInfo(r.cal, x.date).type
    t[type === '法定节假日' ? 2 : type === '周末' ? 1 : 0] += x.n
    byName.set(x.name, t)
  }
  return {
    id: 'dutyDays',
    title: '值班天数（按人员）',
    note: '已发布的办公室值班表和领导带班表中统计期间内的班次；每个班次计一次；节假日按国务院办公厅的安排',
    columns: ['人员', '平日', '周末', '节假日', '合计'],
    rows: [...byName].sort(([a], [b]) => a.localeCompare(b, 'zh-CN')).map(([name, t]) => [name, ...t, t[0] + t[1] + t[2]]),
    chart: { series: ['平日', '周末', '节假日'], stacked: true },
  }
}
