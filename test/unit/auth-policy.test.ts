import { describe, expect, it } from 'vitest'
import { afterFailedSignIn, isLocked, passwordExpired, passwordWeakness } from '../../src-main/common/sign-in-policy'

const policy = { passwordMinLength: 10, passwordKinds: 3 }

describe('password rules set by the 安全保密管理员', () => {
  it.each([
    ['Abc12345', '密码至少需要10位'],
    ['abcdefgh12', '密码须包含小写字母、大写字母、数字、符号中的至少3种'],
    ['ABCDEFGHIJ', '密码须包含小写字母、大写字母、数字、符号中的至少3种'],
    ['Abcdefgh12', null],
    ['abcdefgh1!', null],
    ['密码很长很长很长很长1a', null],
  ])('judges %s: %s', (password, reason) => {
    expect(passwordWeakness(password, policy)).toBe(reason)
  })
})

describe('lockout after repeated failures', () => {
  const lockout = { lockoutAttempts: 5, lockoutMinutes: 30 }
  const now = new Date('2026-11-25T09:00:00+08:00')

  it('counts failures below the limit without locking', () => {
    expect(afterFailedSignIn(3, lockout, now)).toEqual({ failedLogins: 4, lockedUntil: null })
  })

  it('locks for the set minutes at the fifth failure and starts the count again', () => {
    expect(afterFailedSignIn(4, lockout, now)).toEqual({ failedLogins: 0, lockedUntil: '2026-11-25T01:30:00.000Z' })
  })

  it.each([
    [null, false], ['2026-11-25T01:30:00.000Z', true], ['2026-11-25T00:59:59.000Z', false],
  ])('treats a lock until %s as %s at 09:00', (until, locked) => {
    expect(isLocked(until, now)).toBe(locked)
  })
})

describe('password expiry', () => {
  const now = new Date('2026-11-25T09:00:00+08:00')
  it.each([
    ['2026-08-01T00:00:00Z', 90, true],
    ['2026-10-01T00:00:00Z', 90, false],
    ['2020-01-01T00:00:00Z', 0, false],
    [null, 90, false],
  ])('a password changed %s with a limit of %i days has expired: %s', (changed, days, expired) => {
    expect(passwordExpired(changed, days, now)).toBe(expired)
  })
})
