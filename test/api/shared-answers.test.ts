/**
 * Register pages and searches are shared between callers of the same clearance until the data changes
 * (rpc/router.ts, Procedure.answerDependsOn): twenty PCs opening the same page cost one query. What a user must
 * never notice is the sharing itself: a page is never stale after a change, whoever or whatever made it, and never
 * shows a reader what their clearance hides. Real server, real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { startTestServer, rpcClient, must, type OutputOf, type TestServer } from '../helpers/server'
import { demoOffice } from '../helpers/demo-office'
import { openConnection, DATABASE_FILE } from '../../src-main/db/connection'

let server: TestServer
type Api = ReturnType<typeof rpcClient>
let kezhang: Api
let chayue: Api
const demo = demoOffice()
const { deptId } = demo
const titles = (page: OutputOf<'registers.incoming'>) => page.rows.map((r) => r.title)

async function register(title: string, extra: Record<string, unknown> = {}) {
  return kezhang.ok('incoming.receive', {
    receivedAt: '2026-11-02 09:10', sender: '市财政局', senderDepartmentId: deptId('市财政局'), title, docType: '请示', arrival: '机要交通', files: [], ...extra,
  })
}

beforeAll(async () => {
  server = await startTestServer()
  kezhang = rpcClient(server.url)
  await kezhang.login()
  chayue = rpcClient(server.url)
  await chayue.login('chayue')
  await kezhang.ok('system.setClock', { at: '2026-11-10T09:00:00+08:00' })
  await demo.load(kezhang)
  await register('关于城区停车收费标准调整的请示')
})
afterAll(() => server.stop())

describe('a register page shared between PCs is never stale and never crosses a clearance', () => {
  it('a 收文 registered on another PC is on the next page asked for, with the total one higher', async () => {
    const before = await chayue.ok('registers.incoming', {})
    expect(await chayue.ok('registers.incoming', {})).toEqual(before)
    await register('关于下达2027年城市维护资金的请示')
    const after = await chayue.ok('registers.incoming', {})
    expect(after.total).toBe(must(before.total, '第一页的总数') + 1)
    expect(titles(after)[0]).toBe('关于下达2027年城市维护资金的请示')
  })

  it('a 内部 reader asking right after a 机密 reader gets neither the 秘密 收文 nor its count', async () => {
    await register('关于防汛救灾资金安排的请示', { classification: '秘密', secrecyPeriod: '1年' })
    const cleared = await kezhang.ok('registers.incoming', { text: '资金' })
    const inner = await chayue.ok('registers.incoming', { text: '资金' })
    expect(titles(cleared)).toContain('关于防汛救灾资金安排的请示')
    expect(titles(inner)).not.toContain('关于防汛救灾资金安排的请示')
    expect(inner.total).toBe(must(cleared.total, '第一页的总数') - 1)
  })

  it('a change written by another program on the same database file (the account tool, a second server) shows at once', async () => {
    const first = await chayue.ok('registers.incoming', {})
    const other = openConnection(join(server.dataDir, DATABASE_FILE))
    try {
      other.sqlite.prepare('UPDATE incoming_documents SET title = ? WHERE id = ?').run('关于城区停车收费标准调整的请示（修改稿）', must(first.rows.at(-1), '登记簿最后一行').id)
    } finally {
      other.sqlite.close()
    }
    expect(titles(await chayue.ok('registers.incoming', {}))).toContain('关于城区停车收费标准调整的请示（修改稿）')
  })

  it('R-D7 the working days overdue move on with the date, though nothing was written', async () => {
    const doc = await register('关于老旧小区改造资金缺口的请示', { receivedAt: '2026-11-09 09:00' })
    await kezhang.ok('incoming.review', { id: doc.id, reviewedOn: '2026-11-09' })
    await kezhang.ok('incoming.propose', { id: doc.id, proposal: '拟请分管副市长阅示。', proposedBy: '许文杰', proposedOn: '2026-11-09', deadline: '2026-11-12' })
    const row = async () => (await chayue.ok('registers.incoming', { text: '老旧小区' })).rows[0]
    expect((await row()).timing?.workingDaysLeft).toBe(2)
    await kezhang.ok('system.setClock', { at: '2026-11-16T09:00:00+08:00' })
    expect((await row()).timing).toMatchObject({ state: '逾期', workingDaysOverdue: 2, label: '逾期2个工作日' })
    await kezhang.ok('system.setClock', { at: '2026-11-17T09:00:00+08:00' })
    expect((await row()).timing?.workingDaysOverdue).toBe(3)
  })
})
