import type { Connection } from './connection'
import { perConnection } from './prepared'

/**
 * A token for what the database holds. It changes whenever anything is written: by this connection
 * (SQLite's total_changes, which counts trigger writes too), by another connection or process
 * (data_version: the account and key tools, the backup worker), or when the connection is reopened
 * after a restore. An answer kept against the token stays true until the token changes; a rolled-back
 * write changes it too, which only costs a recomputation.
 */
export type DataVersion = () => string

let serial = 0
/** Each connection's own number (a reopened database is another connection) and its version query. */
const versionOf = perConnection((db) => ({
  serial: ++serial,
  statement: db.$client.prepare<[], { changes: number; version: number }>('SELECT total_changes() AS changes, data_version AS version FROM pragma_data_version'),
}))

export function dataVersionOf(conn: Connection): DataVersion {
  return () => {
    // Read conn.db on every call: a restore swaps the connection inside the same Connection object.
    const { serial, statement } = versionOf(conn.db)
    const { changes, version } = statement.get()!
    return `${serial}:${version}:${changes}`
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
