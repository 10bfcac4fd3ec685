import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { startTestServer, rpcClient, must, type TestServer } from '../helpers/server'
import { demoOffice } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { backupMadeBy, untilFinished } from './jobs'

let server: TestServer
let admin: ReturnType<typeof rpcClient>
let clerk: ReturnType<typeof rpcClient>
const demo = demoOffice()
const { deptId } = demo
const upload = (name: string, content: string) => uploadAs(server.url, clerk, name, content)

/** A 收文 with one scanned file: data and an attachment, as the office has them. */
const register = async (title: string, content = `${title}的正文……`) => clerk.ok('incoming.receive', {
  receivedAt: '2026-12-01 09:10', sender: '市住房和城乡建设局', senderDepartmentId: deptId('市住房和城乡建设局'), senderNumber: '资住建〔2026〕88号',
  title, docType: '请示', urgency: '无', copies: 1, pages: 2, arrival: '专人送达',
  files: [{ kind: '正文', file: await upload(`${title}.pdf`, content) }],
})
/** The titles the 收文登记簿 finds for a search, as a clerk sees them. */
const titles = async (text: string, api = clerk) => (await api.ok('registers.incoming', { text, limit: 200 })).rows.map((d) => d.title)

async function backupNow(api = admin) {
  const job = await api.ok('backup.start')
  return untilFinished(api, job.id)
}

/** Signs both in again: a restore ends every session. */
async function signInAgain() {
  await server.core.backups.idle()
  admin = rpcClient(server.url)
  clerk = rpcClient(server.url)
  await admin.login('admin')
  await clerk.login()
}

beforeAll(async () => {
  server = await startTestServer()
  admin = rpcClient(server.url)
  clerk = rpcClient(server.url)
  await admin.login('admin')
  await clerk.login()
  await demo.load(clerk)
  await clerk.ok('system.setClock', { at: '2026-12-01T09:00:00+08:00' })
})
afterAll(async () => {
  await server.core.backups.idle()
  await server.stop()
})

describe('备份 (issue 6)', () => {
  it('only the 系统管理员 may back up or restore (X-5)', async () => {
    expect((await clerk.call('backup.start')).status).toBe(403)
    expect((await clerk.call('backup.list')).status).toBe(403)
    expect((await rpcClient(server.url).call('backup.restore', { name: 'x' })).status).toBe(401)
  })

  it('a backup taken while the office keeps registering documents is consistent, checked and listed', async () => {
    // Enough pages that the copy takes many steps, so the writes below land while it runs.
    const sqlite = server.core.conn.sqlite
    sqlite.exec('CREATE TABLE ballast (id INTEGER PRIMARY KEY, pad BLOB)')
    const pad = sqlite.prepare('INSERT INTO ballast (pad) VALUES (randomblob(4000))')
    sqlite.transaction(() => { for (let i = 0; i < 6000; i++) pad.run() })()

    const job = await admin.ok('backup.start')
    let during = 0
    for (;;) {
      const { running } = await admin.ok('backup.status')
      if (running?.id !== job.id) break
      await register(`备份期间登记的收文${during++}`)
    }
    const done = await untilFinished(admin, job.id)
    expect(done.state, done.message ?? '').toBe('done')
    expect(during).toBeGreaterThan(0)

    const { backups, folder } = await admin.ok('backup.list')
    const listed = must(backups.find((b) => done.message!.includes(b.name)), '刚做的备份')
    expect(listed).toMatchObject({ kind: '手动', checked: true, problem: null })
    expect(listed.size).toBeGreaterThan(6000 * 4000)

    // Each registration wrote its document, its file row and its audit row in one transaction: the copy has all three or none.
    const copy = new Database(join(folder, listed.name, 'sanban.sqlite'), { readonly: true })
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok')
      const docs = copy.prepare("SELECT COUNT(*) AS n FROM incoming_documents WHERE title LIKE '备份期间登记的收文%'").get() as { n: number }
      const files = copy.prepare("SELECT COUNT(*) AS n FROM stored_files WHERE name LIKE '备份期间登记的收文%'").get() as { n: number }
      const audited = copy.prepare("SELECT COUNT(DISTINCT entity_id) AS n FROM audit_log WHERE procedure = 'incoming.receive' AND entity = '收文'").get() as { n: number }
      expect(files.n).toBe(docs.n)
      expect(audited.n).toBe(docs.n)
      const manifest = JSON.parse(readFileSync(join(folder, listed.name, 'manifest.json'), 'utf8'))
      expect(manifest.files).toHaveLength((copy.prepare('SELECT COUNT(DISTINCT path) AS n FROM stored_files').get() as { n: number }).n)
    } finally {
      copy.close()
    }
    sqlite.exec('DROP TABLE ballast')
    sqlite.exec('VACUUM')
  }, 60_000)

  it('shows progress while a large database is copied, and writes an audit row for the start and the outcome', async () => {
    const done = await backupNow()
    expect(done.state).toBe('done')
    expect(done.seen.length).toBeGreaterThan(0)
    const rows = server.core.conn.sqlite.prepare("SELECT procedure, changes FROM audit_log WHERE entity = '备份' ORDER BY id").all() as { procedure: string; changes: string }[]
    expect(rows.filter((r) => r.procedure === 'backup.start').length).toBeGreaterThanOrEqual(4)
    expect(rows.at(-1)!.changes).toContain('成功')
  })

  it('refuses a second job while one runs', async () => {
    const first = await admin.ok('backup.start')
    const second = await admin.call('backup.start')
    expect(second.status).toBe(409)
    expect(second.body.error!.message).toContain('正在备份')
    await untilFinished(admin, first.id)
  })
})

describe('恢复 (issue 6)', () => {
  it('refuses a damaged backup with a clear message and leaves the current data as it was', async () => {
    const done = await backupNow()
    const { folder } = await admin.ok('backup.list')
    const name = await backupMadeBy(admin, done)
    const dbFile = join(folder, name, 'sanban.sqlite')
    const bytes = readFileSync(dbFile)
    bytes.write('损坏', 8192 + 100)
    writeFileSync(dbFile, bytes)
    await register('损坏备份之后登记的收文')

    const job = await admin.ok('backup.restore', { name })
    const failed = await untilFinished(admin, job.id)
    expect(failed.state).toBe('failed')
    expect(failed.message).toBe(`备份「${name}」未通过校验：数据库文件缺失、已损坏或被改动（校验值不符）。不能用它恢复，当前数据未作任何改动。`)
    expect(await titles('损坏备份')).toContain('损坏备份之后登记的收文')
    expect((await admin.ok('backup.list')).backups.filter((b) => b.kind === '恢复前')).toHaveLength(0)
  })

  it('refuses a backup whose attachment was altered', async () => {
    const done = await backupNow()
    const { folder } = await admin.ok('backup.list')
    const name = await backupMadeBy(admin, done)
    const manifest = JSON.parse(readFileSync(join(folder, name, 'manifest.json'), 'utf8'))
    writeFileSync(join(folder, name, manifest.files[0].path), '被改动的内容')
    const failed = await untilFinished(admin, (await admin.ok('backup.restore', { name })).id)
    expect(failed.message).toContain(`附件 ${manifest.files[0].path} 缺失或已损坏`)
  })

  it('brings back the data and the attachments, keeps the data it replaced as a 恢复前 backup, and ends every session', async () => {
    const before = await register('恢复测试：备份前的收文', '备份前的正文内容')
    const done = await backupNow()
    const name = await backupMadeBy(admin, done)
    await register('恢复测试：备份后的收文')
    // The attachment is lost from the data folder after the backup.
    const file = server.core.conn.sqlite.prepare('SELECT path FROM stored_files WHERE name = ?').get('恢复测试：备份前的收文.pdf') as { path: string }
    rmSync(join(server.dataDir, file.path))

    await admin.ok('backup.restore', { name })
    await server.core.backups.idle()
    expect((await clerk.call('registers.incoming', {})).status).toBe(401)
    await signInAgain()

    const { last } = await admin.ok('backup.status')
    expect(last).toMatchObject({ action: '恢复', state: 'done' })
    expect(last?.message).toContain(`已用备份「${name}」`)
    expect(await titles('恢复测试')).toContain('恢复测试：备份前的收文')
    expect(await titles('恢复测试')).not.toContain('恢复测试：备份后的收文')
    const doc = await clerk.ok('incoming.get', { id: before.id })
    const download = await clerk.ok('incoming.downloadFile', { fileId: doc.files[0].fileId })
    expect(Buffer.from(download.base64, 'base64').toString()).toBe('备份前的正文内容')

    const kept = must((await admin.ok('backup.list')).backups.find((b) => b.kind === '恢复前'), '恢复前备份')
    expect(last?.message).toContain(kept.name)
    const copy = new Database(join((await admin.ok('backup.list')).folder, kept.name, 'sanban.sqlite'), { readonly: true })
    try {
      expect(copy.prepare('SELECT title FROM incoming_documents WHERE title = ?').get('恢复测试：备份后的收文')).toBeTruthy()
    } finally { copy.close() }
    const audit = server.core.conn.sqlite.prepare("SELECT changes FROM audit_log WHERE procedure = 'backup.restore' ORDER BY id DESC LIMIT 1").get() as { changes: string }
    expect(audit.changes).toContain(kept.name)
  })
})

describe('定时备份与轮换 (issue 6)', () => {
  it('takes the daily backup once the set time has passed, once a day, and keeps the last 3 days and 2 weeks once they are past the retention', async () => {
    await admin.ok('backup.updateSettings', { scheduleEnabled: true, scheduleTime: '12:30', keepDaily: 3, keepWeekly: 2, folder: '' })
    // Rotation deletes nothing younger than the 安全保密管理员's retention (issue 14), here 30 days.
    const secadmin = rpcClient(server.url)
    await secadmin.login('secadmin')
    await secadmin.ok('settings.update', { backupRetentionDays: 30 })
    const scheduled = async () => (await admin.ok('backup.list')).backups.filter((b) => b.kind === '定时')
    await admin.ok('system.setClock', { at: '2026-12-01T12:00:00+08:00' })
    await server.core.backups.tick()
    expect(await scheduled()).toHaveLength(0)
    for (let day = 1; day <= 20; day++) {
      await admin.ok('system.setClock', { at: `2026-12-${String(day).padStart(2, '0')}T12:31:00+08:00` })
      await server.core.backups.tick()
      await server.core.backups.tick()
    }
    const createdOn = async () => (await scheduled()).map((b) => b.createdAt.slice(0, 10))
    // All twenty are younger than 30 days: none rotated yet.
    expect(await createdOn()).toHaveLength(20)
    await admin.ok('system.setClock', { at: '2027-01-25T12:31:00+08:00' })
    await server.core.backups.tick()
    // 01-25, 12-20, 12-19 (daily, all but 01-25 past 30 days); the newest of the week of 01-25 and of the week of 12-14.
    expect(await createdOn()).toEqual(['2027-01-25', '2026-12-20', '2026-12-19'])
    const audit = server.core.conn.sqlite.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE procedure = 'backup.scheduled'").get() as { n: number }
    expect(audit.n).toBe(21)
  }, 120_000)

  it('refuses a backup folder that is not a full path', async () => {
    const r = await admin.call('backup.updateSettings', { scheduleEnabled: true, scheduleTime: '12:30', keepDaily: 7, keepWeekly: 4, folder: 'backups' })
    expect(r.status).toBe(400)
    expect(r.body.error!.message).toContain('请填写完整路径')
  })
})

describe('导出全部数据、在新电脑上导入 (issue 6)', () => {
  it('moves the whole office to a fresh data folder in one file: data, attachments and accounts', async () => {
    await register('导出测试：要带到新电脑的收文', '新电脑上也要能打开的正文')
    const carry = mkdtempSync(join(tmpdir(), 'sanban-carry-'))
    const fresh = await startTestServer({ demo: false })
    try {
      const exported = await untilFinished(admin, (await admin.ok('backup.export', { folder: carry })).id)
      expect(exported.state, exported.message ?? '').toBe('done')
      const [file] = readdirSync(carry)
      expect(file).toMatch(/^三办全部数据-\d{8}-\d{6}\.tar$/)

      const newAdmin = rpcClient(fresh.url)
      await newAdmin.login('admin')
      await newAdmin.ok('backup.import', { file: join(carry, file) })
      await fresh.core.backups.idle()
      const moved = rpcClient(fresh.url)
      await moved.login()
      const doc = (await moved.ok('registers.incoming', { text: '导出测试', limit: 200 })).rows.find((d) => d.title === '导出测试：要带到新电脑的收文')
      const full = await moved.ok('incoming.get', { id: must(doc, '带到新电脑的收文').id })
      const download = await moved.ok('incoming.downloadFile', { fileId: full.files[0].fileId })
      expect(Buffer.from(download.base64, 'base64').toString()).toBe('新电脑上也要能打开的正文')
      const newAdminAgain = rpcClient(fresh.url)
      await newAdminAgain.login('admin')
      const kinds = (await newAdminAgain.ok('backup.list')).backups.map((b) => b.kind)
      expect(kinds).toEqual(expect.arrayContaining(['导入', '导入前']))
      // The new PC's own audit records (its administrator's sign-in, the import's start) follow the imported log (issue 14).
      const auditor = rpcClient(fresh.url)
      await auditor.login('auditor')
      expect(await auditor.ok('audit.verify')).toMatchObject({ ok: true })
      const started = (await auditor.ok('audit.list', { entity: '数据导入', limit: 20 })).rows
      expect(started.map((r) => r.items.find((i) => i.field === '操作')?.after)).toContain('开始导入')
      const result = (await auditor.ok('audit.list', { entity: '数据导入', limit: 20 })).rows.find((r) => r.items.some((i) => i.field === '说明'))
      expect(result?.items).toContainEqual({ field: '说明', before: null, after: expect.stringContaining('另一条审计链') })
    } finally {
      await fresh.core.backups.idle()
      await fresh.stop()
      rmSync(carry, { recursive: true, force: true })
    }
  }, 60_000)

  it('refuses a file that is not an export, writing nothing outside its folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sanban-hostile-'))
    try {
      const evil = join(dir, 'evil.tar')
      // A tar whose first entry climbs out of the folder.
      const header = Buffer.alloc(512)
      header.write('../../逃逸.txt', 0)
      header.write('0000644\0', 100); header.write('0000000\0', 108); header.write('0000000\0', 116)
      header.write('00000000004\0', 124); header.write('00000000000\0', 136); header.fill(' ', 148, 156); header.write('0', 156); header.write('ustar\u000000', 257)
      let sum = 0
      for (const b of header) sum += b
      header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
      writeFileSync(evil, Buffer.concat([header, Buffer.from('evil'), Buffer.alloc(508 + 1024)]))
      const job = await untilFinished(admin, (await admin.ok('backup.import', { file: evil })).id)
      expect(job.state).toBe('failed')
      expect(job.message).toContain('所选文件不是三办导出的数据文件')
      expect(existsSync(join((await admin.ok('backup.list')).folder, '..', '逃逸.txt'))).toBe(false)
      expect(await titles('导出测试')).toContain('导出测试：要带到新电脑的收文')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
