import type { Database as Sqlite, Statement } from 'better-sqlite3'

/**
 * The tables SQLite really reads while `run` runs on this connection, to check a shared answer's declared
 * tables (Procedure.answerReads) against them: every statement executed is recorded with its arguments and
 * EXPLAINed; each table or index it opens (OpenRead's root page) is named by sqlite_schema, and a virtual
 * table (the search index, which EXPLAIN shows only as a pointer) by its name in the statement's text.
 */
export async function tablesRead(sqlite: Sqlite, run: () => Promise<unknown>): Promise<Set<string>> {
  const proto = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<string, (...args: unknown[]) => unknown>
  const executed: { source: string; args: unknown[] }[] = []
  const methods = ['all', 'get', 'iterate', 'run'] as const
  const original = Object.fromEntries(methods.map((m) => [m, proto[m]]))
  for (const m of methods) {
    proto[m] = function (this: Statement, ...args: unknown[]) {
      if (this.database === sqlite) executed.push({ source: this.source, args })
      return original[m].apply(this, args)
    }
  }
  try {
    await run()
  } finally {
    for (const m of methods) proto[m] = original[m]
  }
  return namesOf(sqlite, executed)
}

function namesOf(sqlite: Sqlite, executed: { source: string; args: unknown[] }[]): Set<string> {
  const byRoot = new Map((sqlite.prepare("SELECT rootpage, tbl_name FROM sqlite_schema WHERE rootpage > 0").all() as { rootpage: number; tbl_name: string }[])
    .map((r) => [r.rootpage, r.tbl_name]))
  const virtual = sqlite.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'virtual'").pluck().all() as string[]
  const shadowOf = (name: string) => virtual.find((v) => name.startsWith(`${v}_`)) ?? name
  const read = new Set<string>()
  for (const { source, args } of executed) {
    if (!/^\s*(SELECT|WITH)/i.test(source)) continue
    const plan = sqlite.prepare(`EXPLAIN ${source}`).all(...args) as { opcode: string; p2: number; p3: number }[]
    for (const op of plan) {
      if (op.opcode === 'OpenRead' && op.p3 === 0) read.add(shadowOf(byRoot.get(op.p2) ?? `root page ${op.p2}`))
    }
    for (const v of virtual) if (new RegExp(`\\b${v}\\b`).test(source)) read.add(v)
  }
  return read
}
