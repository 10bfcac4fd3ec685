/**
 * app://sanban serves the built renderer. A standard, secure scheme gives the page a real
 * origin (so 'self' in the CSP means the app and nothing on disk), unlike file://, where
 * every local file shares one origin.
 */
import { readFile } from 'node:fs/promises'
import { protocol } from 'electron'
import { SECURITY_HEADERS } from '../security/headers'
import { APP_SCHEME, contentTypeFor, resolveAppPath } from './policy'

/** Must run before app 'ready': Chromium fixes the scheme list at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } })
}

/** After 'ready'. Only files under rendererDir are served; anything else is a 404. */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, '不支持的请求方法')
    const file = resolveAppPath(rendererDir, request.url)
    if (!file) return plain(404, '未找到')
    try {
      const body = await readFile(file)
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) },
      })
    } catch {
      // Missing file, or a folder: the same answer, so the page cannot probe the disk.
      return plain(404, '未找到')
    }
  })
}
