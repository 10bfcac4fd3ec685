/**
 * The offline archives as an office gets them (npm run dist writes them to dist/): unpacked into a folder of
 * the test's choosing and started with the archive's own start script, with nothing from this machine's
 * Node: PATH holds an empty folder and HOME is an empty folder. The arm64 archive runs under qemu-user.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ADMIN_PASSWORD } from '../helpers/server'

export const ROOT = join(__dirname, '../..')
export const DIST = join(ROOT, 'dist')
export const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
export type Arch = 'x64' | 'arm64'
export const ARCHES: Arch[] = ['x64', 'arm64']
const QEMU = '/usr/bin/qemu-aarch64-static'
/** Debian's arm64 C library and libstdc++ (from g++-aarch64-linux-gnu), where qemu-user finds what node links to. */
const ARM64_SYSROOT = '/usr/aarch64-linux-gnu'

export const archiveName = (arch: Arch) => `sanban-${VERSION}-linux-${arch}.tar.gz`

/** The archive in dist/; a clear failure (not a skip) when `npm run dist` has not been run. */
export function archive(arch: Arch): string {
  const file = join(DIST, archiveName(arch))
  if (!existsSync(file)) throw new Error(`没有 ${file}：先运行 npm run dist（scripts/test-all.sh 会先运行它）`)
  return file
}

/** Every folder made here (an unpacked archive is about 250 MB) and every server still running: cleanUp ends both. */
const made: string[] = []
const running = new Set<ChildProcess>()
export function tempFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}
/** A server started some other way (test/dist/install.test.ts runs the unit's command line), for cleanUp. */
export function track<T extends ChildProcess>(child: T): T {
  running.add(child)
  child.once('exit', () => running.delete(child))
  return child
}
/** For afterAll: a test that failed halfway leaves no server behind and no folders. */
export function cleanUp(): void {
  for (const child of running) child.kill('SIGKILL')
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** A fresh folder whose path has Chinese characters and a space, as an office's might. */
export function officeFolder(): string {
  const dir = join(tempFolder('sanban-dist-'), '三办 安装包')
  mkdirSync(dir, { recursive: true })
  return dir
}

export function unpack(arch: Arch, into: string): string {
  const r = spawnSync('tar', ['-xzf', archive(arch), '-C', into])
  if (r.status !== 0) throw new Error(`解开 ${archiveName(arch)} 失败：${r.stderr}`)
  return join(into, 'sanban')
}

/** What the server sees of this machine: an empty PATH and HOME, plus qemu-user for the arm64 archive. */
export function bareEnv(arch: Arch): NodeJS.ProcessEnv {
  const empty = tempFolder('sanban-bare-')
  mkdirSync(join(empty, 'bin'))
  mkdirSync(join(empty, 'home'))
  const env: NodeJS.ProcessEnv = { PATH: join(empty, 'bin'), HOME: join(empty, 'home'), LANG: 'C.UTF-8' }
  if (arch === 'arm64') Object.assign(env, { SANBAN_EMULATOR: QEMU, QEMU_LD_PREFIX: ARM64_SYSROOT })
  return env
}

export interface Bundle {
  url: string
  output: () => string
  stop(): Promise<number | null>
}

/** Starts `sanban/sanban` (the archive's start script) and waits for the address it prints. */
export function startBundle(top: string, env: NodeJS.ProcessEnv, args: string[] = [], timeoutMs = 60_000): Promise<Bundle> {
  const child: ChildProcess = spawn('/bin/bash', [join(top, 'sanban'), '--port', '0', '--admin-password', ADMIN_PASSWORD, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  track(child)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`三办在 ${timeoutMs / 1000} 秒内没有启动：\n${output}`)) }, timeoutMs)
    const read = (chunk: Buffer) => {
      output += chunk.toString()
      const m = /请用浏览器打开：(http:\/\/\S+?)\/?\n/.exec(output)
      if (!m) return
      clearTimeout(timer)
      resolve({ url: m[1], output: () => output, stop: async () => { child.kill('SIGTERM'); return exited } })
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`三办退出了（退出码 ${code}）：\n${output}`)) })
  })
}
