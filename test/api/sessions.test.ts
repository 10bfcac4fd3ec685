import { describe, expect, it } from 'vitest'
import { rpcClient, ADMIN_PASSWORD, must } from '../helpers/server'
import { officeServer } from '../helpers/office-server'

const { server, api: sysadmin } = officeServer({ as: 'admin' })

const signedIn = async (username: string, password = ADMIN_PASSWORD) => {
  const c = rpcClient(server.url)
  await c.login(username, password)
  return c
}

describe('sessions end when the password changes', () => {
  it('a 文秘 who changes her password is signed out on her other PC, and stays signed in where she changed it', async () => {
    const office = await signedIn('wenmi')
    const home = await signedIn('wenmi')
    await office.ok('auth.changePassword', { oldPassword: ADMIN_PASSWORD, newPassword: 'Wenmi2026new' })
    const stale = await home.call('org.overview')
    expect(stale.status).toBe(401)
    expect(stale.body.error?.message).toBe('请先登录')
    expect((await office.call('org.overview')).status).toBe(200)
    expect((await office.ok('auth.me'))?.username).toBe('wenmi')
  })

  it('a refused password change (wrong old password) ends nobody\'s session', async () => {
    const one = await signedIn('chayue')
    const two = await signedIn('chayue')
    const r = await one.call('auth.changePassword', { oldPassword: 'not-the-password1', newPassword: 'Chayue2026new' })
    expect(r.body.error?.message).toBe('「原密码」不正确')
    expect((await two.call('org.overview')).status).toBe(200)
  })

  it('a password reset by the 系统管理员 signs the account out everywhere', async () => {
    const clerk = await signedIn('kezhang')
    const id = must((await sysadmin.ok('users.list')).find((u) => u.username === 'kezhang'), '账号 kezhang').id
    await sysadmin.ok('users.resetPassword', { id, password: 'Kezhang2026reset' })
    expect((await clerk.call('org.overview')).status).toBe(401)
    expect((await sysadmin.call('users.list')).status).toBe(200)
  })
})

describe('signing in again', () => {
  it('replaces the browser\'s old session: the old cookie no longer opens anything', async () => {
    const browser = await signedIn('auditor')
    const old = browser.cookies.current()
    await browser.login('auditor')
    expect(browser.cookies.current()).not.toBe(old)
    expect((await browser.call('audit.list', {})).status).toBe(200)
    const thief = rpcClient(server.url)
    thief.cookies.replay(old)
    const r = await thief.call('audit.list', {})
    expect(r.status).toBe(401)
    expect(r.body.error?.code).toBe('UNAUTHENTICATED')
  })
})
