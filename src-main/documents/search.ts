/**
 * Chinese search over titles, numbers and senders. FTS5's trigram tokenizer misses two-character words
 * (防汛, 土地), so each text is indexed as its overlapping character pairs ("防汛抗旱" → 防汛 汛抗 抗旱) and a
 * query must contain all the pairs of each of its words. A one-character query matches that character anywhere.
 */
import { sql } from 'drizzle-orm'
import type { Db } from '../db/connection'
import type { SEARCH_KINDS } from './schema'

export type SearchKind = (typeof SEARCH_KINDS)[number]

/** Spaces and line breaks split words; everything else (〔〕, digits, letters) is kept, case-folded. */
const words = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean)

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

/** Replaces the document's entry; call it in the same transaction as the change. */
export function indexForSearch(db: Db, kind: SearchKind, docId: number, texts: readonly (string | null | undefined)[]): void {
  db.run(sql`DELETE FROM document_search WHERE kind = ${kind} AND doc_id = ${docId}`)
  db.run(sql`INSERT INTO document_search (grams, kind, doc_id) VALUES (${gramsOf(texts)}, ${kind}, ${docId})`)
}

/** The ids of the documents of a kind whose texts contain every word typed; null when nothing was typed. */
export function searchIds(db: Db, kind: SearchKind, text: string): number[] | null {
  const q = matchQuery(text)
  if (q === null) return null
  return db.all<{ id: number }>(sql`SELECT doc_id AS id FROM document_search WHERE document_search MATCH ${q} AND kind = ${kind}`).map((r) => r.id)
}
