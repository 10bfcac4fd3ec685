import { eq } from 'drizzle-orm'
import { AppError } from '../kernel/errors'
import type { ActionContext, SessionUser } from '../kernel/procedure'
import { readSettings } from '../settings/service'
import { loadSessionUser } from './sessions'
import { verifyPassword } from './password'
import { afterFailedSignIn, isLocked, passwordExpired } from '../common/sign-in-policy'
import { users } from './schema'
import { officeClockText } from '../common/office-time'
import { lastSignIns, type LastSignIns } from './last-sign-in'
import type { LoginInput } from './contract'

const WRONG = '用户名或密码不正确'

const NOT_CONFIRMED = '账户尚待安全保密管理员确认（新建的账户，或系统管理员重置了密码的账户，须经安全保密管理员确认后才能登录），请联系安全保密管理员'

/**
 * 登录. Every attempt is audited with the caller's address; a refusal still commits (kept()) so that
 * failures count towards the lockout and stay in the audit trail. The message never says whether the
 * user name exists. A success answers with the previous sign-ins (last-sign-in.ts) for the first page.
 */
export function login(ctx: ActionContext, input: LoginInput): SessionUser & { lastSignIns: LastSignIns } {
  const now = ctx.clock.now()
  const policy = readSettings(ctx.db)
  const u = ctx.db.select().from(users).where(eq(users.username, input.username)).get()
  const refuse = (message: string, what: string) => {
    ctx.audit.record({ entity: '登录', id: input.username, fields: { 结果: what, 来源地址: ctx.from } })
    return new AppError('UNAUTHENTICATED', message).kept()
  }
  if (!u) throw refuse(WRONG, '失败：无此用户名')
  if (isLocked(u.lockedUntil, now)) throw refuse(`账户已锁定，请于${officeClockText(new Date(u.lockedUntil!))}后再试，或请安全保密管理员解锁`, '拒绝：账户已锁定')
  if (!verifyPassword(input.password, u.passwordHash)) {
    const next = afterFailedSignIn(u.failedLogins, policy, now)
    ctx.db.update(users).set(next).where(eq(users.id, u.id)).run()
    if (next.lockedUntil) {
      throw refuse(`密码连续输错${policy.lockoutAttempts}次，账户已锁定${policy.lockoutMinutes}分钟`, '失败：密码错误，账户锁定')
    }
    throw refuse(`${WRONG}（再输错${policy.lockoutAttempts - next.failedLogins}次将锁定账户）`, '失败：密码错误')
  }
  if (u.disabled) throw refuse(WRONG, '拒绝：账户已停用')
  if (!u.approvedAt) throw refuse(NOT_CONFIRMED, '拒绝：账户未经安全保密管理员确认')
  const expired = passwordExpired(u.passwordChangedAt, policy.passwordMaxAgeDays, now)
  ctx.db.update(users).set({ lastLoginAt: now.toISOString(), failedLogins: 0, lockedUntil: null, ...(expired ? { mustChangePassword: true } : {}) })
    .where(eq(users.id, u.id)).run()
  const previous = lastSignIns(ctx.db, u.username)
  ctx.audit.record({ entity: '登录', id: input.username, fields: { 结果: expired ? '成功（密码已过期，须修改）' : '成功', 来源地址: ctx.from } })
  ctx.session.signIn(u.id)
  ctx.user = loadSessionUser(ctx.db, u.id)
  return { ...ctx.user!, lastSignIns: previous }
}
