/**
 * 提醒 as the desktop's native notifications (issue 17): the window polls 'reminders.deliver' through the same API as
 * every page and hands the notices of what it newly delivered to main over the 'notify' channel (ipc.ts); main shows
 * each with Electron's Notification, and a click brings the window forward and opens the item's page. Which reminders
 * and what they say are decided in reminders/rules.ts (nativeNotices, parseNotices), tested under Node; this file
 * needs Electron and is not run by the tests.
 */
import { BrowserWindow, Notification, type WebContents } from 'electron'
import type { NativeNotice } from '../reminders/rules'
import type { AppEvent } from '../common/events'

export const EVENT_CHANNEL = 'event'

export function showNotice(notice: NativeNotice, contents: WebContents): void {
  if (!Notification.isSupported()) return
  const n = new Notification({ title: notice.title, body: notice.body, silent: false })
  n.on('click', () => {
    const win = BrowserWindow.fromWebContents(contents)
    if (!win || contents.isDestroyed()) return
    if (win.isMinimized()) win.restore()
    win.show()
    win.focus()
    contents.send(EVENT_CHANNEL, { type: 'open', href: notice.href } satisfies AppEvent)
  })
  n.show()
}
