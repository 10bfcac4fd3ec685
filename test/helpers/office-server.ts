/**
 * The set-up most API test files share: a real server of their own (startTestServer) started before the file's tests and
 * stopped after them, the 科长 (or another account) signed in as `api`, other accounts signed in, the office clock set
 * and the demo office's organisation loaded for the file's lookups. A file's own beforeAll, written after the call, runs
 * after this one (vitest runs a file's beforeAll hooks in the order they were written), its afterAll before the stop.
 */
import { afterAll, beforeAll } from 'vitest'
import { BUSINESS_USER, must, rpcClient, startTestServer, type RpcClient, type TestServer } from './server'

export interface OfficeServerOptions {
  /** Whom `api` signs in as: the demo office's 科长 unless the file works as another account (a 三员). */
  as?: string
  /** The office clock (`2026-12-01T09:00:00+08:00`), set once the accounts have signed in. */
  clock?: string
  /** The file's demoOffice(), loaded through `api` after the clock is set. */
  demo?: { load(api: RpcClient): Promise<void> }
}

export interface OfficeServer {
  /** The running server (its url, its core): usable from the file's beforeAll and tests on, not at module level. */
  server: TestServer
  /** Signed in as `options.as` before the file's tests. */
  api: RpcClient
  /** A client for `username`, signed in before the file's tests: call it at module level, beside officeServer. */
  signedIn(username: string): RpcClient
}

/** Call at the top level of a test file; the clients it gives may be kept in module constants. */
export function officeServer(options: OfficeServerOptions = {}): OfficeServer {
  let running: TestServer | undefined
  const current = () => must(running, '测试服务器（它在测试文件的 beforeAll 中才启动）')
  const url = () => current().url
  const accounts: [RpcClient, string][] = []
  let started = false
  const signedIn = (username: string) => {
    if (started) throw new Error('officeServer().signedIn 须在测试文件的顶层调用，服务器启动之前')
    const client = rpcClient(url)
    accounts.push([client, username])
    return client
  }
  const api = signedIn(options.as ?? BUSINESS_USER)
  beforeAll(async () => {
    started = true
    running = await startTestServer()
    for (const [client, username] of accounts) await client.login(username)
    if (options.clock) await api.ok('system.setClock', { at: options.clock })
    await options.demo?.load(api)
  })
  afterAll(async () => { await running?.stop() })
  // The server itself exists only once beforeAll has run: a stand-in that reads the running one on each use.
  const server = new Proxy({} as TestServer, { get: (_, key) => Reflect.get(current(), key) })
  return { server, api, signedIn }
}
