import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

const N = 16384, R = 8, P = 1, KEYLEN = 32

export function hashPassword(password: string): string {
  const salt = randomBytes(16)
  const hash = scryptSync(password, salt, KEYLEN, { N, r: R, p: P })
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$')
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt') return false
  const expected = Buffer.from(hash, 'base64')
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) })
  return timingSafeEqual(actual, expected)
}

/** A first password that is readable when printed on a console or a slip of paper. */
export function generatePassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyz', digits = '23456789'
  const bytes = randomBytes(12)
  return Array.from(bytes, (b, i) => (i % 3 === 2 ? digits[b % digits.length] : letters[b % letters.length])).join('')
}
