import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, rpcClient, type TestServer } from '../helpers/server'

// Issue 15 ("each role sees only what it can do"): the page asks auth.allowed which procedures the account may call,
// answered by the router's own access rule, so a button is shown exactly when its call would be accepted.

let server: TestServer
const as = async (username: string) => {
  const c = rpcClient(server.url)
  await c.login(username)
  return new Set(await c.ok('auth.allowed', {}))
}

beforeAll(async () => { server = await startTestServer() })
afterAll(async () => { await server.stop() })

describe('auth.allowed: what each role may do', () => {
  it('the 查阅 account may read every business page but register, schedule, withdraw or delete nothing', async () => {
    const may = await as('chayue')
    expect(may.has('registers.incoming')).toBe(true)
    expect(may.has('meetings.get')).toBe(true)
    for (const act of ['incoming.receive', 'meetings.schedule', 'topics.withdraw', 'duty.generate', 'duty.delete', 'org.deletePerson']) {
      expect(may.has(act), act).toBe(false)
    }
  })

  it('the 文秘 registers and drafts but leaves 初审 and 核稿 to the 科长 (X-2)', async () => {
    const wenmi = await as('wenmi')
    const kezhang = await as('kezhang')
    expect(wenmi.has('incoming.receive')).toBe(true)
    expect(wenmi.has('outgoing.draft')).toBe(true)
    for (const review of ['incoming.review', 'outgoing.review', 'outgoing.check']) {
      expect(wenmi.has(review), review).toBe(false)
      expect(kezhang.has(review), review).toBe(true)
    }
  })

  it('agrees with the router for every procedure and role: what is listed is accepted, what is not is refused as 无权', async () => {
    for (const username of ['chayue', 'wenmi', 'admin', 'auditor']) {
      const c = rpcClient(server.url)
      await c.login(username)
      const may = new Set(await c.ok('auth.allowed', {}))
      for (const name of Object.keys(server.core.router.procedures)) {
        if (name.startsWith('auth.') || name.startsWith('system.')) continue
        const r = await c.call(name as 'auth.me', {} as never)
        const refused = r.body.error?.code === 'FORBIDDEN'
        expect(refused, `${username} ${name}`).toBe(!may.has(name))
      }
    }
  })
})
