#!/usr/bin/env node
// `npm start -- [flags]`: server mode from a checkout.
// Builds with electron-vite when the build is missing or older than its sources, then runs
// out/main/server.js with the given flags, passing signals on and its exit code back.
// Plain Node, no dependencies: it must work before anything but node_modules exists.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SERVER_NODE_FLAGS } from './lib/server-flags.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outputs = ['out/main/server.js', 'out/renderer/index.html'].map((p) => join(root, p))
const sources = ['src-main', 'src-renderer', 'drizzle', 'electron.vite.config.ts', 'package-lock.json'].map((p) => join(root, p))

/** The newest modification time of a file, or of any file under a folder (0 when missing). */
function newestMtime(path) {
  let st
  try { st = statSync(path) } catch { return 0 }
  if (!st.isDirectory()) return st.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    newest = Math.max(newest, newestMtime(join(path, entry.name)))
  }
  return newest
}

function buildReason() {
  const missing = outputs.find((p) => !existsSync(p))
  if (missing) return `缺少 ${missing.slice(root.length + 1)}`
  const built = Math.min(...outputs.map((p) => statSync(p).mtimeMs))
  const changed = Math.max(...sources.map(newestMtime))
  return changed > built ? '源文件有改动' : null
}

const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
if (!existsSync(electronVite)) {
  console.error('三办：依赖尚未安装。请先运行 `bash scripts/setup-and-start.sh`（或 `npm ci`）。')
  process.exit(1)
}

const reason = buildReason()
if (reason) {
  console.log(`三办：${reason}，正在构建（electron-vite build）…`)
  const started = Date.now()
  const build = spawnSync(process.execPath, [electronVite, 'build'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) {
    console.error('三办：构建失败，未启动。')
    process.exit(build.status ?? 1)
  }
  console.log(`三办：构建完成（${((Date.now() - started) / 1000).toFixed(1)} 秒）。`)
}

// The benchmark builds this way before it times the server's own start.
if (process.argv[2] === '--build-only') process.exit(0)

const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, join(root, 'out', 'main', 'server.js'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
})

// Ctrl+C reaches the whole process group, so the server may get SIGINT twice; it stops once either way.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => { if (child.exitCode === null && child.signalCode === null) child.kill(signal) })
}

child.on('error', (e) => {
  console.error(`三办：无法启动服务器：${e.message}`)
  process.exit(1)
})

child.on('exit', (code, signal) => {
  if (signal) {
    // Die of the same signal, so the caller (npm, a shell, a test) sees what really happened.
    process.removeAllListeners(signal)
    process.kill(process.pid, signal)
    return
  }
  process.exit(code ?? 1)
})
