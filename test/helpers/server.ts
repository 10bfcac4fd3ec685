import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type RunningServer } from '../../src-main/server/start'
import { adjustableClock } from '../../src-main/system/clock'
import type { z } from 'zod'
import type { Procedures } from '../../src-main/rpc/procedures'

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

/**
 * The contract as the tests see it: every procedure of the product (rpc/procedures.ts), and `system.setClock`,
 * which only a server with an adjustable clock has (system/procedures.ts). Outputs are plain JSON already, so
 * what the handler returns is what the reply carries.
 */
type Contract = {
  [N in keyof Procedures]: { input: z.input<Procedures[N]['input']>; output: Awaited<ReturnType<Procedures[N]['handler']>> }
} & { 'system.setClock': { input: { at: string }; output: { now: string } } }
export type ProcedureName = keyof Contract & string
export type InputOf<N extends ProcedureName> = Contract[N]['input']
export type OutputOf<N extends ProcedureName> = Contract[N]['output']
/** The input may be left out where the procedure takes none (an empty object). */
type InputArgs<N extends ProcedureName> = {} extends InputOf<N> ? [input?: InputOf<N>] : [input: InputOf<N>]

export interface WireError { code: string; message: string; field?: string; rule?: string }
export interface RpcReply<T = unknown> { status: number; body: { ok: boolean; result?: T; error?: WireError } }
/** What `call` finds in a reply: the procedure's output for a name of the contract, nothing known for any other. */
type ResultOf<N extends string> = N extends ProcedureName ? OutputOf<N> : unknown

/**
 * A client that keeps its session cookie and sends the page's Origin, as the browser does. `baseUrl` may be given as a
 * function, read at each call, so a test file can make its clients before its server has started (office-server.ts).
 */
export function rpcClient(baseUrlOf: string | (() => string), opts: { origin?: string | null } = {}) {
  let cookie = ''
  const base = typeof baseUrlOf === 'string' ? () => baseUrlOf : baseUrlOf
  /**
   * Loose on purpose: hostile-input and access tests send wrong shapes and names the server does not know,
   * and read the refusal (status and error) themselves.
   */
  async function call<N extends string>(name: N, input: unknown = {}): Promise<RpcReply<ResultOf<N>>> {
    const baseUrl = base()
    const origin = opts.origin === undefined ? baseUrl : opts.origin
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (origin) headers.origin = origin
    if (cookie) headers.cookie = cookie
    const res = await fetch(`${baseUrl}/rpc/${name}`, { method: 'POST', headers, body: JSON.stringify(input) })
    const set = res.headers.get('set-cookie')
    if (set) cookie = set.split(';')[0]
    return { status: res.status, body: await res.json() }
  }
  /**
   * Calls a procedure of the contract with an input its schema accepts and returns the result, typed by the
   * contract (renaming a procedure breaks the tests' build); fails loudly with the server's Chinese message otherwise.
   */
  async function ok<N extends ProcedureName>(name: N, ...args: InputArgs<N>): Promise<OutputOf<N>> {
    const r = await call(name, args[0] ?? {})
    if (!r.body.ok) throw new Error(`${name} 失败：${r.status} ${JSON.stringify(r.body.error)}`)
    return r.body.result as OutputOf<N>
  }
  /** A GET with the session, for the non-RPC routes. */
  const get = (path: string) => fetch(`${base()}${path}`, { headers: cookie ? { cookie } : {} })
  /** The session cookie as sent (or '' before sign-in), and a way to send an old one again. */
  const cookies = { current: () => cookie, replay: (old: string) => { cookie = old } }
  /** Signs in; by default as the demo office's 科长, who may do all business work (auth/roles.ts). */
  return { call, ok, get, cookies, login: (username = BUSINESS_USER, password = ADMIN_PASSWORD) => ok('auth.login', { username, password }) }
}
export type RpcClient = ReturnType<typeof rpcClient>

/** `value`, or a clear failure naming what was looked for (a demo record the test relies on, a row it expects). */
export function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`测试数据中找不到${what}`)
  return value
}

/** A file a procedure returns (a Word or Excel export, a stored attachment): its name, type and bytes. */
export interface FileReply { filename: string; mime: string; base64: string }
/** The procedures that return a file. */
export type FileProcedure = { [N in ProcedureName]: OutputOf<N> extends FileReply ? N : never }[ProcedureName]

/** Calls a procedure that returns a file and decodes its bytes. */
export async function download<N extends FileProcedure>(api: RpcClient, name: N, ...args: InputArgs<N>) {
  const r: FileReply = await api.ok(name, ...args)
  return { filename: r.filename, mime: r.mime, buf: Buffer.from(r.base64, 'base64') }
}

/** A rule's answer (kernel/decision.ts) that the test expects to allow: the answer, or a failure citing the rule and its reason. */
export function allowed<T extends { ok: boolean }>(answer: T): Extract<T, { ok: true }> {
  if (!answer.ok) throw new Error(`规则不允许：${JSON.stringify(answer)}`)
  return answer as Extract<T, { ok: true }>
}
