/**
 * Chinese search over titles, numbers and senders. FTS5's trigram tokenizer misses two-character words
 * (防汛, 土地), so each text is indexed as its overlapping character pairs ("防汛抗旱" → 防汛 汛抗 抗旱) and a
 * query must contain all the pairs of each of its words. A one-character query matches that character anywhere.
 *
 * Ten years hold 300,000 收文, and a common word matches thousands of them. So that the first page (newest
 * first) and the total come from the index alone, without reading those thousands of documents:
 * - an entry's rowid orders it as the register does (searchRowid): FTS5 walks a word's documents newest first
 *   and stops after a page, and 收文 and 发文 occupy separate rowid ranges;
 * - each entry carries a token for its 密级 (密级秘密), longer than any pair a query can make, so the total a
 *   reader may see is counted with `NOT 密级机密` in the index too.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { Db, ReadDb } from '../../db/connection'
import { CLASSIFICATIONS, visibleClassifications, type Clearance } from '../../common/classification'
import { normalizeDocNumber, type SEARCH_KINDS } from '../../common/documents'

export type SearchKind = (typeof SEARCH_KINDS)[number]

/**
 * Spaces and line breaks split words; everything else (〔〕, digits, letters) is kept, case-folded, and a number's
 * year brackets written as GB/T 9704 has them (资交[2026] → 资交〔2026〕), in the index and the query alike.
 */
const words = (text: string): string[] => normalizeDocNumber(text).toLowerCase().split(/\s+/).filter(Boolean)

/** The overlapping pairs of one word; a single character stands alone. */
export function charPairs(word: string): string[] {
  const chars = [...word]
  if (chars.length === 1) return chars
  return chars.slice(1).map((c, i) => chars[i] + c)
}

/** The index text of a document: every pair of every word of its texts, and every single character (for one-character queries). */
export function gramsOf(texts: readonly (string | null | undefined)[]): string {
  const grams = new Set<string>()
  for (const t of texts) {
    for (const w of words(t ?? '')) {
      for (const p of charPairs(w)) grams.add(p)
      for (const c of w) grams.add(c)
    }
  }
  return [...grams].join(' ')
}

/** The FTS5 query for what the user typed: each pair quoted (so 〔 and " are literal), all required. */
export function matchQuery(text: string): string | null {
  const pairs = words(text).flatMap(charPairs)
  if (!pairs.length) return null
  return [...new Set(pairs)].map((p) => `"${p.replaceAll('"', '""')}"`).join(' AND ')
}

/** 发文 rowids start here; 收文 rowids stay below it. */
export const OUTGOING_BASE = 2 ** 52
const INCOMING_IDS = 2 ** 24
const OUTGOING_IDS = 2 ** 20

/**
 * The rowid that sorts an entry as its register does (migration 0005 computes the same in SQL, to re-key the
 * index and to drop a deleted document's entry): 收文 by 签收时间 (minute) then id, 发文 by the second it was
 * drafted then id (ids grow with time, so within a second that is drafting order). Room for 16 million 收文 and
 * a million 发文, until 2100, below 2^53.
 */
export function searchRowid(kind: SearchKind, at: string, id: number): number {
  if (kind === '收文') return (Date.parse(`${at.slice(0, 16).replace(' ', 'T')}:00Z`) / 60_000) * INCOMING_IDS + id
  return OUTGOING_BASE + Math.floor(Date.parse(at) / 1000) * OUTGOING_IDS + id
}

/** SQL for the document id of the entry `s`, from its rowid alone (reading doc_id would read the entry's row). */
export const docIdOf = (kind: SearchKind): SQL =>
  kind === '收文' ? sql.raw(`(s.rowid % ${INCOMING_IDS})`) : sql.raw(`((s.rowid - ${OUTGOING_BASE}) % ${OUTGOING_IDS})`)

/** SQL restricting the entries `s` to one kind. */
export const kindRange = (kind: SearchKind): SQL => (kind === '收文' ? sql.raw(`s.rowid < ${OUTGOING_BASE}`) : sql.raw(`s.rowid >= ${OUTGOING_BASE}`))

/** The token of a 密级 in the index: four characters, so no query's pairs can match it. */
const classificationToken = (c: string) => `密级${c}`

/** The query limited to what a reader may see (NOT each level above their clearance), for counting in the index. */
export function visibleMatch(query: string, clearance: Clearance): string {
  const seen = visibleClassifications(clearance)
  const hidden = CLASSIFICATIONS.filter((c) => !seen.includes(c))
  return hidden.reduce((q, c) => `${q} NOT "${classificationToken(c)}"`, `(${query})`)
}

export interface SearchEntry { kind: SearchKind; docId: number; at: string; classification: string }

/**
 * Replaces the document's entry; call it in the same transaction as any change to its texts, time or 密级.
 * `previousAt` is the time the entry was indexed under, when this change moves it: the old entry is found by
 * its rowid (looking it up by doc_id would read all 350,000 entries).
 */
export function indexForSearch(db: Db, entry: SearchEntry, texts: readonly (string | null | undefined)[], previousAt = entry.at): void {
  const { kind, docId } = entry
  db.run(sql`DELETE FROM document_search WHERE rowid = ${searchRowid(kind, previousAt, docId)}`)
  const row = searchRow(entry, texts)
  db.run(sql`INSERT INTO document_search (rowid, grams, kind, doc_id) VALUES (${row.rowid}, ${row.grams}, ${kind}, ${docId})`)
}

/** The rowid and index text of a document's entry (also for loading many at once). */
export function searchRow(entry: SearchEntry, texts: readonly (string | null | undefined)[]): { rowid: number; grams: string } {
  return { rowid: searchRowid(entry.kind, entry.at, entry.docId), grams: `${gramsOf(texts)} ${classificationToken(entry.classification)}` }
}

/** The ids of the documents of a kind whose texts contain every word typed; null when nothing was typed. */
export function searchIds(db: ReadDb, kind: SearchKind, text: string): number[] | null {
  const q = matchQuery(text)
  if (q === null) return null
  return db.all<{ id: number }>(sql`SELECT ${docIdOf(kind)} AS id FROM document_search s WHERE s.document_search MATCH ${q} AND ${kindRange(kind)}`).map((r) => r.id)
}
