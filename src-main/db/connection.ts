import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { checkReadable, encryptPlainDatabase, isPlainDatabase, unlock } from './cipher'

/**
 * A drizzle handle over the one connection; services take this and run synchronously. Each domain imports its
 * own tables (the query builder needs no schema here), so the database layer depends on no domain.
 */
export type Db = BetterSQLite3Database & { $client: Sqlite }
/**
 * What a query may do with the database: read (the builder's select, and prepared reads through $client). Queries
 * get this type (kernel/procedure.ts), so a write inside a query does not compile; writes belong in a mutation's
 * audited transaction.
 */
export type ReadDb = Omit<Db, 'insert' | 'update' | 'delete' | 'run' | 'transaction'>
export type Sqlite = Database.Database

/** The office's database file in its data folder. */
export const DATABASE_FILE = 'sanban.sqlite'

export interface Connection {
  sqlite: Sqlite
  db: Db
}

/** synchronous=FULL does not persist, so every pragma is set on every open. */
export function applyPragmas(sqlite: Sqlite): void {
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // 32 MB of decrypted pages (the default is 16 MB): a search reads its words' index entries newest first and
  // counts them inside the index, and those pages stay decrypted between searches. 64 MB measured the same on
  // ten years of data (npm run bench) but took the server's resident memory past 200 MB under load.
  sqlite.pragma('cache_size = -32768')
}

/** The key each encrypted connection was opened with, for the backup worker's own connection. */
const keys = new WeakMap<Sqlite, Buffer>()
export const connectionKey = (sqlite: Sqlite): Buffer | undefined => keys.get(sqlite)

/**
 * Opens the database, encrypted with `key`; an existing unencrypted file is encrypted first
 * (cipher.ts). Without a key the file stays plain: that is for tests only, server mode and the
 * desktop app always pass one. A wrong key is refused before anything is written.
 */
export function openConnection(file: string, key?: Buffer): Connection {
  if (key && isPlainDatabase(file)) encryptPlainDatabase(file, key)
  const sqlite = new Database(file)
  try {
    if (key) unlock(sqlite, key, file)
    else if (file !== ':memory:') checkReadable(sqlite, file)
    applyPragmas(sqlite)
  } catch (e) {
    sqlite.close()
    throw e
  }
  if (key) keys.set(sqlite, key)
  return { sqlite, db: drizzle(sqlite) }
}
