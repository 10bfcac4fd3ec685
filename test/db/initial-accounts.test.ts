import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { openCore } from '../../src-main/core'
import { INITIAL_PASSWORD_FILE, removeInitialPasswordFileIfDone } from '../../src-main/auth/accounts'
import { users } from '../../src-main/auth/schema'

const dataDir = mkdtempSync(join(tmpdir(), 'sanban-initial-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('the slip with the initial passwords (初始账户密码.txt)', () => {
  it('lists the three administrators and the demo accounts, and goes once every one of them has changed the printed password', () => {
    const core = openCore({ dataDir, demo: true, keyFile: `${dataDir}.key`, scheduledBackups: false })
    try {
      const file = join(dataDir, INITIAL_PASSWORD_FILE)
      const slip = readFileSync(file, 'utf8')
      for (const name of ['admin', 'secadmin', 'auditor', 'kezhang', 'wenmi', 'chayue']) expect(slip).toContain(`用户名：${name}`)
      const { db } = core.conn
      // An account made later must change its password too, but was never on the slip: it does not keep the slip alive.
      db.insert(users).values({ username: 'xinren', displayName: '刘新人', role: '文秘', passwordHash: 'x', mustChangePassword: true, createdAt: 'now' }).run()
      for (const name of ['admin', 'secadmin', 'auditor', 'kezhang', 'wenmi']) db.update(users).set({ mustChangePassword: false }).where(eq(users.username, name)).run()
      removeInitialPasswordFileIfDone(db, dataDir)
      expect(existsSync(file)).toBe(true)
      db.update(users).set({ mustChangePassword: false }).where(eq(users.username, 'chayue')).run()
      removeInitialPasswordFileIfDone(db, dataDir)
      expect(existsSync(file)).toBe(false)
    } finally {
      core.close()
      rmSync(`${dataDir}.key`, { force: true })
    }
  })
})
