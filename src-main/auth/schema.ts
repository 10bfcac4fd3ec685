import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core'
import { CLEARANCES } from '../common/classification'
import { ROLES } from '../common/roles'

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  /** scrypt$N$r$p$salt$hash, never the password itself. */
  passwordHash: text('password_hash').notNull(),
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
  clearance: text('clearance', { enum: CLEARANCES }).notNull().default('内部'),
  /** Failed sign-ins in a row; reaching the limit locks the account until `lockedUntil`. */
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: text('locked_until'),
  passwordChangedAt: text('password_changed_at'),
  /** When the 安全保密管理员 confirmed the account's clearance; until then it cannot sign in. */
  approvedAt: text('approved_at'),
  createdAt: text('created_at').notNull(),
  lastLoginAt: text('last_login_at'),
})
