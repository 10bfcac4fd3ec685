import { setImmediate as nextTurn } from 'node:timers/promises'
import { connectionKey, openConnection, type ReadDb, type Sqlite } from '../db/connection'
import { chainHash, GENESIS, RECORD_COLUMNS, recordOf, sqliteOf, type StoredRecord } from './chain'

/** What kind of break verification found, for clients that act on it; the message says it in full. */
export type ChainProblem = '修改' | '无校验值' | '删除' | '调换' | '插入' | '与记下的校验值不符'

export interface ChainReport {
  ok: boolean
  /** Records found intact before the first break (all of them when ok). */
  checked: number
  /** The newest record and its hash when ok: written down, they later show whether the whole chain was rewritten. */
  lastId: number | null
  lastHash: string | null
  brokenAt: number | null
  problem: ChainProblem | null
  message: string
}

/** A record's id and hash as the auditor noted them at an earlier check. */
export interface Anchor {
  id: number
  hash: string
}

interface Break {
  kind: 'unsealed' | 'altered' | 'link' | 'anchor' | 'anchorGone'
  record: StoredRecord
  prevId: number
}

interface Walk {
  checked: number
  last: StoredRecord | null
  broken: Break | null
}

/** Lets others in every `every` records (see verifyAuditTrail). */
export interface Pauses {
  every: number
  pause: () => Promise<unknown>
}

/** Records walked between two turns of the event loop: the other users' requests wait at most tens of milliseconds. */
const BATCH = 5_000

/** What is wrong with one record, in the order that names the cause best (its own content first). */
function breakAt(record: StoredRecord, expected: string, prevId: number, anchor: Anchor | undefined): Break['kind'] | null {
  if (record.hash === null) return 'unsealed'
  if (chainHash(record.prevHash ?? '', record) !== record.hash) return 'altered'
  if (record.prevHash !== expected) return 'link'
  if (anchor && prevId < anchor.id && record.id > anchor.id) return 'anchorGone'
  if (anchor && record.id === anchor.id && record.hash !== anchor.hash) return 'anchor'
  return null
}

/**
 * One pass in id order, streaming: memory stays flat however long the log is (a million records
 * take 4–7 s on the shared 2-core build machine). Stops at the first break. With pauses, the walk
 * lets the server answer others meanwhile; that needs a connection nothing else uses.
 */
async function walk(sqlite: Sqlite, anchor: Anchor | undefined, pauses?: Pauses): Promise<Walk> {
  const rows = sqlite.prepare(`SELECT ${RECORD_COLUMNS} FROM audit_log ORDER BY id`).raw()
  let expected = GENESIS
  let last: StoredRecord | null = null
  let checked = 0
  for (const raw of rows.iterate() as IterableIterator<unknown[]>) {
    const record = recordOf(raw)
    const prevId = last?.id ?? 0
    const kind = breakAt(record, expected, prevId, anchor)
    // Leaving the loop resets the statement, which frees the connection for the diagnosis below.
    if (kind) return { checked, last, broken: { kind, record, prevId } }
    checked++
    expected = record.hash!
    last = record
    if (pauses && checked % pauses.every === 0) await pauses.pause()
  }
  return { checked, last, broken: null }
}

/**
 * A record intact in itself that does not follow its predecessor: where its predecessor is now,
 * and whether it is a copy of another, tell what happened (one scan, the hash column has no index;
 * only when the chain is broken).
 */
function diagnoseLink(sqlite: Sqlite, { record, prevId }: Break): [ChainProblem, string] {
  const n = record.id
  const found = sqlite.prepare('SELECT id, hash FROM audit_log WHERE hash IN (?, ?) AND id <> ? ORDER BY id').all(record.prevHash, record.hash, n) as { id: number; hash: string }[]
  const twin = found.find((r) => r.hash === record.hash)?.id
  const predecessor = found.find((r) => r.hash === record.prevHash)?.id
  if (twin !== undefined) return ['插入', `编号 ${n} 的记录是编号 ${twin} 的复制，是后来插入的`]
  if (predecessor === undefined) {
    if (n > prevId + 1) return ['删除', `编号 ${n} 之前有记录被删除（编号 ${prevId + 1}${n - 1 > prevId + 1 ? ` 至 ${n - 1}` : ''} 不见了）`]
    if (prevId === 0) return ['修改', `编号 ${n} 的记录被修改后重新计算了校验值`]
    return ['删除', `编号 ${n} 之前有记录被删除，或编号 ${prevId} 的记录被修改后重新计算了校验值`]
  }
  if (predecessor > n) return ['调换', `顺序被调换：编号 ${n} 的记录原本排在编号 ${predecessor} 之后`]
  return ['插入', `编号 ${predecessor} 与编号 ${n} 之间的记录是后来插入的，或顺序被调换`]
}

function diagnose(sqlite: Sqlite, b: Break): [ChainProblem, string] {
  const n = b.record.id
  switch (b.kind) {
    case 'unsealed': return ['无校验值', `编号 ${n} 的记录没有校验值，不是由本系统写入的`]
    case 'altered': return ['修改', `编号 ${n} 的记录被修改（内容与其校验值不符）`]
    case 'anchor': return ['与记下的校验值不符', `编号 ${n} 的校验值与记下的不同：该记录及其之前的记录被改写过`]
    case 'anchorGone': return ['与记下的校验值不符', `编号 ${b.prevId} 与编号 ${n} 之间记下的那条记录不见了：审计日志被改写过`]
    case 'link': return diagnoseLink(sqlite, b)
  }
}

/** AUTOINCREMENT remembers the largest id ever used, so records cut off the end still show. */
function largestIdEverUsed(sqlite: Sqlite): number {
  return (sqlite.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'").get() as { seq: number } | undefined)?.seq ?? 0
}

function endProblem(sqlite: Sqlite, w: Walk, anchor: Anchor | undefined): string | null {
  const lastId = w.last?.id ?? 0
  const seq = largestIdEverUsed(sqlite)
  if (seq > lastId) return lastId === 0 ? `全部记录被删除（原有编号 1 至 ${seq}）` : `编号 ${lastId} 之后的记录被删除（最后的编号应为 ${seq}）`
  if (anchor && anchor.id > lastId) return `记下的编号 ${anchor.id} 已不存在：编号 ${lastId} 之后的记录被删除`
  return null
}

const checkedNote = (n: number) => `（已校验 ${n} 条记录）`

/**
 * 校验审计日志: walks the hash chain in id order and reports the first place it is broken, in
 * the office's words. With an anchor (an id and hash the auditor wrote down earlier) it also
 * catches a log rewritten from that point on with freshly computed hashes.
 */
export async function verifyAuditChain(sqlite: Sqlite, anchor?: Anchor, pauses?: Pauses): Promise<ChainReport> {
  // One read transaction: records written while the walk pauses must not look like records cut off the end.
  const own = !sqlite.inTransaction
  if (own) sqlite.exec('BEGIN')
  try {
    return report(sqlite, await walk(sqlite, anchor, pauses), anchor)
  } finally {
    if (own) sqlite.exec('COMMIT')
  }
}

function report(sqlite: Sqlite, w: Walk, anchor: Anchor | undefined): ChainReport {
  const none = { lastId: null, lastHash: null }
  if (w.broken) {
    const [problem, text] = diagnose(sqlite, w.broken)
    return { ok: false, checked: w.checked, ...none, brokenAt: w.broken.record.id, problem, message: `审计日志已被篡改：${text}${checkedNote(w.checked)}` }
  }
  const atEnd = endProblem(sqlite, w, anchor)
  if (atEnd) {
    return { ok: false, checked: w.checked, ...none, brokenAt: (w.last?.id ?? 0) + 1, problem: '删除', message: `审计日志已被篡改：${atEnd}${checkedNote(w.checked)}` }
  }
  return {
    ok: true, checked: w.checked, lastId: w.last?.id ?? null, lastHash: w.last?.hash ?? null, brokenAt: null, problem: null,
    message: `审计日志完整：已校验 ${w.checked} 条记录，没有发现修改、删除、插入或顺序调换。`,
  }
}

/**
 * The 校验完整性 action: one snapshot, on a second connection to the same file (WAL lets it
 * read while the office keeps writing), walked in batches so the server stays responsive.
 */
export async function verifyAuditTrail(db: ReadDb, anchor?: Anchor): Promise<ChainReport> {
  const main = sqliteOf(db)
  if (main.memory) return verifyAuditChain(main, anchor)
  const own = openConnection(main.name, connectionKey(main))
  try {
    return await verifyAuditChain(own.sqlite, anchor, { every: BATCH, pause: () => nextTurn() })
  } finally {
    own.sqlite.close()
  }
}
