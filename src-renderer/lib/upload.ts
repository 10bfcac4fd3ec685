import { api, type UploadedFile } from '../api/client'

export type { UploadedFile }

/**
 * A chosen file as an action's input carries it: sent ahead over its own path (the file itself, streamed,
 * at most 20 MB) and named by the token that comes back, never as base64 inside the call (issue 21).
 */
export function readUpload(file: File): Promise<UploadedFile> {
  return api.upload(file)
}
