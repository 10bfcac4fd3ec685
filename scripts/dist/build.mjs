#!/usr/bin/env node
// `npm run dist [-- --arch x64|arm64 …] [--out 目录] [--no-build]`: the offline bundles for Linux x64 and arm64, one
// archive each under dist/ (sanban-<version>-linux-<arch>.tar.gz) and SHA256SUMS beside them. Needs the npm
// registry (or npm's cache) once for the Node runtimes; the machine the archive goes to needs nothing.
// Builds out/ first when it is missing or older than its sources (scripts/start.mjs --build-only).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { CACHE, ensureDir, ROOT, say, TARGETS } from './lib/common.mjs'
import { runtimeFor } from './lib/runtime.mjs'
import { nativeModuleFor } from './lib/native.mjs'
import { stage } from './lib/stage.mjs'
import { commitTime, sha256, writeTarGz } from './lib/tarball.mjs'

/** The limit: a USB stick and an office network carry it without fuss. */
const MAX_BYTES = 80 * 1024 * 1024

export const archiveName = (version, arch) => `sanban-${version}-linux-${arch}.tar.gz`

function buildProgram() {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'start.mjs'), '--build-only'], { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) throw new Error('构建 out/ 失败（electron-vite build），未打包。')
}

function packOne(arch, version, outDir, mtime) {
  const started = Date.now()
  const runtimeDir = runtimeFor(arch)
  const nativeModule = nativeModuleFor(arch, runtimeDir)
  // A folder of this run's own: the tests pack again while another `npm run dist` may be running.
  const stageRoot = mkdtempSync(join(ensureDir(join(CACHE, 'stage')), `${arch}-`))
  stage({ stageRoot, arch, version, runtimeDir, nativeModule })
  const file = archiveName(version, arch)
  writeTarGz({ stageRoot, folder: 'sanban', output: join(outDir, file), mtime })
  rmSync(stageRoot, { recursive: true, force: true })
  const size = statSync(join(outDir, file)).size
  if (size > MAX_BYTES) throw new Error(`${file} 有 ${(size / 1048576).toFixed(1)} MB，超过 80 MB 的上限。`)
  say(`${file}：${(size / 1048576).toFixed(1)} MB（${Math.round((Date.now() - started) / 1000)} 秒）`)
  return file
}

function main() {
  const { values } = parseArgs({ options: { arch: { type: 'string', multiple: true }, out: { type: 'string' }, 'no-build': { type: 'boolean' } }, strict: true })
  const arches = values.arch ?? Object.keys(TARGETS)
  for (const a of arches) if (!TARGETS[a]) throw new Error(`不认识的架构 ${a}（可用：${Object.keys(TARGETS).join('、')}）。`)
  const outDir = ensureDir(values.out ?? join(ROOT, 'dist'))
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  // --no-build packs the out/ that is there: test/dist packs again while other tests read out/renderer.
  if (!values['no-build']) buildProgram()
  else if (!existsSync(join(ROOT, 'out', 'main', 'server.js'))) throw new Error('没有构建好的 out/：去掉 --no-build 再运行。')
  const mtime = commitTime(ROOT)
  const files = arches.map((arch) => packOne(arch, version, outDir, mtime))
  const sums = files.sort().map((f) => `${sha256(join(outDir, f))}  ${f}\n`).join('')
  writeFileSync(join(outDir, 'SHA256SUMS'), sums)
  say(`完成：${outDir}\n${sums.trimEnd()}`)
}

try {
  main()
} catch (e) {
  console.error(`[dist] 打包失败：${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
}
