import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// Source checks behind test/e2e/escaping and test/e2e/no-network: those show the pages we have behave;
// these make sure no later page can start building HTML from text or calling out of the office network.

const ROOT = resolve(__dirname, '../..')
const RENDERER_OUT = join(ROOT, 'out/renderer')

/** Every file under `dir` whose name matches, as [path relative to the repo, text]. */
function sources(dir: string, pattern: RegExp): [string, string][] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => pattern.test(f))
    .map((f) => [relative(ROOT, join(ROOT, dir, f)).split('\\').join('/'), readFileSync(join(ROOT, dir, f), 'utf8')])
}

const isComment = (line: string) => /^\s*(\/\/|\/?\*)/.test(line)

/** `file:line: text` for each line of code (not a comment) matching. */
function hits(files: [string, string][], pattern: RegExp): string[] {
  return files.flatMap(([file, text]) => text.split('\n').flatMap((line, i) => (!isComment(line) && pattern.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])))
}

describe('the renderer shows text, never HTML made from it', () => {
  it('uses no dangerouslySetInnerHTML, innerHTML, outerHTML, insertAdjacentHTML or document.write', () => {
    const files = sources('src-renderer', /\.(ts|tsx)$/)
    expect(files.length).toBeGreaterThan(20)
    expect(hits(files, /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|createContextualFragment/)).toEqual([])
  })
})

/**
 * Addresses the built renderer may contain, each with why it is harmless. They are strings, never fetched:
 * XML namespace names that React and SVG need to create elements, and links inside library error messages.
 * A URL not listed here fails the test: decide whether the app really needs it, then list it with a reason.
 */
const HARMLESS_URLS: Record<string, string> = {
  'http://www.w3.org/2000/svg': 'SVG namespace name (React, Mantine icons)',
  'http://www.w3.org/1999/xlink': 'XLink namespace name (React attributes)',
  'http://www.w3.org/XML/1998/namespace': 'XML namespace name (React attributes)',
  'http://www.w3.org/1998/Math/MathML': 'MathML namespace name (React)',
  'https://react.dev/errors/': 'text of React production error messages, only printed to the console',
  'https://mantine.dev/theming/colors/#primary-color': 'text of a Mantine configuration error message',
  'http://www.w3.org/1999/xhtml': 'XHTML namespace name (recharts tooltip wrapper, an attribute of a div)',
  'https://bit.ly/3cXEKWf': 'text of an Immer error message (recharts state), only thrown, never fetched',
  'https://redux.js.org/Errors?code=${e}': 'text of a Redux error message (recharts state), only thrown',
  'https://redux-toolkit.js.org/Errors?code=${e}': 'text of a Redux Toolkit error message (recharts state), only thrown',
}

describe('the built renderer names no outside address', () => {
  it('contains no http(s) URL except the listed namespace names and error-message texts', () => {
    if (!existsSync(RENDERER_OUT)) throw new Error('没有找到构建好的界面（out/renderer）：请先运行 npx electron-vite build')
    const files = sources('out/renderer', /\.(html|js|css|json|svg)$/)
    expect(files.some(([f]) => f.endsWith('.js'))).toBe(true)
    const urls = new Set(files.flatMap(([, text]) => text.match(/(?:https?|wss?|ftp):\/\/[^\s"'`)<>\\]*/g) ?? []))
    expect([...urls].filter((u) => !(u in HARMLESS_URLS)).sort()).toEqual([])
  })

  it('loads its scripts and styles from itself (relative paths in index.html)', () => {
    const html = readFileSync(join(RENDERER_OUT, 'index.html'), 'utf8')
    const refs = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1])
    expect(refs.length).toBeGreaterThan(0)
    expect(refs.filter((r) => !r.startsWith('./') && !r.startsWith('/'))).toEqual([])
    expect(refs.filter((r) => r.startsWith('//'))).toEqual([])
  })
})

/** Modules that open outgoing connections (or resolve names to make one). `import type` is erased and allowed. */
const NETWORK_IMPORT = /^\s*import\s+(?!type\b)[^;]*from\s+['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns|undici|ws|got|axios|node-fetch)['"]|require\(\s*['"](?:node:)?(?:http|https|http2|net|tls|dgram|dns)['"]\s*\)/
const OUTGOING_CALL = /\bfetch\s*\(|\bnew\s+WebSocket\b|\bXMLHttpRequest\b|\.request\s*\(|\bnet\.connect|\bcreateConnection\s*\(|\btls\.connect|\bhttps?\.get\s*\(|\bshell\.openExternal\b/

describe('the server code makes no outgoing connection', () => {
  const files = sources('src-main', /\.ts$/)

  it('imports no networking module outside src-main/server, which only listens', () => {
    expect(files.length).toBeGreaterThan(50)
    expect(hits(files.filter(([f]) => !f.startsWith('src-main/server/')), NETWORK_IMPORT)).toEqual([])
  })

  // The one exception: the account tool asks the Sanban server running on this machine (cli/local-client.ts),
  // and only ever at http://127.0.0.1:<its port>.
  const LOCAL_CLIENT = 'src-main/cli/local-client.ts'

  it('calls nothing that connects out (fetch, WebSocket, http.request, net.connect, shell.openExternal) anywhere in src-main', () => {
    expect(hits(files.filter(([f]) => f !== LOCAL_CLIENT), OUTGOING_CALL)).toEqual([])
  })

  it('the local command client connects to 127.0.0.1 only', () => {
    const [, text] = files.find(([f]) => f === LOCAL_CLIENT)!
    const calls = text.split('\n').filter((line) => OUTGOING_CALL.test(line))
    expect(calls.length).toBe(1)
    expect(calls[0]).toMatch(/fetch\(`http:\/\/127\.0\.0\.1:\$\{owner\.port\}\//)
  })

  it('would notice such a call: the patterns match the usual spellings', () => {
    expect(['await fetch("https://x")', 'new WebSocket(u)', 'https.request(opts)', "net.connect(443, 'x')", 'shell.openExternal(url)']
      .every((line) => OUTGOING_CALL.test(line))).toBe(true)
    expect(["import { request } from 'node:https'", "import net from 'net'", "const http = require('http')"]
      .every((line) => NETWORK_IMPORT.test(line))).toBe(true)
    expect(NETWORK_IMPORT.test("import type { AddressInfo } from 'node:net'")).toBe(false)
  })
})
