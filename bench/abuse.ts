/**
 * Issue 21: server mode under attack. A small, freshly started office (the demo organisation, not the ten
 * years: what is measured is how the server holds up, which does not depend on the data) served by the built
 * out/main/server.js on 127.0.0.1, as the office runs it. For ABUSE_SECONDS, 20 abusive clients send without
 * pause 60 MB `[{},{},…]` bodies to auth.login (with and without Content-Length), 10,000-deep nesting (before
 * and after sign-in) and bodies that trickle in a byte every 100 ms, while 4 signed-in PCs go on working at an
 * office's pace. Held to: the server stays up, the PCs' calls keep p95 ≤ 100 ms, its memory stays ≤ 400 MB.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { request, type ClientRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildIfStale, signedIn, startBenchServer } from './server-process'
import { SEED_PASSWORD } from './seed-large'
import { latencyRow, summarise } from './measure'
import type { OwnPart } from './run'

const ABUSERS = 20
const PCS = 4
const PACE_MS = 100
const ABUSE_SECONDS = Number(process.env.SANBAN_BENCH_ABUSE_SECONDS ?? 20)
const MB = 1024 * 1024
const PIECE = Buffer.from('{},'.repeat(MB / 3))

type Kind = '60 MB（声明长度）' | '60 MB（分块）' | '10000 层嵌套' | '慢速请求体'
const KINDS: Kind[] = ['60 MB（声明长度）', '60 MB（分块）', '10000 层嵌套', '慢速请求体']

interface Target { url: string; cookie: string }

/** Writes `next()` pieces until the server answers or the piece source ends; resolves with the status (0: cut off). */
function attack(target: Target, path: string, headers: Record<string, string | number>, next: (sent: number) => Buffer | null, gapMs = 0, until = Infinity): Promise<number> {
  return new Promise((resolve) => {
    let answered = false
    let sent = 0
    const req: ClientRequest = request(`${target.url}${path}`, { method: 'POST', headers: { origin: target.url, 'content-type': 'application/json', ...headers } }, (res) => {
      answered = true
      res.resume()
      res.on('end', () => { req.destroy(); resolve(res.statusCode!) })
    })
    req.on('error', () => { if (!answered) resolve(0) })
    req.on('close', () => { if (!answered) resolve(0) })
    void (async () => {
      for (let piece = next(sent); piece && !answered && !req.destroyed; piece = next(sent)) {
        if (performance.now() > until) { req.destroy(); return }
        sent += piece.length
        if (!req.write(piece)) await new Promise<void>((r) => { const done = () => { req.off('drain', done); req.off('close', done); r() }; req.on('drain', done); req.on('close', done) })
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs))
      }
      if (!answered && !req.destroyed) req.end()
    })()
  })
}

/** The pieces of a `total`-byte `[{},{},…]`. */
const emptyObjects = (total: number) => (sent: number) => sent >= total ? null : sent === 0 ? Buffer.from('[') : sent + PIECE.length >= total ? Buffer.from(']') : PIECE

const deep = Buffer.from('['.repeat(10_000) + ']'.repeat(10_000))

/** One abusive client: its kind of attack, over and over until `end`; counts the answers by status. */
async function abuser(kind: Kind, k: number, target: Target, end: number, answers: Map<string, number>): Promise<void> {
  const count = (status: number) => answers.set(`${kind} → ${status || '断开'}`, (answers.get(`${kind} → ${status || '断开'}`) ?? 0) + 1)
  while (performance.now() < end) {
    if (kind === '60 MB（声明长度）') count(await attack(target, '/rpc/auth.login', { 'content-length': 60 * MB }, emptyObjects(60 * MB)))
    else if (kind === '60 MB（分块）') count(await attack(target, '/rpc/auth.login', {}, emptyObjects(60 * MB)))
    else if (kind === '10000 层嵌套') {
      // Before sign-in it is over 8 KB; signed in it is read, and refused by its depth before JSON.parse.
      const signedIn = k % 2 === 1
      count(await attack(target, signedIn ? '/rpc/outgoing.draft' : '/rpc/auth.login', { 'content-length': deep.length, ...(signedIn ? { cookie: target.cookie } : {}) }, (s) => (s ? null : deep)))
    } else {
      // 8 KB announced, a byte every 100 ms: the server holds the socket and at most 8 KB until its request timeout.
      count(await attack(target, '/rpc/auth.login', { 'content-length': 8 * 1024 }, (s) => (s < 8 * 1024 ? Buffer.from(' ') : null), 100, end))
    }
  }
}

/** One office PC: a 收文 register page, the calendar or 首页 every PACE_MS, each call timed. */
async function pc(url: string, k: number, end: number, samples: number[], errors: { n: number }): Promise<void> {
  const api = await signedIn(url)
  const calls = [
    () => api.call('registers.incoming', { limit: 50 }),
    () => api.call('meetings.calendar', { from: '2026-11-01', to: '2026-11-30' }),
    () => api.call('auth.me'),
  ]
  for (let i = k; performance.now() < end; i++) {
    const t = performance.now()
    const r = await calls[i % calls.length]().catch(() => null)
    samples.push(performance.now() - t)
    if (!r?.body.ok) errors.n++
    await new Promise((r) => setTimeout(r, Math.max(0, PACE_MS - (performance.now() - t))))
  }
}

export const abusePart: OwnPart = async (log) => {
  buildIfStale()
  const folder = mkdtempSync(join(tmpdir(), 'sanban-abuse-'))
  const server = await startBenchServer({ dataDir: join(folder, 'data'), keyFile: join(folder, 'sanban.key') }, ['--admin-password', SEED_PASSWORD])
  const samples: number[] = []
  const errors = { n: 0 }
  const answers = new Map<string, number>()
  let peakRss = server.rssMb()
  let alive = true
  try {
    const target = { url: server.url, cookie: (await signedIn(server.url)).cookies.current() }
    log(`${ABUSERS} 个恶意客户端攻击 ${ABUSE_SECONDS} 秒，同时 ${PCS} 个已登录客户端每 ${PACE_MS} ms 调用一次……`)
    const end = performance.now() + ABUSE_SECONDS * 1000
    const watch = setInterval(() => { try { peakRss = Math.max(peakRss, server.rssMb()) } catch { alive = false } }, 100)
    await Promise.all([
      ...Array.from({ length: ABUSERS }, (_, k) => abuser(KINDS[k % KINDS.length], Math.floor(k / KINDS.length), target, end, answers)),
      ...Array.from({ length: PCS }, (_, k) => pc(server.url, k, end, samples, errors)),
    ])
    clearInterval(watch)
    alive &&= (await fetch(`${server.url}/health`).then((r) => r.ok, () => false))
    peakRss = Math.max(peakRss, server.peakRssMb())
  } finally {
    await server.stop()
    rmSync(folder, { recursive: true, force: true })
  }
  for (const [what, n] of [...answers].sort()) log(`  ${what}：${n} 次`)
  const t = summarise(samples)
  log(`  正常调用 ${samples.length} 次，错误 ${errors.n}；服务器${alive ? '一直在运行' : '已退出'}，内存峰值 ${peakRss.toFixed(0)} MB`)
  const conditions = `小型新建数据（演示单位），127.0.0.1，${ABUSERS} 个恶意客户端攻击 ${ABUSE_SECONDS} 秒：60 MB 请求体、10000 层嵌套、慢速请求体`
  return [
    { ...latencyRow(`攻击下的正常请求，${PCS} 个已登录客户端每 ${PACE_MS} ms 一次（${conditions}）`, t, { p95: 100 }),
      target: `p95 ≤ 100 ms，无错误，服务器不退出（${errors.n} 个错误）`, met: t.p95 <= 100 && errors.n === 0 && alive },
    { operation: '攻击期间服务器常驻内存峰值（RSS，条件同上）', figure: `${peakRss.toFixed(0)} MB`, target: '≤ 400 MB，服务器不退出', met: peakRss <= 400 && alive },
  ]
}
