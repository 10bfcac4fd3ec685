/**
 * What refers to a person or a post: read from the database's own foreign keys, so a table another domain adds later is
 * counted without this file knowing it. A person anything refers to is archived, never deleted (issue 15: deleting
 * one used to take their absences and duty assignments with them, and a published roster lost its names); a post
 * that meetings or documents name is left vacant, not deleted (its deletion blanked their 主持人 and 呈批领导).
 */
import type { ReadDb } from '../db/connection'

/** The office's words for the records that can name a person or a post; a table not listed reads 其他记录. */
const RECORD_NAMES: Record<string, string> = {
  absences: '领导外出', absence_reports: '外出的报告对象', post_holdings: '任职记录',
  duty_assignments: '值班安排', duty_exclusions: '值班排除', duty_changes: '换班记录', duty_change_consents: '换班同意',
  duty_log: '值班记录', duty_handover: '交接班',
  meetings: '会议', topics: '议题', attendance: '会议出席', minutes: '会议纪要',
  incoming_documents: '收文', instructions: '批示', outgoing_documents: '发文', proposals: '建议提案', follow_ups: '督办事项',
}

type Target = 'people' | 'posts'
/**
 * The organisation's own settings that point at a target and follow it: a post's current holder (handled on its own),
 * a department's 分管 post, an AB pair, a post's 任职记录 (its own history, removed with it).
 */
const OWN: Record<Target, readonly string[]> = {
  people: ['posts.holder_id'],
  posts: ['departments.supervisor_post_id', 'ab_pairs.post_a_id', 'ab_pairs.post_b_id', 'post_holdings.post_id'],
}

interface Reference { table: string; column: string }
const cache = new WeakMap<object, Map<Target, Reference[]>>()

/** Every column that refers to `target`(id), except the organisation's own settings. */
function referringColumns(db: ReadDb, target: Target): Reference[] {
  const client = db.$client
  const byTarget = cache.get(client) ?? new Map<Target, Reference[]>()
  cache.set(client, byTarget)
  let found = byTarget.get(target)
  if (found) return found
  const tables = client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
  found = tables.flatMap((table) => (client.pragma(`foreign_key_list("${table.replaceAll('"', '""')}")`) as { table: string; from: string }[])
    .filter((fk) => fk.table === target && !OWN[target].includes(`${table}.${fk.from}`))
    .map((fk) => ({ table, column: fk.from })))
  byTarget.set(target, found)
  return found
}

/** How many records of each kind name the person or post: [['领导外出', 3], ['值班安排', 12]]. */
export function recordsNaming(db: ReadDb, target: Target, id: number): [string, number][] {
  const counts = new Map<string, number>()
  for (const { table, column } of referringColumns(db, target)) {
    const n = db.$client.prepare(`SELECT count(*) FROM "${table}" WHERE "${column}" = ?`).pluck().get(id) as number
    if (n === 0) continue
    const label = RECORD_NAMES[table] ?? '其他记录'
    counts.set(label, (counts.get(label) ?? 0) + n)
  }
  return [...counts]
}

/** '值班安排12条、任职记录1条'. */
export const countsText = (named: readonly [string, number][]) => named.map(([what, n]) => `${what}${n}条`).join('、')
