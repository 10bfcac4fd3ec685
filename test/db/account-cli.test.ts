import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openCore } from '../../src-main/core'
import { verifyPassword } from '../../src-main/auth/password'
import { ADMIN_PASSWORD } from '../helpers/server'

const ROOT = resolve(__dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'sanban-account-cli-'))
const dataDir = join(dir, 'data')
const keyFile = join(dir, 'sanban.key')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs `npm run account -- …` as the administrator at the server would (tsx, the real encrypted database). */
const account = (...args: string[]) =>
  execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['src-main/cli/account.ts', ...args, '--data', dataDir, '--key-file', keyFile], { cwd: ROOT, encoding: 'utf8' })

describe('the three administrators\' accounts from the server\'s command line (X-5), with Sanban stopped (the tool opens the database itself; while a server runs it asks the server: test/startup/ownership.test.ts)', () => {
  it('resets the 安全审计员\'s forgotten password, which must be changed at the next sign-in, and records it in the audit trail', () => {
    openCore({ dataDir, keyFile, adminPassword: ADMIN_PASSWORD, scheduledBackups: false }).close()
    const out = account('reset-password', 'auditor')
    const password = /新的初始密码：(\w+)/.exec(out)?.[1]
    expect(password).toMatch(/^\w{12}$/)
    expect(out).not.toContain('安全保密管理员')
    const core = openCore({ dataDir, keyFile, scheduledBackups: false })
    try {
      const row = core.conn.sqlite.prepare("SELECT password_hash AS hash, must_change_password AS must FROM users WHERE username = 'auditor'").get() as { hash: string; must: number }
      expect(verifyPassword(password!, row.hash)).toBe(true)
      expect(row.must).toBe(1)
      const audit = core.conn.sqlite.prepare("SELECT procedure, changes FROM audit_log WHERE procedure LIKE 'cli.%'").all()
      expect(audit).toEqual([{ procedure: 'cli.reset-password', changes: expect.stringContaining('已在服务器命令行重置') }])
    } finally {
      core.close()
    }
  })

  it('answers an unknown user name in Chinese and changes nothing', () => {
    expect(() => account('unlock', 'nobody')).toThrow(/没有用户名为“nobody”的账户/)
  })
})

describe('a business account reset from the command line (issue 14 §4: no impersonation without a second person)', () => {
  it('tells the operator the 科长 signs in only once the 安全保密管理员 has confirmed the reset', () => {
    const business = join(dir, 'business')
    openCore({ dataDir: business, keyFile: join(dir, 'business.key'), demo: true, adminPassword: ADMIN_PASSWORD, scheduledBackups: false }).close()
    const out = execFileSync(join(ROOT, 'node_modules/.bin/tsx'), ['src-main/cli/account.ts', 'reset-password', 'kezhang', '--data', business, '--key-file', join(dir, 'business.key')], { cwd: ROOT, encoding: 'utf8' })
    expect(out).toMatch(/^已重置“kezhang”的密码，新的初始密码：\w{12}（该账户须经安全保密管理员在“安全保密—人员密级”中确认后才能登录；首次登录须修改；已记入审计日志）/)
  })
})
