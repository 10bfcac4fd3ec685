/**
 * Sign-in and password rules the 安全保密管理员 sets (设置—安全保密). Pure functions over
 * plain data, so each rule is tested with a table of cases.
 */
export interface PasswordPolicy { passwordMinLength: number; passwordKinds: number }
export interface LockoutPolicy { lockoutAttempts: number; lockoutMinutes: number }

const KINDS: [RegExp, string][] = [[/[a-z]/, '小写字母'], [/[A-Z]/, '大写字母'], [/\d/, '数字'], [/[^A-Za-z\d]/, '符号']]

/** Why the password is too weak, or null. */
export function passwordWeakness(password: string, policy: PasswordPolicy): string | null {
  if (password.length < policy.passwordMinLength) return `密码至少需要${policy.passwordMinLength}位`
  const kinds = KINDS.filter(([re]) => re.test(password)).length
  if (kinds < policy.passwordKinds) return `密码须包含小写字母、大写字母、数字、符号中的至少${policy.passwordKinds}种`
  return null
}

export const isLocked = (lockedUntil: string | null, now: Date): boolean => lockedUntil !== null && new Date(lockedUntil) > now

/** After a wrong password: the new count, and the lock's end once the count reaches the limit. */
export function afterFailedSignIn(failedLogins: number, policy: LockoutPolicy, now: Date): { failedLogins: number; lockedUntil: string | null } {
  const count = failedLogins + 1
  if (count < policy.lockoutAttempts) return { failedLogins: count, lockedUntil: null }
  return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockoutMinutes * 60_000).toISOString() }
}

/** A password older than the policy allows must be changed at sign-in (0 = never expires). */
export function passwordExpired(changedAt: string | null, maxAgeDays: number, now: Date): boolean {
  if (maxAgeDays === 0 || changedAt === null) return false
  return now.getTime() - new Date(changedAt).getTime() > maxAgeDays * 86_400_000
}
