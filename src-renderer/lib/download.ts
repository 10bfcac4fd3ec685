import { api, type ProcedureName, type InputOf } from '../api/client'

/** A file as the export procedures return it (both transports carry JSON, so the bytes come as base64). */
export interface FilePayload { filename: string; mime: string; base64: string }

/** Saves a file the browser way: a Blob behind a temporary link with `download` set. */
export function downloadFile({ filename, mime, base64 }: FilePayload): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** Calls an export procedure and downloads what it returns; the error (if any) is thrown to the caller. */
export async function downloadExport<N extends ProcedureName>(name: N, input: InputOf<N>): Promise<void> {
  downloadFile((await api.call(name, input)) as unknown as FilePayload)
}
