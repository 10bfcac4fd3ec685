import { existsSync } from 'node:fs'
import { relative } from 'node:path'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { getCookie, setCookie, deleteCookie } from 'hono/cookie'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Core } from '../core'
import { ERROR_STATUS, type WireError } from '../rpc/errors'
import { openApiDocument } from '../rpc/openapi'
import { SECURITY_HEADERS } from '../security/headers'
import { isHostAllowed, isSameOrigin } from './guards'
import { MAX_INPUT_CHARS } from '../electron/policy'

export const SESSION_COOKIE = 'sanban_session'

export interface HttpOptions {
  /** The built renderer (out/renderer); the API alone is served when it is missing. */
  rendererDir: string
  /** Host names this server answers to (DNS-rebinding guard). */
  allowedHosts: readonly string[]
  version: string
}

function failure(error: WireError) {
  return { ok: false as const, error }
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

  app.post('/rpc/:name', bodyLimit({ maxSize: MAX_INPUT_CHARS, onError: (c) => c.json(failure({ code: 'VALIDATION', message: '请求内容过大' }), 413) }), async (c) => {
    const name = c.req.param('name')
    const proc = Object.hasOwn(core.router.procedures, name) ? core.router.procedures[name] : undefined
    if (proc?.kind === 'mutation' && !isSameOrigin(c.req.header('origin'), c.req.header('host'))) {
      return c.json(failure({ code: 'FORBIDDEN', message: '请求来源不被允许（跨站请求已拒绝）' }), 403)
    }
    let input: unknown
    try {
      const body = await c.req.text()
      input = body === '' ? {} : JSON.parse(body)
    } catch {
      return c.json(failure({ code: 'VALIDATION', message: '请求内容不是有效的 JSON' }), 400)
    }
    let token: string | null | undefined
    const session = core.sessions.forCall(getCookie(c, SESSION_COOKIE) ?? null, (t) => { token = t })
    const { body, error } = await core.router.reply(name, input, session)
    if (token) setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Strict', path: '/' })
    else if (token === null) deleteCookie(c, SESSION_COOKIE, { path: '/' })
    const bytes = new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength)
    return c.body(bytes, error ? ERROR_STATUS[error.code] : 200, { 'content-type': 'application/json; charset=UTF-8' })
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
