/**
 * The dry run's judgement of each row, shared by 试导入 and 确认导入 so both say the same: refused (with row,
 * column and reason), new, a correction of a record an earlier import brought in (with what changes), or already
 * there as the file has it. A number used by a record entered in this system is a duplicate, never overwritten.
 */
import type { ReadDb } from '../db/connection'
import type { Clearance } from '../common/classification'
import { changedFields, type Cell, type Mapping } from './rules'
import type { ImportKindDef, RowContext, RowProblem } from './kinds/kind'

/** Refusals and changes listed in full up to this many; the counts are always whole. */
export const LISTED = 500

export interface Refusal { row: number; column: string; reason: string }
export interface ParsedRow<R> { row: number; record: R }
export interface Update<R> { row: number; id: number; record: R; label: string; changes: string[] }

export interface Plan<R> {
  refused: Refusal[]
  creates: ParsedRow<R>[]
  updates: Update<R>[]
  unchanged: number
}

/** Reads rows [from, to) of the table under the mapping: records, and the refusals of rows that cannot be one. */
export function parseRows<R extends Record<string, unknown>>(
  def: ImportKindDef<R>, headers: readonly string[], rows: readonly Cell[][], rowNumbers: readonly number[],
  mapping: Mapping, ctx: RowContext, from: number, to: number,
): { records: ParsedRow<R>[]; refused: Refusal[] } {
  const column = new Map(Object.entries(mapping).map(([key, header]) => [key, headers.indexOf(header)]))
  const records: ParsedRow<R>[] = []
  const refused: Refusal[] = []
  for (let i = from; i < Math.min(to, rows.length); i++) {
    const cells = rows[i]
    const get = (key: string): Cell => {
      const at = column.get(key)
      return at === undefined || at < 0 ? null : cells[at] ?? null
    }
    const out = def.parse(get, ctx)
    if ('record' in out) records.push({ row: rowNumbers[i], record: out.record })
    else refused.push(...out.problems.map((p: RowProblem) => ({ row: rowNumbers[i], ...p })))
  }
  return { records, refused }
}

/** Sorts parsed records against each other (a second row with the same number is refused) and against what is stored. */
export function planRecords<R extends Record<string, unknown>>(def: ImportKindDef<R>, db: ReadDb, parsed: readonly ParsedRow<R>[], refusedAlready: readonly Refusal[], clearance: Clearance): Plan<R> {
  const keyColumn = def.fields[0].label
  const stored = def.existing(db, parsed.map((p) => p.record))
  const blocked = def.blocked?.(db, parsed.map((p) => p.record), clearance) ?? new Map<string, RowProblem>()
  const firstRow = new Map<string, number>()
  const plan: Plan<R> = { refused: [...refusedAlready], creates: [], updates: [], unchanged: 0 }
  for (const p of parsed) {
    const key = def.key(p.record)
    const earlier = firstRow.get(key)
    if (earlier !== undefined) { plan.refused.push({ row: p.row, column: keyColumn, reason: `与本文件第${earlier}行的${keyColumn}重复` }); continue }
    firstRow.set(key, p.row)
    const s = stored.get(key)
    const changes = s ? changedFields(s.fields as Record<string, unknown>, p.record, def.labels) : []
    if (s && !changes.length) { plan.unchanged++; continue }
    if (s && !s.imported) { plan.refused.push({ row: p.row, column: keyColumn, reason: def.duplicate(s.label) }); continue }
    const why = blocked.get(key)
    if (why) plan.refused.push({ row: p.row, ...why })
    else if (!s) plan.creates.push(p)
    else plan.updates.push({ row: p.row, id: s.id, record: p.record, label: s.label, changes })
  }
  plan.refused.sort((a, b) => a.row - b.row)
  return plan
}

/** What the page shows of a plan: counts, the refusals and changes (the first LISTED), a preview of the new records. */
export function report(def: ImportKindDef<Record<string, unknown>>, plan: Plan<Record<string, unknown>>) {
  const refusedRows = new Set(plan.refused.map((r) => r.row)).size
  return {
    total: plan.creates.length + plan.updates.length + plan.unchanged + refusedRows,
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    refusedRows,
    refused: plan.refused.slice(0, LISTED),
    changes: plan.updates.slice(0, LISTED).map((u) => ({ row: u.row, label: u.label, changes: u.changes })),
    preview: plan.creates.slice(0, 20).map((c) => ({ row: c.row, text: def.describe(c.record) })),
  }
}
export type ImportReport = ReturnType<typeof report>
