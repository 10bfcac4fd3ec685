/**
 * Sanban started the way an operator starts it — `node src-main/server/cli.ts --data … --port …` in a process
 * of its own (tsx loaded into it, no wrapper process, so a SIGKILL reaches the server) — and what is on disk
 * around it, to check that a refused start changed nothing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { pathToFileURL } from 'node:url'
import { startServer } from '../../src-main/server/start'
import { adjustableClock } from '../../src-main/system/clock'
import { ADMIN_PASSWORD, rpcClient } from '../helpers/server'
import { untilFinished } from '../backup/jobs'

export const ROOT = resolve(__dirname, '../..')
const LOADER = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href
const CLI = join(ROOT, 'src-main', 'server', 'cli.ts')

export interface Office { dir: string; dataDir: string; keyFile: string }

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `sanban-${prefix}-`))
}

/** The command line of `npm start -- …` on this office (the key file beside the data folder, the default). */
export function serverArgs(office: Pick<Office, 'dataDir'>, port: number | string = 0, extra: string[] = []): string[] {
  return ['--import', LOADER, CLI, '--data', office.dataDir, '--port', String(port), '--admin-password', ADMIN_PASSWORD, ...extra]
}

export interface Refusal { code: number | null; stderr: string; stdout: string }

/** A start expected to fail: runs to its end and returns what the operator sees. */
export function startRefused(args: string[], command: string[] = [process.execPath]): Refusal {
  const r = spawnSync(command[0], [...command.slice(1), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, stderr: r.stderr, stdout: r.stdout }
}

export interface ServerProcess { url: string; port: number; pid: number; stop(): Promise<void>; kill(): Promise<void> }

/** A server that starts: resolves once it prints its address. */
export function startRunning(args: string[]): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (d) => { stderr += String(d) })
  const ended = (signal: NodeJS.Signals) => () => new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done()
    child.once('exit', () => done())
    child.kill(signal)
  })
  return new Promise((done, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /请用浏览器打开：(http:\/\/127\.0\.0\.1:(\d+))\//.exec(line)
      if (m) done({ url: m[1], port: Number(m[2]), pid: child.pid!, stop: ended('SIGTERM'), kill: ended('SIGKILL') })
    })
    child.once('exit', (code) => fail(new Error(`server exited (${code}) before listening: ${stderr}`)))
  })
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  if (!statSync(dir).isDirectory()) return [dir]
  return readdirSync(dir, { recursive: true, withFileTypes: true }).map((e) => join(e.parentPath, e.name)).sort()
}

/** Every file and folder of the data folder, and the key file, with the SHA-256 of each file's bytes. */
export function checksums(...paths: string[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const path of paths) {
    for (const f of filesUnder(path)) out[f] = statSync(f).isDirectory() ? 'folder' : createHash('sha256').update(readFileSync(f)).digest('hex')
  }
  return out
}

/**
 * A working office, made once and copied for each case: a demo organisation, one registered 收文 and a
 * checked online backup in backups/, stopped cleanly.
 */
export async function makeOffice(): Promise<Office> {
  const dir = tempDir('office')
  const office = { dir, dataDir: join(dir, 'data'), keyFile: join(dir, 'data.key') }
  const server = await startServer({ dataDir: office.dataDir, keyFile: office.keyFile, port: 0, demo: true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock() })
  try {
    const clerk = rpcClient(server.url)
    await clerk.login()
    const sender = (await clerk.ok('org.overview')).departments[0]
    await clerk.ok('incoming.receive', { receivedAt: '2026-11-02 09:10', sender: sender.name, senderDepartmentId: sender.id, title: '关于防汛物资储备的报告', docType: '报告', urgency: '无', copies: 1, pages: 1, arrival: '专人送达', files: [] })
    const admin = rpcClient(server.url)
    await admin.login('admin')
    const job = await admin.ok('backup.start')
    const done = await untilFinished(admin, job.id)
    if (done.state !== 'done') throw new Error(`备份失败：${done.message}`)
  } finally {
    await server.close()
  }
  return office
}

/** A copy of the office in a fresh folder (under `parent` when given, e.g. a mount point). */
export function copyOffice(office: Office, parent = tempDir('case')): Office {
  cpSync(office.dir, parent, { recursive: true, preserveTimestamps: true })
  return { dir: parent, dataDir: join(parent, 'data'), keyFile: join(parent, 'data.key') }
}

export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true })
