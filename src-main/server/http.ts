import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import { Hono } from 'hono'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import { serveStatic } from '@hono/node-server/serve-static'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { ServerOptions } from 'node:http'
import type { Core } from '../core'
import { AppError, ERROR_STATUS, type WireError } from '../kernel/errors'
import { bodyLimitFor, bodyTooLarge, readJsonBody } from '../rpc/body'
import { MAX_FILE_BYTES, UploadTooLargeError, uploadsIn } from '../files/uploads'
import { openApiDocument } from '../rpc/openapi'
import { SECURITY_HEADERS } from '../security/headers'
import { isHostAllowed, isSameOrigin } from './guards'
import { BACKGROUND_CALLS, BACKGROUND_HEADER } from '../common/events'

export const SESSION_COOKIE = 'sanban_session'

export interface HttpOptions {
  /** The built renderer (out/renderer); the API alone is served when it is missing. */
  rendererDir: string
  /** Host names this server answers to (DNS-rebinding guard). */
  allowedHosts: readonly string[]
  version: string
}

/**
 * Node's own clocks for a connection (start.ts passes them to the server): the headers must arrive within
 * 10 s and the whole request within 2 minutes (20 MB, the largest upload, takes 16 s at 10 Mbit/s), checked
 * every 2 s instead of every 30. A client that sends slowly is cut off then; until then it holds a socket
 * and at most its body limit (8 KB before sign-in), and the event loop serves everyone else meanwhile.
 */
export const HTTP_SERVER_OPTIONS: ServerOptions = { headersTimeout: 10_000, requestTimeout: 120_000, connectionsCheckingInterval: 2_000 }

/** The browser's address as the audit trail records it (sign-ins, reads of 秘密/机密 records); IPv4 without the ::ffff: prefix. */
function clientAddress(c: Context): string {
  const address = getConnInfo(c).remote.address
  return address ? address.replace(/^::ffff:/, '') : '未知地址'
}

function failure(error: WireError) {
  return { ok: false as const, error }
}

/**
 * The body as text, or null when it is over `limit`: refused at once when Content-Length announces more,
 * otherwise counted as it streams and abandoned at the first byte past it (the server then drains or cuts
 * the rest). Never more than `limit` bytes are held.
 */
async function textWithin(req: Request, limit: number): Promise<string | null> {
  if (Number(req.headers.get('content-length')) > limit) return null
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of chunksOf(req.body)) {
    size += chunk.byteLength
    if (size > limit) return null
    chunks.push(chunk)
  }
  return Buffer.concat(chunks, size).toString('utf8')
}

/** The sender went away before its body was complete (a closed tab, or a slow sender cut off by the server). */
class ClientGoneError extends Error {}
const clientGone = () => ({ code: 'VALIDATION' as const, message: '请求未完整送达（连接已中断），请重试' })

/** A request body's chunks; leaving the loop early cancels the rest (the DOM typings lack the stream's own iterator). */
async function* chunksOf(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) return
  const reader = body.getReader()
  let done = false
  try {
    for (;;) {
      const next = await reader.read().catch(() => { throw new ClientGoneError('request body aborted') })
      if (next.done) { done = true; return }
      yield next.value
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined)
  }
}

/** The X-File-Name header (the browser sends it URI-encoded, as headers carry only ASCII). */
function fileNameHeader(value: string | undefined): string {
  try {
    return value ? decodeURIComponent(value) : '文件'
  } catch {
    return '文件'
  }
}

export function createHttpApp(core: Core, options: HttpOptions): Hono {
  const app = new Hono()

  app.use('*', async (c, next) => {
    if (!isHostAllowed(c.req.header('host'), options.allowedHosts)) {
      return c.text('不允许的主机名', 421)
    }
    await next()
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.header(k, v)
  })

  app.get('/health', (c) => c.json({ ok: true }))

  // The contract is no secret, but on a classified network every route but login and health needs a session.
  app.get('/rpc/openapi.json', (c) => {
    const token = getCookie(c, SESSION_COOKIE)
    if (!token || !core.sessions.resolve(token)) return c.json(failure({ code: 'UNAUTHENTICATED', message: '请先登录' }), 401)
    return c.json(openApiDocument(core.router.procedures, options.version))
  })

  app.post('/rpc/:name', async (c) => {
    const name = c.req.param('name')
    const proc = Object.hasOwn(core.router.procedures, name) ? core.router.procedures[name] : undefined
    if (proc?.kind === 'mutation' && !isSameOrigin(c.req.header('origin'), c.req.header('host'))) {
      return c.json(failure({ code: 'FORBIDDEN', message: '请求来源不被允许（跨站请求已拒绝）' }), 403)
    }
    // Who calls decides how much may be sent, so the session is resolved before any of the body is read.
    let token: string | null | undefined
    // A page's background poll for 提醒 (X-Sanban-Background: 1) does not count as use: an idle session still ends.
    const background = c.req.header(BACKGROUND_HEADER) === '1' && BACKGROUND_CALLS.includes(name)
    const session = core.sessions.forCall(getCookie(c, SESSION_COOKIE) ?? null, (t) => { token = t }, clientAddress(c), !background)
    const signedIn = session.user !== null
    const text = await textWithin(c.req.raw, bodyLimitFor(signedIn)).catch((e: unknown) => { if (e instanceof ClientGoneError) return undefined; throw e })
    if (text === undefined) return c.json(failure(clientGone()), 400)
    if (text === null) return c.json(failure(bodyTooLarge(signedIn)), 413)
    const parsed = readJsonBody(text)
    if (!parsed.ok) return c.json(failure(parsed.error), 400)
    const { body, error } = await core.router.reply(name, parsed.input, session)
    if (token) setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' })
    else if (token === null) deleteCookie(c, SESSION_COOKIE, { path: '/' })
    const bytes = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength)
    return c.body(bytes, error ? ERROR_STATUS[error.code] : 200, { 'content-type': 'application/json; charset=UTF-8' })
  })

  /**
   * A file for a later action (files/uploads.ts): the raw bytes as the body, the name URI-encoded in
   * X-File-Name, the type in Content-Type. Signed in and same-origin like a mutation; streamed to disk,
   * so a 20 MB file never sits in memory and a larger one is refused as soon as it passes 20 MB.
   */
  app.post('/upload', async (c) => {
    if (!isSameOrigin(c.req.header('origin'), c.req.header('host'))) {
      return c.json(failure({ code: 'FORBIDDEN', message: '请求来源不被允许（跨站请求已拒绝）' }), 403)
    }
    const token = getCookie(c, SESSION_COOKIE)
    const user = token ? core.sessions.resolve(token) : null
    if (!user) return c.json(failure({ code: 'UNAUTHENTICATED', message: '请先登录后再上传文件' }), 401)
    const name = fileNameHeader(c.req.header('x-file-name'))
    const mime = c.req.header('content-type') || 'application/octet-stream'
    const tooLarge = () => c.json(failure(new UploadTooLargeError(name).toWire()), 413)
    if (Number(c.req.header('content-length')) > MAX_FILE_BYTES) return tooLarge()
    try {
      const received = await uploadsIn(core.dataDir).receive(core.conn.db, user.id, chunksOf(c.req.raw.body))
      return c.json({ ok: true, result: { name, mime, ...received } })
    } catch (e) {
      if (e instanceof UploadTooLargeError) return tooLarge()
      if (e instanceof ClientGoneError) return c.json(failure(clientGone()), 400)
      if (e instanceof AppError) return c.json(failure(e.toWire()), ERROR_STATUS[e.code])
      console.error('[upload] 上传失败', e)
      return c.json(failure({ code: 'INTERNAL', message: `文件「${name}」未能保存，请稍后重试` }), 500)
    }
  })

  app.all('/rpc/*', (c) => c.json(failure({ code: 'UNKNOWN_PROCEDURE', message: '请用 POST /rpc/<功能名> 调用' }), 404))

  if (existsSync(options.rendererDir)) {
    // serveStatic resolves paths under root and refuses traversal; root must be relative to cwd.
    const root = relative(process.cwd(), options.rendererDir) || '.'
    app.use('/*', serveStatic({ root }))
    app.get('/', serveStatic({ root, path: 'index.html' }))
  }
  app.notFound((c) => c.text('未找到', 404))
  return app
}
