import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DATABASE_FILE, openConnection, type Connection } from './db/connection'
import { migrateDatabase, type MigrationReport } from './db/migrate'
import { encryptPlainDatabasesIn, isPlainDatabase, WrongKeyError } from './db/cipher'
import { resolveDatabaseKey } from './db/database-key'
import { checkBeforeOpening, checkWholeFile, explainWrongKey } from './preflight'
import { keyFingerprint } from './db/key'
import { sealPlainFiles } from './files/at-rest'
import { appRoot } from './system/paths'
import { createRouter, type Router } from './rpc/router'
import { buildProcedures } from './rpc/procedures'
import { SessionStore } from './auth/sessions'
import { ensureInitialAccounts, writeInitialPasswordFile, type InitialAccount } from './auth/accounts'
import { readSettings } from './settings/service'
import { dataVersionOf, untilDataChanges } from './db/data-version'
import { seedCalendarIfEmpty } from './calendar/seed'
import { seedMeetingTypesIfEmpty } from './meetings/types/seed'
import { writeAudit } from './audit/trail'
import { AuditTrail } from './kernel/audit-trail'
import { loadDemoOrganisation } from './org/demo'
import { systemClock } from './system/clock'
import { type Clock } from './kernel/clock'
import { openBackupOffice, type BackupOffice } from './backup/office'
import { sealLegacyAudit } from './audit/seal'

export interface CoreOptions {
  dataDir: string
  /** Load the demo organisation into a new database (server mode's default). */
  demo?: boolean
  /** The initial accounts' password; generated (one per account) and printed when not given. */
  adminPassword?: string
  clock?: Clock
  /** Where drizzle/ lives; found by walking up from this file when not given. */
  root?: string
  /**
   * Take the daily backup on a timer (backup/office.ts). On by default; off by default with a clock
   * tests can move, whose servers take backups only when a test asks.
   */
  scheduledBackups?: boolean
  /**
   * The database key file (created with a random key on the first start). Server mode and the
   * desktop app always give one; without it the database stays unencrypted, which is for tests only.
   */
  keyFile?: string
  /**
   * How many register pages and searches to keep for every caller with the same clearance until the data
   * changes (rpc/router.ts); 0 computes every call.
   */
  sharedAnswers?: number
}

/**
 * Enough for the register pages and searches an office has open at once: each kept as its reply, about 40 KB
 * of UTF-8 for 50 rows, 10 MB in all. Under 20 busy clients (npm run bench) 100 kept half the throughput.
 */
export const DEFAULT_SHARED_ANSWERS = 250

export interface Encryption {
  keyFile: string
  fingerprint: string
  /** The key file was written at this start: the office must copy it to removable media now. */
  keyCreated: boolean
  /** An unencrypted database (from before encryption) was encrypted at this start. */
  encryptedNow: boolean
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
  /** The key this database is encrypted with; null for a test database without a key. */
  encryption: Encryption | null
  /** Backups, restore, export and import of this database (jobs, schedule). */
  backups: BackupOffice
  /**
   * Closes the database, lets `replace` put another file in its place (a restore), and opens what is
   * there, migrated, through the same `conn` object; every session ends. If `replace` throws, the
   * old file is reopened and the error passed on.
   */
  reopenDatabase(replace: () => void): void
  close(): void
}

/** The connection, with a key that fails explained (damaged file or wrong key) and a cut-short file refused. */
function openOfficeDatabase(databaseFile: string, key: Buffer | undefined): Connection {
  let conn: Connection
  try {
    conn = openConnection(databaseFile, key)
  } catch (e) {
    throw key && e instanceof WrongKeyError ? explainWrongKey(e, databaseFile, key) : e
  }
  try {
    checkWholeFile(conn.sqlite, databaseFile)
    return conn
  } catch (e) {
    conn.sqlite.close()
    throw e
  }
}

/** Opens the office's database and everything both transports share. Nothing here imports Electron. */
export function openCore(options: CoreOptions): Core {
  const { dataDir } = options
  const clock = options.clock ?? systemClock()
  mkdirSync(dataDir, { recursive: true })
  const databaseFile = join(dataDir, DATABASE_FILE)
  checkBeforeOpening({ databaseFile, keyFile: options.keyFile })
  const dbKey = options.keyFile ? resolveDatabaseKey(options.keyFile, databaseFile) : null
  const encryptedNow = !!dbKey && isPlainDatabase(databaseFile)
  const conn = openOfficeDatabase(databaseFile, dbKey?.key)
  try {
    if (dbKey) encryptPlainDatabasesIn(join(dataDir, 'backups'), dbKey.key)
    const encryption = dbKey && { keyFile: dbKey.keyFile, fingerprint: keyFingerprint(dbKey.key), keyCreated: dbKey.created, encryptedNow }
    const root = options.root ?? appRoot()
    const migration = migrateDatabase(conn.sqlite, join(root, 'drizzle'), join(dataDir, 'backups'))
    sealLegacyAudit(conn.db)
    const isNew = migration.applied.length > 0 && migration.backupFile === null
    // Outside the transaction below: it moves files, which a rollback would not put back.
    sealPlainFiles(conn.db, dataDir)
    const admin = conn.sqlite.transaction(() => {
      seedCalendarIfEmpty(conn.db, clock)
      const seeded = new AuditTrail()
      seedMeetingTypesIfEmpty(conn.db, seeded)
      if (seeded.changes.length) writeAudit(conn.db, clock.now(), null, 'system.seed', seeded)
      if (isNew && options.demo) loadDemoOrganisation(conn.db)
      return ensureInitialAccounts(conn.db, clock, { password: options.adminPassword, demo: isNew && options.demo })
    })()
    const initialPasswordFile = admin.length > 0 && options.adminPassword === undefined ? writeInitialPasswordFile(dataDir, admin) : null
    const dataVersion = dataVersionOf(conn)
    const newSessions = () => new SessionStore(conn.db, dataVersion, untilDataChanges(dataVersion, () => readSettings(conn.db).sessionIdleMinutes))
    const router = createRouter({ conn, sharedAnswers: options.sharedAnswers ?? DEFAULT_SHARED_ANSWERS, clock, dataDir, procedures: buildProcedures(clock) })
    const core: Core = {
      conn, router, sessions: newSessions(), clock, dataDir, databaseFile, migration, initialAccounts: admin, initialPasswordFile, encryption,
      backups: undefined as unknown as BackupOffice,
      reopenDatabase(replace) {
        conn.sqlite.pragma('wal_checkpoint(TRUNCATE)')
        conn.sqlite.close()
        try {
          replace()
        } finally {
          const next = openConnection(databaseFile, dbKey?.key)
          migrateDatabase(next.sqlite, join(root, 'drizzle'), join(dataDir, 'backups'))
          Object.assign(conn, next)
          core.sessions = newSessions()
        }
      },
      close: () => { void core.backups.stop(); conn.sqlite.close() },
    }
    core.backups = openBackupOffice(core, root, options.scheduledBackups ?? !('set' in clock))
    return core
  } catch (e) {
    conn.sqlite.close()
    throw e
  }
}
