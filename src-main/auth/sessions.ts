import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db, ReadDb } from '../db/connection'
import { AnswersUntilDataChanges, type DataVersion } from '../db/data-version'
import type { CallSession, SessionUser } from '../kernel/procedure'
import { users } from './schema'

interface Entry { userId: number; lastSeen: number }

export function loadSessionUser(db: ReadDb, userId: number): SessionUser | null {
  const u = db.select().from(users).where(eq(users.id, userId)).get()
  if (!u || u.disabled) return null
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, clearance: u.clearance, mustChangePassword: u.mustChangePassword }
}

/**
 * Sessions live in memory: a restart signs everyone out, which is what an office expects
 * of a desktop system. A session ends after `idleMinutes` without a call. Idle time is real
 * elapsed time (`elapsedMs`), not the office clock, which tests may move by days.
 */
export class SessionStore {
  private readonly entries = new Map<string, Entry>()
  /** Every call checks its user (a disabled account or a changed role takes effect at once), read again only after a write. */
  private readonly users: AnswersUntilDataChanges<SessionUser | null>
  constructor(
    private readonly db: Db, dataVersion: DataVersion, private readonly idleMinutes: () => number,
    private readonly elapsedMs: () => number = () => performance.now(),
  ) {
    this.users = new AnswersUntilDataChanges(dataVersion, 1000)
  }

  create(userId: number): string {
    const token = randomBytes(32).toString('base64url')
    this.entries.set(token, { userId, lastSeen: this.elapsedMs() })
    return token
  }

  /** `touch` false: a background poll (提醒) reads the session without keeping an idle one alive. */
  resolve(token: string, touch = true): SessionUser | null {
    const entry = this.entries.get(token)
    if (!entry) return null
    const now = this.elapsedMs()
    const user = now - entry.lastSeen <= this.idleMinutes() * 60_000 ? this.users.get(String(entry.userId), () => loadSessionUser(this.db, entry.userId)) : null
    if (!user) { this.entries.delete(token); return null }
    if (touch) entry.lastSeen = now
    return user
  }

  destroy(token: string): void {
    this.entries.delete(token)
  }

  /** After a password change or reset or a disabled account, every open session of that user ends (but `keep`). */
  destroyUser(userId: number, keep: string | null = null): void {
    for (const [token, e] of this.entries) if (e.userId === userId && token !== keep) this.entries.delete(token)
  }

  /**
   * The per-call session a transport hands the router; `onToken` stores the new token (cookie, window).
   * Signing in again from the same browser or window replaces its old token, which stops working. `from` is the
   * caller's address (HTTP) for the audit trail; the desktop window gives none and is recorded as 本机.
   */
  forCall(token: string | null, onToken: (token: string | null) => void, from?: string, touch = true): CallSession {
    return {
      user: token ? this.resolve(token, touch) : null,
      from,
      control: {
        signIn: (userId) => { if (token) this.destroy(token); onToken(this.create(userId)) },
        signOut: () => { if (token) this.destroy(token); onToken(null) },
        endSessionsOf: (userId) => this.destroyUser(userId),
        endOtherSessionsOf: (userId) => this.destroyUser(userId, token),
      },
    }
  }
}
