/**
 * The Electron security policy as pure functions, so every rule has a test that runs
 * under plain Node (Electron cannot run on CI). install.ts and protocol.ts only wire
 * these into Electron's events. Only a type is imported from electron: it is erased,
 * so loading this file never evaluates require('electron').
 */
import nodePath from 'node:path'
import type { WebPreferences } from 'electron'
import type { WireError } from '../kernel/errors'
import { CONTENT_SECURITY_POLICY } from '../security/headers'
import { bodyLimitFor, bodyTooLarge, readJsonBody } from '../rpc/body'
import { fileTooLargeMessage, MAX_FILE_BYTES } from '../common/files'

export const APP_SCHEME = 'app'
export const APP_HOST = 'sanban'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

function parse(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}

/**
 * True only for app://sanban/… with nothing else in the authority. The host is compared
 * exactly: Chromium lowercases hosts of standard schemes, so anything else did not come
 * from it. Node's URL gives "null" as the origin of a custom scheme, hence the parts.
 */
export function isAppUrl(url: string): boolean {
  const u = parse(url)
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST &&
    u.port === '' && u.username === '' && u.password === ''
}

/** The window only ever shows the app itself; links to anything else do nothing. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url)
}

/**
 * No new windows, ever: not even in the user's browser, since a link opened from a
 * compromised renderer is the classic way out of the sandbox (shell.openExternal).
 */
export function windowOpenDecision(_url: string): { action: 'deny' } {
  return { action: 'deny' }
}

/**
 * Only writing text to the clipboard (the async Clipboard API behind Mantine's
 * useClipboard: "复制文号", "复制新密码") is allowed, and only for the app's own page.
 * It is write-only, sanitised by Chromium and needs a user gesture; reading the
 * clipboard, camera, notifications, HID/serial/USB and all the rest stay denied.
 */
export const ALLOWED_PERMISSIONS: readonly string[] = ['clipboard-sanitized-write']

export function isPermissionAllowed(permission: string, requestingUrl: string): boolean {
  return ALLOWED_PERMISSIONS.includes(permission) && isAppUrl(requestingUrl)
}

/**
 * What the window's session may fetch: the app, devtools' own pages, and data:/blob:
 * (images and Word exports built in the page; CSP still decides where they may be used).
 * Everything remote is cancelled, so a bug that builds a URL cannot leak data.
 */
export function isRequestAllowed(url: string): boolean {
  if (isAppUrl(url)) return true
  const u = parse(url)
  return u !== null && ['devtools:', 'data:', 'blob:'].includes(u.protocol)
}

/** An IPC message is only answered when it comes from a frame showing the app. */
export function isTrustedSender(frameUrl: string | null | undefined): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl)
}

/** The parts of Electron's WebFrameMain the sender check needs. */
export interface FrameLike { url: string; parent: unknown; processId: number; routingId: number }

/**
 * The sender must be the top frame of the webContents that sent the message (compared by
 * ids, not object identity) and show the app: an iframe, or a frame that has navigated
 * away or been replaced (senderFrame is then null), would otherwise act as the signed-in user.
 */
export function isTrustedSenderFrame(frame: FrameLike | null | undefined, mainFrame: FrameLike): boolean {
  if (!frame || frame.parent !== null) return false
  if (frame.processId !== mainFrame.processId || frame.routingId !== mainFrame.routingId) return false
  return isTrustedSender(frame.url)
}

/**
 * Maps app://sanban/<path> to a file inside rendererDir, or null. Chromium has already
 * collapsed dot segments (also %2e%2e), so what is left to catch is what decoding
 * reveals: %2f.. segments, backslashes (a separator on Windows), NUL bytes and drive
 * or stream colons. `path` is a parameter so the tests can check Windows semantics.
 */
export function resolveAppPath(rendererDir: string, requestUrl: string, path: nodePath.PlatformPath = nodePath): string | null {
  if (!isAppUrl(requestUrl)) return null
  let decoded: string
  try {
    decoded = decodeURIComponent(new URL(requestUrl).pathname)
  } catch {
    return null // malformed escapes such as %E0%A4%A
  }
  if (decoded === '' || decoded === '/') decoded = '/index.html'
  if (/[\\\0:]/.test(decoded)) return null
  const segments = decoded.slice(1).split('/')
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return null
  const root = path.resolve(rendererDir)
  const file = path.resolve(root, ...segments)
  const rel = path.relative(root, file)
  if (rel === '' || rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) return null
  return file
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

/** Scripts must carry a script type: with nosniff Chromium refuses a module served as octet-stream. */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[nodePath.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/** Response headers with our CSP in place of any the response brought (header names are case-insensitive). */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() !== 'content-security-policy') out[k] = v
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
  return out
}

/** Electron's security checklist for the window; devTools only while developing. */
export function webPreferences(preloadPath: string, options: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: options.devTools ?? false,
  }
}

/** Procedure names are short (`incoming.receive`); anything longer is refused before the router. */
export const MAX_PROCEDURE_NAME = 100

export type RpcRequest = { ok: true; name: string; input: unknown } | { ok: false; error: WireError }

/**
 * Checks what arrives on the 'rpc' channel, with HTTP's limits (rpc/body.ts): a window whose token
 * resolves to no session may send 8 KB, a signed-in one what the largest input needs, both measured in
 * UTF-8 bytes as HTTP counts them; the depth and number of items are read from the text before JSON.parse.
 * The preload sends the input as JSON text, so the router sees exactly what an HTTP body would give it
 * (no Dates, Maps or typed arrays that only structured clone can carry), and an empty body means {}.
 */
export function parseRpcRequest(name: unknown, body: unknown, signedIn: boolean): RpcRequest {
  const refuse = (message: string): RpcRequest => ({ ok: false, error: { code: 'VALIDATION', message } })
  if (typeof name !== 'string' || name === '') return refuse('功能名必须是非空字符串')
  if (name.length > MAX_PROCEDURE_NAME) return refuse('功能名过长')
  if (typeof body !== 'string') return refuse('请求内容必须是 JSON 文本')
  // Length first: a string longer than the limit in UTF-16 units is longer in UTF-8 too, and is not walked.
  const limit = bodyLimitFor(signedIn)
  if (body.length > limit || Buffer.byteLength(body, 'utf8') > limit) return { ok: false, error: bodyTooLarge(signedIn) }
  const parsed = readJsonBody(body)
  return parsed.ok ? { ok: true, name, input: parsed.input } : parsed
}

export type UploadRequest = { ok: true; bytes: Buffer } | { ok: false; error: WireError }

/**
 * Checks what arrives on the 'upload' channel: the file's bytes as an ArrayBuffer (or a typed array over
 * one), at most MAX_FILE_BYTES like POST /upload; the name and type are checked by the action that uses it.
 */
export function parseUploadRequest(bytes: unknown): UploadRequest {
  const refuse = (message: string): UploadRequest => ({ ok: false, error: { code: 'VALIDATION', message } })
  const buffer = bytes instanceof ArrayBuffer ? Buffer.from(bytes)
    : ArrayBuffer.isView(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) : null
  if (!buffer) return refuse('文件内容必须是字节数据')
  if (buffer.length === 0) return refuse('文件为空，不能上传')
  if (buffer.length > MAX_FILE_BYTES) return refuse(fileTooLargeMessage())
  return { ok: true, bytes: buffer }
}
