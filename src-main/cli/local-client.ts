/**
 * The terminal's side of server/local-control.ts: a command tool asks the server that owns the data folder.
 * The one place in src-main that opens a connection, and only ever to 127.0.0.1 — the same machine's Sanban,
 * at the port its owner file names (test/unit/static-security.test.ts holds it to that).
 */
import type { LockOwner } from '../system/data-lock'
import { describeOwner } from '../system/data-lock'

export const TOKEN_HEADER = 'x-sanban-control-token'

export interface AccountReply { ok: boolean; password?: string | null; awaitsConfirmation?: boolean; message?: string }

/** Posts `body` to the running server's /local/<route> with the owner file's token; its refusal comes back as an error. */
export async function askRunningServer(owner: LockOwner, route: string, body: object): Promise<AccountReply> {
  let reply: AccountReply
  try {
    const res = await fetch(`http://127.0.0.1:${owner.port}/local/${route}`, {
      method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: owner.token ?? '' }, body: JSON.stringify(body),
    })
    reply = await res.json() as AccountReply
  } catch (e) {
    throw new Error(`${describeOwner(owner)}正在使用数据目录，但连不上它（${e instanceof Error ? e.message : String(e)}）。请确认它正常运行，或停止它后再运行本命令。`)
  }
  if (!reply.ok) throw new Error(reply.message ?? '正在运行的三办服务器拒绝了这个命令')
  return reply
}
