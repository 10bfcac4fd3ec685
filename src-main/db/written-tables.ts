import type { Database as Sqlite } from 'better-sqlite3'
import type { Connection, ReadDb } from './connection'
import { perConnection } from './prepared'

/**
 * Which tables have been written, so that an answer read from some tables is dropped only by a write to one of
 * them: a 值班记录 or an 出席 leaves the register pages shared, a 签收 drops the 收文 pages (issue 20).
 *
 * Each write is stamped with a number that only grows. This connection's own writes are seen table by table:
 * a TEMP trigger on every table (kept by this connection alone, nothing in the database file) calls back into
 * JavaScript for each row written, including rows written by the schema's own triggers. Whatever cannot be
 * seen table by table stamps every table at once: a write by another connection or process (data_version),
 * a reopened database (another connection object), or changes the triggers did not account for (a virtual
 * table's, such as the search index: SQLite counts them in total_changes, but a virtual table takes no trigger).
 */
export interface WriteStamps {
  /** Looks at the database for writes since the last look; the current stamp (an answer read now is as of it). */
  sync(): number
  /** The latest stamp of a write any of these tables may have had (any table when `tables` is undefined). */
  writtenAt(tables: readonly string[] | undefined): number
}

const FUNCTION = 'sanban_row_written'

/** One number for every connection: an answer read on a connection since closed (a restore) is never taken as fresh. */
let stamp = 0

interface Tracker {
  /** Rows written by this connection since the last look, and their tables, as the TEMP triggers saw them. */
  seen: Set<string>
  rows: number
  /** total_changes and data_version at the last look. */
  changes: number
  version: number
  /** The stamp of the last write that could not be told by table, and each table's last write. */
  everything: number
  tables: Map<string, number>
}

/** Ordinary tables of the main database: FTS shadow tables take no trigger, and are written only by their virtual table. */
function tablesOf(sqlite: Sqlite): string[] {
  return (sqlite.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[])
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

function install(sqlite: Sqlite) {
  const tracker: Tracker = { seen: new Set(), rows: 0, changes: 0, version: 0, everything: ++stamp, tables: new Map() }
  sqlite.function(FUNCTION, { deterministic: false }, (table: unknown) => {
    tracker.seen.add(String(table))
    tracker.rows++
    return null
  })
  // A read-only connection (an export worker's) writes nothing: only other connections' writes (data_version) count.
  for (const table of sqlite.readonly ? [] : tablesOf(sqlite)) {
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const name = quoted(`sanban_written_${table}_${op.toLowerCase()}`)
      sqlite.exec(`CREATE TEMP TRIGGER IF NOT EXISTS ${name} AFTER ${op} ON main.${quoted(table)} BEGIN SELECT ${FUNCTION}('${table.replace(/'/g, "''")}'); END`)
    }
  }
  const statement = sqlite.prepare<[], { changes: number; version: number }>('SELECT total_changes() AS changes, data_version AS version FROM pragma_data_version')
  const read = () => statement.get()!
  Object.assign(tracker, read())
  return { tracker, read }
}

const trackerOf = perConnection((db) => install(db.$client))

export function writeStampsOf(conn: Connection): WriteStamps {
  // Read conn.db on every call: a restore swaps the connection inside the same Connection object.
  return stampsOf(() => conn.db)
}

/**
 * For a value kept per connection and read from a few tables (the holiday calendar): the stamp of the last write any
 * of them may have had. The same stamp later means the value is still what the tables hold.
 */
export function lastWrittenStamp(db: ReadDb, tables: readonly string[]): number {
  const stamps = stampsOf(() => db)
  stamps.sync()
  return stamps.writtenAt(tables)
}

function stampsOf(dbOf: () => ReadDb): WriteStamps {
  const current = () => trackerOf(dbOf()).tracker
  return {
    sync() {
      const { tracker, read } = trackerOf(dbOf())
      const { changes, version } = read()
      if (version !== tracker.version || changes - tracker.changes > tracker.rows) {
        tracker.everything = ++stamp
      } else if (tracker.seen.size) {
        ++stamp
        for (const table of tracker.seen) tracker.tables.set(table, stamp)
      }
      tracker.seen.clear()
      tracker.rows = 0
      tracker.changes = changes
      tracker.version = version
      return stamp
    },
    writtenAt(read) {
      const { everything, tables } = current()
      if (!read) return Math.max(everything, ...tables.values())
      let at = everything
      for (const table of read) at = Math.max(at, tables.get(table) ?? 0)
      return at
    },
  }
}

/**
 * Answers by key, each read from some tables and kept until one of them is written; at most `max` kept, the least
 * recently used going first. What it returns is shared between callers and must not be modified.
 */
export class AnswersUntilWritten<T> {
  private readonly answers = new Map<string, { value: T; at: number; reads: readonly string[] | undefined }>()
  constructor(private readonly stamps: WriteStamps, private readonly max: number) {}

  /** `reads`: the tables the answer is read from; undefined when not known, and then any write drops it. */
  get(key: string, reads: readonly string[] | undefined, compute: () => T): T {
    const now = this.stamps.sync()
    const kept = this.answers.get(key)
    this.answers.delete(key)
    if (kept && this.stamps.writtenAt(kept.reads) <= kept.at) {
      this.answers.set(key, kept)
      return kept.value
    }
    // Stamped as of before the computation: a write during it (by another process) makes it stale at the next look.
    const value = compute()
    this.answers.set(key, { value, at: now, reads })
    if (this.answers.size > this.max) this.answers.delete(this.answers.keys().next().value!)
    return value
  }
}
