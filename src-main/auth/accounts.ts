import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { and, eq, inArray } from 'drizzle-orm'
import type { Db, ReadDb } from '../db/connection'
import type { Clock } from '../kernel/clock'
import type { Clearance } from '../common/classification'
import { generatePassword, hashPassword } from './password'
import { users } from './schema'
import { type Role } from '../common/roles'

export interface InitialAccount { username: string; displayName: string; role: Role; password: string }

export const INITIAL_PASSWORD_FILE = '初始账户密码.txt'

/** The three administrators (三员, X-5) every installation starts with. */
const ADMINISTRATOR_ACCOUNTS: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: '系统管理员', role: '系统管理员' },
  { username: 'secadmin', displayName: '安全保密管理员', role: '安全保密管理员' },
  { username: 'auditor', displayName: '安全审计员', role: '安全审计员' },
]

/** Business accounts for the demo office only; a real office's 系统管理员 creates its own. */
const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; clearance: Clearance }[] = [
  { username: 'kezhang', displayName: '李科长', role: '科长', clearance: '机密' },
  { username: 'wenmi', displayName: '王文秘', role: '文秘', clearance: '秘密' },
  { username: 'chayue', displayName: '赵查阅', role: '查阅', clearance: '内部' },
]

/**
 * Creates whichever of the three administrators is missing (and, for a new demo office, its
 * business accounts). A generated password must be changed at first sign-in; a given one
 * (tests, scripted installs) need not.
 */
export function ensureInitialAccounts(db: Db, clock: Clock, options: { password?: string; demo?: boolean }): InitialAccount[] {
  const wanted = [...ADMINISTRATOR_ACCOUNTS, ...(options.demo ? DEMO_ACCOUNTS : [])]
  const created: InitialAccount[] = []
  for (const account of wanted) {
    if (db.select({ id: users.id }).from(users).where(eq(users.role, account.role)).get()) continue
    if (db.select({ id: users.id }).from(users).where(eq(users.username, account.username)).get()) continue
    const password = options.password ?? generatePassword()
    const now = clock.now().toISOString()
    db.insert(users).values({
      ...account, passwordHash: hashPassword(password), mustChangePassword: options.password === undefined,
      createdAt: now, passwordChangedAt: now, approvedAt: now,
    }).run()
    created.push({ username: account.username, displayName: account.displayName, role: account.role, password })
  }
  return created
}

/** Generated passwords are also left in the data folder, for the Electron user who sees no console. */
export function writeInitialPasswordFile(dataDir: string, accounts: InitialAccount[]): string {
  const file = join(dataDir, INITIAL_PASSWORD_FILE)
  const lines = accounts.map((a) => `${a.role}　用户名：${a.username}　初始密码：${a.password}`)
  writeFileSync(file, `三办初始账户\n${lines.join('\n')}\n各账户首次登录后须修改密码；以上账户全部改过密码后本文件自动删除。\n`, { mode: 0o600 })
  return file
}

/**
 * Once none of the initial accounts still has its printed password, the slip of paper goes. Accounts
 * made later, or whose password expired, must change theirs too, but were never on the slip.
 */
export function removeInitialPasswordFileIfDone(db: ReadDb, dataDir: string): void {
  const file = join(dataDir, INITIAL_PASSWORD_FILE)
  const initial = [...ADMINISTRATOR_ACCOUNTS, ...DEMO_ACCOUNTS].map((a) => a.username)
  const pending = db.select({ id: users.id }).from(users).where(and(eq(users.mustChangePassword, true), inArray(users.username, initial))).all()
  if (pending.length === 0 && existsSync(file)) rmSync(file)
}
