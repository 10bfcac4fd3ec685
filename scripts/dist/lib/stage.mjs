// Lays out one archive's folder: sanban/{sanban, install.sh, uninstall.sh, sanban.service, 安装说明.txt,
// VERSION, lib/<version>/{node, app}}. The program lives under its version so that unpacking a newer
// archive over an older install adds the new program beside the old instead of mixing their files.
import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { SERVER_NODE_FLAGS } from '../../lib/server-flags.mjs'
import { ensureDir, ROOT, run, TARGETS } from './common.mjs'
import { NODE_VERSION } from './runtime.mjs'

const TEMPLATE = join(ROOT, 'scripts', 'dist', 'template')
const ESBUILD = join(ROOT, 'node_modules', '.bin', 'esbuild')
const NATIVE_PACKAGE = 'better-sqlite3'

const MACHINE_NOTES = {
  x64: '如海光（Hygon）、兆芯（Zhaoxin）、Intel、AMD 处理器的电脑。',
  arm64: '如飞腾（Phytium）、鲲鹏（Kunpeng）处理器的电脑。',
}

function fill(text, values) {
  return text.replace(/@([A-Z_]+)@/g, (m, name) => (name in values ? values[name] : m))
}

/** The production dependencies as npm resolved them (no devDependencies), as paths under node_modules. */
function productionPackages() {
  const r = spawnSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 })
  if (!r.stdout) throw new Error(`列出生产依赖失败（npm ls）：${r.stderr}`)
  return r.stdout.split('\n').filter((p) => p.startsWith(join(ROOT, 'node_modules') + sep)).map((p) => relative(ROOT, p)).sort()
}

/**
 * node_modules with the production dependencies only. Each package is copied without its own nested
 * node_modules (npm ls lists those packages separately); the native package brings its JavaScript and
 * the module compiled for this target, not its sources or the build of this machine.
 */
function copyDependencies(appDir, nativeModule) {
  for (const pkg of productionPackages()) {
    const from = join(ROOT, pkg)
    const native = pkg === join('node_modules', NATIVE_PACKAGE)
    cpSync(from, join(appDir, pkg), {
      recursive: true,
      filter: (src) => {
        const rel = relative(from, src)
        if (rel.split(sep).includes('node_modules')) return false
        return !native || !/^(build|deps|src)(\/|$)/.test(rel)
      },
    })
    if (native) cpSync(nativeModule, join(appDir, pkg, 'build', 'Release', 'better_sqlite3.node'))
  }
}

function copyProgram(appDir, version) {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  // The server reads its version here (server/start.ts); nothing else of the repository's package.json is needed.
  writeFileSync(join(appDir, 'package.json'), `${JSON.stringify({ name: pkg.name, version, private: true, description: pkg.description, main: 'out/main/server.js' }, null, 2)}\n`)
  cpSync(join(ROOT, 'drizzle'), join(appDir, 'drizzle'), { recursive: true })
  // out/main/index.js is the Electron window's entry: server mode never loads it.
  cpSync(join(ROOT, 'out', 'main'), join(appDir, 'out', 'main'), { recursive: true, filter: (src) => !src.endsWith(`${sep}index.js`) })
  cpSync(join(ROOT, 'out', 'renderer'), join(appDir, 'out', 'renderer'), { recursive: true })
  cpSync(join(ROOT, 'resources', 'holiday-notices'), join(appDir, 'resources', 'holiday-notices'), { recursive: true })
  run(ESBUILD, [join(ROOT, 'src-main', 'cli', 'data-level.ts'), '--bundle', '--platform=node', '--target=node20', '--format=cjs',
    `--external:${NATIVE_PACKAGE}`, '--log-level=warning', `--outfile=${join(appDir, 'out', 'tools', 'data-level.js')}`], { step: '构建数据版本检查工具', cwd: ROOT })
}

function copyScripts(top, arch, version) {
  const values = {
    VERSION: version, ARCH: arch, UNAME: TARGETS[arch].uname, MACHINE: TARGETS[arch].uname, NODE: `Node ${NODE_VERSION}`,
    MACHINE_NOTE: MACHINE_NOTES[arch], NODE_FLAGS: SERVER_NODE_FLAGS.join(' '),
  }
  for (const [name, mode] of [['sanban', 0o755], ['install.sh', 0o755], ['uninstall.sh', 0o755], ['sanban.service', 0o644], ['安装说明.txt', 0o644]]) {
    writeFileSync(join(top, name), fill(readFileSync(join(TEMPLATE, name), 'utf8'), values))
    chmodSync(join(top, name), mode)
  }
  writeFileSync(join(top, 'VERSION'), `${version}\n`)
}

/** The folder `sanban/` of one archive, under `stageRoot` (emptied first). */
export function stage({ stageRoot, arch, version, runtimeDir, nativeModule }) {
  rmSync(stageRoot, { recursive: true, force: true })
  const top = ensureDir(join(stageRoot, 'sanban'))
  const program = ensureDir(join(top, 'lib', version))
  const nodeDir = ensureDir(join(program, 'node', 'bin'))
  cpSync(join(runtimeDir, 'bin', 'node'), join(nodeDir, 'node'))
  cpSync(join(runtimeDir, 'LICENSE'), join(program, 'node', 'LICENSE'))
  const appDir = ensureDir(join(program, 'app'))
  copyProgram(appDir, version)
  copyDependencies(appDir, nativeModule)
  copyScripts(top, arch, version)
  return top
}
