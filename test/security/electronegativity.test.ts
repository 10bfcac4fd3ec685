import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { webPreferences } from '../../src-main/electron/policy'
import { CONTENT_SECURITY_POLICY } from '../../src-main/security/headers'

// Electronegativity, Doyensec's scanner for Electron's security checklist, over the main-process source,
// the built app, and the window's real options written out as literals (the scanner reads literals only,
// and ours come from policy.ts). Every finding must be explained in electronegativity-explained.json;
// a new finding, or an explanation that no longer matches anything, fails the test.

const ROOT = resolve(__dirname, '../..')
const RUNNER = join(__dirname, 'run-electronegativity.cjs')
const EXPLAINED = join(__dirname, 'electronegativity-explained.json')
const ELECTRON_VERSION: string = JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version

interface Finding { id: string; file: string; line: number; severity: string; confidence: string; manualReview: boolean; description: string }
interface Scan { checks: { global: number; atomic: number }; errors: { file: string; message: string; tolerable: boolean }[]; blocked: string[]; issues: Finding[] }
interface Explanation { check: string; file: string; why: string }

/** The release list check needs GitHub; keeping Electron current is the packaging step's job (README). */
const ALWAYS_EXCLUDED = ['availablesecurityfixesglobalcheck']

let work: string

function scan(input: string, label: string, exclude: string[] = []): Scan & { label: string } {
  const out = join(work, `${label.replace(/\W/g, '_')}.json`)
  execFileSync(process.execPath, [RUNNER, input, out, ELECTRON_VERSION, [...ALWAYS_EXCLUDED, ...exclude].join(',')], {
    cwd: ROOT, env: { ...process.env, LANG: 'en-US' }, stdio: 'pipe', timeout: 60_000,
  })
  const result: Scan = JSON.parse(readFileSync(out, 'utf8'))
  return { ...result, label, issues: result.issues.map((i) => ({ ...i, file: `${label}/${i.file}` })) }
}

/** `new BrowserWindow` with exactly the options window.ts passes, and the CSP install.ts sets, as literals. */
function windowOptionsSource(): string {
  const prefs = webPreferences('/app/out/preload/index.js')
  return [
    "const { BrowserWindow, session } = require('electron')",
    `const win = new BrowserWindow({ show: false, webPreferences: ${JSON.stringify(prefs)} })`,
    `session.defaultSession.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: { 'Content-Security-Policy': [${JSON.stringify(CONTENT_SECURITY_POLICY)}] } }))`,
    '',
  ].join('\n')
}

/** Built chunks carry a content hash (policy-voqS6st2.js), so an explanation may name policy-*.js. */
const globToRegExp = (glob: string) => new RegExp(`^${glob.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`)
const explains = (e: Explanation, f: Finding) => e.check === f.id && globToRegExp(e.file).test(f.file)

const explained: Explanation[] = JSON.parse(readFileSync(EXPLAINED, 'utf8'))
let scans: (Scan & { label: string })[]
let findings: Finding[]

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'sanban-electronegativity-'))
  if (!existsSync(join(ROOT, 'out/main')) || !existsSync(join(ROOT, 'out/preload'))) {
    execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000 })
  }
  const generated = join(work, 'generated')
  mkdirSync(generated)
  writeFileSync(join(generated, 'window-options.js'), windowOptionsSource())
  scans = [
    scan(join(ROOT, 'src-main'), 'src-main'),
    scan(join(ROOT, 'out'), 'out'),
    // Navigation and permission handlers live in install.ts, which the src-main scan sees; not here.
    scan(generated, 'generated', ['limitnavigationglobalcheck', 'permissionrequesthandlerglobalcheck']),
  ]
  findings = scans.flatMap((s) => s.issues)
  console.log(`[electronegativity] ${ELECTRON_VERSION}：${scans.map((s) => `${s.label} ${s.issues.length} 项`).join('，')}；` +
    `已阻止的联网尝试 ${scans.reduce((n, s) => n + s.blocked.length, 0)} 次（${[...new Set(scans.flatMap((s) => s.blocked))].join('、')}）`)
  for (const f of findings) console.log(`  ${f.id} ${f.file}:${f.line} [${f.severity}/${f.confidence}] ${f.description}`)
}, 180_000)
afterAll(() => { if (work) rmSync(work, { recursive: true, force: true }) })

describe('Electronegativity on the desktop app', () => {
  it('ran every check on every input and could parse every file', () => {
    for (const s of scans) {
      expect(s.checks.atomic + s.checks.global, s.label).toBeGreaterThan(30)
      expect(s.errors.filter((e) => !e.tolerable), s.label).toEqual([])
    }
  })

  it('leaves no finding unexplained', () => {
    const unexplained = findings.filter((f) => !explained.some((e) => explains(e, f)))
    expect(unexplained.map((f) => `${f.id} ${f.file}:${f.line} ${f.description}`)).toEqual([])
  })

  it('keeps no explanation for a finding that has gone (remove it from the list)', () => {
    const stale = explained.filter((e) => !findings.some((f) => explains(e, f)))
    expect(stale.map((e) => `${e.check} ${e.file}`)).toEqual([])
  })

  it('explains each finding in words, once', () => {
    for (const e of explained) expect(e.why.length, `${e.check} ${e.file}`).toBeGreaterThan(40)
    const keys = explained.map((e) => `${e.check} ${e.file}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it('finds nothing about nodeIntegration, contextIsolation or sandbox in the window’s real options', () => {
    const generated = scans.find((s) => s.label === 'generated')!.issues.map((i) => i.id)
    for (const id of ['NODE_INTEGRATION_JS_CHECK', 'CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK',
      'INSECURE_CONTENT_JS_CHECK', 'EXPERIMENTAL_FEATURES_JS_CHECK', 'BLINK_FEATURES_JS_CHECK']) {
      expect(generated).not.toContain(id)
    }
  })

  it('judges the real CSP at most “maybe weak” (script-src \'self\'), never weak', () => {
    const csp = scans.find((s) => s.label === 'generated')!.issues.filter((i) => i.id === 'CSP_GLOBAL_CHECK')
    expect(csp.map((i) => i.confidence)).toEqual(['FIRM'])
  })

  it('would report a window without isolation or sandbox: the scanner reads the generated options', () => {
    const weak = join(work, 'weak')
    mkdirSync(weak)
    writeFileSync(join(weak, 'window-options.js'), windowOptionsSource().replace('"contextIsolation":true', '"contextIsolation":false').replace('"sandbox":true', '"sandbox":false'))
    const ids = scan(weak, 'weak', ['limitnavigationglobalcheck', 'permissionrequesthandlerglobalcheck']).issues.map((i) => i.id)
    expect(ids).toContain('CONTEXT_ISOLATION_JS_CHECK')
    expect(ids).toContain('SANDBOX_JS_CHECK')
  })
})
