/**
 * Statements prepared once per connection. Drizzle prepares a query's SQL again on every run: about 0.1 ms each
 * here, more than most small queries take (a register page's median went from 1.0 to 0.9 ms, npm run bench).
 */
import type { SQL } from 'drizzle-orm'
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core'
import type { Statement } from 'better-sqlite3'
import type { ReadDb } from './connection'

/** Something made once per connection on first use (a test opens many databases). */
export function perConnection<T>(prepare: (db: ReadDb) => T): (db: ReadDb) => T {
  const made = new WeakMap<ReadDb, T>()
  return (db) => {
    let p = made.get(db)
    if (!p) made.set(db, (p = prepare(db)))
    return p
  }
}

const dialect = new SQLiteSyncDialect()
/** Per connection, by SQL text: the registers' filters make a few hundred shapes at most; the least recently used go first. */
const KEPT = 300
const statementsOf = perConnection(() => new Map<string, Statement>())

function statement(db: ReadDb, query: SQL): { stmt: Statement; params: unknown[] } {
  const { sql, params } = dialect.sqlToQuery(query)
  const kept = statementsOf(db)
  const stmt = kept.get(sql) ?? db.$client.prepare(sql)
  kept.delete(sql)
  kept.set(sql, stmt)
  if (kept.size > KEPT) kept.delete(kept.keys().next().value!)
  return { stmt, params }
}

/** The rows of a query built with drizzle's sql``, as db.all gives them. */
export function allRows<T>(db: ReadDb, query: SQL): T[] {
  const { stmt, params } = statement(db, query)
  return stmt.all(...params) as T[]
}

/** The first row, as db.get gives it. */
export function firstRow<T>(db: ReadDb, query: SQL): T | undefined {
  const { stmt, params } = statement(db, query)
  return stmt.get(...params) as T | undefined
}
