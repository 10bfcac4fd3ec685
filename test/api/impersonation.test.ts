import { describe, expect, it } from 'vitest'
import { rpcClient, must, ADMIN_PASSWORD } from '../helpers/server'
import { officeServer } from '../helpers/office-server'

/*
 * Issue 14 §4: the 系统管理员 resets a business user's password and would sign in as that user. A reset now
 * leaves the account shut until a second person, the 安全保密管理员, confirms it; and every user is told, on
 * signing in, when and from where the previous successful and failed sign-ins were (office time, Asia/Shanghai).
 */
const office = officeServer({ as: 'admin' })
const { server, api: admin } = office
const secadmin = office.signedIn('secadmin')
const NEW_PASSWORD = 'Reset2026abc'
const attempt = (username: string, password: string) => rpcClient(server.url).call('auth.login', { username, password })
const account = async (username: string) => must((await secadmin.ok('users.list')).find((u) => u.username === username), `账号 ${username}`)
const setClock = (at: string) => admin.ok('system.setClock', { at })

describe('no impersonation without a second person (issue 14 §4)', () => {
  it('the 系统管理员 cannot sign in as a user whose password they reset until the 安全保密管理员 confirms it', async () => {
    const wenmi = await account('wenmi')
    await admin.ok('users.resetPassword', { id: wenmi.id, password: NEW_PASSWORD })
    expect(await account('wenmi')).toMatchObject({ approved: false, awaiting: '重置密码待确认' })

    const refused = await attempt('wenmi', NEW_PASSWORD)
    expect(refused.status).toBe(401)
    expect(refused.body.error?.message).toMatch(/^账户尚待安全保密管理员确认（新建的账户，或系统管理员重置了密码的账户/)
    expect((await admin.call('users.confirm', { id: wenmi.id })).status).toBe(403)

    await secadmin.ok('users.confirm', { id: wenmi.id })
    const me = await rpcClient(server.url).ok('auth.login', { username: 'wenmi', password: NEW_PASSWORD })
    expect(me).toMatchObject({ username: 'wenmi', mustChangePassword: true })

    const auditor = rpcClient(server.url)
    await auditor.login('auditor')
    const rows = (await auditor.ok('audit.list', { entity: '登录', entityId: 'wenmi' })).rows
    expect(rows.map((r) => r.items.find((i) => i.field === '结果')?.after)).toEqual(['成功', '拒绝：账户未经安全保密管理员确认'])
    const confirmed = (await auditor.ok('audit.list', { entity: '账户', entityId: String(wenmi.id) })).rows[0]
    expect(confirmed).toMatchObject({ operator: '安全保密管理员', action: '确认账户（新建或重置密码后）' })
  })

  it('keeps the 三员 accounts out of the page: the 安全保密管理员 confirms no administrator account', async () => {
    const auditorAccount = await account('auditor')
    expect((await admin.call('users.resetPassword', { id: auditorAccount.id, password: NEW_PASSWORD })).body.error?.rule).toBe('X-5')
    expect((await secadmin.call('users.confirm', { id: auditorAccount.id })).body.error?.rule).toBe('X-5')
  })
})

describe('the last-sign-in notice', () => {
  it('tells the user when and from where the previous successful and failed sign-ins were, in office time', async () => {
    await setClock('2026-12-01T08:30:00+08:00')
    await rpcClient(server.url).ok('auth.login', { username: 'chayue', password: ADMIN_PASSWORD })
    await setClock('2026-12-02T21:05:00+08:00')
    expect((await attempt('chayue', 'wrong-password1')).status).toBe(401)
    await setClock('2026-12-03T09:00:00+08:00')
    const me = await rpcClient(server.url).ok('auth.login', { username: 'chayue', password: ADMIN_PASSWORD })
    expect(me.lastSignIns).toMatchObject({ failuresSince: 1, success: { from: '127.0.0.1' }, failure: { from: '127.0.0.1' } })
    expect(me.lastSignIns.lines).toEqual([
      '上次成功登录：2026年12月1日 08:30，来自 127.0.0.1',
      '最近一次登录失败：2026年12月2日 21:05，来自 127.0.0.1（密码错误）',
      '自上次成功登录以来，登录失败 1 次。如果不是您本人所为，请立即修改密码并告知安全保密管理员。',
    ])
    const again = await rpcClient(server.url).ok('auth.login', { username: 'chayue', password: ADMIN_PASSWORD })
    expect(again.lastSignIns.lines[0]).toBe('上次成功登录：2026年12月3日 09:00，来自 127.0.0.1')
    expect(again.lastSignIns.failuresSince).toBe(0)
  })

  it('says so on a first sign-in', async () => {
    const u = await admin.ok('users.create', { username: 'xinren', displayName: '刘新人', role: '查阅', password: 'Xinren2026a' })
    await secadmin.ok('users.setClearance', { id: u.id, clearance: '内部' })
    const me = await rpcClient(server.url).ok('auth.login', { username: 'xinren', password: 'Xinren2026a' })
    expect(me.lastSignIns.lines).toEqual(['这是本账户第一次成功登录。', '没有登录失败的记录。'])
  })
})
