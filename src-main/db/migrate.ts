import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { Sqlite } from './connection'
import { syncDirectory } from './key'

interface JournalEntry { idx: number; when: number; tag: string }

export class NewerDatabaseError extends Error {}
export class ForeignKeyError extends Error {}

export interface MigrationReport {
  applied: string[]
  backupFile: string | null
}

function readJournal(folder: string): JournalEntry[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }
  return journal.entries
}

/** The journal time of the newest migration in `folder`: a database (or backup) beyond it is from a newer Sanban. */
export function latestMigrationIn(folder: string): number {
  return Math.max(...readJournal(folder).map((e) => e.when))
}

/** drizzle records each applied migration's journal timestamp in __drizzle_migrations.created_at. */
export function lastAppliedAt(sqlite: Sqlite): number | null {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get()
  if (!table) return null
  const row = sqlite.prepare('SELECT MAX(created_at) AS at FROM __drizzle_migrations').get() as { at: number | null }
  return row.at
}

function hasUserTables(sqlite: Sqlite): boolean {
  return !!sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' LIMIT 1").get()
}

function stamp(): string {
  return new Date().toISOString().replace(/[:.]/g, '-')
}

/**
 * VACUUM INTO a temporary name, renamed once complete and on disk: a kill or power cut in the
 * middle must not leave a file named like a backup that restores nothing. Leftovers of such a
 * cut-off run are removed first.
 */
function backUpBeforeMigrating(sqlite: Sqlite, backupDir: string): string {
  mkdirSync(backupDir, { recursive: true })
  for (const f of readdirSync(backupDir)) if (/\.part(-journal)?$/.test(f)) rmSync(join(backupDir, f), { force: true })
  const backupFile = join(backupDir, `升级前备份-${stamp()}.sqlite`)
  const partial = `${backupFile}.part`
  sqlite.prepare('VACUUM INTO ?').run(partial)
  const fd = openSync(partial, 'r')
  try { fsyncSync(fd) } finally { closeSync(fd) }
  renameSync(partial, backupFile)
  syncDirectory(backupDir)
  return backupFile
}

/**
 * Applies the migrations in `folder`, wrapped the way the office needs it:
 * a database written by a newer Sanban is refused untouched; a database with data is
 * backed up (VACUUM INTO, a consistent copy, never a file copy) before anything changes;
 * and the foreign keys are checked afterwards, because a table rebuild inside drizzle's
 * transaction cannot switch them off and may leave orphans behind.
 */
export function migrateDatabase(sqlite: Sqlite, folder: string, backupDir: string): MigrationReport {
  const journal = readJournal(folder)
  const latestKnown = latestMigrationIn(folder)
  const applied = lastAppliedAt(sqlite)
  if (applied !== null && applied > latestKnown) {
    throw new NewerDatabaseError('该数据库由较新版本的三办写入，当前版本无法打开。请升级三办后再使用，数据未作任何改动。')
  }
  const pending = journal.filter((e) => applied === null || e.when > applied)
  if (pending.length === 0) return { applied: [], backupFile: null }

  const backupFile = hasUserTables(sqlite) ? backUpBeforeMigrating(sqlite, backupDir) : null
  migrate(drizzle(sqlite), { migrationsFolder: folder })
  const orphans = sqlite.pragma('foreign_key_check') as unknown[]
  if (orphans.length > 0) {
    throw new ForeignKeyError(`数据库升级后发现 ${orphans.length} 处外键不一致，请用升级前备份 ${backupFile ?? ''} 恢复并联系维护人员。`)
  }
  return { applied: pending.map((e) => e.tag), backupFile }
}
