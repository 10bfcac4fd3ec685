import { readFileSync } from 'node:fs'
import path from 'node:path'
import { EventEmitter } from 'node:events'
import type { Session, WebContents } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { installAppSecurity, secureWebContents } from '../../src-main/electron/install'
import * as policy from '../../src-main/electron/policy'
import {
  APP_INDEX_URL, APP_ORIGIN, contentTypeFor, isAppUrl, isNavigationAllowed, isPermissionAllowed,
  isRequestAllowed, isTrustedSender, isTrustedSenderFrame, parseRpcRequest, parseUploadRequest, resolveAppPath, webPreferences,
  windowOpenDecision, withContentSecurityPolicy,
} from '../../src-main/electron/policy'
import { CONTENT_SECURITY_POLICY } from '../../src-main/security/headers'
import { PUBLIC_BODY_BYTES, SIGNED_IN_BODY_BYTES } from '../../src-main/rpc/body'
import { MAX_FILE_BYTES } from '../../src-main/common/files'

const FOREIGN_URLS = [
  'http://example.com',
  'https://example.com/index.html',
  'http://127.0.0.1:5730/',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://sanban/0b6c1f4e',
  'app://evil/index.html',
  'app://sanban.evil.com/index.html',
  'app://user:pw@sanban/index.html',
  'app://sanban:8080/index.html',
  'app://SANBAN/index.html',
  'app:sanban/index.html',
  'app:///index.html',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  'chrome://settings',
  'not a url',
  '',
]

describe('isAppUrl and isNavigationAllowed', () => {
  it.each([APP_INDEX_URL, `${APP_ORIGIN}/`, `${APP_ORIGIN}/assets/index-abc.js`, `${APP_ORIGIN}/index.html#/meetings`, `${APP_ORIGIN}/index.html?x=1`])(
    'allows navigation to %s', (url) => {
      expect(isAppUrl(url)).toBe(true)
      expect(isNavigationAllowed(url)).toBe(true)
    })

  it.each(FOREIGN_URLS)('refuses navigation to %s', (url) => {
    expect(isNavigationAllowed(url)).toBe(false)
  })
})

describe('windowOpenDecision', () => {
  it.each([APP_INDEX_URL, 'https://example.com', 'about:blank', 'file:///etc/passwd'])('denies a new window for %s', (url) => {
    expect(windowOpenDecision(url)).toEqual({ action: 'deny' })
  })
})

describe('isPermissionAllowed', () => {
  it.each(['clipboard-read', 'media', 'geolocation', 'notifications', 'openExternal', 'hid', 'serial', 'usb', 'display-capture', 'fullscreen', 'pointerLock', 'unknown', ''])(
    'denies the %s permission even to the app', (permission) => {
      expect(isPermissionAllowed(permission, APP_INDEX_URL)).toBe(false)
    })

  it('allows the app to write text to the clipboard', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_INDEX_URL)).toBe(true)
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_ORIGIN)).toBe(true)
  })

  it.each(['https://example.com/', 'app://evil/', 'file:///x.html', ''])('refuses clipboard writing to a page at %s', (url) => {
    expect(isPermissionAllowed('clipboard-sanitized-write', url)).toBe(false)
  })
})

describe('isRequestAllowed', () => {
  it.each([APP_INDEX_URL, `${APP_ORIGIN}/assets/a.css`, 'devtools://devtools/bundled/inspector.html', 'data:image/png;base64,AAAA', 'blob:app://sanban/0b6c1f4e'])(
    'lets the window load %s', (url) => {
      expect(isRequestAllowed(url)).toBe(true)
    })

  it.each(['http://example.com/x.js', 'https://cdn.example.com/font.woff2', 'ws://127.0.0.1:1/', 'file:///etc/passwd', 'ftp://example.com/', 'app://evil/x.js', 'not a url'])(
    'cancels a request for %s', (url) => {
      expect(isRequestAllowed(url)).toBe(false)
    })
})

describe('isTrustedSender', () => {
  it('trusts a frame showing the app', () => {
    expect(isTrustedSender(APP_INDEX_URL)).toBe(true)
  })

  it.each([...FOREIGN_URLS, null, undefined])('distrusts a frame at %s', (url) => {
    expect(isTrustedSender(url)).toBe(false)
  })
})

describe('isTrustedSenderFrame', () => {
  const main = { url: APP_INDEX_URL, parent: null, processId: 7, routingId: 1 }

  it('trusts the top frame of the window showing the app', () => {
    expect(isTrustedSenderFrame({ ...main }, main)).toBe(true)
  })

  it.each([
    ['a missing frame (navigated away or destroyed)', null],
    ['an iframe showing the app', { ...main, parent: main, routingId: 2 }],
    ['a top frame of another process', { ...main, processId: 8 }],
    ['a different top frame of the same process', { ...main, routingId: 3 }],
    ['the top frame after navigating to a web page', { ...main, url: 'https://example.com/' }],
  ])('distrusts %s', (_label, frame) => {
    expect(isTrustedSenderFrame(frame, main)).toBe(false)
  })
})

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/sanban/out/renderer')

  it.each([
    [`${APP_ORIGIN}/index.html`, 'index.html'],
    [`${APP_ORIGIN}/`, 'index.html'],
    [APP_ORIGIN, 'index.html'],
    [`${APP_ORIGIN}/assets/index-Bx1.js`, 'assets/index-Bx1.js'],
    [`${APP_ORIGIN}/assets/index.css?v=2#top`, 'assets/index.css'],
    [`${APP_ORIGIN}/fonts/%E4%BB%BF%E5%AE%8B.woff2`, 'fonts/仿宋.woff2'],
    [`${APP_ORIGIN}/a/../index.html`, 'index.html'],
    [`${APP_ORIGIN}/%2e%2e/index.html`, 'index.html'],
  ])('serves %s from the file %s', (url, rel) => {
    expect(resolveAppPath(root, url)).toBe(path.join(root, rel))
  })

  it.each([
    `${APP_ORIGIN}/%2f..%2f..%2fetc/passwd`,
    `${APP_ORIGIN}/assets%2f..%2f..%2fsecret`,
    `${APP_ORIGIN}/..%5c..%5csecret`,
    `${APP_ORIGIN}/..\\..\\secret`,
    `${APP_ORIGIN}/index.html%00.js`,
    `${APP_ORIGIN}/C:%2fWindows%2fwin.ini`,
    `${APP_ORIGIN}/index.html:stream`,
    `${APP_ORIGIN}/%E0%A4%A`,
    `${APP_ORIGIN}//etc/passwd`,
    `${APP_ORIGIN}/assets/`,
    'app://evil/index.html',
    'file:///srv/sanban/out/renderer/index.html',
    'http://sanban/index.html',
  ])('refuses to serve %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull()
  })

  it('keeps Windows paths inside the renderer folder', () => {
    const winRoot = 'C:\\Program Files\\三办\\resources\\out\\renderer'
    expect(resolveAppPath(winRoot, `${APP_ORIGIN}/assets/a.js`, path.win32)).toBe(`${winRoot}\\assets\\a.js`)
    expect(resolveAppPath(winRoot, `${APP_ORIGIN}/..%5c..%5cdata.sqlite`, path.win32)).toBeNull()
    expect(resolveAppPath(winRoot, `${APP_ORIGIN}/D:%5cdata.sqlite`, path.win32)).toBeNull()
  })
})

describe('contentTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-Bx1.js', 'text/javascript; charset=utf-8'],
    ['assets/INDEX.CSS', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['fonts/a.woff2', 'font/woff2'],
    ['data.json', 'application/json; charset=utf-8'],
    ['unknown.bin', 'application/octet-stream'],
    ['no-extension', 'application/octet-stream'],
  ])('labels %s as %s', (file, type) => {
    expect(contentTypeFor(file)).toBe(type)
  })
})

describe('withContentSecurityPolicy', () => {
  it('replaces a weaker policy whatever the case of its header name', () => {
    const out = withContentSecurityPolicy({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] })
    expect(out).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'Content-Type': ['text/html'] })
  })

  it('adds the policy to a response that had no headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] })
  })
})

describe('webPreferences', () => {
  const prefs = webPreferences('/app/out/preload/index.js')

  it('loads the given preload', () => {
    expect(prefs.preload).toBe('/app/out/preload/index.js')
  })

  it.each([
    ['contextIsolation', true], ['sandbox', true], ['nodeIntegration', false], ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false], ['webSecurity', true], ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false], ['webviewTag', false], ['spellcheck', false], ['navigateOnDragDrop', false],
    ['safeDialogs', true], ['devTools', false],
  ] as const)('sets %s to %s', (key, value) => {
    expect(prefs[key]).toBe(value)
  })

  it('turns devtools on only when asked', () => {
    expect(webPreferences('/p.js', { devTools: true }).devTools).toBe(true)
  })
})

describe('parseRpcRequest', () => {
  it('accepts a name with JSON input', () => {
    expect(parseRpcRequest('calendar.month', '{"year":2026,"month":11}', true)).toEqual({ ok: true, name: 'calendar.month', input: { year: 2026, month: 11 } })
  })

  it('treats an empty body as an empty object, as the HTTP transport does', () => {
    expect(parseRpcRequest('auth.me', '', false)).toEqual({ ok: true, name: 'auth.me', input: {} })
  })

  it.each([
    ['a number as the name', 42, '{}', '功能名必须是非空字符串'],
    ['null as the name', null, '{}', '功能名必须是非空字符串'],
    ['an object that looks like a name', { toString: () => 'auth.me' }, '{}', '功能名必须是非空字符串'],
    ['an empty name', '', '{}', '功能名必须是非空字符串'],
    ['a 101-character name', 'x'.repeat(101), '{}', '功能名过长'],
    ['an object as the body', 'auth.me', { a: 1 }, '请求内容必须是 JSON 文本'],
    ['a missing body', 'auth.me', undefined, '请求内容必须是 JSON 文本'],
    ['a body that is not JSON', 'auth.me', '{oops', '请求内容不是有效的 JSON'],
    ['10,000-deep nesting', 'auth.me', '['.repeat(10_000) + ']'.repeat(10_000), '请求内容嵌套过深（超过16层），已拒绝'],
    ['a list of 30,000 empty objects', 'auth.me', `[${Array(30_000).fill('{}').join(',')}]`, '请求内容的项数过多（超过20000项），已拒绝'],
  ])('refuses %s with a Chinese validation error', (_label, name, body, message) => {
    expect(parseRpcRequest(name, body, true)).toEqual({ ok: false, error: { code: 'VALIDATION', message } })
  })

  it('allows a window without a session 8 KB and a signed-in one 8 MB, counted in UTF-8 bytes as over HTTP', () => {
    const body = (bytes: number) => `"${'汉'.repeat(Math.floor((bytes - 2) / 3))}"`
    expect(parseRpcRequest('auth.login', body(PUBLIC_BODY_BYTES), false).ok).toBe(true)
    const refusedSignedOut = parseRpcRequest('auth.login', body(PUBLIC_BODY_BYTES + 3), false)
    expect(refusedSignedOut).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^请求内容过大：登录前的请求不能超过8KB/) } })
    expect(parseRpcRequest('outgoing.draft', body(PUBLIC_BODY_BYTES + 3), true).ok).toBe(true)
    expect(parseRpcRequest('outgoing.draft', body(SIGNED_IN_BODY_BYTES), true).ok).toBe(true)
    const refusedSignedIn = parseRpcRequest('outgoing.draft', body(SIGNED_IN_BODY_BYTES + 3), true)
    expect(refusedSignedIn).toEqual({ ok: false, error: { code: 'VALIDATION', message: expect.stringMatching(/^请求内容过大（超过8MB）/) } })
  })
})

describe('parseUploadRequest', () => {
  it('takes the bytes of an ArrayBuffer or a typed array over one', () => {
    const bytes = new TextEncoder().encode('请示正文')
    expect(parseUploadRequest(bytes.buffer)).toEqual({ ok: true, bytes: Buffer.from(bytes) })
    expect(parseUploadRequest(bytes.subarray(3))).toEqual({ ok: true, bytes: Buffer.from(bytes.subarray(3)) })
  })

  it.each([
    ['text instead of bytes', '请示正文', '文件内容必须是字节数据'],
    ['nothing', undefined, '文件内容必须是字节数据'],
    ['an empty file', new ArrayBuffer(0), '文件为空，不能上传'],
    ['a file over 20 MB', new ArrayBuffer(MAX_FILE_BYTES + 1), '文件超过20MB，不能上传；请压缩或拆分后再上传'],
  ])('refuses %s in Chinese', (_label, bytes, message) => {
    expect(parseUploadRequest(bytes)).toEqual({ ok: false, error: { code: 'VALIDATION', message } })
  })
})

/** A navigation event as Electron passes it: the target URL and preventDefault. */
function navigation(url: string) {
  return { url, prevented: false, preventDefault() { this.prevented = true } }
}

/** Stands in for Electron's WebContents: records what install.ts registers so the test can fire events at it. */
class StandInContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | null = null
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) { this.windowOpenHandler = handler }
  getURL() { return APP_INDEX_URL }
}

/** Stands in for Electron's Session: keeps each handler install.ts sets. */
function standInSession() {
  const h: Record<string, (...args: any[]) => any> = {}
  const keep = (name: string) => (handler: (...args: any[]) => any) => { h[name] = handler }
  const session = {
    setPermissionRequestHandler: keep('permissionRequest'), setPermissionCheckHandler: keep('permissionCheck'),
    setDevicePermissionHandler: keep('devicePermission'), setDisplayMediaRequestHandler: keep('displayMedia'),
    webRequest: { onBeforeRequest: keep('beforeRequest'), onHeadersReceived: keep('headersReceived') },
  }
  return { session: session as unknown as Session, h }
}

describe('secureWebContents (install.ts) on a stand-in webContents', () => {
  const secured = () => {
    const contents = new StandInContents()
    secureWebContents(contents as unknown as WebContents)
    return contents
  }
  const quiet = () => vi.spyOn(console, 'warn').mockImplementation(() => {})

  it.each(['will-navigate', 'will-frame-navigate', 'will-redirect'])('lets %s go to the app and stops it going anywhere else', (name) => {
    const warn = quiet()
    const contents = secured()
    const inside = navigation(`${APP_ORIGIN}/index.html#/documents`)
    contents.emit(name, inside)
    expect(inside.prevented).toBe(false)
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://evil/index.html']) {
      const outside = navigation(url)
      contents.emit(name, outside)
      expect(outside.prevented).toBe(true)
    }
    expect(warn).toHaveBeenCalledTimes(3)
    warn.mockRestore()
  })

  it('denies every new window, even one for the app', () => {
    const warn = quiet()
    const contents = secured()
    for (const url of [APP_INDEX_URL, 'https://example.com/']) expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    warn.mockRestore()
  })

  it('refuses to attach a webview', () => {
    const warn = quiet()
    const contents = secured()
    const attach = navigation('')
    contents.emit('will-attach-webview', attach)
    expect(attach.prevented).toBe(true)
    warn.mockRestore()
  })

  it('installs its listeners once however often it is called (main.ts and window.ts both call it)', () => {
    const contents = new StandInContents()
    secureWebContents(contents as unknown as WebContents)
    secureWebContents(contents as unknown as WebContents)
    expect(contents.listenerCount('will-navigate')).toBe(1)
  })
})

describe('installAppSecurity (install.ts) on a stand-in session', () => {
  const { session, h } = standInSession()
  installAppSecurity(session)

  it('answers permission requests and checks alike: clipboard writing for the app only', () => {
    const answers: boolean[] = []
    h.permissionRequest(null, 'clipboard-sanitized-write', (ok: boolean) => answers.push(ok), { requestingUrl: APP_INDEX_URL })
    h.permissionRequest(null, 'media', (ok: boolean) => answers.push(ok), { requestingUrl: APP_INDEX_URL })
    h.permissionRequest(null, 'clipboard-sanitized-write', (ok: boolean) => answers.push(ok), { requestingUrl: 'https://example.com/' })
    expect(answers).toEqual([true, false, false])
    expect(h.permissionCheck(null, 'clipboard-sanitized-write', APP_ORIGIN)).toBe(true)
    expect(h.permissionCheck(null, 'notifications', APP_ORIGIN)).toBe(false)
  })

  it('refuses every device and screen capture', () => {
    expect(h.devicePermission({ deviceType: 'usb', origin: APP_ORIGIN })).toBe(false)
    const given: unknown[] = []
    h.displayMedia({}, (streams: unknown) => given.push(streams))
    expect(given).toEqual([{}])
  })

  it('cancels requests for anything outside the app', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const decide = (url: string) => { let cancel: boolean | undefined; h.beforeRequest({ url }, (r: { cancel: boolean }) => { cancel = r.cancel }); return cancel }
    expect(decide(`${APP_ORIGIN}/assets/index.js`)).toBe(false)
    expect(decide('data:image/png;base64,AAAA')).toBe(false)
    expect(decide('https://fonts.example.com/a.woff2')).toBe(true)
    expect(decide('http://127.0.0.1:5730/rpc/auth.me')).toBe(true)
    warn.mockRestore()
  })

  it('puts our CSP on every response but devtools’ own pages', () => {
    const headers = (url: string) => { let out: unknown; h.headersReceived({ url, responseHeaders: { 'content-security-policy': ['default-src *'] } }, (r: unknown) => { out = r }); return out }
    expect(headers(APP_INDEX_URL)).toEqual({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } })
    expect(headers('devtools://devtools/bundled/inspector.html')).toEqual({})
  })
})

describe('the test covers the whole policy', () => {
  it('has a describe block naming each function policy.ts exports', () => {
    const titles = [...readFileSync(__filename, 'utf8').matchAll(/describe\('([^']+)'/g)].flatMap((m) => m[1].split(/\W+/))
    const functions = Object.entries(policy).filter(([, v]) => typeof v === 'function').map(([k]) => k)
    expect(functions.length).toBeGreaterThan(10)
    expect(functions.filter((name) => !titles.includes(name))).toEqual([])
  })
})

describe('the files unit tests load', () => {
  it.each(['policy.ts', 'install.ts'])('keeps src-main/electron/%s free of runtime electron imports', (file) => {
    const source = readFileSync(path.join(__dirname, '../../src-main/electron', file), 'utf8')
    const imports = source.split('\n').filter((line) => /from ['"]electron['"]/.test(line))
    expect(imports.every((line) => line.startsWith('import type '))).toBe(true)
  })
})
