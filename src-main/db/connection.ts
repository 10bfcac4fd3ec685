import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import type { RunResult } from 'better-sqlite3'
import * as schema from './schema'

export type Schema = typeof schema
/** A drizzle handle over the one connection; services take this and run synchronously. */
export type Db = BaseSQLiteDatabase<'sync', RunResult, Schema>
export type Sqlite = Database.Database

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
}

export function openConnection(file: string): Connection {
  const sqlite = new Database(file)
  applyPragmas(sqlite)
  return { sqlite, db: drizzle(sqlite, { schema }) }
}
