/**
 * Issue 6, crash safety: the server process is killed (SIGKILL: no shutdown, no checkpoint) in the
 * middle of a burst of writes, and a migration in the middle of its run. Whatever was acknowledged
 * is there afterwards, the file passes PRAGMA integrity_check, and a migration is either not done or
 * done, never half.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { openCore } from '../../src-main/core'
import { openConnection, type Sqlite } from '../../src-main/db/connection'
import { migrateDatabase } from '../../src-main/db/migrate'
import { journal, MIGRATIONS, migrationsUpTo } from '../db/harness'
import { migrationProcess, serverProcess, ROOT } from '../helpers/crash'
import { rpcClient } from '../helpers/server'

const dirs: string[] = []
const freshDir = (prefix: string) => { const d = mkdtempSync(join(tmpdir(), prefix)); dirs.push(d); return d }
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }) })

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms))
const integrity = (sqlite: Sqlite) => sqlite.pragma('integrity_check', { simple: true })

describe('a server killed in the middle of a burst of writes (issue 6)', () => {
  it('keeps every acknowledged write and an intact file, kill after kill', async () => {
    const home = freshDir('sanban-crash-')
    const dataDir = join(home, 'data')
    const keyFile = join(home, 'data.key')
    const ROUNDS = 25
    let acknowledgedTotal = 0
    for (let round = 0; round < ROUNDS; round++) {
      const { child, url } = await serverProcess(dataDir, keyFile)
      const api = rpcClient(url)
      await api.login()
      const acknowledged: string[] = []
      let killed = false
      let n = 0
      // Eight writers at once, so the kill finds transactions in flight, not an idle server.
      const writer = async () => {
        while (!killed) {
          const name = `压测${round}-${n++}`
          try {
            const r = await api.call('org.savePerson', { name, note: '崩溃测试' })
            if (r.body.ok) acknowledged.push(name)
            else throw new Error(`写入被拒绝：${JSON.stringify(r.body.error)}`)
          } catch (e) {
            if (!killed) throw e
          }
        }
      }
      const writers = Array.from({ length: 8 }, writer)
      await sleep(30 + Math.random() * 400)
      killed = true
      await child.kill()
      await Promise.all(writers)
      await expect(fetch(`${url}/health`), '服务器进程应已被终止').rejects.toThrow()
      expect(acknowledged.length, `第${round + 1}轮在被终止前应已确认写入`).toBeGreaterThan(0)

      const core = openCore({ dataDir, keyFile, root: ROOT, scheduledBackups: false })
      try {
        expect(integrity(core.conn.sqlite)).toBe('ok')
        const present = new Set(core.conn.sqlite.prepare("SELECT name FROM people WHERE name LIKE '压测%'").pluck().all() as string[])
        expect(acknowledged.filter((name) => !present.has(name)), `第${round + 1}轮丢失了已确认的写入`).toEqual([])
      } finally {
        core.close()
      }
      acknowledgedTotal += acknowledged.length
    }
    console.log(`[crash] ${ROUNDS} 次强行终止服务器进程，${acknowledgedTotal} 条已确认写入全部保留，数据库完整性检查均为 ok`)
  }, 300_000)
})

describe('a migration killed part-way (issue 6)', () => {
  const schemaOf = (sqlite: Sqlite) => sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all()
  const level = (sqlite: Sqlite) => sqlite.prepare('SELECT count(*) FROM __drizzle_migrations').pluck().get() as number
  const SEEDED = { users: 150_000, audit_log: 100_000 }
  const counts = (sqlite: Sqlite) => ({
    users: sqlite.prepare('SELECT count(*) FROM users').pluck().get(),
    audit_log: sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get(),
  })

  /** A database of the release before the last migration, with enough rows that migrating takes a while. */
  function olderDatabase(): { file: string; oldSchema: unknown; newSchema: unknown } {
    const dir = freshDir('sanban-oldrelease-')
    const file = join(dir, 'old.sqlite')
    const last = journal().at(-1)!.idx
    const { sqlite } = openConnection(file)
    migrateDatabase(sqlite, migrationsUpTo(last - 1), join(dir, 'backups'))
    sqlite.exec(`
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${SEEDED.users})
      INSERT INTO users (username, display_name, password_hash, role, created_at)
        SELECT 'u' || i, '用户' || i, 'x', '文秘', '2026-01-01T00:00:00Z' FROM n;
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${SEEDED.audit_log})
      INSERT INTO audit_log (at, procedure) SELECT '2026-01-01T00:00:00Z', 'org.savePerson' FROM n;`)
    const oldSchema = schemaOf(sqlite)
    sqlite.close()
    const probe = join(dir, 'probe.sqlite')
    copyFileSync(file, probe)
    const p = openConnection(probe)
    migrateDatabase(p.sqlite, MIGRATIONS, join(dir, 'backups'))
    const newSchema = schemaOf(p.sqlite)
    p.sqlite.close()
    return { file, oldSchema, newSchema }
  }

  it('leaves the old level intact or the new one complete, never half, and the next start finishes it', async () => {
    const { file: template, oldSchema, newSchema } = olderDatabase()
    const all = journal().length
    // How long a whole run takes here, so the kills spread over all of it.
    const probeDir = freshDir('sanban-migrate-')
    copyFileSync(template, join(probeDir, 'db.sqlite'))
    const probe = await migrationProcess(join(probeDir, 'db.sqlite'), join(probeDir, 'backups'))
    const started = performance.now()
    probe.go()
    await probe.child.waitFor(/^(done)$/)
    const runMs = performance.now() - started
    await probe.child.kill()

    const ROUNDS = 20
    const outcome = { old: 0, new: 0 }
    for (let round = 0; round < ROUNDS; round++) {
      const dir = freshDir('sanban-migrate-')
      const file = join(dir, 'db.sqlite')
      copyFileSync(template, file)
      const run = await migrationProcess(file, join(dir, 'backups'))
      run.go()
      await sleep(Math.random() * runMs * 1.5)
      await run.child.kill()

      const { sqlite } = openConnection(file)
      try {
        expect(integrity(sqlite)).toBe('ok')
        const schema = schemaOf(sqlite)
        const done = level(sqlite) === all
        expect(schema, `第${round + 1}轮：结构与迁移记录不一致（半迁移）`).toEqual(done ? newSchema : oldSchema)
        expect(counts(sqlite)).toEqual(SEEDED)
        outcome[done ? 'new' : 'old']++
        // A backup cut off by the kill would look like a backup and restore nothing.
        const backupFiles = () => existsSync(join(dir, 'backups')) ? readdirSync(join(dir, 'backups')) : []
        for (const b of backupFiles().filter((f) => f.endsWith('.sqlite'))) {
          const copy = new Database(join(dir, 'backups', b), { readonly: true })
          try {
            expect(integrity(copy), `第${round + 1}轮：备份 ${b} 不完整`).toBe('ok')
            expect(schemaOf(copy)).toEqual(oldSchema)
          } finally {
            copy.close()
          }
        }
        migrateDatabase(sqlite, MIGRATIONS, join(dir, 'backups'))
        expect(backupFiles().filter((f) => !f.endsWith('.sqlite')), '中断的备份残留应已清除').toEqual([])
        expect(schemaOf(sqlite)).toEqual(newSchema)
        expect(level(sqlite)).toBe(all)
        expect(counts(sqlite)).toEqual(SEEDED)
        expect(sqlite.pragma('foreign_key_check')).toEqual([])
      } finally {
        sqlite.close()
      }
    }
    console.log(`[crash] 迁移中途强行终止 ${ROUNDS} 次（整次迁移约 ${Math.round(runMs)} 毫秒）：${outcome.old} 次保持旧版本完好，${outcome.new} 次已完整升级，均无半迁移`)
    // Both outcomes occurred, so the kills did land before and after the commit.
    expect(outcome.old).toBeGreaterThan(0)
    expect(outcome.new).toBeGreaterThan(0)
  }, 300_000)
})
