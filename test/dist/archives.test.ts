/**
 * Issue 19: the offline bundles (npm run dist) do what the 安装说明 promises on a machine with nothing
 * installed. Each archive is unpacked into a folder whose path has Chinese characters and a space, started
 * with its own start script with no node on PATH and an empty HOME, and used over HTTP as an office would:
 * sign in, register a 收文, stop, start again, find it. The arm64 archive runs the same flow under
 * Debian's qemu-user-static.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { rpcClient } from '../helpers/server'
import { archive, archiveName, ARCHES, bareEnv, cleanUp, DIST, officeFolder, ROOT, startBundle, tempFolder, unpack, VERSION, type Arch } from './bundle'

afterAll(cleanUp)

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const listing = (arch: Arch) => spawnSync('tar', ['-tzf', archive(arch)], { encoding: 'utf8', maxBuffer: 64 << 20 }).stdout.split('\n').filter(Boolean)
/** Under emulation every step is many times slower; the budget is for a loaded 2-core machine. */
const SLOW: Record<Arch, number> = { x64: 1, arm64: 6 }

/** Symbol versions a shared object asks for (readelf reads any architecture's ELF). */
function neededVersions(file: string, prefix: string): string[] {
  const out = spawnSync('readelf', ['-V', '-W', file], { encoding: 'utf8' }).stdout
  return [...new Set([...out.matchAll(new RegExp(`Name: (${prefix}_[0-9.]+)`, 'g'))].map((m) => m[1]))]
}
const versionOf = (v: string) => v.split('_')[1].split('.').map(Number)
const newerThan = (v: string, limit: string) => {
  const [a, b] = [versionOf(v), versionOf(limit)]
  for (let i = 0; i < Math.max(a.length, b.length); i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0)
  return false
}

describe.each(ARCHES)('离线安装包 linux-%s', (arch) => {
  it('在 SHA256SUMS 中校验值相符，不超过 80 MB，带本架构的 Node 和说明，不带开发依赖和数据', () => {
    const sums = readFileSync(join(DIST, 'SHA256SUMS'), 'utf8')
    expect(sums).toContain(`${sha256(archive(arch))}  ${archiveName(arch)}\n`)
    expect(statSync(archive(arch)).size).toBeLessThanOrEqual(80 * 1024 * 1024)
    const files = listing(arch)
    const program = `sanban/lib/${VERSION}`
    for (const f of ['sanban/sanban', 'sanban/install.sh', 'sanban/uninstall.sh', 'sanban/sanban.service', 'sanban/安装说明.txt', 'sanban/VERSION',
      `${program}/node/bin/node`, `${program}/app/out/main/server.js`, `${program}/app/out/renderer/index.html`,
      `${program}/app/drizzle/meta/_journal.json`, `${program}/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node`,
      `${program}/app/node_modules/hono/package.json`, `${program}/app/resources/holiday-notices/2026.txt`]) {
      expect(files, f).toContain(f)
    }
    for (const dev of ['vitest', 'electron', 'typescript', 'electron-vite', 'playwright-core', 'drizzle-kit']) {
      expect(files.filter((f) => f.startsWith(`${program}/app/node_modules/${dev}/`)), dev).toEqual([])
    }
    // The native module's sources and this machine's build stay out; unpacking over an install never touches its data.
    expect(files.filter((f) => /better-sqlite3\/(deps|src)\//.test(f) || /^sanban\/data(\.key|\/)/.test(f))).toEqual([])
  })

  it('加密 SQLite 模块和 Node 是本架构的，模块在 glibc 2.28、GCC 8 的系统（统信 UOS 20、麒麟 V10）上也能加载', () => {
    const top = unpack(arch, officeFolder())
    const program = join(top, 'lib', VERSION)
    const machine = arch === 'x64' ? 'Advanced Micro Devices X86-64' : 'AArch64'
    for (const f of ['node/bin/node', 'app/node_modules/better-sqlite3/build/Release/better_sqlite3.node']) {
      expect(spawnSync('readelf', ['-h', join(program, f)], { encoding: 'utf8' }).stdout, f).toContain(`Machine:                           ${machine}`)
    }
    const module = join(program, 'app/node_modules/better-sqlite3/build/Release/better_sqlite3.node')
    const glibc = neededVersions(module, 'GLIBC')
    expect(glibc.length).toBeGreaterThan(0)
    expect(glibc.filter((v) => newerThan(v, 'GLIBC_2.28'))).toEqual([])
    expect(neededVersions(module, 'GLIBCXX').filter((v) => newerThan(v, 'GLIBCXX_3.4.25'))).toEqual([])
  })

  it('解到带中文和空格的路径，没有 node、HOME 为空：启动、登录、登记收文，停止后再启动，收文还在', async () => {
    const top = unpack(arch, officeFolder())
    const env = bareEnv(arch)
    expect(spawnSync('node', ['--version'], { env }).error, 'PATH 中不应有 node').toBeDefined()
    const title = `关于${arch}离线安装包的请示`

    const first = await startBundle(top, env, [], 60_000 * SLOW[arch])
    expect(first.output()).toContain(`数据目录：${join(top, 'data')}`)
    const api = rpcClient(first.url)
    await api.login()
    const doc = await api.ok('incoming.receive', { receivedAt: '2026-12-01 09:10', sender: '市财政局', title, docType: '请示', arrival: '机要交通', files: [] })
    expect(doc.numberText).toMatch(/^收〔\d{4}〕1号$/)
    expect(await first.stop()).toBe(0)

    const second = await startBundle(top, env, [], 60_000 * SLOW[arch])
    const again = rpcClient(second.url)
    await again.login()
    const page = await again.ok('registers.incoming', { text: title })
    expect(page.rows.map((r) => r.title)).toEqual([title])
    expect(await second.stop()).toBe(0)

    expect(existsSync(join(top, 'data.key')), '密钥文件在数据目录旁').toBe(true)
    expect(readdirSync(env.HOME!), '不往 HOME 里写任何东西').toEqual([])
  }, arch === 'arm64' ? 900_000 : 240_000)
})

describe('可重现', () => {
  it('同一提交再打包一次，两个安装包与 dist/ 中的逐字节相同', () => {
    const out = tempFolder('sanban-dist-again-')
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/dist/build.mjs'), '--out', out, '--no-build'], { cwd: ROOT, encoding: 'utf8' })
    expect(r.status, r.stderr).toBe(0)
    // The archives' times are the commit's, and out/ is packed as it is (never rebuilt under the other tests):
    // dist/ must come from this commit and this build (test-all.sh packs right after building).
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8'), 'dist/ 是在另一个提交或另一次构建上打的？先重新运行 npm run dist')
      .toBe(readFileSync(join(DIST, 'SHA256SUMS'), 'utf8'))
  }, 600_000)
})
