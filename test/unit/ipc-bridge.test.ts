/**
 * The desktop window's IPC bridge (src-main/electron/ipc.ts) under Node, against a real office (openCore on a
 * SQLite file of its own). Electron is not obtainable here, so ipcMain is a stand-in that keeps the handlers
 * and each window is a plain object with what the bridge reads of a webContents: its id, its top frame and
 * the 'destroyed' event. What is checked is what a user of the desktop app would notice: each window has its
 * own sign-in, closing a window ends its session, and only the app's own top frame may call.
 */
import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src-main/core'
import { openIpcBridge, RPC_CHANNEL, UPLOAD_CHANNEL } from '../../src-main/electron/ipc'
import { APP_INDEX_URL } from '../../src-main/electron/policy'
import { adjustableClock } from '../../src-main/system/clock'
import { ADMIN_PASSWORD } from '../helpers/server'

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<string> | string

/** What the bridge reads of one window's webContents. */
class FakeWindow extends EventEmitter {
  static next = 1
  readonly id = FakeWindow.next++
  readonly mainFrame = { url: APP_INDEX_URL, parent: null, processId: 7, routingId: this.id }
  destroy() { this.emit('destroyed') }
}

let dataDir: string
let core: Core
const handlers = new Map<string, Handler>()
const appWindows = new Set<unknown>()
let close: () => void

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sanban-ipc-'))
  core = openCore({ dataDir, demo: true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock(), scheduledBackups: false })
  const ipcMain = { handle: (channel: string, h: Handler) => { handlers.set(channel, h) }, removeHandler: (channel: string) => { handlers.delete(channel) } }
  close = openIpcBridge(core, { ipcMain: ipcMain as never, isAppWindow: (contents) => appWindows.has(contents) })
})
afterAll(() => { close(); core.close(); rmSync(dataDir, { recursive: true, force: true }) })

function openWindow(): FakeWindow {
  const w = new FakeWindow()
  appWindows.add(w)
  return w
}

/** A call as the preload makes it (the input as JSON text), from `frame` (the window's top frame unless told otherwise). */
async function call(w: FakeWindow, name: string, input: unknown = {}, frame: object | null = w.mainFrame) {
  const event = { sender: w as unknown as WebContents, senderFrame: frame } as unknown as IpcMainInvokeEvent
  return JSON.parse(await handlers.get(RPC_CHANNEL)!(event, name, JSON.stringify(input))) as { ok: boolean; result?: unknown; error?: { code: string; message: string } }
}
const signIn = (w: FakeWindow) => call(w, 'auth.login', { username: 'kezhang', password: ADMIN_PASSWORD })
const me = async (w: FakeWindow) => (await call(w, 'auth.me')).result as { username: string } | null

describe('桌面窗口的 IPC 桥', () => {
  it('每个窗口各自登录：一个窗口登录了，另一个窗口仍是未登录', async () => {
    const a = openWindow()
    const b = openWindow()
    expect(await signIn(a)).toMatchObject({ ok: true })
    expect(await me(a)).toMatchObject({ username: 'kezhang' })
    expect(await me(b)).toBeNull()
    expect((await call(b, 'registers.incoming')).error?.code).toBe('UNAUTHENTICATED')
    expect((await call(a, 'registers.incoming')).ok).toBe(true)
  })

  it('关闭窗口即结束它的登录，之后来自它的调用都要重新登录', async () => {
    const a = openWindow()
    await signIn(a)
    a.destroy()
    expect((await call(a, 'registers.incoming')).error?.code).toBe('UNAUTHENTICATED')
  })

  it('子框架、跳到别处的页面和不是本程序的窗口都不能调用，已登录的窗口也一样', async () => {
    const a = openWindow()
    await signIn(a)
    const refused = { ok: false, error: { code: 'FORBIDDEN', message: '请求来源不被允许' } }
    expect(await call(a, 'registers.incoming', {}, { ...a.mainFrame, parent: a.mainFrame })).toEqual(refused)
    expect(await call(a, 'registers.incoming', {}, { ...a.mainFrame, url: 'https://example.com/' })).toEqual(refused)
    expect(await call(a, 'registers.incoming', {}, null)).toEqual(refused)
    appWindows.delete(a)
    expect(await call(a, 'registers.incoming')).toEqual(refused)
  })

  it('上传文件要先登录；登录后得到与 POST /upload 相同的答复', async () => {
    const a = openWindow()
    const upload = async (bytes: unknown) => JSON.parse(await handlers.get(UPLOAD_CHANNEL)!({ sender: a, senderFrame: a.mainFrame } as unknown as IpcMainInvokeEvent, '请示正文.pdf', 'application/pdf', bytes))
    expect((await upload(new Uint8Array([1, 2, 3]))).error).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录后再上传文件' })
    await signIn(a)
    const r = await upload(new Uint8Array(Buffer.from('关于防汛工作的请示')))
    expect(r).toMatchObject({ ok: true, result: { name: '请示正文.pdf', mime: 'application/pdf', size: Buffer.byteLength('关于防汛工作的请示'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) } })
  })
})
