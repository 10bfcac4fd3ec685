// What src-main/electron/preload.ts puts on window in the desktop app; absent in a browser,
// where the client uses fetch('/rpc/' + name) and fetch('/upload') instead.
export {}

type BridgeReply =
  | { ok: true; result: unknown }
  | { ok: false; error: { code: string; message: string; field?: string; rule?: string } }

declare global {
  interface Window {
    api?: {
      call(name: string, input: unknown): Promise<BridgeReply>
      /** One file's bytes for a later action; answers as POST /upload ({ name, mime, upload, size, sha256 }). */
      upload(name: string, mime: string, bytes: ArrayBuffer): Promise<BridgeReply>
    }
  }
}
