// What src-main/electron/preload.ts puts on window in the desktop app; absent in a browser,
// where the client uses fetch('/rpc/' + name) instead.
export {}

declare global {
  interface Window {
    api?: {
      call(name: string, input: unknown): Promise<
        | { ok: true; result: unknown }
        | { ok: false; error: { code: string; message: string; field?: string; rule?: string } }
      >
    }
  }
}
