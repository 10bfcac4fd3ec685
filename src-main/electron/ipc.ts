/**
 * The desktop transport: one 'rpc' channel into the same router the HTTP server uses.
 * The sign-in token never reaches the renderer: main keeps it per webContents, as the
 * HTTP transport keeps it in an HttpOnly cookie.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { Core } from '../core'
import type { CallResult } from '../rpc/router'
import { isTrustedSenderFrame, parseRpcRequest } from './policy'

export const RPC_CHANNEL = 'rpc'

/**
 * Only the top frame of one of our windows, showing app://sanban, may call. A subframe or
 * a page that navigated elsewhere would otherwise inherit the signed-in user's session.
 */
function isTrustedEvent(event: IpcMainInvokeEvent): boolean {
  return BrowserWindow.fromWebContents(event.sender) !== null && isTrustedSenderFrame(event.senderFrame, event.sender.mainFrame)
}

/** Registers the handler; returns a function that removes it (for quitting). */
export function openIpcBridge(core: Core): () => void {
  const tokens = new Map<number, string>()
  const forgetOnClose = new Set<number>()

  async function handle(event: IpcMainInvokeEvent, name: unknown, body: unknown): Promise<string> {
    if (!isTrustedEvent(event)) {
      return JSON.stringify({ ok: false, error: { code: 'FORBIDDEN', message: '请求来源不被允许' } } satisfies CallResult)
    }
    const request = parseRpcRequest(name, body)
    if (!request.ok) return JSON.stringify(request satisfies CallResult)
    const id = event.sender.id
    if (!forgetOnClose.has(id)) {
      forgetOnClose.add(id)
      event.sender.once('destroyed', () => { tokens.delete(id); forgetOnClose.delete(id) })
    }
    const session = core.sessions.forCall(tokens.get(id) ?? null, (token) => {
      if (token) tokens.set(id, token)
      else tokens.delete(id)
    })
    // JSON text, not an object: the renderer gets exactly the body the HTTP server would send.
    return (await core.router.reply(request.name, request.input, session)).body.toString('utf8')
  }

  ipcMain.handle(RPC_CHANNEL, (event, name: unknown, body: unknown) => {
    try {
      return handle(event, name, body)
    } catch (e) {
      console.error('[ipc] rpc 处理失败', e)
      return JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: '系统内部错误' } } satisfies CallResult)
    }
  })
  return () => {
    ipcMain.removeHandler(RPC_CHANNEL)
    tokens.clear()
  }
}
