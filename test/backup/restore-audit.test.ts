import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, rpcClient, must, ADMIN_PASSWORD, type TestServer } from '../helpers/server'
import { demoOffice } from '../helpers/demo-office'
import { backupMadeBy, untilFinished } from './jobs'

/*
 * Issue 14 §2 (X-5: no administrator may alter the logs). The 系统管理员 takes a backup, the 文秘 registers a
 * 收文 and people sign in and fail to, then the 系统管理员 restores the backup: the data goes back, the audit
 * records of the interval do not, the chain still verifies (against the hash the auditor noted before), the
 * restore is itself a record, and the backup taken before the restore cannot be deleted.
 */
let server: TestServer
let admin: ReturnType<typeof rpcClient>
let auditor: ReturnType<typeof rpcClient>
const demo = demoOffice()
const { deptId } = demo
const TITLE = '恢复期间登记的收文：关于城区供水管网改造的请示'

async function signIn(username: string) {
  const c = rpcClient(server.url)
  await c.login(username)
  return c
}

beforeAll(async () => {
  server = await startTestServer()
  admin = await signIn('admin')
  await demo.load((await signIn('kezhang')))
  await admin.ok('system.setClock', { at: '2026-12-01T09:00:00+08:00' })
})
afterAll(async () => {
  await server.core.backups.idle()
  await server.stop()
})

let backupName: string
let anchor: { id: number; hash: string }

describe('a restore keeps the audit trail (issue 14 §2)', () => {
  it('keeps the records written after the backup — the registration and the sign-ins — and the chain verifies across the restore', async () => {
    const done = await untilFinished(admin, (await admin.ok('backup.start')).id)
    backupName = await backupMadeBy(admin, done)

    await admin.ok('system.setClock', { at: '2026-12-01T10:00:00+08:00' })
    const wenmi = await signIn('wenmi')
    const doc = await wenmi.ok('incoming.receive', {
      receivedAt: '2026-12-01 09:50', sender: '市住房和城乡建设局', senderDepartmentId: deptId('市住房和城乡建设局'), senderNumber: '资住建〔2026〕12号',
      title: TITLE, docType: '请示', urgency: '无', copies: 1, pages: 3, arrival: '专人送达', files: [],
    })
    expect((await rpcClient(server.url).call('auth.login', { username: 'chayue', password: 'wrong-password1' })).status).toBe(401)
    auditor = await signIn('auditor')
    const noted = await auditor.ok('audit.verify')
    anchor = { id: must(noted.lastId, '最后一条审计记录'), hash: must(noted.lastHash, '最后一条审计记录的哈希') }

    await admin.ok('system.setClock', { at: '2026-12-01T11:00:00+08:00' })
    await admin.ok('backup.restore', { name: backupName })
    await server.core.backups.idle()
    admin = await signIn('admin')
    const { last } = await admin.ok('backup.status')
    expect(last).toMatchObject({ action: '恢复', state: 'done', message: expect.stringMatching(/备份之后的 \d+ 条审计记录已接续保留/) })

    // The data is the backup's: the 收文 registered after it is gone …
    expect((await (await signIn('kezhang')).call('incoming.get', { id: doc.id })).body.error?.code).toBe('NOT_FOUND')
    // … but its registration, the sign-ins and the restore itself are in the log.
    auditor = await signIn('auditor')
    const rows = (await auditor.ok('audit.list', { from: '2026-12-01', to: '2026-12-01', limit: 500 })).rows
    expect(rows.find((r) => r.procedure === 'incoming.receive' && r.entity === '收文')).toMatchObject({ operator: '王文秘', record: `收文 ${doc.id}` })
    const signIns = rows.filter((r) => r.entity === '登录').map((r) => `${r.record} ${r.items.find((i) => i.field === '结果')?.after}`)
    expect(signIns).toEqual(expect.arrayContaining(['登录（用户名 wenmi） 成功', '登录（用户名 chayue） 失败：密码错误', '登录（用户名 auditor） 成功']))
    const restore = rows.find((r) => r.entity === '数据恢复' && r.kind === '新建' && r.items.some((i) => i.field === '结果'))
    expect(restore).toMatchObject({ action: '用备份恢复数据', operator: '系统管理员', record: `数据恢复 ${backupName}` })
    expect(restore?.items).toEqual(expect.arrayContaining([{ field: '结果', before: null, after: '成功' }, { field: '接续的审计记录', before: null, after: expect.stringMatching(/^\d+ 条$/) }]))
    expect(rows.find((r) => r.procedure === 'backup.restore' && r.items.some((i) => i.after === '开始恢复'))).toBeDefined()

    const report = await auditor.ok('audit.verify', { anchor })
    expect(report).toMatchObject({ ok: true, problem: null })
    expect(report.message).toMatch(/^审计日志完整/)
    expect(report.lastId).toBeGreaterThan(anchor.id)
  })

  it('refuses to delete the 恢复前 backup or one younger than the retention, in Chinese; an older one can go, and each deletion is recorded', async () => {
    const { backups, retentionDays } = await admin.ok('backup.list')
    expect(retentionDays).toBe(180)
    const kept = must(backups.find((b) => b.kind === '恢复前'), '恢复前备份')
    expect(kept.keptBecause).toContain('任何管理员都不能删除')
    const beforeRestore = await admin.call('backup.delete', { name: kept.name })
    expect(beforeRestore.status).toBe(422)
    expect(beforeRestore.body.error).toMatchObject({ code: 'RULE', rule: 'X-5' })
    expect(beforeRestore.body.error?.message).toBe(`备份「${kept.name}」是恢复数据之前自动留存的，保存着被替换的全部数据和审计记录，任何管理员都不能删除（涉密信息系统三员分立）`)
    const young = await admin.call('backup.delete', { name: backupName })
    expect(young.body.error?.message).toBe(`备份「${backupName}」未满安全保密管理员设定的最短保存期限（180天），2027年5月30日以后才能删除`)

    // The 系统管理员 cannot shorten the retention; the 安全保密管理员 sets it.
    expect((await admin.call('settings.update', { backupRetentionDays: 30 })).status).toBe(403)
    await (await signIn('secadmin')).ok('settings.update', { backupRetentionDays: 30 })
    await admin.ok('system.setClock', { at: '2027-01-05T09:00:00+08:00' })
    expect(await admin.ok('backup.delete', { name: backupName })).toEqual({ deleted: backupName })
    expect((await admin.call('backup.delete', { name: kept.name })).status).toBe(422)
    const names = (await admin.ok('backup.list')).backups.map((b) => b.name)
    expect(names).not.toContain(backupName)
    expect(names).toContain(kept.name)

    const deletions = (await auditor.ok('audit.list', { entity: '备份', limit: 50 })).rows.filter((r) => r.procedure === 'backup.delete')
    expect(deletions).toHaveLength(1)
    expect(deletions[0]).toMatchObject({ operator: '系统管理员', kind: '删除', record: `备份 ${backupName}` })
    expect((await auditor.ok('audit.verify', { anchor })).ok).toBe(true)
  })

  it('signs the 系统管理员 back in after the restore with the same password (the accounts are the backup\'s)', async () => {
    expect((await rpcClient(server.url).call('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200)
  })
})
