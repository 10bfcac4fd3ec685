/**
 * The ten-year office the bench measures: built once by seed:large into bench/.data/ (gitignored),
 * encrypted with its own key file beside the data folder as an office's is, and reused while the
 * generator, the schema and the size are the same. Its build time and size are kept in the manifest (README 性能).
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { join, resolve } from 'node:path'
import { DATABASE_FILE } from '../src-main/db/connection'
import { generateKey, keyFingerprint, readKeyFile, writeKeyFile } from '../src-main/db/key'
import { latestMigrationIn } from '../src-main/db/migrate'
import { backupSettingsSchema, writeBackupSettings } from '../src-main/backup/settings'
import { officeDate } from '../src-main/common/office-time'
import { seedLarge, type SeedCounts } from './seed-large'

export interface BenchOffice {
  dataDir: string
  file: string
  keyFile: string
  key: Buffer
  /** The office date the ten years end on: “today” for every in-process measurement. */
  today: string
  counts: SeedCounts
  /** How long seed:large took to build it and the file's size, when known (recorded since issue 20). */
  built?: { seconds: number; megabytes: number }
}

const ROOT = resolve(__dirname, '..')
const SEED = 20260615
const MANIFEST = 'bench-office.json'

/** What the data depends on: a change to the generator or the schema means building it again. */
function recipe(scale: number) {
  const hash = createHash('sha256')
  for (const f of ['seed-large.ts', 'office-data.ts']) hash.update(readFileSync(join(__dirname, f)))
  return { seed: SEED, scale, generator: hash.digest('hex').slice(0, 16), migration: latestMigrationIn(join(ROOT, 'drizzle')) }
}

type Manifest = ReturnType<typeof recipe> & { today: string; counts: SeedCounts; keyFile: string; built?: BenchOffice['built'] }

function reuse(dataDir: string, want: ReturnType<typeof recipe>): BenchOffice | null {
  const manifest = join(dataDir, MANIFEST)
  if (!existsSync(manifest)) return null
  const have = JSON.parse(readFileSync(manifest, 'utf8')) as Manifest
  const same = (Object.keys(want) as (keyof typeof want)[]).every((k) => have[k] === want[k])
  if (!same || !existsSync(have.keyFile)) return null
  return { dataDir, file: join(dataDir, DATABASE_FILE), keyFile: have.keyFile, key: readKeyFile(have.keyFile), today: have.today, counts: have.counts, built: have.built }
}

/** Whether a process is still running (signal 0 only asks). */
function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true } catch { return false }
}

/**
 * Two bench runs building the same office at once would write into one file with two keys: the second
 * waits for the first (a lock file holding the builder's pid; a dead builder's lock is taken over).
 */
function underLock<T>(lock: string, fn: () => T): T {
  for (;;) {
    try {
      writeFileSync(lock, String(process.pid), { flag: 'wx' })
      break
    } catch {
      const holder = Number(readFileSync(lock, 'utf8'))
      if (!alive(holder)) { rmSync(lock, { force: true }); continue }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500)
    }
  }
  try { return fn() } finally { rmSync(lock, { force: true }) }
}

export function ensureBenchOffice(scale: number, log: (line: string) => void): BenchOffice {
  const name = `office-${scale === 1 ? 'full' : `scale-${scale}`}`
  mkdirSync(join(ROOT, 'bench', '.data'), { recursive: true })
  return underLock(join(ROOT, 'bench', '.data', `${name}.lock`), () => buildOrReuse(name, scale, log))
}

function buildOrReuse(name: string, scale: number, log: (line: string) => void): BenchOffice {
  const want = recipe(scale)
  const dataDir = join(ROOT, 'bench', '.data', name)
  const kept = reuse(dataDir, want)
  if (kept) {
    log(`沿用已生成的数据：${dataDir}（截至 ${kept.today}）`)
    return kept
  }
  if (existsSync(dataDir)) log('生成程序或数据库结构已变，重新生成数据。')
  // Built aside and renamed into place with its manifest, the key file (named by its fingerprint) written
  // first: an interrupted run never leaves half an office, or an office with another's key, to reuse.
  const partial = `${dataDir}.partial`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial, { recursive: true })
  const key = generateKey()
  const keyFile = join(ROOT, 'bench', '.data', `${name}-${keyFingerprint(key)}.key`)
  const today = officeDate(new Date())
  log(`生成十年数据（规模 ${scale}，截至 ${today}）：${dataDir}`)
  const started = performance.now()
  const counts = seedLarge({ file: join(partial, DATABASE_FILE), today, seed: SEED, scale, key, log })
  const built = { seconds: Math.round((performance.now() - started) / 100) / 10, megabytes: Math.round(statSync(join(partial, DATABASE_FILE)).size / 1e6) }
  // The daily backup would copy the whole database in the middle of a measurement.
  writeBackupSettings(partial, { ...backupSettingsSchema.parse({}), scheduleEnabled: false })
  writeKeyFile(keyFile, key)
  writeFileSync(join(partial, MANIFEST), JSON.stringify({ ...want, today, counts, keyFile, built } satisfies Manifest, null, 2))
  rmSync(dataDir, { recursive: true, force: true })
  renameSync(partial, dataDir)
  for (const f of readdirSync(join(ROOT, 'bench', '.data'))) {
    if (f.startsWith(`${name}-`) && f.endsWith('.key') && join(ROOT, 'bench', '.data', f) !== keyFile) rmSync(join(ROOT, 'bench', '.data', f))
  }
  return { dataDir, file: join(dataDir, DATABASE_FILE), keyFile, key, today, counts, built }
}
