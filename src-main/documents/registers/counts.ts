/**
 * Register totals without counting documents, where the filters allow: from register_counts (kept by the
 * triggers of migration 0005) for 年度, 状态 and 密级 — a sum over a few hundred rows instead of a count over
 * 300,000 documents — and from the search index alone for a search with no other filter. Any other
 * combination (sender, leader, text with a year …) is counted over the documents.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { ReadDb } from '../../db/connection'
import { firstRow } from '../../db/prepared'
import type { Clearance } from '../../common/classification'
import { visibleSql } from '../../security/clearance'
import type { REGISTER_KINDS } from '../../common/documents'
import { kindRange, matchQuery, visibleMatch } from './search'

/** The inputs the counts table can answer; anything else set means counting the documents themselves. */
const COUNTED_KEYS = new Set(['year', 'status', 'classification', 'clearance', 'after', 'limit'])

/** What a search alone may be counted with in the index. */
const SEARCH_KEYS = new Set(['text', 'clearance', 'after', 'limit'])

interface CountedFilter { year?: number; status?: string; classification?: string; text?: string | null; clearance: Clearance }

const isSet = (v: unknown) => v !== undefined && v !== null && v !== false && v !== ''
const onlyKeys = (f: object, keys: Set<string>) => Object.entries(f).every(([k, v]) => !isSet(v) || keys.has(k))

/** The SQL of the total without counting the documents (exported for the query-plan test), or null when the filters need that. */
export function countedTotalSql(kind: (typeof REGISTER_KINDS)[number], f: CountedFilter & object): SQL | null {
  const q = f.text ? matchQuery(f.text) : null
  if (q !== null && onlyKeys(f, SEARCH_KEYS)) {
    return sql`SELECT count(*) AS n FROM document_search s WHERE s.document_search MATCH ${visibleMatch(q, f.clearance)} AND ${kindRange(kind)}`
  }
  if (!onlyKeys(f, COUNTED_KEYS)) return null
  const w: SQL[] = [sql`kind = ${kind}`]
  if (f.year !== undefined) w.push(sql`year = ${f.year}`)
  if (f.status) w.push(sql`status = ${f.status}`)
  if (f.classification) w.push(sql`classification = ${f.classification}`)
  const seen = visibleSql(sql.raw('classification'), f.clearance)
  if (seen) w.push(seen)
  return sql`SELECT coalesce(sum(n), 0) AS n FROM register_counts WHERE ${sql.join(w, sql` AND `)}`
}

export function countedTotal(db: ReadDb, kind: (typeof REGISTER_KINDS)[number], f: CountedFilter & object): number | null {
  const q = countedTotalSql(kind, f)
  return q && firstRow<{ n: number }>(db, q)!.n
}
