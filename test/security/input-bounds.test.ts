/**
 * Issue 21: one unauthenticated request used to take the server down (a 60 MB `[{},{},…]` to auth.login
 * stalled everyone, then "JavaScript heap out of memory"). Against a real server in its own process:
 * bodies are refused by size before sign-in, by shape after it, uploads are cut off past 20 MB as they
 * stream, and the server answers normally afterwards.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer } from '../../src-main/server/start'
import { adjustableClock } from '../../src-main/system/clock'
import { ChildServer } from '../backup/child-server'
import { ADMIN_PASSWORD, rpcClient } from '../helpers/server'
import { CHINESE } from '../helpers/hostile'

const MB = 1024 * 1024
const dataDir = mkdtempSync(join(tmpdir(), 'sanban-bounds-'))
const server = new ChildServer(dataDir)
let url: string

interface Answer { status: number; body: { ok: boolean; result?: any; error?: { code: string; message: string; field?: string } }; sentWhenAnswered: number }

/**
 * Sends `chunks` as one request body, as fast as the server takes them, and resolves with the answer and
 * how many bytes had been written when it came. Without `length` the body goes chunked (no Content-Length),
 * so the server can only count. A reset after the answer is the server dropping the rest: not an error.
 */
function send(path: string, chunks: () => Generator<Buffer>, headers: Record<string, string | number>, length?: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let sent = 0
    let answeredAt = -1
    const req = request(`${url}${path}`, { method: 'POST', headers: { origin: url, ...headers, ...(length === undefined ? {} : { 'content-length': length }) } }, (res) => {
      answeredAt = sent
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => { text += d })
      res.on('end', () => { req.destroy(); resolve({ status: res.statusCode!, body: JSON.parse(text), sentWhenAnswered: answeredAt }) })
    })
    req.on('error', (e) => { if (answeredAt < 0) reject(e) })
    void (async () => {
      for (const chunk of chunks()) {
        if (answeredAt >= 0 || req.destroyed) return
        sent += chunk.length
        if (!req.write(chunk)) await writable(req)
      }
      req.end()
    })()
  })
}

/** Resolves when the request may be written to again, or is gone. */
function writable(req: ReturnType<typeof request>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => { req.off('drain', done); req.off('close', done); resolve() }
    req.on('drain', done)
    req.on('close', done)
  })
}

/** `total` bytes of `[{},{},…]` in 1 MB pieces: the body of the issue. */
function* emptyObjects(total: number): Generator<Buffer> {
  const piece = Buffer.from('{},'.repeat(MB / 3))
  yield Buffer.from('[')
  for (let left = total - 2; left > 0; left -= piece.length) yield piece.subarray(0, Math.min(piece.length, left))
  yield Buffer.from(']')
}

function* once(text: string): Generator<Buffer> { yield Buffer.from(text) }

async function stillServes(): Promise<void> {
  expect((await fetch(`${url}/health`)).status).toBe(200)
  const api = rpcClient(url)
  expect((await api.login()).username).toBe('kezhang')
}

const refusedInChinese = (a: Answer, status: number, message: RegExp) => {
  expect(a.status).toBe(status)
  expect(a.body).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  expect(a.body.error!.message).toMatch(CHINESE)
  expect(a.body.error!.message).toMatch(message)
}

beforeAll(async () => {
  // The demo office with known passwords, then served by a process of its own.
  await (await startServer({ dataDir, port: 0, demo: true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock() })).close()
  url = await server.start()
}, 60_000)
afterAll(async () => {
  await server.kill()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('before sign-in, a body may be 8 KB', () => {
  it('refuses the 60 MB login body of the issue with 413 in Chinese before it is sent, and then serves as usual', async () => {
    const answer = await send('/rpc/auth.login', () => emptyObjects(60 * MB), { 'content-type': 'application/json' }, 60 * MB)
    refusedInChinese(answer, 413, /^请求内容过大：登录前的请求不能超过8KB/)
    expect(answer.sentWhenAnswered).toBeLessThan(60 * MB)
    await stillServes()
  })

  it('refuses it as well when it comes without Content-Length, once 8 KB have been counted', async () => {
    const answer = await send('/rpc/auth.login', () => emptyObjects(60 * MB), { 'content-type': 'application/json' })
    refusedInChinese(answer, 413, /登录前的请求不能超过8KB/)
    expect(answer.sentWhenAnswered).toBeLessThan(60 * MB)
    await stillServes()
  })

  it('refuses 10,000-deep nesting (20 KB) as too large, and 20-deep nesting as too deep', async () => {
    const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
    refusedInChinese(await send('/rpc/auth.login', () => once(nested(10_000)), { 'content-type': 'application/json' }), 413, /请求内容过大/)
    refusedInChinese(await send('/rpc/auth.login', () => once(nested(20)), { 'content-type': 'application/json' }), 400, /^请求内容嵌套过深（超过16层）/)
    await stillServes()
  })
})

describe('signed in, a body may be 8 MB and its shape is checked before it is parsed', () => {
  let cookie: string
  beforeAll(async () => {
    const api = rpcClient(url)
    await api.login()
    cookie = api.cookies.current()
  })
  const call = (name: string, text: string) => send(`/rpc/${name}`, () => once(text), { 'content-type': 'application/json', cookie })

  it('refuses 10,000-deep nesting in Chinese', async () => {
    refusedInChinese(await call('outgoing.draft', '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)), 400, /^请求内容嵌套过深（超过16层），已拒绝$/)
  })

  it('refuses a body over 8 MB with 413, and takes a 发文 with the longest 正文 allowed (100,000 characters)', async () => {
    const tooLarge = await send('/rpc/outgoing.draft', () => emptyObjects(8 * MB + 1), { 'content-type': 'application/json', cookie }, 8 * MB + 1)
    refusedInChinese(tooLarge, 413, /^请求内容过大（超过8MB），已拒绝；附件请通过“上传文件”提交/)
    const t = await call('outgoing.draft', JSON.stringify({ docType: '通知', signKind: '一般', series: '资府发', title: '关于做好冬季安全生产工作的通知', body: '安'.repeat(100_000) }))
    expect(t.body.ok).toBe(true)
    expect(t.body.result.body).toHaveLength(100_000)
  })

  it('still refuses unsafe text and names the field', async () => {
    const r = await call('outgoing.draft', JSON.stringify({ docType: '通知', signKind: '一般', series: '资府发', title: '通知\u202Efdp.exe' }))
    expect(r.status).toBe(400)
    expect(r.body.error).toEqual({ code: 'VALIDATION', field: 'title', message: '「标题」含有控制字符或不可见的排版字符，请删除后重试' })
  })

  it('refuses an upload over 20 MB as it streams, keeps nothing of it, and serves as usual', async () => {
    const upload = (length?: number) => send('/upload', () => emptyObjects(30 * MB), { 'content-type': 'application/pdf', 'x-file-name': encodeURIComponent('扫描件.pdf'), cookie }, length)
    const announced = await upload(30 * MB)
    refusedInChinese(announced, 413, /^文件「扫描件.pdf」超过20MB，不能上传/)
    expect(announced.sentWhenAnswered).toBeLessThan(20 * MB)
    const streamed = await upload()
    refusedInChinese(streamed, 413, /^文件「扫描件.pdf」超过20MB，不能上传/)
    // Refused once 20 MB had arrived, while the sender was still sending: never read (or held) whole.
    expect(streamed.sentWhenAnswered).toBeGreaterThan(20 * MB)
    expect(streamed.sentWhenAnswered).toBeLessThan(30 * MB)
    expect(readdirSync(join(dataDir, 'files', 'uploads'))).toEqual([])
    await stillServes()
  })
})
