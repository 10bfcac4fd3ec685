/**
 * The built server is one bundle (out/main/server.js), where `require.main === module` holds for every module
 * inlined into it. A command-line entry point (server/cli.ts, account-cli.ts, key-cli.ts) imported by other
 * code would therefore run its own main() inside the server: the key tool did, once, and refused to start.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { basename, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = join(__dirname, '../..')
const files = readdirSync(join(ROOT, 'src-main'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => join(e.parentPath, e.name))

describe('command-line entry points', () => {
  it('no module with a main() guard is imported by any other module of src-main', () => {
    const entries = files.filter((f) => readFileSync(f, 'utf8').includes('require.main === module'))
    expect(entries.map((f) => basename(f)).sort()).toEqual(['account-cli.ts', 'cli.ts', 'key-cli.ts'])
    const importers = files.flatMap((f) => {
      const text = readFileSync(f, 'utf8')
      return entries.filter((e) => e !== f && new RegExp(`from '[./]+[^']*/${basename(e, '.ts')}'`).test(text)).map((e) => `${relative(ROOT, f)} → ${basename(e)}`)
    })
    expect(importers).toEqual([])
  })
})
