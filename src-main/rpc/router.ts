import Database from 'better-sqlite3'
import type { Connection } from '../db/connection'
import { AnswersUntilDataChanges, type DataVersion } from '../db/data-version'
import type { Clock } from '../system/clock'
import { AuditTrail, writeAudit } from '../audit/trail'
import { dataOutTrail, takesDataOut } from '../audit/exports'
import { AppError, type WireError } from './errors'
import { parseInput } from './validation'
import type { ActionContext, Procedure, SessionControl, SessionUser } from './procedure'

export type ProcedureMap = Record<string, Procedure>

export interface RouterDeps {
  conn: Connection
  /** Changes with every write (db/data-version.ts): shared answers are kept until it does. */
  dataVersion: DataVersion
  /** How many shared answers to keep (Procedure.answerDependsOn); 0 computes every call. */
  sharedAnswers: number
  clock: Clock
  dataDir: string
  procedures: ProcedureMap
}

/** What a transport hands the router for one call. */
export interface CallSession {
  user: SessionUser | null
  control: SessionControl
}

export type CallResult = { ok: true; result: unknown } | { ok: false; error: WireError }

function checkAccess(proc: Procedure, user: SessionUser | null): void {
  if (proc.access === 'public') return
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录')
  if (proc.access !== 'signedIn' && !proc.access.includes(user.role)) {
    throw new AppError('FORBIDDEN', `当前账户（${user.role}）无权执行“${proc.summary}”`)
  }
}

/** SQLite's own constraint messages are English; the user gets a Chinese one and nothing is written. */
function fromSqlite(e: InstanceType<typeof Database.SqliteError>): AppError {
  if (e.code.startsWith('SQLITE_CONSTRAINT_UNIQUE') || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError('CONFLICT', '已有相同的记录，不能重复添加')
  }
  if (e.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return new AppError('CONFLICT', '引用的记录不存在，或该记录仍被其他记录使用')
  if (e.code === 'SQLITE_BUSY') return new AppError('CONFLICT', '数据库正忙，请稍后重试')
  return new AppError('INTERNAL', '数据库出错，操作未完成，数据未改动')
}

export function toWireError(e: unknown, name: string): WireError {
  if (e instanceof AppError) return e.toWire()
  if (e instanceof Database.SqliteError) return fromSqlite(e).toWire()
  console.error(`[rpc] ${name} 内部错误`, e)
  return { code: 'INTERNAL', message: '系统内部错误，操作未完成，数据未改动' }
}

const replyOf = (outcome: CallResult) => Buffer.from(JSON.stringify(outcome), 'utf8')

export function createRouter({ conn, dataVersion, sharedAnswers, clock, dataDir, procedures }: RouterDeps) {
  const shared = sharedAnswers > 0 ? new AnswersUntilDataChanges<unknown>(dataVersion, sharedAnswers) : null
  /**
   * A shared answer's reply, written and encoded once however many callers it is sent to: at a few thousand calls
   * a second, a fresh 50 KB string per call is what fills the server's memory.
   */
  const sharedReplies = new WeakMap<object, Buffer>()

  function answer(name: string, proc: Procedure, ctx: ActionContext, input: unknown): unknown {
    if (takesDataOut(name)) return exportAudited(name, proc, ctx, input)
    if (!proc.answerDependsOn || !shared) return proc.handler(ctx, input)
    const result = shared.get(`${name}\n${proc.answerDependsOn(ctx)}\n${JSON.stringify(input)}`, () => proc.handler(ctx, input))
    if (typeof result === 'object' && result !== null && !sharedReplies.has(result)) sharedReplies.set(result, replyOf({ ok: true, result }))
    return result
  }

  /**
   * Data leaving the system (`.export`/`.download` in the name, audit/exports.ts) is recorded once the
   * file is built, in a small transaction of its own; if that record cannot be written, the file is not handed out.
   */
  async function exportAudited(name: string, proc: Procedure, ctx: ActionContext, input: unknown): Promise<unknown> {
    const result: unknown = await proc.handler(ctx, input)
    conn.sqlite.transaction(() => writeAudit(conn.db, clock.now(), ctx.user, name, dataOutTrail(name, proc.input, input))).immediate()
    return result
  }

  function run(name: string, rawInput: unknown, session: CallSession): unknown {
    const proc = Object.hasOwn(procedures, name) ? procedures[name] : undefined
    if (!proc) throw new AppError('UNKNOWN_PROCEDURE', `没有名为“${name}”的功能`)
    checkAccess(proc, session.user)
    const input = parseInput(proc.input, rawInput)
    const audit = new AuditTrail()
    const ctx: ActionContext = { db: conn.db, user: session.user, clock, audit, dataDir, session: session.control }
    if (proc.kind === 'query') return answer(name, proc, ctx, input)
    // One transaction per action: the change and its audit rows commit together or not at all
    // (a refusal marked kept() commits what was written before it, then fails the call).
    const outcome = conn.sqlite.transaction(() => {
      let result: unknown
      try {
        result = proc.handler(ctx, input)
      } catch (e) {
        if (!(e instanceof AppError && e.keepWrites)) throw e
        writeAudit(conn.db, clock.now(), ctx.user, name, audit)
        return { refused: e }
      }
      if (result instanceof Promise) throw new Error(`${name}: a mutation must be synchronous`)
      writeAudit(conn.db, clock.now(), ctx.user, name, audit)
      return { result }
    }).immediate()
    if ('refused' in outcome) throw outcome.refused
    return outcome.result
  }

  return {
    procedures,
    /** Async for the queries that build files (Word, Excel); everything else resolves at once. */
    async call(name: string, rawInput: unknown, session: CallSession): Promise<CallResult> {
      try {
        return { ok: true, result: await run(name, rawInput, session) }
      } catch (e) {
        return { ok: false, error: toWireError(e, name) }
      }
    },
    /** The reply's body as both transports send it: the outcome as JSON, in UTF-8. */
    reply(outcome: CallResult): Buffer {
      return (outcome.ok && typeof outcome.result === 'object' && outcome.result !== null && sharedReplies.get(outcome.result)) || replyOf(outcome)
    },
  }
}
export type Router = ReturnType<typeof createRouter>
