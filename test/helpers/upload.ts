/**
 * Files for the actions that take them (issue 21): uploaded first through the real POST /upload as the
 * client's signed-in user, then named in the action's input by the token that came back.
 */
import type { rpcClient } from './server'
import type { UploadedFile } from '../../src-renderer/api/client'

type Client = ReturnType<typeof rpcClient>

/** Sends `content` as the browser does (the bytes as the body, the name URI-encoded) and returns { name, mime, upload }. */
export async function uploadAs(baseUrl: string, client: Client, name: string, content: string | Buffer, mime = 'application/pdf'): Promise<UploadedFile> {
  const res = await fetch(`${baseUrl}/upload`, {
    method: 'POST',
    headers: { origin: baseUrl, cookie: client.cookies.current(), 'content-type': mime, 'x-file-name': encodeURIComponent(name) },
    body: new Uint8Array(typeof content === 'string' ? Buffer.from(content, 'utf8') : content),
  })
  const reply = await res.json() as { ok: boolean; result?: { upload: string }; error?: { message: string } }
  if (!reply.ok) throw new Error(`上传「${name}」失败：${res.status} ${reply.error?.message}`)
  return { name, mime, upload: reply.result!.upload }
}

/** An uploader bound to one signed-in client: `const upload = uploader(server.url, api); file: await upload('正文.pdf', '…')`. */
export const uploader = (baseUrl: string, client: Client) =>
  (name: string, content: string | Buffer, mime?: string) => uploadAs(baseUrl, client, name, content, mime)

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** R-M3: the two files every topic carries — its 议题材料 (Word) and its 议题审批表 (PDF) — uploaded and named after the topic. */
export const topicFilesAs = async (baseUrl: string, client: Client, title: string) => [
  { kind: '议题材料' as const, file: await uploadAs(baseUrl, client, `${title}.docx`, `${title}：议题材料正文`, DOCX) },
  { kind: '议题审批表' as const, file: await uploadAs(baseUrl, client, `${title}审批表.pdf`, `${title}：议题审批表`) },
]
