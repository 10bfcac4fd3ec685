/**
 * The bench office opened in this process as server mode opens it (openCore), and its procedures called
 * through the router as a signed-in user: input checks, access, clearance and the handler, without HTTP. The
 * router's `call` computes every answer (the replies shared between the transports' callers are not used).
 */
import { eq } from 'drizzle-orm'
import { openCore, type Core } from '../src-main/core'
import { users } from '../src-main/auth/schema'
import { loadSessionUser } from '../src-main/auth/sessions'
import type { SessionControl } from '../src-main/kernel/procedure'
import type { Clock } from '../src-main/kernel/clock'
import type { BenchOffice } from './dataset'

/** Office hours on the last day of the ten years, whatever the date of the run. */
export function officeClock(today: string): Clock {
  const at = new Date(`${today}T02:00:00.000Z`)
  return { now: () => at, today: () => today }
}

const NO_SESSION: SessionControl = { signIn() {}, signOut() {}, endSessionsOf() {}, endOtherSessionsOf() {} }

export type Caller = <T = unknown>(name: string, input?: unknown) => Promise<T>

export interface BenchCore {
  core: Core
  /** Calls as the named account; a refusal throws with the server's Chinese message. */
  as(username: string): Caller
  close(): void
}

export function openBenchCore(office: BenchOffice): BenchCore {
  const core = openCore({ dataDir: office.dataDir, keyFile: office.keyFile, clock: officeClock(office.today), scheduledBackups: false })
  return {
    core,
    as(username) {
      const row = core.conn.db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()
      const user = row ? loadSessionUser(core.conn.db, row.id) : null
      if (!user) throw new Error(`没有账户 ${username}`)
      const session = { user, control: NO_SESSION }
      return async <T>(name: string, input: unknown = {}) => {
        const r = await core.router.call(name, input, session)
        if (!r.ok) throw new Error(`${name}：${r.error.message}`)
        return r.result as T
      }
    },
    close: () => core.close(),
  }
}
