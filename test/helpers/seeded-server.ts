import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { seedLarge, SEED_PASSWORD } from '../../bench/seed-large'
import { DATABASE_FILE } from '../../src-main/db/connection'
import { startServer } from '../../src-main/server/start'
import { adjustableClock } from '../../src-main/system/clock'
import { setServerClock } from './browser'
import type { TestServer } from './server'

export { SEED_PASSWORD }

/**
 * A real server over a generated office (bench/seed-large.ts: `years` of 收文, 发文, meetings, 督办, duty at a small
 * scale), its office clock set to `today` at 10:00: for pages and figures that need years of records. Accounts sign in
 * with SEED_PASSWORD.
 */
export async function startSeededServer(options: { today: string; seed: number; scale: number; years?: number }): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sanban-seeded-server-'))
  seedLarge({ file: join(dataDir, DATABASE_FILE), today: options.today, seed: options.seed, scale: options.scale, years: options.years ?? 2 })
  const server = await startServer({ dataDir, port: 0, demo: false, clock: adjustableClock() })
  await setServerClock(server.url, `${options.today}T10:00:00+08:00`)
  return { ...server, dataDir, stop: async () => { await server.close(); rmSync(dataDir, { recursive: true, force: true }) } }
}
