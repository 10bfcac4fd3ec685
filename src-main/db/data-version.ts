import type { Connection, Sqlite } from './connection'
import type { Statement } from 'better-sqlite3'

/**
 * A token for what the database holds. It changes whenever anything is written: by this connection
 * (SQLite's total_changes, which counts trigger writes too), by another connection or process
 * (data_version: the account and key tools, the backup worker), or when the connection is reopened
 * after a restore. An answer kept against the token stays true until the token changes; a rolled-back
 * write changes it too, which only costs a recomputation.
 */
export type DataVersion = () => string

const opened = new WeakMap<Sqlite, { serial: number; statement: Statement<[], { changes: number; version: number }> }>()
let serial = 0

export function dataVersionOf(conn: Connection): DataVersion {
  return () => {
    // Read conn.sqlite on every call: a restore swaps the connection inside the same Connection object.
    let c = opened.get(conn.sqlite)
    if (!c) {
      const statement = conn.sqlite.prepare<[], { changes: number; version: number }>('SELECT total_changes() AS changes, data_version AS version FROM pragma_data_version')
      opened.set(conn.sqlite, c = { serial: ++serial, statement })
    }
    const { changes, version } = c.statement.get()!
    return `${c.serial}:${version}:${changes}`
  }
}

/** `compute`'s answer, computed again only after the data has changed. */
export function untilDataChanges<T>(version: DataVersion, compute: () => T): () => T {
  const answer = new AnswersUntilDataChanges<T>(version, 1)
  return () => answer.get('', compute)
}

/**
 * Answers by key, all dropped when the data changes; at most `max` kept, the least recently used
 * going first. What it returns is shared between callers and must not be modified.
 */
export class AnswersUntilDataChanges<T> {
  private readonly answers = new Map<string, T>()
  private at = ''
  constructor(private readonly version: DataVersion, private readonly max: number) {}

  get(key: string, compute: () => T): T {
    const at = this.version()
    if (at !== this.at) { this.answers.clear(); this.at = at }
    const kept = this.answers.get(key)
    if (kept !== undefined || this.answers.has(key)) {
      this.answers.delete(key)
      this.answers.set(key, kept as T)
      return kept as T
    }
    const value = compute()
    // A computation that wrote (it should not) has changed the version: keep nothing from it.
    if (this.version() !== at) return value
    this.answers.set(key, value)
    if (this.answers.size > this.max) this.answers.delete(this.answers.keys().next().value!)
    return value
  }
}
