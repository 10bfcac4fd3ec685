/**
 * R-D6, X-1: 发文字号 under real concurrency — no gap, no duplicate. 40 signed documents are numbered by
 * firing `outgoing.number` at two server processes at once (see test/helpers/race.ts). If the service read
 * the highest number outside the mutation's immediate transaction, two processes would read the same maximum
 * and one of each pair would fail on outgoing_number_idx (or SQLITE_BUSY_SNAPSHOT) or leave a gap.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outgoingDocuments } from '../../src-main/documents/schema'
import { twoProcessRace } from '../helpers/race'
import { must } from '../helpers/server'

const TOTAL = 40
const race = twoProcessRace()
const ids: number[] = []
let otherSeries: number

beforeAll(async () => {
  await race.setup(async (server) => {
    const db = server.core.conn.db
    const signed = (series: string, i: number) => db.insert(outgoingDocuments).values({
      docType: '通知', signKind: '一般', series, title: `关于第${i}项工作的通知`, body: '特此通知。', status: '已签发',
      signerName: '陈立新', signOpinion: '同意。', signedOn: '2026-12-18', createdAt: new Date().toISOString(),
    }).returning().get().id
    for (let i = 0; i < TOTAL; i++) ids.push(signed('资府发', i + 1))
    otherSeries = signed('资府函', 0)
  })
}, 120_000)
afterAll(() => race.stop())

describe('发文字号 under concurrency (R-D6, X-1)', () => {
  it(`R-D6 ${TOTAL} numberings fired at once at two server processes on one database get 资府发〔2026〕1号 … ${TOTAL}号, no gap, no duplicate`, async () => {
    const clients = await race.clients('2026-12-20T10:00:00+08:00')
    const replies = await Promise.all([...ids, otherSeries].map((id, i) => clients[i % 2].call('outgoing.number', { id })))
    expect(replies.filter((r) => !r.body.ok).map((r) => r.body.error)).toEqual([])
    const numbers = replies.slice(0, TOTAL).map((r) => must(must(r.body.result, '编号结果').numberText, '发文字号'))
    const seq = (s: string) => Number(/〔2026〕(\d+)号$/.exec(s)![1])
    expect([...numbers].sort((a, b) => seq(a) - seq(b))).toEqual(ids.map((_, i) => `资府发〔2026〕${i + 1}号`))
    expect(replies[TOTAL].body.result?.numberText).toBe('资府函〔2026〕1号')
    const rows = race.read<{ n: number }>("SELECT number_seq AS n FROM outgoing_documents WHERE series = '资府发' AND number_year = 2026 ORDER BY number_seq")
    expect(rows.map((r) => r.n)).toEqual(ids.map((_, i) => i + 1))
  }, 120_000)
})
