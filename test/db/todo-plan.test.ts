/**
 * 我的待办 and 提醒 (issue 17) stay fast on ten years of an office only if each of their queries reaches its rows
 * through an index. These tests run todo.list, todo.counts and reminders.list on a fresh demo office (no statistics,
 * as in an office), keep every statement they prepare, and read its plan: none may read one of the big tables from
 * its start. Timings on the ten-year data: `npm run bench -- --only 待办`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { openCore, type Core } from '../../src-main/core'
import { adjustableClock } from '../../src-main/system/clock'
import { users } from '../../src-main/auth/schema'
import { loadSessionUser } from '../../src-main/auth/sessions'
import { ADMIN_PASSWORD } from '../helpers/server'

/** Tables that grow with the years: 300,000 收文, a million 批示, 600,000 承办, 50,000 发文, 6,000 纪要 … */
const BIG = ['incoming_documents', 'instructions', 'assignments', 'outgoing_documents', 'reviews', 'minutes', 'meetings', 'topics', 'follow_ups', 'duty_assignments', 'reminder_marks', 'audit_log']

let dir: string
let core: Core
const prepared = new Set<string>()

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanban-todo-plan-'))
  core = openCore({ dataDir: dir, demo: true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock(), scheduledBackups: false })
  const { sqlite } = core.conn
  const prepare = sqlite.prepare.bind(sqlite)
  sqlite.prepare = ((text: string) => { prepared.add(text); return prepare(text) }) as typeof sqlite.prepare
})
afterAll(() => { core.close(); rmSync(dir, { recursive: true, force: true }) })

async function callAs(username: string, name: string, input: unknown = {}) {
  const id = core.conn.db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id
  const control = { signIn() {}, signOut() {}, endSessionsOf() {}, endOtherSessionsOf() {} }
  const r = await core.router.call(name, input, { user: loadSessionUser(core.conn.db, id), control })
  if (!r.ok) throw new Error(`${name}：${r.error.message}`)
}

/** Partial indexes that hold only the open few (drafts, 承办 awaiting feedback): walking them whole is the point. */
const FEW = /USING (COVERING )?INDEX (minutes_draft_idx|assignments_pending_idx)\b/

/** "SCAN incoming_documents" and the like: a big table read from its start. */
function bigScans(text: string): string[] {
  const params = (text.replace(/'[^']*'/g, '').match(/\?/g) ?? []).length
  const plan = core.conn.sqlite.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...Array(params).fill('2026-12-01')) as { detail: string }[]
  return plan.map((r) => r.detail).filter((d) => !FEW.test(d) && BIG.some((t) => new RegExp(`^SCAN ${t}\\b`).test(d)))
}

describe('待办 and 提醒 read through indexes', () => {
  it('no statement of todo.list, todo.counts or reminders.list reads a big table from its start, for a 机密 or a 秘密 reader', async () => {
    prepared.clear()
    for (const who of ['kezhang', 'wenmi']) {
      await callAs(who, 'todo.list')
      await callAs(who, 'todo.counts')
      await callAs(who, 'reminders.list')
    }
    const mine = [...prepared].filter((t) => /^select/i.test(t.trim()))
    expect(mine.length).toBeGreaterThan(10)
    expect(mine.map((t) => ({ sql: t.slice(0, 120), scans: bigScans(t) })).filter((r) => r.scans.length)).toEqual([])
  })
})
