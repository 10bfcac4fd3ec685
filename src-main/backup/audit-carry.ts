/**
 * A restore must not erase the audit trail (X-5: no administrator may alter the logs). The records written after
 * the backup was taken (sign-ins, the work of the interval, the restore's own start) are read from the database
 * being replaced while its connection is closed, so nothing more can be written meanwhile, and appended to the
 * restored one as soon as it is open and migrated, before anything else is written to it.
 *
 * - Same history (a backup of this office: its log is a prefix of the live one, as every restore carries the
 *   rest): the records are copied as they are, same ids and hashes, so the chain verifies across the restore and
 *   an id and hash the auditor noted down still match.
 * - Another history (an import from another PC): the live records the backup lacks are appended after its last
 *   record, newly chained, in their order, with their times, actors and content unchanged; their user ids are
 *   dropped (they name accounts of the replaced database) and the names kept.
 */
import type { Sqlite } from '../db/connection'
import { chainHash, GENESIS, RECORD_COLUMNS, recordOf, type StoredRecord } from '../audit/chain'

const BATCH = 5_000

const lastOf = (db: Sqlite) => db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string | null } | undefined

/** Whether the live log holds the restored log's last record unchanged: the restored log is then its prefix. */
function sameHistory(live: Sqlite, restored: Sqlite): { from: number } | null {
  const last = lastOf(restored)
  if (!last) return { from: 0 }
  const match = live.prepare('SELECT 1 FROM audit_log WHERE id = ? AND hash IS ?').get(last.id, last.hash)
  return match ? { from: last.id } : null
}

function* batches(live: Sqlite, afterId: number): Generator<StoredRecord[]> {
  const next = live.prepare(`SELECT ${RECORD_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ${BATCH}`).raw()
  for (let last = afterId; ;) {
    const rows = (next.all(last) as unknown[][]).map(recordOf)
    if (rows.length === 0) return
    yield rows
    last = rows.at(-1)!.id
  }
}

/** The live records a restored log from another history lacks: those whose hash it does not hold. */
function missingFrom(restored: Sqlite) {
  const has = restored.prepare('SELECT 1 FROM audit_log WHERE hash = ?')
  return (r: StoredRecord) => r.hash === null || !has.get(r.hash)
}

/** The records to carry over, read while both databases are closed to everyone else. */
export interface Carry { records: StoredRecord[]; rechained: boolean }

/** What of `live`'s audit log `restored` lacks (read only; the databases may be at different migrations). */
export function auditToCarry(live: Sqlite, restored: Sqlite): Carry {
  const same = sameHistory(live, restored)
  const records: StoredRecord[] = []
  if (same) {
    for (const batch of batches(live, same.from)) records.push(...batch)
    return { records, rechained: false }
  }
  const lacks = missingFrom(restored)
  for (const batch of batches(live, 0)) records.push(...batch.filter(lacks))
  return { records, rechained: true }
}

const INSERT = `INSERT INTO audit_log (id, at, user_id, username, procedure, entity, entity_id, changes, prev_hash, hash, classification)
  VALUES (@id, @at, @userId, @username, @procedure, @entity, @entityId, @changes, @prevHash, @hash, @classification)`

/**
 * Appends the carried records to the restored database once it is open (and migrated), before anything else is
 * written to it. Returns how many.
 */
export function appendCarried(db: Sqlite, carry: Carry): number {
  const put = db.prepare(INSERT)
  db.transaction(() => {
    if (!carry.rechained) {
      for (const r of carry.records) put.run(r)
      return
    }
    let prevHash = lastOf(db)?.hash ?? GENESIS
    for (const r of carry.records) {
      const moved = { ...r, id: null, userId: null }
      const hash = chainHash(prevHash, moved)
      put.run({ ...moved, prevHash, hash })
      prevHash = hash
    }
  }).immediate()
  return carry.records.length
}
