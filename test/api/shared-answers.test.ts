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
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'

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

/** Rows of the register found by a word of their title, as a reader's page shows them. */
const rowsAbout = async (api: Api, word: string) => (await api.ok('registers.incoming', { text: word })).rows

describe('pages are dropped by the tables a write touches (issue 20): kept across other writes, never stale after their own', () => {
  it('a 批示 takes the 收文 out of the leader\'s hands on the next page, though a 值班记录 written between left the page shared', async () => {
    const doc = await register('关于中心城区排水管网改造的请示')
    await kezhang.ok('incoming.review', { id: doc.id, reviewedOn: '2026-11-03' })
    await kezhang.ok('incoming.propose', { id: doc.id, proposal: '拟请陈立新副市长阅示。', proposedBy: '许文杰', proposedOn: '2026-11-03' })
    await kezhang.ok('incoming.send', { id: doc.id, leaderIds: [demo.personId('陈立新')], sentOn: '2026-11-04' })
    expect((await rowsAbout(chayue, '排水管网'))[0].currentLeader?.name).toBe('陈立新')
    await kezhang.ok('duty.addLog', { at: '2026-11-04 21:30', callerUnit: '市应急管理局', callerName: '王强', content: '通报今晚强降温，请做好道路结冰防范' })
    expect((await rowsAbout(chayue, '排水管网'))[0].currentLeader?.name).toBe('陈立新')
    await kezhang.ok('incoming.instruct', { id: doc.id, leaderId: demo.personId('陈立新'), kind: '批示', opinion: '同意，请住建局抓紧办理。', instructedOn: '2026-11-05' })
    const [row] = await rowsAbout(chayue, '排水管网')
    expect(row.currentLeader).toBeNull()
    expect(row.instructedBy).toContain('陈立新')
  })

  it('a title changed by another program in its own process on the same database file shows on the next page', async () => {
    const [before] = await rowsAbout(chayue, '排水管网')
    const file = join(server.dataDir, DATABASE_FILE)
    const script = "const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.prepare('UPDATE incoming_documents SET title = ? WHERE id = ?').run('关于中心城区排水管网改造的请示（第二稿）', Number(process.argv[2])); db.close()"
    execFileSync(process.execPath, ['-e', script, file, String(before.id)], { cwd: resolve(__dirname, '../..') })
    expect((await rowsAbout(chayue, '排水管网'))[0].title).toBe('关于中心城区排水管网改造的请示（第二稿）')
  })

  it('a 秘密 收文 registered while pages are shared: the 秘密 reader sees it at once, the 内部 reader neither it nor its count', async () => {
    const wenmi = rpcClient(server.url)
    await wenmi.login('wenmi')
    const inner = await chayue.ok('registers.incoming', { text: '供水' })
    const cleared = await wenmi.ok('registers.incoming', { text: '供水' })
    await register('关于城区供水管网应急抢修资金的请示', { classification: '秘密', secrecyPeriod: '1年' })
    await kezhang.ok('duty.addLog', { at: '2026-11-05 22:00', callerUnit: '市水务局', callerName: '李明', content: '城区供水正常' })
    const secret = await wenmi.ok('registers.incoming', { text: '供水' })
    expect(titles(secret)).toContain('关于城区供水管网应急抢修资金的请示')
    expect(secret.total).toBe(must(cleared.total, '秘密读者的总数') + 1)
    const after = await chayue.ok('registers.incoming', { text: '供水' })
    expect(titles(after)).not.toContain('关于城区供水管网应急抢修资金的请示')
    expect(after.total).toBe(inner.total)
  })
})
