import Database from 'better-sqlite3'
import { mayCall } from './allowed'
import type { Connection } from '../db/connection'
import { AnswersUntilWritten, writeStampsOf } from '../db/written-tables'
import { writeGateOf } from '../db/write-gate'
import type { Clock } from '../kernel/clock'
import { writeAudit } from '../audit/trail'
import { AuditTrail } from '../kernel/audit-trail'
import { takesDataOut } from '../audit/exports'
import { readTrail } from '../audit/access'
import { AppError, type WireError } from '../kernel/errors'
import { parseInput } from './validation'
import { diskFullMessage, isDiskFull } from '../system/disk-space'
import type { ActionContext, CallSession, Procedure, SessionControl, SessionUser } from '../kernel/procedure'

/** The desktop window's calls come from the PC itself. */
export const LOCAL = '本机'

export type ProcedureMap = Record<string, Procedure>

export interface RouterDeps {
  conn: Connection
  /** How many shared answers to keep (Procedure.answerDependsOn); 0 computes every call. */
  sharedAnswers: number
  clock: Clock
  dataDir: string
  procedures: ProcedureMap
}


export type CallResult = { ok: true; result: unknown } | { ok: false; error: WireError }

function checkAccess(proc: Procedure, user: SessionUser | null): void {
  if (proc.access === 'public') return
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录')
  if (!mayCall(proc, user.role)) {
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

/**
 * A full disk is named with its free space whatever reported it. The act and its audit record were one
 * transaction, so an audit record that could not be written has blocked the act too, and the user is told so.
 */
function diskFull(dataDir: string): AppError {
  return new AppError('DISK_FULL', `${diskFullMessage(dataDir)}，操作未完成，数据未改动（操作和它的审计记录都未能写入）。已登录的用户仍可查阅；请系统管理员清理磁盘后重试。`)
}

export function toWireError(e: unknown, name: string, dataDir: string): WireError {
  if (e instanceof AppError) return e.toWire()
  if (isDiskFull(e)) return diskFull(dataDir).toWire()
  if (e instanceof Database.SqliteError) return fromSqlite(e).toWire()
  console.error(`[rpc] ${name} 内部错误`, e)
  return { code: 'INTERNAL', message: '系统内部错误，操作未完成，数据未改动' }
}

/** A session control whose effects (signing in, ending sessions) wait for `later`: until the action has committed. */
function deferred(control: SessionControl, later: (effect: () => void) => void): SessionControl {
  return {
    signIn: (userId) => later(() => control.signIn(userId)),
    signOut: () => later(() => control.signOut()),
    endSessionsOf: (userId) => later(() => control.endSessionsOf(userId)),
    endOtherSessionsOf: (userId) => later(() => control.endOtherSessionsOf(userId)),
  }
}

/** What both transports send: the outcome as JSON in UTF-8, and the error (for HTTP's status) if it failed. */
export interface Reply { body: Buffer; error: WireError | null }

const encoded = (outcome: CallResult): Buffer => Buffer.from(JSON.stringify(outcome), 'utf8')

export function createRouter({ conn, sharedAnswers, clock, dataDir, procedures }: RouterDeps) {
  /**
   * Shared answers (Procedure.answerDependsOn) are kept as the reply itself, written and encoded once however many
   * callers it is sent to: a page's 30 KB of UTF-8 outside V8's heap, not its rows as objects and a string per call.
   * Each is kept until a table it is read from (Procedure.answerReads) is written (db/written-tables.ts).
   */
  const shared = sharedAnswers > 0 ? new AnswersUntilWritten<Buffer>(writeStampsOf(conn), sharedAnswers) : null
  /** Writes on this thread wait here while an off-thread mutation writes (Procedure.offThread). */
  const writes = writeGateOf(conn)

  /**
   * A read that leaves a trace (audit/access.ts: data taken out, a 秘密/机密 record opened), recorded once the
   * answer is ready, cached or not, in a small transaction of its own; if that record cannot be written, the
   * answer is not handed out.
   */
  async function recordRead(name: string, { proc, input, ctx }: ReturnType<typeof admit>): Promise<void> {
    if (proc.kind !== 'query') return
    const read = readTrail(ctx, name, proc.input, input)
    if (!read) return
    if (writes.busy) await writes.whenFree()
    conn.sqlite.transaction(() => writeAudit(conn.db, clock.now(), ctx.user, name, read.trail, read.classification)).immediate()
  }

  /** The procedure, its checked input and the call's context; refused here for an unknown name, access or bad input. */
  function admit(name: string, rawInput: unknown, session: CallSession) {
    const proc = Object.hasOwn(procedures, name) ? procedures[name] : undefined
    if (!proc) throw new AppError('UNKNOWN_PROCEDURE', `没有名为“${name}”的功能`)
    checkAccess(proc, session.user)
    const input = parseInput(proc.input, rawInput)
    const ctx: ActionContext = { db: conn.db, user: session.user, clock, audit: new AuditTrail(), dataDir, session: session.control, from: session.from ?? LOCAL, afterCommit: (effect) => effect() }
    return { proc, input, ctx }
  }

  function run(name: string, call: ReturnType<typeof admit>): unknown {
    const { proc, input, ctx } = call
    if (proc.kind === 'query') return proc.handler(ctx, input)
    if (proc.offThread) return writes.hold(() => proc.handler(ctx, input) as Promise<unknown>)
    // Waits off the thread, then runs with no await between this check and its transaction.
    if (writes.busy) return writes.whenFree().then(() => run(name, call))
    const { audit } = ctx
    const committed: (() => void)[] = []
    ctx.afterCommit = (effect) => { committed.push(effect) }
    ctx.session = deferred(ctx.session, ctx.afterCommit)
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
    for (const effect of committed) effect()
    if ('refused' in outcome) throw outcome.refused
    return outcome.result
  }

  /** The key a shared answer is kept under, or null when this call's answer is its own. */
  function sharedKey(name: string, { proc, input, ctx }: ReturnType<typeof admit>): string | null {
    if (!shared || proc.kind !== 'query' || !proc.answerDependsOn || takesDataOut(name)) return null
    return `${name}\n${proc.answerDependsOn(ctx)}\n${JSON.stringify(input)}`
  }

  return {
    procedures,
    /** The outcome as objects, always computed (tests and the benchmark call procedures this way). Async for the queries that build files. */
    async call(name: string, rawInput: unknown, session: CallSession): Promise<CallResult> {
      try {
        const call = admit(name, rawInput, session)
        const result = await run(name, call)
        await recordRead(name, call)
        return { ok: true, result }
      } catch (e) {
        return { ok: false, error: toWireError(e, name, dataDir) }
      }
    },
    /** What the transports send: the same outcome, encoded; a shared answer comes as kept until the data changes. */
    async reply(name: string, rawInput: unknown, session: CallSession): Promise<Reply> {
      try {
        const call = admit(name, rawInput, session)
        const key = sharedKey(name, call)
        const body = key === null
          ? encoded({ ok: true, result: await run(name, call) })
          : shared!.get(key, call.proc.answerReads, () => encoded({ ok: true, result: run(name, call) }))
        await recordRead(name, call)
        return { body, error: null }
      } catch (e) {
        const error = toWireError(e, name, dataDir)
        return { body: encoded({ ok: false, error }), error }
      }
    },
  }
}
export type Router = ReturnType<typeof createRouter>
