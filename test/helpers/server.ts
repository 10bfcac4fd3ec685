import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type RunningServer } from '../../src-main/server/start'
import { adjustableClock } from '../../src-main/system/clock'

/** The password of every initial account of a test server (三员 and the demo's business accounts). */
export const ADMIN_PASSWORD = 'Admin2026ok'
/** The demo office's 科长 (clearance 机密): enters, routes, reviews and sets the business rules. */
export const BUSINESS_USER = 'kezhang'

export interface TestServer extends RunningServer {
  dataDir: string
  stop(): Promise<void>
}

/** A real server on a random port over its own SQLite file in a fresh folder. */
export async function startTestServer(options: { demo?: boolean } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sanban-test-'))
  const server = await startServer({ dataDir, port: 0, demo: options.demo ?? true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock() })
  return { ...server, dataDir, stop: async () => { await server.close(); rmSync(dataDir, { recursive: true, force: true }) } }
}

export interface RpcReply { status: number; body: { ok: boolean; result?: any; error?: { code: string; message: string; field?: string; rule?: string } } }

/** A client that keeps its session cookie and sends the page's Origin, as the browser does. */
export function rpcClient(baseUrl: string, opts: { origin?: string | null } = {}) {
  let cookie = ''
  const origin = opts.origin === undefined ? baseUrl : opts.origin
  async function call(name: string, input: unknown = {}): Promise<RpcReply> {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (origin) headers.origin = origin
    if (cookie) headers.cookie = cookie
    const res = await fetch(`${baseUrl}/rpc/${name}`, { method: 'POST', headers, body: JSON.stringify(input) })
    const set = res.headers.get('set-cookie')
    if (set) cookie = set.split(';')[0]
    return { status: res.status, body: await res.json() }
  }
  /** Calls and returns the result, failing loudly with the server's Chinese message otherwise. */
  async function ok<T = any>(name: string, input: unknown = {}): Promise<T> {
    const r = await call(name, input)
    if (!r.body.ok) throw new Error(`${name} 失败：${r.status} ${JSON.stringify(r.body.error)}`)
    return r.body.result as T
  }
  /** A GET with the session, for the non-RPC routes. */
  const get = (path: string) => fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} })
  /** The session cookie as sent (or '' before sign-in), and a way to send an old one again. */
  const cookies = { current: () => cookie, replay: (old: string) => { cookie = old } }
  /** Signs in; by default as the demo office's 科长, who may do all business work (auth/roles.ts). */
  return { call, ok, get, cookies, login: (username = BUSINESS_USER, password = ADMIN_PASSWORD) => ok('auth.login', { username, password }) }
}
