import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openConnection, type Connection } from '../../src-main/db/connection'
import { migrateDatabase } from '../../src-main/db/migrate'
import { openCore } from '../../src-main/core'
import { writeAudit } from '../../src-main/audit/trail'
import { AuditTrail } from '../../src-main/kernel/audit-trail'
import { chainHash, RECORD_COLUMNS, recordOf } from '../../src-main/audit/chain'
import { sealLegacyAudit } from '../../src-main/audit/seal'
import { verifyAuditChain } from '../../src-main/audit/verify'
import type { SessionUser } from '../../src-main/kernel/procedure'
import { twoProcessRace } from '../helpers/race'
import { rpcClient } from '../helpers/server'
import { MIGRATIONS, migrationsUpTo } from '../db/harness'

const clerk: SessionUser = { id: 5, username: 'wenmi', displayName: '文秘', role: '文秘', clearance: '秘密', mustChangePassword: false }
const cleanup: (() => void)[] = []
afterEach(() => { while (cleanup.length) cleanup.pop()!() })

/** A database at the latest migration with `n` audited changes (ids 1…n), written the way the router writes them. */
function logOf(n: number, migrations = MIGRATIONS) {
  const dir = mkdtempSync(join(tmpdir(), 'sanban-audit-'))
  const file = join(dir, 'sanban.sqlite')
  const conn = openConnection(file)
  cleanup.push(() => { conn.sqlite.close(); rmSync(dir, { recursive: true, force: true }) })
  migrateDatabase(conn.sqlite, migrations, join(dir, 'backups'))
  const write = (i: number) => conn.sqlite.transaction(() => {
    const trail = new AuditTrail()
    trail.record({ entity: '人员', id: i, before: i > 1 ? { phone: '1' } : null, after: { name: `人员${i}`, phone: String(i) } })
    writeAudit(conn.db, new Date(Date.UTC(2026, 9, 12, 1, 0, i)), clerk, 'org.savePerson', trail)
  }).immediate()
  for (let i = 1; i <= n; i++) write(i)
  return { dir, file, conn, write, verify: (anchor?: { id: number; hash: string }) => verifyAuditChain(conn.sqlite, anchor), attacker: () => attackerOn(file) }
}

/** Someone holding the database file: a connection of their own, the append-only triggers dropped. */
function attackerOn(file: string) {
  const db = new Database(file)
  cleanup.push(() => db.close())
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete')
  return db
}

const CONTENT = 'at, user_id, username, procedure, entity, entity_id, changes, prev_hash, hash'

function swapContents(db: Database.Database, a: number, b: number): void {
  db.transaction(() => {
    const [ra, rb] = [a, b].map((id) => db.prepare(`SELECT ${CONTENT} FROM audit_log WHERE id = ?`).get(id) as Record<string, unknown>)
    const put = db.prepare(`UPDATE audit_log SET ${CONTENT.split(', ').map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`)
    put.run({ ...rb, id: a })
    put.run({ ...ra, id: b })
  })()
}

describe('the tamper-evident audit trail', () => {
  it('finds an untouched log complete, counts every record and gives the newest hash to note down', async () => {
    const log = logOf(10)
    const report = await log.verify()
    expect(report).toMatchObject({ ok: true, checked: 10, lastId: 10, brokenAt: null })
    expect(report.lastHash).toMatch(/^[0-9a-f]{64}$/)
    expect(report.message).toBe('审计日志完整：已校验 10 条记录，没有发现修改、删除、插入或顺序调换。')
  })

  it('names the record whose changes were edited in the file', async () => {
    const log = logOf(10)
    log.attacker().prepare('UPDATE audit_log SET changes = ? WHERE id = 4').run(JSON.stringify({ 新建: { name: '别人' } }))
    expect(await log.verify()).toMatchObject({ ok: false, brokenAt: 4, problem: '修改', checked: 3, message: '审计日志已被篡改：编号 4 的记录被修改（内容与其校验值不符）（已校验 3 条记录）' })
  })

  it('names the record whose operator was changed, even when only the user id differs', async () => {
    const log = logOf(10)
    log.attacker().prepare('UPDATE audit_log SET user_id = 1 WHERE id = 9').run()
    expect(await log.verify()).toMatchObject({ ok: false, brokenAt: 9, problem: '修改' })
  })

  it('says a record was deleted, and where', async () => {
    const log = logOf(10)
    log.attacker().prepare('DELETE FROM audit_log WHERE id = 5').run()
    const report = await log.verify()
    expect(report).toMatchObject({ ok: false, brokenAt: 6, problem: '删除', checked: 4 })
    expect(report.message).toContain('编号 6 之前有记录被删除（编号 5 不见了）')
  })

  it('says the first records were deleted when the log no longer starts at its beginning', async () => {
    const log = logOf(6)
    log.attacker().prepare('DELETE FROM audit_log WHERE id <= 2').run()
    expect(await log.verify()).toMatchObject({ ok: false, brokenAt: 3, problem: '删除', checked: 0 })
  })

  it('says records were cut off the end', async () => {
    const log = logOf(10)
    log.attacker().prepare('DELETE FROM audit_log WHERE id > 8').run()
    expect(await log.verify()).toMatchObject({ ok: false, problem: '删除', checked: 8, message: expect.stringContaining('编号 8 之后的记录被删除（最后的编号应为 10）') })
  })

  it('says the order was changed when two records swap places', async () => {
    const log = logOf(10)
    swapContents(log.attacker(), 3, 7)
    const report = await log.verify()
    expect(report).toMatchObject({ ok: false, brokenAt: 3, problem: '调换', checked: 2 })
    expect(report.message).toContain('顺序被调换：编号 3 的记录原本排在编号 6 之后')
  })

  it('catches a forged record inserted without a hash, with a made-up hash, or copied from another', async () => {
    const forge = (log: ReturnType<typeof logOf>, hash: string | null) => log.attacker()
      .prepare("INSERT INTO audit_log (at, user_id, username, procedure, entity, entity_id, changes, prev_hash, hash) VALUES ('2026-10-12T02:00:00.000Z', 1, '管理员', 'org.deletePerson', '人员', '3', NULL, NULL, ?)").run(hash)
    const bare = logOf(5)
    forge(bare, null)
    expect(await bare.verify()).toMatchObject({ ok: false, brokenAt: 6, problem: '无校验值', message: expect.stringContaining('编号 6 的记录没有校验值') })
    const madeUp = logOf(5)
    forge(madeUp, 'f'.repeat(64))
    expect(await madeUp.verify()).toMatchObject({ ok: false, brokenAt: 6, problem: '修改' })
    const copied = logOf(5)
    copied.attacker().exec(`INSERT INTO audit_log (${CONTENT}) SELECT ${CONTENT} FROM audit_log WHERE id = 3`)
    expect(await copied.verify()).toMatchObject({ ok: false, brokenAt: 6, problem: '插入', message: expect.stringContaining('编号 6 的记录是编号 3 的复制') })
  })

  it('catches a log rewritten with freshly computed hashes against the hash noted at an earlier check', async () => {
    const log = logOf(8)
    const noted = await log.verify()
    const db = log.attacker()
    db.prepare("UPDATE audit_log SET username = '别人' WHERE id = 4").run()
    // Whoever knows the algorithm can recompute every hash from there on: the chain alone then looks whole.
    let prev = (db.prepare('SELECT hash FROM audit_log WHERE id = 3').get() as { hash: string }).hash
    for (const raw of db.prepare(`SELECT ${RECORD_COLUMNS} FROM audit_log WHERE id >= 4 ORDER BY id`).raw().all() as unknown[][]) {
      const r = recordOf(raw)
      const hash = chainHash(prev, r)
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id)
      prev = hash
    }
    expect((await log.verify()).ok).toBe(true)
    const report = await log.verify({ id: noted.lastId!, hash: noted.lastHash! })
    expect(report).toMatchObject({ ok: false, brokenAt: 8, problem: '与记下的校验值不符' })
    expect(report.message).toContain('编号 8 的校验值与记下的不同')
  })

  it('refuses UPDATE and DELETE of audit records through SQL', async () => {
    const log = logOf(3)
    const db = new Database(log.file)
    cleanup.push(() => db.close())
    expect(() => db.prepare("UPDATE audit_log SET changes = '{}' WHERE id = 2").run()).toThrow(/审计日志不可修改/)
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 2').run()).toThrow(/审计日志不可删除/)
    expect(await log.verify()).toMatchObject({ ok: true, checked: 3 })
  })

  it('seals the records of an older database once at start, and never a record written around the system later', async () => {
    const older = mkdtempSync(join(tmpdir(), 'sanban-audit-old-'))
    cleanup.push(() => rmSync(older, { recursive: true, force: true }))
    const before = openConnection(join(older, 'sanban.sqlite'))
    migrateDatabase(before.sqlite, migrationsUpTo(3), join(older, 'backups'))
    before.sqlite.exec(`INSERT INTO audit_log (at, procedure, entity, entity_id, changes) VALUES
      ('2026-01-01T00:00:00Z', 'org.savePerson', '人员', '1', '{"新建":{"name":"张明远"}}'),
      ('2026-01-02T00:00:00Z', 'org.deletePerson', '人员', '1', NULL)`)
    before.sqlite.close()
    const core = openCore({ dataDir: older })
    cleanup.push(() => core.close())
    expect(core.conn.sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE hash IS NULL').get()).toEqual({ n: 0 })
    // The two old records, then what this start wrote itself (the meeting types it seeded).
    const written = core.conn.sqlite.prepare("SELECT count(*) FROM audit_log WHERE procedure = 'system.seed'").pluck().get() as number
    expect(await verifyAuditChain(core.conn.sqlite)).toMatchObject({ ok: true, checked: 2 + written })
    core.conn.sqlite.prepare("INSERT INTO audit_log (at, procedure) VALUES ('2026-01-03T00:00:00Z', 'users.create')").run()
    expect(sealLegacyAudit(core.conn.db)).toBe(0)
    expect(await verifyAuditChain(core.conn.sqlite)).toMatchObject({ ok: false, brokenAt: 3 + written, problem: '无校验值' })
  })

  it('checks one snapshot: records written while the check lets others in are not taken for records cut off', async () => {
    const log = logOf(10)
    const checker = openConnection(log.file)
    cleanup.push(() => checker.sqlite.close())
    let written = 0
    const report = await verifyAuditChain(checker.sqlite, undefined, { every: 3, pause: async () => { log.write(100 + written++) } })
    expect(written).toBe(3)
    expect(report).toMatchObject({ ok: true, checked: 10 })
    expect(await verifyAuditChain(checker.sqlite)).toMatchObject({ ok: true, checked: 13 })
  })

  it('chains a record written after a refusal that kept its writes, like any other', async () => {
    const log = logOf(2)
    log.conn.sqlite.transaction(() => {
      const trail = new AuditTrail()
      trail.record({ entity: '登录', id: 'wenmi', after: { 结果: '失败：密码错误' } })
      writeAudit(log.conn.db, new Date(), null, 'auth.login', trail)
    }).immediate()
    log.write(3)
    expect(await log.verify()).toMatchObject({ ok: true, checked: 4 })
  })
})

describe('two server processes writing the audit trail at once', () => {
  it('leave one unbroken chain', async () => {
    const race = twoProcessRace()
    try {
      await race.setup(async () => {})
      const clients = await race.clients('2026-10-12T09:00:00+08:00')
      const stranger = (url: ReturnType<typeof rpcClient>) => url.call('auth.login', { username: 'nobody', password: 'x' })
      await Promise.all(clients.map(async (c) => {
        await Promise.all(Array.from({ length: 15 }, (_, i) => (i % 2 ? c.login() : stranger(c))))
      }))
      const conn: Connection = openConnection(join(race.dataDir, 'sanban.sqlite'))
      try {
        const { n } = conn.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE procedure = 'auth.login'").get() as { n: number }
        expect(n).toBeGreaterThanOrEqual(30)
        const total = (conn.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n
        expect(await verifyAuditChain(conn.sqlite)).toMatchObject({ ok: true, checked: total })
      } finally {
        conn.sqlite.close()
      }
    } finally {
      await race.stop()
    }
  }, 60_000)
})
