/**
 * The account commands of the server's command line (account-cli.ts), kept apart from that tool's entry
 * point so the running server can import them (server/local-control.ts) without bundling a `main()`.
 */
import { eq } from 'drizzle-orm'
import type { Connection } from '../db/connection'
import { writeAudit } from '../audit/trail'
import { AuditTrail } from '../kernel/audit-trail'
import { generatePassword, hashPassword } from './password'
import { users } from './schema'
import { isAdministratorRole } from '../common/roles'

export type AccountCommand = 'reset-password' | 'unlock'

export interface AccountCommandResult {
  userId: number
  /** The new initial password (reset-password), null for unlock. */
  password: string | null
  /** A reset business account signs in only once the 安全保密管理员 has confirmed it (issue 14). */
  awaitsConfirmation: boolean
}

/** Runs one command in one transaction with its audit row; returns the new password for a reset. */
export function runAccountCommand(conn: Connection, command: AccountCommand, username: string, now = new Date()): AccountCommandResult {
  return conn.sqlite.transaction(() => {
    const u = conn.db.select().from(users).where(eq(users.username, username)).get()
    if (!u) throw new Error(`没有用户名为“${username}”的账户`)
    const trail = new AuditTrail()
    let password: string | null = null
    let awaitsConfirmation = false
    if (command === 'reset-password') {
      password = generatePassword()
      // A business account's new password is known to whoever ran the command: as in the 系统管理员's page, the
      // 安全保密管理员 confirms it before it signs in. The 三员 accounts are kept here only, and stay usable.
      const confirm = !isAdministratorRole(u.role)
      awaitsConfirmation = confirm
      conn.db.update(users).set({
        passwordHash: hashPassword(password), mustChangePassword: true, passwordChangedAt: now.toISOString(), failedLogins: 0, lockedUntil: null,
        ...(confirm ? { approvedAt: null } : {}),
      }).where(eq(users.id, u.id)).run()
      trail.record({ entity: '账户', id: u.id, fields: { 密码: '（已在服务器命令行重置）', 用户名: u.username, ...(confirm ? { 登录: '待安全保密管理员确认' } : {}) } })
    } else {
      conn.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, u.id)).run()
      trail.record({ entity: '账户', id: u.id, fields: { 锁定: '（已在服务器命令行解除）', 用户名: u.username } })
    }
    writeAudit(conn.db, now, null, `cli.${command}`, trail)
    return { userId: u.id, password, awaitsConfirmation }
  }).immediate()
}
