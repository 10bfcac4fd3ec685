// The encrypted-SQLite native module (better-sqlite3-multiple-ciphers, aliased as better-sqlite3), compiled
// from its source for each target against the headers of the Node runtime the archive carries. Its
// prebuilt binaries are downloaded from GitHub at install time, which this machine cannot reach; arm64 is
// cross-compiled with Debian's aarch64 toolchain. Compiling takes minutes, so the result is cached under
// a key of everything that goes into it.
import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { CACHE, ensureDir, ROOT, run, say, TARGETS } from './common.mjs'
import { NODE_VERSION } from './runtime.mjs'

const SOURCE = join(ROOT, 'node_modules', 'better-sqlite3')
const NODE_GYP = '/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js'
const COMPAT_HEADER = join(ROOT, 'scripts', 'dist', 'lib', 'glibc-compat.h')

function compilerVersion(cross) {
  const r = run(`${cross ?? ''}g++`, ['--version'], { step: '检查 C++ 编译器', stdio: ['ignore', 'pipe', 'inherit'] })
  return r.stdout.toString().split('\n')[0]
}

function cacheKey(arch) {
  const pkg = JSON.parse(readFileSync(join(SOURCE, 'package.json'), 'utf8'))
  const parts = [pkg.name, pkg.version, NODE_VERSION, arch, compilerVersion(TARGETS[arch].cross), readFileSync(COMPAT_HEADER, 'utf8')]
  return createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16)
}

/** The compiled better_sqlite3.node for `arch` (compiled now unless the cache has it). */
export function nativeModuleFor(arch, runtimeDir) {
  const out = join(CACHE, 'native', `${arch}-${cacheKey(arch)}`, 'better_sqlite3.node')
  if (existsSync(out)) return out
  const { cross } = TARGETS[arch]
  const work = mkdtempSync(join(ensureDir(join(CACHE, 'native')), `.build-${arch}-`))
  cpSync(SOURCE, work, { recursive: true, filter: (src) => !src.startsWith(join(SOURCE, 'build')) })
  const tools = cross ? { CC: `${cross}gcc`, CXX: `${cross}g++`, LINK: `${cross}g++`, AR: `${cross}ar` } : {}
  // Built against glibc 2.36, the module would ask for symbols that 统信 UOS and 麒麟 (glibc 2.28) lack;
  // the header binds the few that moved to their older versions (see glibc-compat.h).
  const compat = `-include ${COMPAT_HEADER}`
  const wrap = '-Wl,--wrap=stat64,--wrap=lstat64,--wrap=fstat64'
  const env = { ...process.env, ...tools, CFLAGS: compat, CXXFLAGS: compat, LDFLAGS: wrap, JOBS: '2' }
  say(`编译加密 SQLite 模块（${arch}，约 2–4 分钟，之后使用缓存）`)
  const started = Date.now()
  run(process.execPath, [NODE_GYP, 'rebuild', '--release', `--nodedir=${runtimeDir}`, `--arch=${arch}`, '-j', '2'], {
    step: `编译加密 SQLite 模块（${arch}）`, cwd: work, env, stdio: ['ignore', 'ignore', 'pipe'],
  })
  say(`编译完成（${arch}，${Math.round((Date.now() - started) / 1000)} 秒）`)
  ensureDir(join(out, '..'))
  // Renamed into place once whole: an interrupted copy must not pass for a finished module.
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), `${out}.part`)
  renameSync(`${out}.part`, out)
  rmSync(work, { recursive: true, force: true })
  return out
}
