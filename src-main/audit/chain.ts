import { createHash } from 'node:crypto'
import type { Db, ReadDb, Sqlite } from '../db/connection'

/** The first record's prev_hash: the chain starts from a value everyone knows. */
export const GENESIS = '0'.repeat(64)

/** The fields a record's hash covers: all but its id and the two hash columns. */
export interface ChainedFields {
  at: string
  userId: number | null
  username: string | null
  procedure: string
  entity: string | null
  entityId: string | null
  changes: string | null
  /** 秘密/机密 when the record concerns a classified document or topic (audit/classified.ts), else null. */
  classification: string | null
}

/**
 * sha256 over the previous record's hash and this record's fields as a JSON array (a fixed order,
 * so the same record always gives the same bytes). A record's 密级 is covered only when it has one, so the records
 * written before the column existed keep their hashes. The id is left out on purpose: a record moved
 * to another place still matches its own hash, so verification can tell "moved" from "altered";
 * its place in the chain is fixed by the previous hash it carries.
 */
export function chainHash(prevHash: string, f: ChainedFields): string {
  // The 密级 joined the record later (issue 14): records without one hash exactly as they always did.
  const fields = [f.at, f.userId, f.username, f.procedure, f.entity, f.entityId, f.changes, ...(f.classification ? [f.classification] : [])]
  const canonical = JSON.stringify(fields)
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex')
}

export interface StoredRecord extends ChainedFields {
  id: number
  prevHash: string | null
  hash: string | null
}

/** The columns in the order `recordOf` reads them; with `.raw()` a million rows stream without an object per column. */
export const RECORD_COLUMNS = 'id, at, user_id, username, procedure, entity, entity_id, changes, prev_hash, hash, classification'

type RawRecord = [number, string, number | null, string | null, string, string | null, string | null, string | null, string | null, string | null, string | null]

export function recordOf(raw: unknown[]): StoredRecord {
  const [id, at, userId, username, procedure, entity, entityId, changes, prevHash, hash, classification] = raw as RawRecord
  return { id, at, userId, username, procedure, entity, entityId, changes, prevHash, hash, classification }
}

/**
 * The hash the next record chains to. Read inside the writer's BEGIN IMMEDIATE transaction, so a
 * second server process on the same file waits for this one's commit and chains after it.
 * A row without a hash after the newest sealed one is not chained to: verification reports it.
 */
export function headHash(sqlite: Sqlite): string {
  const row = sqlite.prepare('SELECT hash FROM audit_log WHERE hash IS NOT NULL ORDER BY id DESC LIMIT 1').get() as { hash: string } | undefined
  return row?.hash ?? GENESIS
}

/**
 * The connection under the drizzle handle (drizzle() of connection.ts sets `$client`; the shared Db
 * type does not carry it): streaming with `iterate` and `.immediate()` transactions need it.
 */
export const sqliteOf = (db: ReadDb): Sqlite => (db as Db & { $client: Sqlite }).$client
