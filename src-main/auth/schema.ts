import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core'

export const ROLES = ['管理员', '文秘'] as const
export type Role = (typeof ROLES)[number]

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  /** scrypt$N$r$p$salt$hash, never the password itself. */
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull(),
  lastLoginAt: text('last_login_at'),
})
