/**
 * Sandboxed preload: it may only use contextBridge and ipcRenderer, and it exposes a few
 * functions. The renderer never gets ipcRenderer itself (that would let a script send on
 * any channel) — only `window.api.call`, which speaks the same replies as POST /rpc/<name>,
 * and `window.api.upload`, which answers as POST /upload does.
 */
import { contextBridge, ipcRenderer } from 'electron'

type Reply =
  | { ok: true; result: unknown }
  | { ok: false; error: { code: string; message: string; field?: string; rule?: string } }

/** `background`: a poll for 提醒 that does not keep an idle session alive (common/events.ts). */
async function call(name: string, input: unknown, background = false): Promise<Reply> {
  let body: string
  try {
    // As fetch would send it: undefined becomes an empty body, read as {} by main.
    body = input === undefined ? '' : JSON.stringify(input)
  } catch {
    return { ok: false, error: { code: 'VALIDATION', message: '请求内容无法转换为 JSON' } }
  }
  const text: unknown = await ipcRenderer.invoke('rpc', name, body, background === true)
  return JSON.parse(String(text)) as Reply
}

/** One file's bytes for a later action; main checks the sender, the session and the size (20 MB). */
async function upload(name: string, mime: string, bytes: ArrayBuffer): Promise<Reply> {
  const text: unknown = await ipcRenderer.invoke('upload', name, mime, bytes)
  return JSON.parse(String(text)) as Reply
}

/** 提醒 newly delivered (reminders.deliver) shown as native notifications by main (electron/notify.ts). */
const notify = (notices: unknown): Promise<boolean> => ipcRenderer.invoke('notify', notices) as Promise<boolean>

/** Events from main (a notification clicked: open its page); the listener gets the event only, never ipcRenderer's. */
function onEvent(listener: (event: unknown) => void): () => void {
  const relay = (_e: unknown, event: unknown) => listener(event)
  ipcRenderer.on('event', relay)
  return () => { ipcRenderer.removeListener('event', relay) }
}

contextBridge.exposeInMainWorld('api', { call, upload, notify, onEvent })
