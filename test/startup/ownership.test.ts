/**
 * One data folder, one owner (system/data-lock.ts): a second server, a desktop window or an offline tool on a
 * folder in use is refused with the owner named and nothing touched; a killed server leaves no stale lock; the
 * account tool works while the server runs by asking it; the key tools wait until Sanban is stopped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openConnection } from '../../src-main/db/connection'
import { readKeyFile } from '../../src-main/db/key'
import { OWNER_FILE } from '../../src-main/system/data-lock'
import { ADMIN_PASSWORD, must, rpcClient } from '../helpers/server'
import { checksums, copyOffice, makeOffice, removeDir, ROOT, serverArgs, startRefused, startRunning, type Office, type ServerProcess } from './harness'

const LOADER = join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')
let office: Office
const running: ServerProcess[] = []
const copies: Office[] = []
beforeAll(async () => { office = await makeOffice() }, 120_000)
afterAll(async () => {
  for (const s of running) await s.kill()
  for (const c of copies) removeDir(c.dir)
  removeDir(office.dir)
})

function aCopy(): Office {
  const c = copyOffice(office)
  copies.push(c)
  return c
}

/** The server as the operator starts it; --test-clock so it takes no scheduled backup while files are compared. */
async function serve(o: Office): Promise<ServerProcess> {
  const s = await startRunning(serverArgs(o, 0, ['--test-clock']))
  running.push(s)
  return s
}

/** `npm run account -- …` / `npm run key:… -- …` on the office, as a separate process. */
function tool(o: Office, script: string, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', `file://${LOADER}`, join(ROOT, script), ...args, '--data', o.dataDir, '--key-file', o.keyFile], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

/** A process holding the folder's lock as the desktop window does; resolved once it holds it. */
function holdAsDesktop(dataDir: string, holder = 'desktop-holder.ts'): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', `file://${LOADER}`, join(__dirname, holder)], { cwd: ROOT, env: { ...process.env, SANBAN_DATA: dataDir }, stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((done, fail) => {
    child.stdout!.once('data', () => done(child))
    child.once('exit', (c) => fail(new Error(`lock holder exited (${c})`)))
  })
}

async function registerVia(url: string, title: string) {
  const clerk = rpcClient(url)
  await clerk.login()
  const sender = (await clerk.ok('org.overview')).departments[0]
  return clerk.ok('incoming.receive', { receivedAt: '2026-11-03 10:00', sender: sender.name, senderDepartmentId: sender.id, title, docType: '报告', urgency: '无', copies: 1, pages: 1, arrival: '专人送达', files: [] })
}

describe('one owner per data folder', () => {
  it('a second server on the same folder is refused, naming the first (pid, port, since when); no file changes and the first keeps working', async () => {
    const o = aCopy()
    const first = await serve(o)
    const before = checksums(o.dataDir, o.keyFile)
    const second = startRefused(serverArgs(o, 0))
    expect(second.code).toBe(1)
    expect(second.stderr).toMatch(new RegExp(`^三办启动失败：数据目录 .* 正由三办服务器（进程 ${first.pid}，\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d 起运行，端口 ${first.port}）使用`))
    expect(second.stderr).toMatch(new RegExp(`http://127\\.0\\.0\\.1:${first.port}/.*本次未改动任何文件`))
    expect(checksums(o.dataDir, o.keyFile)).toEqual(before)
    const doc = await registerVia(first.url, '第二个服务器被拒绝之后登记的收文')
    expect(doc.seq).toBe(2) // the office's second 收文: numbering went on where it was
  })

  it('a server killed with SIGKILL leaves no stale lock: the folder opens again at once', async () => {
    const o = aCopy()
    const killed = await serve(o)
    await killed.kill()
    const again = await serve(o)
    expect(JSON.parse(readFileSync(join(o.dataDir, OWNER_FILE), 'utf8'))).toMatchObject({ pid: again.pid, mode: 'server', port: again.port })
    await registerVia(again.url, '强行结束之后重新启动登记的收文')
  })

  it('a folder held by the desktop window refuses a server, naming 三办桌面程序 (the same lock)', async () => {
    const o = aCopy()
    // The lock as main.ts takes it (openOffice, mode desktop), in a process of its own: Electron cannot run here.
    const desktop = await holdAsDesktop(o.dataDir)
    try {
      const before = checksums(o.dataDir, o.keyFile)
      const r = startRefused(serverArgs(o, 0))
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(new RegExp(`正由三办桌面程序（进程 ${desktop.pid}，.*起运行）使用`))
      expect(checksums(o.dataDir, o.keyFile)).toEqual(before)
    } finally { desktop.kill('SIGKILL') }
  })

  it('a lock whose holder keeps no reference to it survives a garbage collection: the folder stays refused', async () => {
    const o = aCopy()
    const holder = await holdAsDesktop(o.dataDir, 'forgetful-holder.ts')
    try {
      const r = startRefused(serverArgs(o, 0))
      expect(r.code).toBe(1)
      expect(r.stderr).toMatch(new RegExp(`正由三办桌面程序（进程 ${holder.pid}，`))
    } finally { holder.kill('SIGKILL') }
  })

  it('key:change and key:check while the server runs are refused, naming the server, and the key stays as it was', async () => {
    const o = aCopy()
    const server = await serve(o)
    const before = checksums(o.dataDir, o.keyFile)
    for (const command of ['change', 'check']) {
      const r = tool(o, 'src-main/cli/key.ts', command)
      expect(r.code).toBe(1)
      expect(r.err).toMatch(new RegExp(`^三办密钥：数据目录 .* 正由三办服务器（进程 ${server.pid}，.*端口 ${server.port}）使用.*请先停止三办`))
    }
    expect(checksums(o.dataDir, o.keyFile)).toEqual(before)
  })
})

describe('the account tool (npm run account) while the server runs', () => {
  it('reset-password goes through the running server: the new password signs in, the old session ends, and the audit trail records it', async () => {
    const o = aCopy()
    const server = await serve(o)
    const auditor = rpcClient(server.url)
    await auditor.login('auditor')
    const r = tool(o, 'src-main/cli/account.ts', 'reset-password', 'auditor')
    expect(r.code, r.err).toBe(0)
    const password = /新的初始密码：(\w+)/.exec(r.out)?.[1]
    expect(password).toMatch(/^\w{12}$/)
    expect((await auditor.call('auth.me')).body.result ?? null).toBeNull() // the old session ended
    expect((await rpcClient(server.url).call('auth.login', { username: 'auditor', password: ADMIN_PASSWORD })).body.ok).toBe(false)
    const fresh = rpcClient(server.url)
    expect((await fresh.ok('auth.login', { username: 'auditor', password: must(password, '工具给出的新密码') })).mustChangePassword).toBe(true)
    expect(tool(o, 'src-main/cli/account.ts', 'unlock', 'secadmin').out).toMatch(/已解除“secadmin”的锁定/)
    await server.stop()
    const conn = openConnection(join(o.dataDir, 'sanban.sqlite'), readKeyFile(o.keyFile))
    try {
      const audit = conn.sqlite.prepare("SELECT procedure FROM audit_log WHERE procedure LIKE 'cli.%' ORDER BY id").pluck().all()
      expect(audit).toEqual(['cli.reset-password', 'cli.unlock'])
    } finally { conn.sqlite.close() }
  })

  it('refuses a caller without the owner file\'s token (the local route is not open to the intranet or the browser)', async () => {
    const o = aCopy()
    const server = await serve(o)
    const res = await fetch(`${server.url}/local/account`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-sanban-control-token': 'guess' }, body: JSON.stringify({ command: 'reset-password', username: 'admin' }) })
    expect(res.status).toBe(403)
    expect((await res.json()).message).toMatch(/只接受本机上有权读取数据目录的用户/)
  })
})
