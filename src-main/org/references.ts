/**
 * What refers to a person: read from the database's own foreign keys, so a table another domain adds later is
 * counted without this file knowing it. A person anything refers to is archived, never deleted (issue 15: deleting
 * one used to take their absences and duty assignments with them, and a published roster lost its names).
 */
import type { ReadDb } from '../db/connection'

/** The office's words for the records that can name a person; a table not listed reads 其他记录. */
const RECORD_NAMES: Record<string, string> = {
  absences: '领导外出', absence_reports: '外出的报告对象', post_holdings: '任职记录',
  duty_assignments: '值班安排', duty_exclusions: '值班排除', duty_changes: '换班记录', duty_change_consents: '换班同意',
  duty_log: '值班记录', duty_handover: '交接班',
  attendance: '会议出席', minutes: '会议纪要', incoming_documents: '收文', instructions: '批示', outgoing_documents: '发文',
}

interface Reference { table: string; column: string }
const cache = new WeakMap<object, Reference[]>()

/** Every column that refers to people(id), except the post's current holder (which the caller treats on its own). */
function personColumns(db: ReadDb): Reference[] {
  const client = db.$client
  let found = cache.get(client)
  if (found) return found
  const tables = client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[]
  found = tables.flatMap((table) => (client.pragma(`foreign_key_list("${table.replaceAll('"', '""')}")`) as { table: string; from: string }[])
    .filter((fk) => fk.table === 'people' && !(table === 'posts' && fk.from === 'holder_id'))
    .map((fk) => ({ table, column: fk.from })))
  cache.set(client, found)
  return found
}

/** How many records of each kind name the person: [['领导外出', 3], ['值班安排', 12]]. */
export function recordsNaming(db: ReadDb, personId: number): [string, number][] {
  const counts = new Map<string, number>()
  for (const { table, column } of personColumns(db)) {
    const n = db.$client.prepare(`SELECT count(*) FROM "${table}" WHERE "${column}" = ?`).pluck().get(personId) as number
    if (n === 0) continue
    const label = RECORD_NAMES[table] ?? '其他记录'
    counts.set(label, (counts.get(label) ?? 0) + n)
  }
  return [...counts]
}
