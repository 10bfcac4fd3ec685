import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const MIGRATIONS = join(__dirname, '../../drizzle')

export interface JournalEntry { idx: number; when: number; tag: string; version: string; breakpoints: boolean }

export function journal(folder = MIGRATIONS): JournalEntry[] {
  return (JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries
}

/** A copy of drizzle/ that stops after migration `last`: how a database of an earlier release is made. */
export function migrationsUpTo(last: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'sanban-migrations-'))
  cpSync(MIGRATIONS, dir, { recursive: true })
  const file = join(dir, 'meta', '_journal.json')
  const j = JSON.parse(readFileSync(file, 'utf8')) as { entries: JournalEntry[] }
  j.entries = j.entries.filter((e) => e.idx <= last)
  writeFileSync(file, JSON.stringify(j))
  return dir
}

/** A copy of drizzle/ with one more migration appended, to exercise the wrapper itself. */
export function migrationsPlus(tag: string, sql: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sanban-migrations-'))
  cpSync(MIGRATIONS, dir, { recursive: true })
  const file = join(dir, 'meta', '_journal.json')
  const j = JSON.parse(readFileSync(file, 'utf8')) as { entries: JournalEntry[] }
  const last = j.entries.at(-1)!
  j.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag })
  writeFileSync(file, JSON.stringify(j))
  writeFileSync(join(dir, `${tag}.sql`), sql)
  return dir
}
