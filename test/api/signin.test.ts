import { describe, expect, it } from 'vitest'
import { rpcClient, ADMIN_PASSWORD, must } from '../helpers/server'
import { officeServer } from '../helpers/office-server'

const office = officeServer({ as: 'secadmin', clock: '2026-11-25T09:00:00+08:00' })
const { server, api: secadmin } = office
const sysadmin = office.signedIn('admin')

const attempt = (username: string, password: string) => rpcClient(server.url).call('auth.login', { username, password })
const userNamed = async (username: string) => must((await secadmin.ok('users.list')).find((u) => u.username === username), `账号 ${username}`)

describe('lockout after repeated failed sign-ins', () => {
  it('warns how many tries are left, locks at the fifth, and refuses even the right password while locked', async () => {
    const first = await attempt('chayue', 'wrong-password1')
    expect(first.body.error?.message).toBe('用户名或密码不正确（再输错4次将锁定账户）')
    for (let i = 0; i < 3; i++) await attempt('chayue', 'wrong-password1')
    const fifth = await attempt('chayue', 'wrong-password1')
    expect(fifth.body.error?.message).toBe('密码连续输错5次，账户已锁定30分钟')
    const right = await attempt('chayue', ADMIN_PASSWORD)
    expect(right.status).toBe(401)
    expect(right.body.error?.message).toBe('账户已锁定，请于09:30后再试，或请安全保密管理员解锁')
    expect((await userNamed('chayue')).lockedUntil).toMatch(/^2026-11-25T01:30/)
  })

  it('lets the account in again once the lock has run out', async () => {
    await secadmin.ok('system.setClock', { at: '2026-11-25T09:31:00+08:00' })
    expect((await attempt('chayue', ADMIN_PASSWORD)).status).toBe(200)
  })

  it('lets the 安全保密管理员 lift a lock at once', async () => {
    for (let i = 0; i < 5; i++) await attempt('wenmi', 'wrong-password1')
    expect((await attempt('wenmi', ADMIN_PASSWORD)).status).toBe(401)
    await secadmin.ok('users.unlock', { id: (await userNamed('wenmi')).id })
    expect((await attempt('wenmi', ADMIN_PASSWORD)).status).toBe(200)
  })

  it('follows the 安全保密管理员\'s setting for the number of tries', async () => {
    await secadmin.ok('settings.update', { lockoutAttempts: 3 })
    await attempt('kezhang', 'wrong-password1')
    await attempt('kezhang', 'wrong-password1')
    expect((await attempt('kezhang', 'wrong-password1')).body.error?.message).toBe('密码连续输错3次，账户已锁定30分钟')
    await secadmin.ok('users.unlock', { id: (await userNamed('kezhang')).id })
    await secadmin.ok('settings.update', { lockoutAttempts: 5 })
  })
})

describe('new accounts and password rules', () => {
  it('keeps a new account out until the 安全保密管理员 has set its clearance', async () => {
    const u = await sysadmin.ok('users.create', { username: 'xinren', displayName: '刘新人', role: '文秘', password: 'Xinren2026a' })
    expect(u).toMatchObject({ approved: false, clearance: '内部' })
    expect((await attempt('xinren', 'Xinren2026a')).body.error?.message).toMatch(/^账户尚待安全保密管理员确认/)
    await secadmin.ok('users.setClearance', { id: u.id, clearance: '秘密' })
    const me = await rpcClient(server.url).ok('auth.login', { username: 'xinren', password: 'Xinren2026a' })
    expect(me).toMatchObject({ clearance: '秘密', mustChangePassword: true })
  })

  it('refuses a password that breaks the rules the 安全保密管理员 set', async () => {
    await secadmin.ok('settings.update', { passwordMinLength: 12, passwordKinds: 3 })
    const r = await sysadmin.call('users.create', { username: 'ruomima', displayName: '弱密码', role: '查阅', password: 'abcdefgh1234' })
    expect(r.body.error?.message).toBe('「初始密码」密码须包含小写字母、大写字母、数字、符号中的至少3种')
    await secadmin.ok('settings.update', { passwordMinLength: 8, passwordKinds: 2 })
  })

  it('asks for a new password at sign-in once the password is older than allowed', async () => {
    await secadmin.ok('system.setClock', { at: '2027-06-01T09:00:00+08:00' })
    const me = await rpcClient(server.url).ok('auth.login', { username: 'chayue', password: ADMIN_PASSWORD })
    expect(me.mustChangePassword).toBe(true)
    await secadmin.ok('system.setClock', { at: '2026-11-25T10:00:00+08:00' })
  })
})

describe('the three administrators stay apart (X-5)', () => {
  it('does not let the 系统管理员 create, reset or disable another administrator\'s account', async () => {
    const auditorId = (await userNamed('auditor')).id
    for (const [name, input] of [
      ['users.create', { username: 'auditor2', displayName: '审计二', role: '安全审计员', password: 'Audit2026abc' }],
      ['users.resetPassword', { id: auditorId, password: 'Audit2026abc' }],
      ['users.update', { id: auditorId, disabled: true }],
    ] as const) {
      const r = await sysadmin.call(name, input)
      expect(r.status, name).toBe(403)
      expect(r.body.error).toMatchObject({ rule: 'X-5' })
    }
  })

  it('does not let the 系统管理员 give an account an administrator\'s role', async () => {
    const id = (await userNamed('chayue')).id
    const r = await sysadmin.call('users.update', { id, role: '安全审计员' })
    expect(r.body.error?.rule).toBe('X-5')
  })

  it('lets each administrator change only the settings that are theirs', async () => {
    const r = await sysadmin.call('settings.update', { lockoutAttempts: 10 })
    expect(r.status).toBe(403)
    expect(r.body.error?.message).toBe('「连续输错几次锁定」由安全保密管理员设置，当前账户（系统管理员）不能修改')
    expect((await secadmin.call('settings.update', { cityName: '别的市' })).status).toBe(403)
    expect((await sysadmin.call('settings.update', { cityName: '资阳市' })).status).toBe(200)
  })
})
