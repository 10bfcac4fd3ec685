import { eq } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { AppError, notFound } from '../rpc/errors'
import type { ActionContext, SessionUser } from '../rpc/procedure'
import { loadSessionUser } from './sessions'
import { hashPassword, passwordWeakness, verifyPassword } from './password'
import { removeInitialPasswordFileIfDone } from './accounts'
import { users, type Role } from './schema'

function requireStrong(password: string, field: string, label: string): void {
  const weak = passwordWeakness(password)
  if (weak) throw new AppError('VALIDATION', `「${label}」${weak}`, { field })
}

const publicUser = (u: typeof users.$inferSelect) => ({
  id: u.id, username: u.username, displayName: u.displayName, role: u.role,
  disabled: u.disabled, mustChangePassword: u.mustChangePassword, createdAt: u.createdAt, lastLoginAt: u.lastLoginAt,
})
export type UserRow = ReturnType<typeof publicUser>

export function login(ctx: ActionContext, input: { username: string; password: string }): SessionUser {
  const u = ctx.db.select().from(users).where(eq(users.username, input.username)).get()
  if (!u || u.disabled || !verifyPassword(input.password, u.passwordHash)) {
    throw new AppError('UNAUTHENTICATED', '用户名或密码不正确')
  }
  ctx.db.update(users).set({ lastLoginAt: ctx.clock.now().toISOString() }).where(eq(users.id, u.id)).run()
  ctx.session.signIn(u.id)
  ctx.user = loadSessionUser(ctx.db, u.id)
  return ctx.user!
}

export function changeOwnPassword(ctx: ActionContext, input: { oldPassword: string; newPassword: string }): void {
  const u = ctx.db.select().from(users).where(eq(users.id, ctx.user!.id)).get()!
  if (!verifyPassword(input.oldPassword, u.passwordHash)) throw new AppError('VALIDATION', '「原密码」不正确', { field: 'oldPassword' })
  requireStrong(input.newPassword, 'newPassword', '新密码')
  ctx.db.update(users).set({ passwordHash: hashPassword(input.newPassword), mustChangePassword: false }).where(eq(users.id, u.id)).run()
  ctx.audit.record({ entity: '账户', id: u.id, before: { 密码: '（旧）' }, after: { 密码: '（已修改）' } })
  removeInitialPasswordFileIfDone(ctx.db, ctx.dataDir)
}

export function listUsers(db: Db): UserRow[] {
  return db.select().from(users).orderBy(users.id).all().map(publicUser)
}

export function createUser(ctx: ActionContext, input: { username: string; displayName: string; role: Role; password: string }): UserRow {
  requireStrong(input.password, 'password', '初始密码')
  if (ctx.db.select().from(users).where(eq(users.username, input.username)).get()) {
    throw new AppError('CONFLICT', `用户名“${input.username}”已被使用`)
  }
  const row = ctx.db.insert(users).values({
    username: input.username, displayName: input.displayName, role: input.role,
    passwordHash: hashPassword(input.password), mustChangePassword: true, createdAt: ctx.clock.now().toISOString(),
  }).returning().get()
  ctx.audit.record({ entity: '账户', id: row.id, after: { 用户名: row.username, 姓名: row.displayName, 角色: row.role } })
  return publicUser(row)
}

export function updateUser(ctx: ActionContext, input: { id: number; displayName?: string; role?: Role; disabled?: boolean }): UserRow {
  const before = ctx.db.select().from(users).where(eq(users.id, input.id)).get()
  if (!before) throw notFound('账户')
  if (input.id === ctx.user!.id && (input.disabled || (input.role && input.role !== before.role))) {
    throw new AppError('RULE', '不能停用自己的账户或更改自己的角色')
  }
  const { id, ...patch } = input
  const after = ctx.db.update(users).set(patch).where(eq(users.id, id)).returning().get()
  if (after.disabled) ctx.session.endSessionsOf(id)
  ctx.audit.record({ entity: '账户', id, before: publicUser(before), after: publicUser(after) })
  return publicUser(after)
}

export function resetPassword(ctx: ActionContext, input: { id: number; password: string }): void {
  requireStrong(input.password, 'password', '新密码')
  const row = ctx.db.update(users).set({ passwordHash: hashPassword(input.password), mustChangePassword: true })
    .where(eq(users.id, input.id)).returning({ id: users.id }).get()
  if (!row) throw notFound('账户')
  ctx.session.endSessionsOf(input.id)
  ctx.audit.record({ entity: '账户', id: input.id, before: { 密码: '（旧）' }, after: { 密码: '（管理员已重置）' } })
}
