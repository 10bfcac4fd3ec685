import { afterAll, beforeAll, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServer, type RunningServer } from '../../src-main/server/start'
import { adjustableClock } from '../../src-main/system/clock'
import { isPlainDatabase } from '../../src-main/db/cipher'
import { ADMIN_PASSWORD, rpcClient } from '../helpers/server'
import { untilFinished } from './jobs'

/** A server as an office runs it: the database encrypted with the key file beside the data folder. */
const dir = mkdtempSync(join(tmpdir(), 'sanban-encrypted-'))
let server: RunningServer

beforeAll(async () => {
  server = await startServer({ dataDir: join(dir, 'data'), keyFile: join(dir, 'data.key'), port: 0, demo: true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock() })
})
afterAll(async () => {
  await server.core.backups.idle()
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

it('backs up an encrypted database into an encrypted copy, checks it with the office key and restores from it', async () => {
  const admin = rpcClient(server.url)
  await admin.login('admin')
  const done = await untilFinished(admin, (await admin.ok('backup.start')).id)
  expect(done.state, done.message ?? '').toBe('done')
  const { folder, backups } = await admin.ok('backup.list')
  const copy = join(folder, backups[0].name, 'sanban.sqlite')
  expect(isPlainDatabase(copy)).toBe(false)
  expect(readFileSync(copy).includes(Buffer.from('系统管理员'))).toBe(false)

  await admin.ok('backup.restore', { name: backups[0].name })
  await server.core.backups.idle()
  const again = rpcClient(server.url)
  await again.login('admin')
  const { last } = await again.ok('backup.status')
  expect(last, last?.message ?? '').toMatchObject({ action: '恢复', state: 'done' })
  expect(isPlainDatabase(join(dir, 'data', 'sanban.sqlite'))).toBe(false)
})
