import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { openConnection, type Connection } from './db/connection'
import { migrateDatabase, type MigrationReport } from './db/migrate'
import { appRoot } from './paths'
import { createRouter, type Router } from './rpc/router'
import { buildProcedures } from './rpc/procedures'
import { SessionStore } from './auth/sessions'
import { ensureInitialAccounts, writeInitialPasswordFile, type InitialAccount } from './auth/accounts'
import { readSettings } from './settings/service'
import { seedCalendarIfEmpty } from './calendar/seed'
import { loadDemoOrganisation } from './org/demo'
import { systemClock, type Clock } from './system/clock'

export interface CoreOptions {
  dataDir: string
  /** Load the demo organisation into a new database (server mode's default). */
  demo?: boolean
  /** The initial accounts' password; generated (one per account) and printed when not given. */
  adminPassword?: string
  clock?: Clock
  /** Where drizzle/ lives; found by walking up from this file when not given. */
  root?: string
}

export interface Core {
  conn: Connection
  router: Router
  sessions: SessionStore
  clock: Clock
  dataDir: string
  databaseFile: string
  migration: MigrationReport
  /** Accounts created at this start (the three administrators, and the demo's business accounts). */
  initialAccounts: InitialAccount[]
  /** Where their generated passwords were also written, if they were generated. */
  initialPasswordFile: string | null
  close(): void
}

export const DATABASE_FILE = 'sanban.sqlite'

/** Opens the office's database and everything both transports share. Nothing here imports Electron. */
export function openCore(options: CoreOptions): Core {
  const { dataDir } = options
  const clock = options.clock ?? systemClock()
  mkdirSync(dataDir, { recursive: true })
  const databaseFile = join(dataDir, DATABASE_FILE)
  const conn = openConnection(databaseFile)
  try {
    const root = options.root ?? appRoot()
    const migration = migrateDatabase(conn.sqlite, join(root, 'drizzle'), join(dataDir, 'backups'))
    const isNew = migration.applied.length > 0 && migration.backupFile === null
    const admin = conn.sqlite.transaction(() => {
      seedCalendarIfEmpty(conn.db, clock)
      if (isNew && options.demo) loadDemoOrganisation(conn.db)
      return ensureInitialAccounts(conn.db, clock, { password: options.adminPassword, demo: isNew && options.demo })
    })()
    const initialPasswordFile = admin.length > 0 && options.adminPassword === undefined ? writeInitialPasswordFile(dataDir, admin) : null
    const sessions = new SessionStore(conn.db, () => readSettings(conn.db).sessionIdleMinutes)
    const router = createRouter({ conn, clock, dataDir, procedures: buildProcedures(clock) })
    return { conn, router, sessions, clock, dataDir, databaseFile, migration, initialAccounts: admin, initialPasswordFile, close: () => conn.sqlite.close() }
  } catch (e) {
    conn.sqlite.close()
    throw e
  }
}
