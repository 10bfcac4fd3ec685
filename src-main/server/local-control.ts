/**
 * Commands from a terminal on the server's own machine to the running server, for what must work while it
 * runs: `npm run account -- reset-password|unlock <用户名>` (cli/account.ts). The database has one
 * owner (system/data-lock.ts), so the tool asks the owner instead of opening the file itself.
 *
 * Who may ask: a request from 127.0.0.1 carrying the token in the data folder's owner file, which only the
 * system user running the server can read (0600) — the same person who could stop the server and run the
 * tool offline. The token is compared in constant time. The command runs on the server's own connection,
 * audited as from the command line, and a reset ends that account's open sessions.
 */
import { createHash, timingSafeEqual } from 'node:crypto'
import { Hono } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Core } from '../core'
import { runAccountCommand, type AccountCommand } from '../auth/account-commands'
import { TOKEN_HEADER, type AccountReply } from '../cli/local-client'

export const LOCAL_PREFIX = '/local/'

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

/** Hashes first so the comparison takes the same time whatever the lengths. */
export function tokenMatches(given: string | undefined, expected: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest()
  return given !== undefined && timingSafeEqual(digest(given), digest(expected))
}

/** The /local/ routes; `core()` is null until the database is open. */
export function localControlApp(core: () => Core | null, token: () => string | null): Hono {
  const app = new Hono()
  app.use('*', async (c, next) => {
    const expected = token()
    if (!LOOPBACK_ADDRESSES.has(getConnInfo(c).remote.address ?? '') || !expected || !tokenMatches(c.req.header(TOKEN_HEADER), expected)) {
      return c.json({ ok: false, message: '只接受本机上有权读取数据目录的用户发出的命令' } satisfies AccountReply, 403)
    }
    await next()
  })
  app.post('/local/account', async (c) => {
    const office = core()
    if (!office) return c.json({ ok: false, message: '三办正在启动，请稍后再试' } satisfies AccountReply, 503)
    const body = await c.req.json<{ command?: string; username?: string }>().catch(() => ({}) as { command?: string; username?: string })
    if ((body.command !== 'reset-password' && body.command !== 'unlock') || typeof body.username !== 'string') {
      return c.json({ ok: false, message: '命令应为 reset-password 或 unlock，并给出用户名' } satisfies AccountReply, 400)
    }
    try {
      const done = runAccountCommand(office.conn, body.command as AccountCommand, body.username, office.clock.now())
      if (body.command === 'reset-password') office.sessions.destroyUser(done.userId)
      return c.json({ ok: true, password: done.password, awaitsConfirmation: done.awaitsConfirmation } satisfies AccountReply)
    } catch (e) {
      return c.json({ ok: false, message: e instanceof Error ? e.message : String(e) } satisfies AccountReply, 400)
    }
  })
  app.notFound((c) => c.json({ ok: false, message: '没有这个本机命令' } satisfies AccountReply, 404))
  return app
}
