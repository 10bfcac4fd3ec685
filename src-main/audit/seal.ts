import type { Db } from '../db/connection'
import { chainHash, GENESIS, RECORD_COLUMNS, recordOf, sqliteOf } from './chain'

const BATCH = 5000

/**
 * Chains the records written before the hash chain existed (databases older than 0004), in id
 * order, once: called at every start, it does nothing after the first record has a hash. From then
 * on a record without one was written around the system, and verification must report it rather
 * than this seal it. The triggers allow exactly this update (filling a NULL hash).
 * Returns how many records were sealed.
 */
export function sealLegacyAudit(db: Db): number {
  const sqlite = sqliteOf(db)
  const next = sqlite.prepare(`SELECT ${RECORD_COLUMNS} FROM audit_log WHERE id > ? ORDER BY id LIMIT ${BATCH}`).raw()
  const seal = sqlite.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?')
  return sqlite.transaction(() => {
    if (sqlite.prepare('SELECT 1 FROM audit_log WHERE hash IS NOT NULL LIMIT 1').get()) return 0
    let prevHash = GENESIS
    let lastId = 0
    let sealed = 0
    for (;;) {
      const batch = (next.all(lastId) as unknown[][]).map(recordOf)
      if (batch.length === 0) return sealed
      for (const r of batch) {
        const hash = chainHash(prevHash, r)
        seal.run(prevHash, hash, r.id)
        prevHash = hash
      }
      lastId = batch.at(-1)!.id
      sealed += batch.length
    }
  }).immediate()
}
