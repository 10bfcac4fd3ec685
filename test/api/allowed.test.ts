import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, rpcClient, type TestServer } from '../helpers/server'
import { draftTemplate, loadDemoOffice } from '../helpers/demo-office'

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

  it('the 文秘 registers and drafts but leaves 初审 and 复核 to the 科长 (X-2)', async () => {
    const wenmi = await as('wenmi')
    const kezhang = await as('kezhang')
    expect(wenmi.has('incoming.receive')).toBe(true)
    expect(wenmi.has('outgoing.draft')).toBe(true)
    for (const review of ['incoming.review', 'outgoing.check']) {
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

describe('核稿 steps by role', () => {
  it('the 文秘 records the 办公室秘书 核稿, her own step, but not the heads\' steps, which name the 科长', async () => {
    const kezhang = rpcClient(server.url)
    await kezhang.login('kezhang')
    const wenmi = rpcClient(server.url)
    await wenmi.login('wenmi')
    const { deptId } = await loadDemoOffice(kezhang)
    const t = await draftTemplate(kezhang, '通知')
    const { id } = await wenmi.ok('outgoing.draft', {
      docType: t.docType, signKind: t.signKind, series: t.series, title: '关于做好冬季安全生产工作的通知', addressee: t.addressee, body: t.body,
      publicity: t.publicity, upward: t.upward, draftingDepartmentId: deptId('市应急管理局'), drafter: '罗佳怡',
    })
    const today = '2026-12-01'
    const head = await wenmi.call('outgoing.review', { id, step: '部门负责人', reviewer: '局长甲', opinion: '同意。', date: today })
    expect(head.body.error).toMatchObject({ code: 'FORBIDDEN', message: '部门负责人核稿由科长登记，当前账户（文秘）不能登记。' })
    await kezhang.ok('outgoing.review', { id, step: '部门负责人', reviewer: '局长甲', opinion: '同意。', date: today })
    const mine = await wenmi.ok('outgoing.review', { id, step: '办公室秘书', reviewer: '许文杰', opinion: '文字已核。', date: today })
    expect(mine.reviews.map((r) => r.step)).toEqual(['部门负责人', '办公室秘书'])
    const last = await wenmi.call('outgoing.review', { id, step: '办公室负责人', reviewer: '何振华', opinion: '同意。', date: today })
    expect(last.body.error?.code).toBe('FORBIDDEN')
  })
})
