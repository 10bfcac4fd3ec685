import { eq } from 'drizzle-orm'
import { cite } from '../common/rules'
import type { ReadDb } from '../db/connection'
import { AppError, notFound } from '../kernel/errors'
import type { ActionContext } from '../kernel/procedure'
import { readSettings } from '../settings/service'
import { hashPassword, verifyPassword } from './password'
import { passwordWeakness } from '../common/sign-in-policy'
import { removeInitialPasswordFileIfDone } from './accounts'
import { isAdministratorRole, type Role } from '../common/roles'
import { users } from './schema'
import type { ClearanceInput, NewUserInput, PasswordChangeInput, PasswordResetInput, UserUpdateInput } from './contract'

function requireStrong(ctx: ActionContext, password: string, field: string, label: string): void {
  const weak = passwordWeakness(password, readSettings(ctx.db))
  if (weak) throw new AppError('VALIDATION', `「${label}」${weak}`, { field })
}

const publicUser = (u: typeof users.$inferSelect) => ({
  id: u.id, username: u.username, displayName: u.displayName, role: u.role, clearance: u.clearance,
  disabled: u.disabled, mustChangePassword: u.mustChangePassword, createdAt: u.createdAt, lastLoginAt: u.lastLoginAt,
  lockedUntil: u.lockedUntil, approved: u.approvedAt !== null,
  /** Why the account waits for the 安全保密管理员: a new account (its password set when it was made), or a reset. */
  awaiting: u.approvedAt !== null ? null : u.passwordChangedAt === u.createdAt ? '新建账户待确认' : '重置密码待确认',
})
export type UserRow = ReturnType<typeof publicUser>

export function changeOwnPassword(ctx: ActionContext, input: PasswordChangeInput): void {
  const u = ctx.db.select().from(users).where(eq(users.id, ctx.user!.id)).get()!
  if (!verifyPassword(input.oldPassword, u.passwordHash)) throw new AppError('VALIDATION', '「原密码」不正确', { field: 'oldPassword' })
  requireStrong(ctx, input.newPassword, 'newPassword', '新密码')
  if (verifyPassword(input.newPassword, u.passwordHash)) throw new AppError('VALIDATION', '「新密码」不能与原密码相同', { field: 'newPassword' })
  ctx.db.update(users).set({ passwordHash: hashPassword(input.newPassword), mustChangePassword: false, passwordChangedAt: ctx.clock.now().toISOString() })
    .where(eq(users.id, u.id)).run()
  // Whoever learnt the old password is signed out everywhere else; this window or browser stays signed in.
  ctx.session.endOtherSessionsOf(u.id)
  ctx.audit.record({ entity: '账户', id: u.id, before: { 密码: '（旧）' }, after: { 密码: '（已修改）', 其他会话: '已全部结束' } })
  removeInitialPasswordFileIfDone(ctx.db, ctx.dataDir)
}

export function listUsers(db: ReadDb): UserRow[] {
  return db.select().from(users).orderBy(users.id).all().map(publicUser)
}

/**
 * The 系统管理员 keeps the accounts, but cannot reach another administrator's (三员, X-5): an
 * administrator able to create an auditor, reset the auditor's password or disable the
 * 安全保密管理员 could do their jobs. Those accounts are kept with the server's command line.
 */
function refuseAdministratorAccount(role: Role): void {
  if (isAdministratorRole(role)) throw new AppError('FORBIDDEN', `三员账户（系统管理员、安全保密管理员、安全审计员）不能在界面中新建、修改或重置密码，须在服务器上用命令行办理（${cite('X-5')}）`, { rule: 'X-5' })
}

function requireAccount(ctx: ActionContext, id: number) {
  const row = ctx.db.select().from(users).where(eq(users.id, id)).get()
  if (!row) throw notFound('账户')
  return row
}

/** A new account cannot sign in until the 安全保密管理员 has set its clearance. */
export function createUser(ctx: ActionContext, input: NewUserInput): UserRow {
  refuseAdministratorAccount(input.role)
  requireStrong(ctx, input.password, 'password', '初始密码')
  if (ctx.db.select().from(users).where(eq(users.username, input.username)).get()) {
    throw new AppError('CONFLICT', `用户名“${input.username}”已被使用`)
  }
  const row = ctx.db.insert(users).values({
    username: input.username, displayName: input.displayName, role: input.role,
    passwordHash: hashPassword(input.password), mustChangePassword: true, createdAt: ctx.clock.now().toISOString(),
    passwordChangedAt: ctx.clock.now().toISOString(),
  }).returning().get()
  ctx.audit.record({ entity: '账户', id: row.id, after: { 用户名: row.username, 姓名: row.displayName, 角色: row.role } })
  return publicUser(row)
}

export function updateUser(ctx: ActionContext, input: UserUpdateInput): UserRow {
  const before = requireAccount(ctx, input.id)
  refuseAdministratorAccount(before.role)
  if (input.role) refuseAdministratorAccount(input.role)
  if (input.id === ctx.user!.id && (input.disabled || (input.role && input.role !== before.role))) {
    throw new AppError('RULE', '不能停用自己的账户或更改自己的角色')
  }
  const { id, ...patch } = input
  const after = ctx.db.update(users).set(patch).where(eq(users.id, id)).returning().get()
  if (after.disabled) ctx.session.endSessionsOf(id)
  ctx.audit.record({ entity: '账户', id, before: publicUser(before), after: publicUser(after) })
  return publicUser(after)
}

/**
 * The 系统管理员 knows the new password, so the account stays shut until a second person, the 安全保密管理员,
 * confirms it (confirmAccount): no administrator can reset a user's password and sign in as that user alone.
 */
export function resetPassword(ctx: ActionContext, input: PasswordResetInput): void {
  refuseAdministratorAccount(requireAccount(ctx, input.id).role)
  requireStrong(ctx, input.password, 'password', '新密码')
  ctx.db.update(users).set({ passwordHash: hashPassword(input.password), mustChangePassword: true, passwordChangedAt: ctx.clock.now().toISOString(), approvedAt: null })
    .where(eq(users.id, input.id)).run()
  ctx.session.endSessionsOf(input.id)
  ctx.audit.record({ entity: '账户', id: input.id, before: { 密码: '（旧）' }, after: { 密码: '（管理员已重置）', 会话: '已全部结束', 登录: '待安全保密管理员确认' } })
}

/** 安全保密管理员: lets a new account, or one whose password the 系统管理员 reset, sign in. */
export function confirmAccount(ctx: ActionContext, input: { id: number }): UserRow {
  const before = requireAccount(ctx, input.id)
  if (isAdministratorRole(before.role)) throw new AppError('RULE', '三员账户在服务器上用命令行办理，无需在界面中确认', { rule: 'X-5' })
  if (before.approvedAt) throw new AppError('CONFLICT', `账户“${before.username}”已确认，可以登录`)
  const after = ctx.db.update(users).set({ approvedAt: ctx.clock.now().toISOString() }).where(eq(users.id, input.id)).returning().get()
  ctx.audit.record({ entity: '账户', id: input.id, before: { 登录: publicUser(before).awaiting }, after: { 登录: '已确认，可以登录', 密级: after.clearance } })
  return publicUser(after)
}

/** 安全保密管理员: sets a business account's clearance, which also approves a new account for sign-in. */
export function setClearance(ctx: ActionContext, input: ClearanceInput): UserRow {
  const before = requireAccount(ctx, input.id)
  if (isAdministratorRole(before.role)) throw new AppError('RULE', '三员账户不接触业务数据，无需设置密级', { rule: 'X-5' })
  const after = ctx.db.update(users).set({ clearance: input.clearance, approvedAt: before.approvedAt ?? ctx.clock.now().toISOString() })
    .where(eq(users.id, input.id)).returning().get()
  ctx.audit.record({ entity: '账户', id: input.id, before: { 密级: before.clearance, 已审核: before.approvedAt !== null }, after: { 密级: after.clearance, 已审核: true } })
  return publicUser(after)
}

/** 安全保密管理员: lifts a lockout before it runs out. */
export function unlockUser(ctx: ActionContext, input: { id: number }): UserRow {
  const before = requireAccount(ctx, input.id)
  const after = ctx.db.update(users).set({ lockedUntil: null, failedLogins: 0 }).where(eq(users.id, input.id)).returning().get()
  ctx.audit.record({ entity: '账户', id: input.id, before: { 锁定至: before.lockedUntil }, after: { 锁定至: null } })
  return publicUser(after)
}
