import { describe, expect, it } from 'vitest'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { migrateDatabase } from '../../src-main/db/migrate'
import { SessionStore } from '../../src-main/auth/sessions'
import { ensureInitialAccounts } from '../../src-main/auth/accounts'
import { systemClock } from '../../src-main/system/clock'
import { users } from '../../src-main/auth/schema'
import { dataVersionOf } from '../../src-main/db/data-version'

function storeWithAdmin() {
  const sqlite = new Database(':memory:')
  migrateDatabase(sqlite, join(__dirname, '../../drizzle'), '/nonexistent')
  const db = drizzle(sqlite)
  ensureInitialAccounts(db, systemClock(), { password: 'Admin2026ok' })
  let elapsed = 0
  const store = new SessionStore(db, dataVersionOf({ sqlite, db }), () => 30, () => elapsed)
  return { db, store, advance: (minutes: number) => { elapsed += minutes * 60_000 } }
}

describe('sessions expire after inactivity', () => {
  it('keeps a session that is used within the idle limit, each call restarting the count', () => {
    const { store, advance } = storeWithAdmin()
    const token = store.create(1)
    advance(29)
    expect(store.resolve(token)?.username).toBe('admin')
    advance(29)
    expect(store.resolve(token)?.username).toBe('admin')
  })

  it('ends a session after 30 idle minutes', () => {
    const { store, advance } = storeWithAdmin()
    const token = store.create(1)
    advance(31)
    expect(store.resolve(token)).toBeNull()
    advance(-31)
    expect(store.resolve(token)).toBeNull()
  })

  it('a background poll for 提醒 answers but does not keep an idle session alive (issue 17)', () => {
    const { store, advance } = storeWithAdmin()
    const token = store.create(1)
    advance(20)
    expect(store.resolve(token, false)?.username).toBe('admin')
    advance(11)
    expect(store.resolve(token, false)).toBeNull()
  })

  it('ends the sessions of an account that is disabled, though the account was checked a moment before', () => {
    const { db, store } = storeWithAdmin()
    const token = store.create(1)
    expect(store.resolve(token)?.username).toBe('admin')
    db.update(users).set({ disabled: true }).run()
    expect(store.resolve(token)).toBeNull()
  })
})
