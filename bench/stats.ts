/**
 * 统计 (issue 17): each figure of the 统计 page for the last whole year of the ten, as the page asks for it (one
 * `stats.table` call a figure, through the router: input checks, access, clearance, the handler), by the 科长
 * (clearance 机密: no 密级 condition) and, for the figures that read 收文, by 查阅 (内部: the 密级 condition on every row).
 * A month reads a twelfth of a year's rows; the slowest figure (收文各环节) is timed for a month too, and the month's
 * 督查通报 (Word).
 */
import { openBenchCore } from './in-process'
import { latencyRow, timeAsync, type Row } from './measure'
import type { Part } from './run'
import { STAT_IDS, type StatId } from '../src-main/common/stats'

const RUNS = 20
const WARMUP = 3
const VIEW = { p95: 50 }
/** The figures that count 收文, 承办 or 批示 rows: the ones a 密级 condition changes. */
const CLASSIFIED: StatId[] = ['incomingByType', 'stages', 'leaderStages', 'onTimeByDepartment', 'overdueNow']

export const statsPart: Part = async (office, log) => {
  const { as, close } = openBenchCore(office)
  const year = Number(office.today.slice(0, 4)) - 1
  const period = { from: `${year}-01-01`, to: `${year}-12-31` }
  const rows: Row[] = []
  try {
    const view = async (user: string, id: StatId, who: string, within = period, named = `${year}年全年`) => {
      const call = as(user)
      const t = await timeAsync(() => call('stats.table', { period: within, table: id }), RUNS, WARMUP)
      const { title } = await call<{ title: string }>('stats.table', { period: within, table: id })
      rows.push(latencyRow(`统计：${title}，${named}（${who}）`, t, VIEW))
      log(`${title}（${who}）：p95 ${t.p95.toFixed(1)} ms`)
    }
    for (const id of STAT_IDS) await view('kezhang', id, '科长')
    for (const id of CLASSIFIED) await view('chayue', id, '查阅，内部')
    await view('kezhang', 'stages', '科长', { from: `${year}-11-01`, to: `${year}-11-30` }, `${year}年11月`)
    const call = as('kezhang')
    const report = await timeAsync(() => call('stats.exportMonthlyReport', { year, month: 11 }), 10, 2)
    rows.push(latencyRow(`统计：${year}年11月督查通报（Word）`, report, { p95: 1000 }))
    return rows
  } finally {
    close()
  }
}
