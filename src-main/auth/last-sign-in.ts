/**
 * 上次登录 (GB/T 22239 身份鉴别: 登录成功后向用户提示上次登录的时间和地点、失败的次数): read from the audit trail,
 * which records every attempt with its address (signin.ts) and survives a restore, so nothing else has to keep it.
 */
import type { ReadDb } from '../db/connection'
import { sqliteOf } from '../audit/chain'
import { officeDateTimeText } from '../common/office-time'

export interface SignInTrace { at: string; from: string; result: string }

export interface LastSignIns {
  /** The previous successful sign-in (before this one), or null for a first sign-in. */
  success: SignInTrace | null
  /** The newest failed or refused attempt, or null. */
  failure: SignInTrace | null
  /** Failed or refused attempts since the previous successful sign-in. */
  failuresSince: number
  /** What the first page says, in the office's time (Asia/Shanghai). */
  lines: string[]
}

/** Enough attempts to find the previous success behind a run of failures (the lockout stops at 10). */
const LOOK_BACK = 200

function traceOf(at: string, changes: string | null): SignInTrace {
  const fields = (changes ? JSON.parse(changes) : {}) as Record<string, unknown>
  return { at, from: typeof fields.来源地址 === 'string' ? fields.来源地址 : '（未记录地址）', result: String(fields.结果 ?? '') }
}

const when = (t: SignInTrace) => `${officeDateTimeText(new Date(t.at))}，来自 ${t.from}`

function linesOf(success: SignInTrace | null, failure: SignInTrace | null, failuresSince: number): string[] {
  const lines = [success ? `上次成功登录：${when(success)}` : '这是本账户第一次成功登录。']
  if (failure) lines.push(`最近一次登录失败：${when(failure)}（${failure.result.replace(/^(失败|拒绝)：/, '')}）`)
  else lines.push('没有登录失败的记录。')
  if (failuresSince > 0) lines.push(`自上次成功登录以来，登录失败 ${failuresSince} 次。如果不是您本人所为，请立即修改密码并告知安全保密管理员。`)
  return lines
}

/** The sign-ins of `username` recorded so far (called during this sign-in, before its own record is written). */
export function lastSignIns(db: ReadDb, username: string): LastSignIns {
  const rows = sqliteOf(db).prepare(`SELECT at, changes FROM audit_log WHERE entity = '登录' AND entity_id = ? ORDER BY id DESC LIMIT ${LOOK_BACK}`)
    .all(username) as { at: string; changes: string | null }[]
  const traces = rows.map((r) => traceOf(r.at, r.changes))
  const succeeded = (t: SignInTrace) => t.result.startsWith('成功')
  const successIndex = traces.findIndex(succeeded)
  const success = successIndex >= 0 ? traces[successIndex] : null
  const failure = traces.find((t) => !succeeded(t)) ?? null
  const failuresSince = successIndex >= 0 ? successIndex : traces.length
  return { success, failure, failuresSince, lines: linesOf(success, failure, failuresSince) }
}
