/**
 * A server in a child process over a given data folder, to be killed with SIGKILL (no handler, no
 * cleanup). tsx is loaded into the child itself: tsx's CLI would put a wrapper process in between.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { startServer, type RunningServer } from '../../src-main/server/start'
import { adjustableClock } from '../../src-main/system/clock'
import { ADMIN_PASSWORD } from '../helpers/server'

export const ROOT = resolve(__dirname, '../..')
const LOADER = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href

export class ChildServer {
  private child: ChildProcess | null = null
  /** `env` adds to the child's environment (e.g. TZ, to run the server on a PC set to another time zone). */
  constructor(private readonly dataDir: string, private readonly env: NodeJS.ProcessEnv = {}) {}

  /** Starts the server; resolves with its URL once it listens. */
  start(): Promise<string> {
    const c = spawn(process.execPath, ['--import', LOADER, join(__dirname, 'server-process.ts')], { cwd: ROOT, env: { ...process.env, ...this.env, SANBAN_DATA: this.dataDir }, stdio: ['ignore', 'pipe', 'inherit'] })
    this.child = c
    return new Promise((done, fail) => {
      createInterface({ input: c.stdout! }).on('line', (line) => { if (line.startsWith('{')) done((JSON.parse(line) as { url: string }).url) })
      c.once('exit', (code) => fail(new Error(`server process exited (${code}) before listening`)))
    })
  }

  /** SIGKILL, resolved once the process is gone; nothing if it is not running. */
  kill(): Promise<void> {
    const c = this.child
    this.child = null
    if (!c) return Promise.resolve()
    return new Promise((done) => { c.once('exit', () => done()); c.kill('SIGKILL') })
  }
}

/** A 签收时间 safely in the past whatever the machine's clock says (the register refuses a future one). */
export const RECEIVED_AT = `${new Date(Date.now() - 36 * 3_600_000).toISOString().slice(0, 10)} 09:10`

/**
 * A demo office's data folder grown to some 25 MB, so that a backup or a restore takes long enough to be
 * cut at any of its steps; returned still running, for the caller to add to and close.
 */
export async function ballastedServer(dataDir: string): Promise<RunningServer> {
  const seeded = await startServer({ dataDir, port: 0, demo: true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock() })
  const sqlite = seeded.core.conn.sqlite
  sqlite.exec('CREATE TABLE ballast (id INTEGER PRIMARY KEY, pad BLOB)')
  const pad = sqlite.prepare('INSERT INTO ballast (pad) VALUES (randomblob(4000))')
  sqlite.transaction(() => { for (let i = 0; i < 6000; i++) pad.run() })()
  return seeded
}
