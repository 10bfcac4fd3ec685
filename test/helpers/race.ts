/**
 * Two real server processes over one data folder, for numbering under real concurrency (X-1, R-D6).
 * Two cores in one process never race — every handler is synchronous and the event loop runs one at a
 * time — so a test there passes even if a number were read outside the transaction. Two processes do:
 * each has its own SQLite connection on the same file and runs the TypeScript sources through tsx.
 * startServer refuses a second server on a data folder (system/data-lock.ts), so these two are built from
 * openCore and the HTTP app without the lock: the numbering must stay right even where the lock cannot
 * help (a file system that ignores locks), and this is the only way to put two writers on one file.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import Database from 'better-sqlite3'
import { startServer, type RunningServer } from '../../src-main/server/start'
import { adjustableClock } from '../../src-main/system/clock'
import { rpcClient, ADMIN_PASSWORD } from './server'

const ROOT = resolve(__dirname, '../..')
const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')

export interface Race {
  dataDir: string
  /** Prepares the data in this process with a demo organisation (server closed afterwards). */
  setup(prepare: (server: RunningServer, api: ReturnType<typeof rpcClient>) => Promise<void>): Promise<void>
  /** Starts the two racing servers, signed in, their clocks at `clock`. */
  clients(clock: string): Promise<ReturnType<typeof rpcClient>[]>
  /** Reads the file through a third connection. */
  read<T>(sql: string): T[]
  stop(): Promise<void>
}

export function twoProcessRace(): Race {
  const dataDir = mkdtempSync(join(tmpdir(), 'sanban-race-'))
  const children: ChildProcess[] = []
  function serverProcess(): Promise<string> {
    const code = `
      import { serve } from '@hono/node-server'
      import { openCore } from ${JSON.stringify(join(ROOT, 'src-main/core.ts'))}
      import { createHttpApp } from ${JSON.stringify(join(ROOT, 'src-main/server/http.ts'))}
      import { LOOPBACK_HOSTS } from ${JSON.stringify(join(ROOT, 'src-main/server/guards.ts'))}
      import { adjustableClock } from ${JSON.stringify(join(ROOT, 'src-main/system/clock.ts'))}
      const core = openCore({ dataDir: process.env.SANBAN_RACE_DATA!, clock: adjustableClock() })
      const app = createHttpApp(core, { rendererDir: '', allowedHosts: LOOPBACK_HOSTS, version: 'race' })
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => console.log(JSON.stringify({ url: 'http://127.0.0.1:' + info.port })))
      process.on('SIGTERM', () => { s.close(() => { core.close(); process.exit(0) }) })`
    const child = spawn(process.execPath, [TSX, '--eval', code], { cwd: ROOT, env: { ...process.env, SANBAN_RACE_DATA: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] })
    children.push(child)
    return new Promise((done, fail) => {
      const lines = createInterface({ input: child.stdout! })
      lines.on('line', (line) => { if (line.startsWith('{')) done((JSON.parse(line) as { url: string }).url) })
      child.once('exit', (code) => fail(new Error(`server process exited (${code}) before listening`)))
    })
  }
  return {
    dataDir,
    async setup(prepare) {
      const server = await startServer({ dataDir, port: 0, demo: true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock() })
      try {
        const api = rpcClient(server.url)
        await api.login()
        await prepare(server, api)
      } finally {
        await server.close()
      }
    },
    async clients(clock) {
      const urls = await Promise.all([serverProcess(), serverProcess()])
      const clients = urls.map((u) => rpcClient(u))
      for (const c of clients) {
        await c.login()
        await c.ok('system.setClock', { at: clock })
      }
      return clients
    },
    read<T>(sql: string) {
      const check = new Database(join(dataDir, 'sanban.sqlite'), { readonly: true })
      try { return check.prepare(sql).all() as T[] } finally { check.close() }
    },
    async stop() {
      await Promise.all(children.map((c) => new Promise<void>((done) => {
        if (c.exitCode !== null) return done()
        c.once('exit', () => done())
        c.kill('SIGTERM')
      })))
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
