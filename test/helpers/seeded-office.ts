import { afterAll, beforeAll } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openConnection, type Connection } from '../../src-main/db/connection'
import { seedLarge } from '../../bench/seed-large'

/**
 * A generated office (bench/seed-large.ts, years of data at a small scale) for one test file: built in a fresh
 * folder before its tests, removed after. `conn` is read once the file's tests run.
 */
export function seededOffice(options: { today: string; seed: number; scale: number }): { readonly conn: Connection } {
  let dir = ''
  let conn: Connection | null = null
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sanban-seeded-'))
    seedLarge({ file: join(dir, 'office.sqlite'), ...options })
    conn = openConnection(join(dir, 'office.sqlite'))
  }, 60_000)
  afterAll(() => { conn?.sqlite.close(); rmSync(dir, { recursive: true, force: true }) })
  return { get conn() { if (!conn) throw new Error('the seeded office opens before the tests'); return conn } }
}
