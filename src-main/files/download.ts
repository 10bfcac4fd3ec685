/** A file for the renderer to download, over either transport: name, MIME type and the bytes in base64. */
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export const download = (filename: string, mime: string, buf: Buffer) => ({ filename, mime, base64: buf.toString('base64') })
