/**
 * The script a browser needs before the first page shows (issue 20): the entry out/renderer/index.html loads,
 * the chunks it preloads and everything they import statically. Pages are lazy chunks (src-renderer/App.tsx);
 * a dynamic import() is fetched only when its route opens, so it is not counted. Sizes before compression.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Row } from './measure'

const OUT = resolve(__dirname, '..', 'out', 'renderer')
const LIMIT_KB = 400

/** A chunk and the chunks it imports statically (`from"./x.js"`, `import"./x.js"`), transitively. */
function closure(files: string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const code = readFileSync(join(OUT, 'assets', file), 'utf8')
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(m[1])
  }
  files.forEach(visit)
  return seen
}

const kb = (files: Set<string>) => [...files].reduce((n, f) => n + statSync(join(OUT, 'assets', f)).size, 0) / 1000

export function bundleRows(): Row[] {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8')
  const entry = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1])
  const signIn = closure(entry)
  const chunk = (name: string) => {
    const file = readdirSync(join(OUT, 'assets')).find((f) => new RegExp(`^${name}-[^.]+\\.js$`).test(f))
    if (!file) throw new Error(`out/renderer 里没有“${name}”分块：请先 npx electron-vite build`)
    return file
  }
  const home = closure([...entry, chunk('Shell'), chunk('HomePage')])
  const all = kb(new Set(readdirSync(join(OUT, 'assets')).filter((f) => f.endsWith('.js'))))
  const figure = (files: Set<string>) => `${kb(files).toFixed(0)} kB（${files.size} 个文件；全部脚本 ${all.toFixed(0)} kB）`
  return [
    { operation: '浏览器：第一页（登录页）所需脚本，按路由分块', figure: figure(signIn), target: `≤ ${LIMIT_KB} kB（未压缩）`, met: kb(signIn) <= LIMIT_KB },
    { operation: '浏览器：登录后首页所需脚本（加上外框与首页分块）', figure: figure(home), target: '参考', met: undefined },
  ]
}
