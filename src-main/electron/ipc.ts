/**
 * The desktop transport: an 'rpc' channel into the same router the HTTP server uses, and an 'upload'
 * channel into the same upload registry as POST /upload (files/uploads.ts).
 * The sign-in token never reaches the renderer: main keeps it per webContents, as the
 * HTTP transport keeps it in an HttpOnly cookie.
 * Electron comes in as a parameter (main.ts passes ipcMain and its windows), so the bridge itself runs
 * under Node in test/unit/ipc-bridge.test.ts against a real office.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import type { Connection } from '../db/connection'
import type { SessionStore } from '../auth/sessions'
import type { Router, CallResult } from '../rpc/router'
import { AppError } from '../kernel/errors'
import { uploadsIn } from '../files/uploads'
import { isTrustedSenderFrame, parseRpcRequest, parseUploadRequest } from './policy'
import { BACKGROUND_CALLS } from '../common/events'
import { parseNotices, type NativeNotice } from '../reminders/rules'

export const RPC_CHANNEL = 'rpc'
export const UPLOAD_CHANNEL = 'upload'
/** The window asks main to show 提醒 as native notifications (Electron's Notification, electron/notify.ts). */
export const NOTIFY_CHANNEL = 'notify'

const refused = (code: 'FORBIDDEN' | 'INTERNAL', message: string) => JSON.stringify({ ok: false, error: { code, message } } satisfies CallResult)

/** The file's bytes in pieces, so sealing and writing take turns with other work as over HTTP. */
async function* piecesOf(bytes: Buffer): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += 1024 * 1024) yield bytes.subarray(at, at + 1024 * 1024)
}

/** What the bridge needs of Electron: where to register, and whether a webContents is one of our windows. */
export interface IpcElectron {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  isAppWindow(contents: WebContents): boolean
  /** Shows one native notification for the window (absent: notices are ignored, as under Node in the tests). */
  notify?(notice: NativeNotice, contents: WebContents): void
}

/** What the bridge needs of the open office (core.ts gives it). */
export interface IpcHost {
  readonly sessions: SessionStore
  readonly router: Router
  readonly conn: Connection
  readonly dataDir: string
}

/** Registers the handlers; returns a function that removes them (for quitting). */
export function openIpcBridge(core: IpcHost, { ipcMain, isAppWindow, notify }: IpcElectron): () => void {
  const tokens = new Map<number, string>()
  const forgetOnClose = new Set<number>()

  /**
   * Only the top frame of one of our windows, showing app://sanban, may call. A subframe or
   * a page that navigated elsewhere would otherwise inherit the signed-in user's session.
   */
  const isTrustedEvent = (event: IpcMainInvokeEvent) => isAppWindow(event.sender) && isTrustedSenderFrame(event.senderFrame, event.sender.mainFrame)

  /** The window's session for this call; the first call of a window arranges for its token to go with it. */
  function sessionOf(event: IpcMainInvokeEvent, touch = true) {
    const id = event.sender.id
    if (!forgetOnClose.has(id)) {
      forgetOnClose.add(id)
      event.sender.once('destroyed', () => { tokens.delete(id); forgetOnClose.delete(id) })
    }
    return core.sessions.forCall(tokens.get(id) ?? null, (token) => {
      if (token) tokens.set(id, token)
      else tokens.delete(id)
    }, undefined, touch)
  }

  async function handle(event: IpcMainInvokeEvent, name: unknown, body: unknown, background: unknown): Promise<string> {
    if (!isTrustedEvent(event)) return refused('FORBIDDEN', '请求来源不被允许')
    // As over HTTP, who calls decides how much may be sent: the session is resolved before the body is read.
    // A background poll for 提醒 does not keep an idle session alive (common/events.ts).
    const session = sessionOf(event, !(background === true && typeof name === 'string' && BACKGROUND_CALLS.includes(name)))
    const request = parseRpcRequest(name, body, session.user !== null)
    if (!request.ok) return JSON.stringify(request satisfies CallResult)
    // JSON text, not an object: the renderer gets exactly the body the HTTP server would send.
    return (await core.router.reply(request.name, request.input, session)).body.toString('utf8')
  }

  /** One file for a later action, as POST /upload answers it: { name, mime, upload, size, sha256 }. */
  async function upload(event: IpcMainInvokeEvent, name: unknown, mime: unknown, bytes: unknown): Promise<string> {
    if (!isTrustedEvent(event)) return refused('FORBIDDEN', '请求来源不被允许')
    const user = sessionOf(event).user
    if (!user) return JSON.stringify({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录后再上传文件' } } satisfies CallResult)
    const request = parseUploadRequest(bytes)
    if (!request.ok) return JSON.stringify(request satisfies CallResult)
    try {
      const received = await uploadsIn(core.dataDir).receive(core.conn.db, user.id, piecesOf(request.bytes))
      return JSON.stringify({ ok: true, result: { name: typeof name === 'string' ? name : '文件', mime: typeof mime === 'string' && mime ? mime : 'application/octet-stream', ...received } })
    } catch (e) {
      if (e instanceof AppError) return JSON.stringify({ ok: false, error: e.toWire() } satisfies CallResult)
      console.error('[ipc] 上传失败', e)
      return refused('INTERNAL', '文件未能保存，请稍后重试')
    }
  }

  ipcMain.handle(RPC_CHANNEL, (event, name: unknown, body: unknown, background: unknown) => {
    try {
      return handle(event, name, body, background)
    } catch (e) {
      console.error('[ipc] rpc 处理失败', e)
      return refused('INTERNAL', '系统内部错误')
    }
  })
  ipcMain.handle(UPLOAD_CHANNEL, (event, name: unknown, mime: unknown, bytes: unknown) => upload(event, name, mime, bytes))
  // Only a signed-in window of ours, and only notices of the shape 'reminders.deliver' gives (parseNotices).
  ipcMain.handle(NOTIFY_CHANNEL, (event, notices: unknown) => {
    if (!isTrustedEvent(event) || !sessionOf(event, false).user) return false
    const list = parseNotices(notices)
    if (!list) return false
    for (const n of list) notify?.(n, event.sender)
    return true
  })
  return () => {
    ipcMain.removeHandler(RPC_CHANNEL)
    ipcMain.removeHandler(UPLOAD_CHANNEL)
    ipcMain.removeHandler(NOTIFY_CHANNEL)
    tokens.clear()
  }
}
