/**
 * minutes numbers under real concurrency — no gap, no duplicate. Sign-offs are fired at two server
 * processes at once (see test/helpers/race.ts). If the service read the used numbers before taking the write
 * lock (outside the mutation's immediate transaction, or in a deferred one), the two processes would read the
 * same maximum, and one of each such pair would fail — on minutes_number_idx (CONFLICT) or on
 * SQLITE_BUSY_SNAPSHOT — or leave a gap; the test requires every sign-off to succeed and the numbers 1..N.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listMeetingTypes } from '../../src-main/meetings/context'
import { meetings, topics } from '../../src-main/meetings/schema'
import { twoProcessRace } from '../helpers/race'
import { allowed, must } from '../helpers/server'
import { loadDemoOffice } from '../helpers/demo-office'

const PER_SERVER = 20
const race = twoProcessRace()
const meetingIds: number[] = []

beforeAll(async () => {
  // 2×N held meetings with saved drafts.
  await race.setup(async (server, api) => {
    const db = server.core.conn.db
    await api.ok('system.setClock', { at: '2026-12-20T10:00:00+08:00' })
    const office = await loadDemoOffice(api)
    const mayorPost = must(office.org.posts.find((p) => p.kind === '市长'), '市长岗位').id
    const dept = office.deptId('市财政局')
    const typeId = listMeetingTypes(db).find((t) => t.kind === '常务会议')!.id
    for (let i = 0; i < 2 * PER_SERVER; i++) {
      const id = db.insert(meetings).values({ typeId, session: i + 1, date: '2026-11-02', halfDay: '上午', status: '已召开', chairPostId: mayorPost, createdAt: new Date().toISOString() }).returning().get().id
      db.insert(topics).values({ meetingId: id, title: `议题${i + 1}`, sortOrder: 0, departmentId: dept, deliveredOn: '2026-10-10', createdAt: new Date().toISOString() }).run()
      const m = await api.ok('minutes.get', { meetingId: id })
      await api.ok('minutes.save', { meetingId: id, opening: m.opening, attendance: m.attendance, decisions: m.decisions.map((d) => ({ ...d, text: '会议同意。' })) })
      meetingIds.push(id)
    }
  })
}, 120_000)
afterAll(() => race.stop())

describe('minutes numbering under concurrency (X-1)', () => {
  it(`X-1 ${2 * PER_SERVER} sign-offs fired at once at two server processes on one database get 〔2026〕1号 … ${2 * PER_SERVER}号, no gap, no duplicate`, async () => {
    const clients = await race.clients('2026-12-20T10:00:00+08:00')
    const signer = allowed(await clients[0].ok('minutes.signer', { meetingId: meetingIds[0], date: '2026-12-18' })).signers[0].personId
    const replies = await Promise.all(meetingIds.map((meetingId, i) =>
      clients[i % 2].call('minutes.sign', { meetingId, signerPersonId: signer, opinion: '同意印发。', date: '2026-12-18' })))
    expect(replies.filter((r) => !r.body.ok).map((r) => r.body.error)).toEqual([])
    const numbers = replies.map((r) => must(must(r.body.result, '签发结果').numberText, '纪要编号'))
    expect([...numbers].sort((a, b) => parseInt(a.slice(6)) - parseInt(b.slice(6)))).toEqual(meetingIds.map((_, i) => `〔2026〕${i + 1}号`))
    const rows = race.read<{ n: number }>("SELECT number_seq AS n FROM minutes WHERE series = '常务会议' AND number_year = 2026 ORDER BY number_seq")
    expect(rows.map((r) => r.n)).toEqual(meetingIds.map((_, i) => i + 1))
  }, 120_000)
})
