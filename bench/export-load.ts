/**
 * A year's Excel export does not hold other users (issue 16): the built server over the ten-year office, a few
 * office PCs each asking for a register page every quarter second, measured first alone and then while one user
 * exports the last full year's 收文登记簿 (about 30,000 rows) over and over. The export is built in a worker thread
 * (documents/registers/export-runner.ts) at the lowest priority; other users' pages are held to the register's HTTP
 * target meanwhile, and the same load without an export is measured in the same run for comparison.
 */
import { performance } from 'node:perf_hooks'
import { buildIfStale, signedIn, startBenchServer } from './server-process'
import { latencyRow, ms, summarise, type Timings } from './measure'
import type { Part } from './run'
import type { OutputOf, RpcClient } from '../test/helpers/server'

const CLIENTS = 8
const PACE_MS = 250
const SECONDS = Number(process.env.SANBAN_BENCH_LOAD_SECONDS ?? 20)
const STATUSES = ['已办结', '承办中', '批示中'] as const
/** The register page's target under HTTP load (server-load.ts). */
const TARGET_P95 = 20

/** One PC's turn: the first page of a year (by state, in turn) or the next page of its scroll. */
function pageCall(year: number) {
  let cursor: OutputOf<'registers.incoming'>['next'] = null
  return async (c: RpcClient, i: number) => {
    if (i % 3 === 2) {
      const page: OutputOf<'registers.incoming'> = await c.ok('registers.incoming', { year, limit: 50, ...(cursor ? { after: cursor } : {}) })
      cursor = page.next
      return
    }
    await c.ok('registers.incoming', { year: year - (i % 5), status: STATUSES[i % STATUSES.length], limit: 50 })
  }
}

/** Every client asks at its own pace for `SECONDS`; the time each call took. */
async function pacedPaging(url: string, year: number): Promise<Timings> {
  const clients = await Promise.all(Array.from({ length: CLIENTS }, () => signedIn(url)))
  const samples: number[] = []
  const t0 = performance.now()
  const end = t0 + SECONDS * 1000
  await Promise.all(clients.map(async (client, k) => {
    const call = pageCall(year)
    for (let i = 0; performance.now() < end; i++) {
      const slot = t0 + i * PACE_MS + (k * PACE_MS) / CLIENTS
      if (slot > performance.now()) await new Promise((r) => setTimeout(r, slot - performance.now()))
      const t = performance.now()
      await call(client, i + k)
      samples.push(performance.now() - t)
    }
  }))
  return summarise(samples)
}

export const exportPart: Part = async (office, log) => {
  buildIfStale()
  // Every page computed afresh (no shared answers): the export competes with real work, not with a cache.
  const server = await startBenchServer(office, ['--shared-answers', '0'])
  const year = Number(office.today.slice(0, 4)) - 1
  try {
    const exporter = await signedIn(server.url)
    await exporter.ok('registers.exportIncomingXlsx', { year }) // warm-up: the worker's code read once from disk
    log(`无导出，${CLIENTS} 个客户端各每 ${PACE_MS} ms 一页，${SECONDS} 秒……`)
    const alone = await pacedPaging(server.url, year)
    log(`  p95 ${ms(alone.p95)}`)
    log(`同时反复导出 ${year} 年收文登记簿……`)
    const exportTimes: number[] = []
    let running = true
    const exporting = (async () => {
      while (running) {
        const t = performance.now()
        await exporter.ok('registers.exportIncomingXlsx', { year })
        exportTimes.push(performance.now() - t)
      }
    })()
    const during = await pacedPaging(server.url, year)
    running = false
    await exporting
    const rows = (await exporter.ok('registers.incoming', { year, limit: 1 })).total ?? 0
    const exports = summarise(exportTimes)
    log(`  p95 ${ms(during.p95)}，导出 ${exportTimes.length} 次，每次中位数 ${ms(exports.median)}`)
    const conditions = `${CLIENTS} 个客户端各每 ${PACE_MS} ms 一页，${SECONDS} 秒，不共用结果`
    return [
      { ...latencyRow(`登记簿翻页（其他用户），同时导出一年收文 Excel（${rows.toLocaleString()} 件）；${conditions}`, during, { p95: TARGET_P95 },
        { name: '同样负载，无导出', median: alone.median }),
        target: `p95 ≤ ${TARGET_P95} ms（无导出时 p95 ${ms(alone.p95)}）` },
      { ...latencyRow(`登记簿翻页（其他用户），无导出；${conditions}`, alone, {}), target: '参考', met: undefined },
      { ...latencyRow(`导出一年收文登记簿 Excel（${rows.toLocaleString()} 件，导出线程，含下载；同时 ${conditions}）`, exports, {}), target: '参考', met: undefined },
    ]
  } finally {
    await server.stop()
  }
}
