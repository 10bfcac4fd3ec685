// What src-main/electron/preload.ts puts on window in the desktop app; absent in a browser,
// where the client uses fetch('/rpc/' + name) and fetch('/upload') instead.
export {}

type BridgeReply =
  | { ok: true; result: unknown }
  | { ok: false; error: { code: string; message: string; field?: string; rule?: string } }

declare global {
  interface Window {
    api?: {
      /** `background`: a 提醒 poll that does not keep an idle session alive. */
      call(name: string, input: unknown, background?: boolean): Promise<BridgeReply>
      /** One file's bytes for a later action; answers as POST /upload ({ name, mime, upload, size, sha256 }). */
      upload(name: string, mime: string, bytes: ArrayBuffer): Promise<BridgeReply>
      /** Shows newly delivered 提醒 as native notifications (reminders.deliver's notices). */
      notify?(notices: { title: string; body: string; href: string }[]): Promise<boolean>
      /** Events from the main process (a clicked notification: { type: 'open', href }). */
      onEvent?(listener: (event: unknown) => void): () => void
    }
  }
}
