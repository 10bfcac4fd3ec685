/**
 * 我的待办 and 提醒 on ten years of an office (issue 17): each group of `todo.list` alone, the navigation's counts and
 * the 提醒 list, through the router as the 科长 (机密, every group) and the 文秘 (秘密: the clearance condition on).
 * How each is found is in src-main/todo/queries.ts (the index beside each query) and src-main/reminders/events.ts.
 */
import { openBenchCore } from './in-process'
import { latencyRow, timeAsync, type Row } from './measure'
import type { Part } from './run'
import { TODO_GROUPS } from '../src-main/todo/rules'

const RUNS = 60
const LIMIT = { p95: 50 }

export const todoPart: Part = async (office) => {
  const { as, close } = openBenchCore(office)
  try {
    const kezhang = as('kezhang')
    const wenmi = as('wenmi')
    const rows: Row[] = []
    for (const group of TODO_GROUPS) {
      const [g] = await kezhang<{ total: number }[]>('todo.list', { group })
      rows.push(latencyRow(`待办 ${group}（科长，共 ${g.total.toLocaleString()} 件）`, await timeAsync(() => kezhang('todo.list', { group }), RUNS), LIMIT))
    }
    rows.push(latencyRow('待办 待核稿（文秘，秘密）', await timeAsync(() => wenmi('todo.list', { group: '待核稿' }), RUNS), LIMIT))
    rows.push(latencyRow('待办 导航上的件数（科长，全部12类）', await timeAsync(() => kezhang('todo.counts'), RUNS), LIMIT))
    const { items } = await kezhang<{ items: unknown[] }>('reminders.list')
    rows.push(latencyRow(`提醒 列表（科长，${items.length} 条）`, await timeAsync(() => kezhang('reminders.list'), RUNS), LIMIT))
    rows.push(latencyRow('提醒 列表（文秘，秘密）', await timeAsync(() => wenmi('reminders.list'), RUNS), LIMIT))
    return rows
  } finally {
    close()
  }
}
