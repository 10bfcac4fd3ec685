/**
 * The audit log as the 安全审计员 reads it, on the page and in the Excel export: every field name and value in the
 * office's words (labels.ts), ids of people, units and posts shown by their names, times on the office's clock —
 * and for a record of 秘密 or 机密 work, the event without the secret (X-5: the auditor has no business clearance).
 *
 * Redaction happens here, on the server, so nothing classified ever reaches the auditor's browser: such a row
 * keeps its number, 密级, actor, action, time and the fields that name no content (REVEALED), and says that the
 * rest is withheld.
 */
import type { ReadDb } from '../db/connection'
import { officeDateTimeText } from '../common/office-time'
import { sqliteOf } from './chain'
import { isClassified, levelNow } from './classified'
import { fieldName, NAMED_BY_ID, procedureLabel } from './labels'
import type { auditLog } from './schema'

type Row = Record<string, unknown>
type Stored = typeof auditLog.$inferSelect

/** One field of a change: its name, and its value before (for an edit) and after. */
export interface ChangeItem { field: string; before: string | null; after: string }

export interface AuditView {
  id: number
  /** The instant (ISO) and as the office reads it. */
  at: string
  time: string
  operator: string
  action: string
  procedure: string
  record: string
  entity: string | null
  /** 秘密/机密, or null for unclassified work. */
  classification: string | null
  /** The record's content was withheld from this view. */
  withheld: boolean
  /** 新建, 删除, 修改 or 记录 (what an action recorded: a sign-in's result, an export's filters). */
  kind: '新建' | '删除' | '修改' | '记录' | null
  items: ChangeItem[]
}

/** Fields that say what happened and from where, never what a classified record contains. */
const REVEALED = new Set(['结果', '来源地址', '密级', '收文', '发文', '议题', '会议', '文件', 'classification', 'secrecyPeriod', 'status',
  'fromClassification', 'toClassification', 'fromPeriod', 'toPeriod', 'documentId', 'outgoingId', 'topicId', 'meetingId', 'fileId', 'recordId'])

const WITHHELD = (level: string) => `（${level}记录：内容不向安全审计员显示）`

/** Names of the records ids point to, looked up once per page. */
class Names {
  private readonly cache = new Map<string, string | null>()
  constructor(private readonly db: ReadDb) {}
  /** The name of the record `id` points to; `missing` when it is no longer there (deleted, or undone by a restore). */
  of(key: string, id: number, missing: string | null = `编号 ${id}（已删除）`): string | null {
    const sql = NAMED_BY_ID[key]
    if (!sql) return null
    const k = `${key}:${id}`
    if (!this.cache.has(k)) this.cache.set(k, (sqliteOf(this.db).prepare(sql).pluck().get(id) as string | undefined) ?? null)
    return this.cache.get(k) ?? missing
  }
}

function dateText(v: string): string {
  const [y, m, d] = v.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** A stored value as the office reads it. */
function valueText(v: unknown, key: string, entity: string | null, names: Names): string {
  if (v === null || v === undefined || v === '') return '（空）'
  if (typeof v === 'boolean') return v ? '是' : '否'
  if (typeof v === 'number') return names.of(key, v) ?? String(v)
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(v)) return officeDateTimeText(new Date(v))
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return dateText(v)
    return v
  }
  if (Array.isArray(v)) return v.length ? v.map((x) => valueText(x, key, entity, names)).join('、') : '（空）'
  if (typeof v === 'object') return Object.entries(v as Row).map(([k, x]) => `${fieldName(entity, k)}：${valueText(x, k, entity, names)}`).join('；')
  return String(v)
}

function itemsOf(changes: Row, entity: string | null, names: Names): { kind: AuditView['kind']; items: ChangeItem[] } {
  const keys = Object.keys(changes)
  const whole = keys.length === 1 && (keys[0] === '新建' || keys[0] === '删除') ? keys[0] : null
  if (whole) {
    const record = (changes[whole] ?? {}) as Row
    const items = Object.entries(record).filter(([k, v]) => k !== 'id' && v !== null && v !== '' && v !== false)
      .map(([k, v]) => ({ key: k, field: fieldName(entity, k), before: null, after: valueText(v, k, entity, names) }))
    return { kind: whole, items }
  }
  const isDiff = keys.length > 0 && keys.every((k) => Array.isArray(changes[k]) && (changes[k] as unknown[]).length === 2)
  const items = Object.entries(changes).map(([k, v]) => {
    const [before, after] = isDiff ? (v as unknown[]) : [undefined, v]
    return { key: k, field: fieldName(entity, k), before: isDiff ? valueText(before, k, entity, names) : null, after: valueText(after, k, entity, names) }
  })
  return { kind: isDiff ? '修改' : '记录', items }
}

/** A record's kind and number; the number only where it tells something (a document's number, an id, a name tried, a date). */
function recordText(entity: string | null, id: string | null, names: Names): string {
  if (!entity) return '—'
  const numbered = id && /^\d+$/.test(id) ? names.of(entity, Number(id), null) : null
  if (numbered) return `${entity} ${numbered}`
  if (entity === '登录' && id) return `登录（用户名 ${id}）`
  if (id && /^\d{4}-\d{2}-\d{2}$/.test(id)) return `${entity} ${dateText(id)}`
  if (id && /^\d+$/.test(id)) return `${entity} ${id}`
  if (id && entity.startsWith('备份') || id && entity.startsWith('数据')) return `${entity} ${id}`
  return entity
}

/** A read (查阅, 下载, 导出) of a classified record names that record: 收文 12, not 下载 7 (the file's id). */
const READ_OF = ['收文', '发文', '议题', '会议']
function readRecord(entity: string | null, changes: Row | null, names: Names): string | null {
  if (!changes || !entity || !['查阅', '下载', '导出'].includes(entity)) return null
  const kind = READ_OF.find((k) => typeof changes[k] === 'number')
  return kind ? recordText(kind, String(changes[kind]), names) : null
}

function withhold(level: string, parts: { kind: AuditView['kind']; items: (ChangeItem & { key?: string })[] }) {
  const kept = parts.items.filter((i) => REVEALED.has(i.key ?? ''))
  return { kind: parts.kind, items: [...kept, { field: '内容', before: null, after: WITHHELD(level) }] }
}

/** The row's 密级: as written, or for a row written without one, as today's data tells (classified.ts levelNow). */
function levelOf(db: ReadDb, r: Stored, changes: Row | null): string | null {
  if (isClassified(r.classification)) return r.classification
  const now = levelNow(sqliteOf(db), r.entity, r.entityId, changes)
  return isClassified(now) ? now : null
}

/** Who acted when no account did: Sanban itself when it opened the database, the server's console, or nobody signed in. */
const operatorWithoutAccount = (procedure: string): string =>
  procedure === 'system.seed' ? '三办（打开数据库时）' : procedure.startsWith('cli.') ? '服务器命令行' : '（未登录）'

/** One stored row as the auditor sees it. */
export function viewRow(db: ReadDb, r: Stored, names: Names): AuditView {
  const changes = r.changes ? (JSON.parse(r.changes) as Row) : null
  const level = levelOf(db, r, changes)
  const parsed = changes ? itemsOf(changes, r.entity, names) : { kind: null, items: [] }
  const { kind, items } = level ? withhold(level, parsed) : parsed
  return {
    id: r.id, at: r.at, time: officeDateTimeText(new Date(r.at), true), operator: r.username ?? operatorWithoutAccount(r.procedure),
    action: procedureLabel(r.procedure), procedure: r.procedure, record: readRecord(r.entity, changes, names) ?? recordText(r.entity, r.entityId, names), entity: r.entity,
    classification: level, withheld: level !== null, kind,
    items: items.map(({ field, before, after }) => ({ field, before, after })),
  }
}

/** The rows of a page or an export, labelled with one name cache. */
export function viewRows(db: ReadDb, rows: Stored[]): AuditView[] {
  const names = new Names(db)
  return rows.map((r) => viewRow(db, r, names))
}

/** A change on one line, for the Excel export: 字段：原值 → 新值；… */
export function itemsText(v: AuditView): string {
  const body = v.items.map((i) => `${i.field}：${i.before !== null ? `${i.before} → ` : ''}${i.after}`).join('；')
  return v.kind && v.kind !== '修改' && v.kind !== '记录' ? `【${v.kind}】${body}` : body
}
