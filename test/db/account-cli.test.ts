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
