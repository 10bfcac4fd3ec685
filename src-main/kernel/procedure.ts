import type { z } from 'zod'
import type { Db, ReadDb } from '../db/connection'
import type { Role } from '../common/roles'
import type { Clearance } from '../common/classification'
import type { Clock } from './clock'
import type { AuditTrail } from './audit-trail'

export interface SessionUser {
  id: number
  username: string
  displayName: string
  role: Role
  clearance: Clearance
  mustChangePassword: boolean
}

/** What a transport lends a call to sign a user in or out (a cookie over HTTP, the window over IPC). */
export interface SessionControl {
  signIn(userId: number): void
  signOut(): void
  /** Ends every session of a user (password reset, account disabled). */
  endSessionsOf(userId: number): void
  /** Ends every session of a user but the calling one (the user changed their own password). */
  endOtherSessionsOf(userId: number): void
}

/** What a transport hands the router for one call: who is signed in, and how to change that. */
export interface CallSession {
  user: SessionUser | null
  control: SessionControl
  /** Where the call came from, for the audit trail: the client's address over HTTP, 本机 in the desktop window. */
  from?: string
}

export interface ActionContext {
  db: Db
  user: SessionUser | null
  clock: Clock
  audit: AuditTrail
  session: SessionControl
  /** The caller's address (CallSession.from); 本机 when the transport gives none. */
  from: string
  dataDir: string
  /**
   * Runs `effect` once the action's transaction has committed (at once for a query); dropped if it rolls back.
   * For what a rollback cannot undo (a session, a background job): an act whose audit record could not be
   * written must not have happened.
   */
  afterCommit(effect: () => void): void
}

/** Who may call: anyone, any signed-in user, or the listed roles. */
export type Access = 'public' | 'signedIn' | readonly Role[]

export interface Procedure<I extends z.ZodType = z.ZodType, O = unknown> {
  kind: 'query' | 'mutation'
  /** One Chinese sentence, for the OpenAPI contract and the audit page. */
  summary: string
  access: Access
  input: I
  handler: (ctx: ActionContext, input: z.output<I>) => O
  /**
   * For a query whose answer depends only on its input, the data and what this returns about the call
   * (the reader's clearance, today's date): callers through a transport for whom it returns the same string
   * get the same reply until the data changes, so twenty PCs opening the same register page cost one query
   * (rpc/router.ts `reply`).
   */
  answerDependsOn?: (ctx: ActionContext) => string
  /**
   * The tables a shared answer is read from: it stays shared until one of them is written, so a 值班记录 does not
   * drop the register pages (db/written-tables.ts). Without it, any write drops the answer. Every table the
   * handler reads must be named (test/db/answer-reads.test.ts checks them against the statements SQLite runs).
   */
  answerReads?: readonly string[]
  /**
   * A mutation whose write takes seconds (an import's 30,000 rows): its handler hands the transaction to a worker with
   * its own connection (kernel/worker.ts) and writes the audit record in that same transaction itself. The router runs it
   * without a transaction of its own and holds the request thread's writes until it has ended (db/write-gate.ts);
   * reads go on meanwhile.
   */
  offThread?: true
}

/** `access` has no default: every procedure says who may call it (auth/roles.ts). */
type Def<I extends z.ZodType, O> = Omit<Procedure<I, O>, 'kind'>

/** A query's context: its database reads only (ReadDb). */
export type QueryContext = Omit<ActionContext, 'db'> & { db: ReadDb }
type QueryDef<I extends z.ZodType, O> = Omit<Def<I, O>, 'handler'> & { handler: (ctx: QueryContext, input: z.output<I>) => O }

export const query = <I extends z.ZodType, O>(def: QueryDef<I, O>): Procedure<I, O> => ({ ...def, kind: 'query' })
export const mutation = <I extends z.ZodType, O>(def: Def<I, O>): Procedure<I, O> => ({ ...def, kind: 'mutation' })
export const offThreadMutation = <I extends z.ZodType, O>(def: Def<I, Promise<O>>): Procedure<I, Promise<O>> => ({ ...def, kind: 'mutation', offThread: true })
