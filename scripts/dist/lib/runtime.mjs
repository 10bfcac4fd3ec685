// The Node runtime each archive carries: the npm registry's `node-linux-<arch>` package at this Node's
// version, because the native module is compiled against that version's headers (its ABI).
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { CACHE, ensureDir, run, say, TARGETS } from './common.mjs'

export const NODE_VERSION = process.versions.node

/**
 * The unpacked runtime package (bin/node, include/node, LICENSE) for `arch`, fetched with `npm pack` once and
 * kept in the cache: this is the one step of `npm run dist` that needs the registry (or npm's own cache).
 */
export function runtimeFor(arch) {
  const name = `${TARGETS[arch].node}@${NODE_VERSION}`
  const dir = join(CACHE, 'runtime', `${TARGETS[arch].node}-${NODE_VERSION}`)
  if (existsSync(join(dir, 'bin', 'node'))) return dir
  const work = mkdtempSync(join(ensureDir(join(CACHE, 'runtime')), `.download-${arch}-`))
  say(`下载 Node 运行时 ${name}（npm 仓库）`)
  run('npm', ['pack', name, '--silent', '--pack-destination', work], { step: `下载 ${name} `, stdio: ['ignore', 'ignore', 'inherit'] })
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'))
  run('tar', ['-xzf', join(work, tgz), '-C', work], { step: `解开 ${name} ` })
  rmSync(dir, { recursive: true, force: true })
  renameSync(join(work, 'package'), dir)
  rmSync(work, { recursive: true, force: true })
  return dir
}
