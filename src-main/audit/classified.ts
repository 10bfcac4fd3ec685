/**
 * The 密级 an audit record carries (audit_log.classification). A record written by an action on a 秘密 or 机密
 * document, topic or anything hanging off one (its 批示, 会签意见, 承办, 核稿, the 督办事项 made from its 批示, the
 * file uploaded with it) carries the highest 密级 the action touched, decided when it is written: the auditor's
 * view (view.ts) redacts by it, and a later 定密变更 does not open what was written under the old 密级.
 *
 * The lookups name tables by their SQL names on purpose: audit/ imports no business domain (layering), and the
 * catalogue of where each record kind keeps its 密级 stays in this one place.
 */
import type { Sqlite } from '../db/connection'
import { CLASSIFICATIONS, type Classification } from '../common/classification'

type Row = Record<string, unknown>

const RANK: Record<Classification, number> = { 无: 0, 秘密: 1, 机密: 2 }
const BY_RANK = "ORDER BY CASE classification WHEN '机密' THEN 2 WHEN '秘密' THEN 1 ELSE 0 END DESC LIMIT 1"

export const higher = (a: Classification, b: Classification): Classification => (RANK[b] > RANK[a] ? b : a)
export const isClassified = (c: string | null | undefined): c is '秘密' | '机密' => c === '秘密' || c === '机密'

const incoming = 'SELECT classification FROM incoming_documents WHERE id = ?'
const followUp = `SELECT d.classification FROM follow_ups f JOIN instructions i ON f.source = '领导批示' AND i.id = f.source_id
  JOIN incoming_documents d ON d.id = i.document_id WHERE f.id = ?`
const meetingTopics = `SELECT classification FROM topics WHERE meeting_id = ? AND withdrawn = 0 ${BY_RANK}`

/** Record kinds whose 密级 is their parent's: the field naming the parent and the query that reads its 密级. */
const PARENTS: Record<string, { key: string; sql: string }> = {
  批示: { key: 'documentId', sql: incoming },
  会签意见: { key: 'documentId', sql: incoming },
  承办: { key: 'documentId', sql: incoming },
  催办: { key: 'documentId', sql: incoming },
  核稿: { key: 'outgoingId', sql: 'SELECT classification FROM outgoing_documents WHERE id = ?' },
  议题调整: { key: 'topicId', sql: 'SELECT classification FROM topics WHERE id = ?' },
  督办事项: { key: 'id', sql: followUp },
  督办进展: { key: 'followUpId', sql: followUp },
  会议纪要: { key: 'meetingId', sql: meetingTopics },
  议定事项: { key: 'minutesId', sql: `SELECT t.classification FROM minutes m JOIN topics t ON t.meeting_id = m.meeting_id AND t.withdrawn = 0 WHERE m.id = ? ${BY_RANK.replace('classification', 't.classification')}` },
}

/** Record kinds that are themselves a 收文, 发文 or 议题, by the table holding their 密级. */
const OWN_TABLES: Record<string, string> = { 收文: 'incoming_documents', 发文: 'outgoing_documents', 议题: 'topics' }

/** Fields that hold a record's own 密级 (a 收文, 发文 or 议题, and a 定密变更's before and after). */
const OWN_FIELDS = ['classification', 'fromClassification', 'toClassification']

function ownLevel(row: Row | null | undefined): Classification {
  let level: Classification = '无'
  for (const key of OWN_FIELDS) {
    const v = row?.[key]
    if (typeof v === 'string' && (CLASSIFICATIONS as readonly string[]).includes(v)) level = higher(level, v as Classification)
  }
  return level
}

function parentLevel(sqlite: Sqlite, entity: string, row: Row | null | undefined): Classification {
  const parent = PARENTS[entity]
  const id = row?.[parent?.key ?? '']
  if (!parent || typeof id !== 'number') return '无'
  const found = sqlite.prepare(parent.sql).pluck().get(id) as string | undefined
  return isClassified(found) ? found : '无'
}

export interface TouchedRecord { entity: string; id?: string | number | null; before?: Row | null; after?: Row | null; fields?: Row }

/** The 密级 a 收文, 发文 or 议题 has now, by its id. */
function storedLevel(sqlite: Sqlite, entity: string, id: string | number | null | undefined): Classification {
  const table = OWN_TABLES[entity]
  if (!table || id === null || id === undefined || !/^\d+$/.test(String(id))) return '无'
  const found = sqlite.prepare(`SELECT classification FROM ${table} WHERE id = ?`).pluck().get(Number(id)) as string | undefined
  return isClassified(found) ? found : '无'
}

/** The highest 密级 among the records one action touched (their own, now or as written, or their parent's). */
export function levelOfAction(sqlite: Sqlite, changes: readonly TouchedRecord[]): Classification {
  let level: Classification = '无'
  for (const c of changes) {
    level = higher(level, storedLevel(sqlite, c.entity, c.id))
    for (const row of [c.before, c.after, c.fields]) level = higher(level, higher(ownLevel(row), parentLevel(sqlite, c.entity, row)))
  }
  return level
}

/**
 * The 密级 of a record written without one (before migration 0008, or by an action that touched nothing classified
 * then), as far as today's data tells: its own document's, or its parent's. The auditor's view uses it so that an
 * older log does not show what the column would now withhold; a record whose document has since been raised is
 * withheld too, which errs on the side of the secret.
 */
export function levelNow(sqlite: Sqlite, entity: string | null, entityId: string | null, changes: Row | null): Classification {
  if (!entity) return '无'
  const whole = (changes?.新建 ?? changes?.删除) as Row | undefined
  const side = (i: 0 | 1) => Object.fromEntries(Object.entries(changes ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v[i] : v]))
  return levelOfAction(sqlite, [{ entity, id: entityId, before: whole ? null : side(0), after: whole ?? side(1) }])
}
