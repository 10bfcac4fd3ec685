/**
 * 提醒 as the desktop's native notifications (issue 17), under Node as in ipc-bridge.test.ts: the window takes its new
 * reminders through the API ('reminders.deliver', once per person) and hands them to main on the 'notify' channel;
 * main shows them only for a signed-in window of ours and only in the shape the API gives (a route of the app).
 */
import { EventEmitter } from 'node:events'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openCore, type Core } from '../../src-main/core'
import { openIpcBridge, NOTIFY_CHANNEL, RPC_CHANNEL } from '../../src-main/electron/ipc'
import { APP_INDEX_URL } from '../../src-main/electron/policy'
import { adjustableClock } from '../../src-main/system/clock'
import type { NativeNotice } from '../../src-main/reminders/rules'
import { ADMIN_PASSWORD } from '../helpers/server'

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown

class FakeWindow extends EventEmitter {
  static next = 1
  readonly id = FakeWindow.next++
  readonly mainFrame = { url: APP_INDEX_URL, parent: null, processId: 7, routingId: this.id }
}

let dataDir: string
let core: Core
const handlers = new Map<string, Handler>()
const appWindows = new Set<unknown>()
const shown: { notice: NativeNotice; window: unknown }[] = []
let close: () => void

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sanban-notify-'))
  core = openCore({ dataDir, demo: true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock(), scheduledBackups: false })
  const ipcMain = { handle: (channel: string, h: Handler) => { handlers.set(channel, h) }, removeHandler: (channel: string) => { handlers.delete(channel) } }
  close = openIpcBridge(core, {
    ipcMain: ipcMain as never, isAppWindow: (contents) => appWindows.has(contents),
    notify: (notice, window) => { shown.push({ notice, window }) },
  })
})
afterAll(() => { close(); core.close(); rmSync(dataDir, { recursive: true, force: true }) })

function openWindow(): FakeWindow {
  const w = new FakeWindow()
  appWindows.add(w)
  return w
}
const eventOf = (w: FakeWindow) => ({ sender: w as unknown as WebContents, senderFrame: w.mainFrame }) as unknown as IpcMainInvokeEvent
async function call<T = unknown>(w: FakeWindow, name: string, input: unknown = {}, background = false): Promise<T> {
  const reply = JSON.parse(await (handlers.get(RPC_CHANNEL)!(eventOf(w), name, JSON.stringify(input), background) as Promise<string>))
  if (!reply.ok) throw new Error(`${name}：${reply.error.message}`)
  return reply.result as T
}
const notify = (w: FakeWindow, notices: unknown) => handlers.get(NOTIFY_CHANNEL)!(eventOf(w), notices)

describe('桌面通知', () => {
  it('a 批示 that came back is shown once as a native notification for the signed-in window', async () => {
    const w = openWindow()
    await call(w, 'auth.login', { username: 'kezhang', password: ADMIN_PASSWORD })
    await call(w, 'system.setClock', { at: '2026-12-01T09:00:00+08:00' })
    const org = await call<{ people: { id: number; name: string }[]; departments: { id: number; name: string }[] }>(w, 'org.overview')
    const finance = org.departments.find((d) => d.name === '市财政局')!.id
    const doc = await call<{ id: number }>(w, 'incoming.receive', { receivedAt: '2026-12-01 09:10', sender: '市财政局', senderDepartmentId: finance, title: '关于财政收支情况的报告', docType: '报告', arrival: '机要交通', files: [] })
    await call(w, 'incoming.review', { id: doc.id, reviewedOn: '2026-12-01' })
    await call(w, 'incoming.propose', { id: doc.id, proposal: '拟呈市长阅。', proposedBy: '高雪', proposedOn: '2026-12-01' })
    const mayor = org.people.find((p) => p.name === '张明远')!.id
    await call(w, 'incoming.send', { id: doc.id, leaderIds: [mayor], sentOn: '2026-12-01' })
    await call(w, 'incoming.instruct', { id: doc.id, leaderId: mayor, kind: '圈阅', instructedOn: '2026-12-01' })

    // What the page does every minute in the background (api/events.ts).
    const first = await call<{ notices: NativeNotice[] }>(w, 'reminders.deliver', {}, true)
    expect(first.notices).toEqual([expect.objectContaining({ title: expect.stringContaining('张明远圈阅已回'), href: `documents/incoming/${doc.id}` })])
    expect(await notify(w, first.notices)).toBe(true)
    expect(shown.map((s) => [s.notice.title, s.window])).toEqual([[first.notices[0].title, w]])
    expect((await call<{ notices: NativeNotice[] }>(w, 'reminders.deliver', {}, true)).notices).toEqual([])
  })

  it('main shows nothing for a window not signed in, a page not ours, or a notice linking outside the app; the same notice from a signed-in window of ours is shown as sent', async () => {
    const before = shown.length
    const notice = { title: '三办提醒：明日会议', body: '点此查看', href: 'meetings/1' }
    expect(await notify(openWindow(), [notice])).toBe(false)
    const stranger = new FakeWindow()
    expect(await notify(stranger, [notice])).toBe(false)
    const w = openWindow()
    await call(w, 'auth.login', { username: 'wenmi', password: ADMIN_PASSWORD })
    expect(await notify(w, [{ ...notice, href: 'https://example.com/' }])).toBe(false)
    expect(shown.length).toBe(before)
    // The refusals above are for the window or the link: the notice itself, from this window, is accepted and shown as it is.
    expect(await notify(w, [notice])).toBe(true)
    expect(shown.slice(before)).toEqual([{ notice, window: w }])
  })
})
