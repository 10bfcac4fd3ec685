/**
 * Server mode as the office runs it: the built out/main/server.js in its own process over the bench's
 * data folder and key file, so its start-up, its answers and its memory are measured from outside.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import { rpcClient } from '../test/helpers/server'
import { SEED_PASSWORD } from './seed-large'
import type { BenchOffice } from './dataset'
// @ts-expect-error -- a plain .mjs shared with scripts/start.mjs, without type declarations
import { SERVER_NODE_FLAGS } from '../scripts/lib/server-flags.mjs'

const ROOT = resolve(__dirname, '..')

export interface BenchServer {
  url: string
  pid: number
  /** From spawning the process to its first answered call (sign-in included): a register page unless `first` says otherwise. */
  startupMs: number
  /** That first call alone: the database has just been opened (and decrypted), its page cache is empty. */
  firstCallMs: number
  /** Resident memory of the server process now, in MB (Linux /proc). */
  rssMb(): number
  /** The most resident memory the process has had since it started, in MB (VmHWM). */
  peakRssMb(): number
  stop(): Promise<void>
}

/** Builds out/ with electron-vite when it is missing or older than the sources (scripts/start.mjs). */
export function buildIfStale(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--build-only'], { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) throw new Error('构建失败')
}

/** A signed-in client of the bench office (every seeded account has SEED_PASSWORD). */
export async function signedIn(url: string, username = 'kezhang') {
  const client = rpcClient(url)
  await client.login(username, SEED_PASSWORD)
  return client
}

const FIRST_PAGE = { name: 'registers.incoming', input: { limit: 50 } }

const statusMb = (pid: number, field: string) => Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`))![1]) / 1024

function listening(child: ChildProcess): Promise<string> {
  return new Promise((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = line.match(/请用浏览器打开：(\S+?)\/?$/)
      if (m) done(m[1])
    })
    child.once('exit', (code) => fail(new Error(`服务器进程在开始监听前退出（${code}）`)))
  })
}

/** `options`: more of server mode's command-line options (--shared-answers 0); `first`: the first call after signing in. */
export async function startBenchServer(office: Pick<BenchOffice, 'dataDir' | 'keyFile'>, options: string[] = [], first: { name: string; input: object } = FIRST_PAGE): Promise<BenchServer> {
  const t = performance.now()
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(ROOT, 'out', 'main', 'server.js'), '--data', office.dataDir, '--key-file', office.keyFile, '--port', '0', ...options], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'],
  })
  const url = await listening(child)
  const client = await signedIn(url)
  const asked = performance.now()
  await client.ok(first.name as 'registers.incoming', first.input)
  const firstCallMs = performance.now() - asked
  const startupMs = performance.now() - t
  const pid = child.pid!
  return {
    url, pid, startupMs, firstCallMs,
    rssMb: () => statusMb(pid, 'VmRSS'),
    peakRssMb: () => statusMb(pid, 'VmHWM'),
    stop: () => new Promise((done) => {
      if (child.exitCode !== null) return done()
      child.once('exit', () => done())
      child.kill('SIGTERM')
    }),
  }
}
