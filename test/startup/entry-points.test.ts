/**
 * The built server is one bundle (out/main/server.js), where `require.main === module` holds for every module
 * inlined into it. A command-line entry point (server/cli.ts, cli/account.ts, cli/key.ts, cli/data-level.ts) imported by other
 * code would therefore run its own main() inside the server: the key tool did, once, and refused to start.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')
const files = readdirSync(join(ROOT, 'src-main'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => join(e.parentPath, e.name))

describe('command-line entry points', () => {
  it('no module with a main() guard is imported by any other module of src-main', () => {
    const entries = files.filter((f) => readFileSync(f, 'utf8').includes('require.main === module'))
    expect(entries.map((f) => relative(ROOT, f)).sort()).toEqual(['src-main/cli/account.ts', 'src-main/cli/data-level.ts', 'src-main/cli/key.ts', 'src-main/server/cli.ts'])
    const importers = files.flatMap((f) => {
      const imported = [...readFileSync(f, 'utf8').matchAll(/from '(\.[^']+)'/g)].map((m) => `${resolve(dirname(f), m[1])}.ts`)
      return entries.filter((e) => imported.includes(e)).map((e) => `${relative(ROOT, f)} → ${relative(ROOT, e)}`)
    })
    expect(importers).toEqual([])
  })
})
