/**
 * Wires the pure rules of policy.ts into Electron. Nothing is decided here, so the
 * decisions stay covered by test/unit/electron-policy.test.ts.
 */
import type { BrowserWindow, Session, WebContents } from 'electron'
import {
  isNavigationAllowed, isPermissionAllowed, isRequestAllowed, windowOpenDecision, withContentSecurityPolicy,
} from './policy'

function refused(what: string, url: string): void {
  console.warn(`[security] 已阻止${what}：${url}`)
}

const secured = new WeakSet<WebContents>()

/** Every webContents (windows, devtools, anything created later) gets these; see main.ts. */
export function secureWebContents(contents: WebContents): void {
  if (secured.has(contents)) return // main.ts secures all contents and window.ts its own: once is enough
  secured.add(contents)
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) { event.preventDefault(); refused('跳转', event.url) }
  })
  // will-navigate misses subframes and server redirects; these two cover them.
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) { event.preventDefault(); refused('框架跳转', event.url) }
  })
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url)) { event.preventDefault(); refused('重定向', event.url) }
  })
  contents.setWindowOpenHandler(({ url }) => { refused('打开新窗口', url); return windowOpenDecision(url) })
  contents.on('will-attach-webview', (event) => { event.preventDefault(); refused('嵌入 webview', contents.getURL()) })
}

export function secureWindow(win: BrowserWindow): void {
  secureWebContents(win.webContents)
}

/** Session-wide rules: permissions (both handlers), no remote content, our CSP on every response. */
export function installAppSecurity(session: Session): void {
  // Chromium asks the check handler first and only then the request handler: both must refuse.
  session.setPermissionRequestHandler((_wc, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl))
  })
  session.setPermissionCheckHandler((_wc, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin))
  session.setDevicePermissionHandler(() => false)
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}))
  session.webRequest.onBeforeRequest((details, callback) => {
    const cancel = !isRequestAllowed(details.url)
    if (cancel) refused('加载外部内容', details.url)
    callback({ cancel })
  })
  // Belt and braces: app:// responses carry the CSP already and remote ones are cancelled.
  // Devtools keeps its own policy, which ours would break.
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.url.startsWith('devtools:')) callback({})
    else callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) })
  })
}
