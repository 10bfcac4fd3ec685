/**
 * Starts that must not happen, each as the operator meets it: `npm start` on a damaged or missing database,
 * a busy port, a file where the data folder should be, a read-only disk, a folder the server's user may not
 * write, a full disk. Each is refused with a Chinese message that names the cause and the remedy, exit code 1,
 * and every file of the data folder and the key file byte for byte as before.
 */
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, rmSync, truncateSync, writeFileSync, readdirSync, statSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { dirname, join } from 'node:path'
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checksums, copyOffice, makeOffice, removeDir, serverArgs, startRefused, tempDir, type Office } from './harness'

let office: Office
const cleanup: (() => void)[] = []
beforeAll(async () => { office = await makeOffice() }, 120_000)
afterAll(() => { for (const f of cleanup.reverse()) f(); removeDir(office.dir) })

function aCopy(parent?: string): Office {
  const copy = copyOffice(office, parent)
  cleanup.push(() => removeDir(copy.dir))
  return copy
}

/** Starts on `o`, expects the refusal, and that nothing on disk changed; returns the message after “三办启动失败：”. */
function refusedUnchanged(o: Pick<Office, 'dataDir' | 'keyFile'>, args = serverArgs(o), command?: string[]): string {
  const before = checksums(o.dataDir, o.keyFile)
  const r = startRefused(args, command)
  expect(r.code, r.stderr + r.stdout).toBe(1)
  expect(r.stderr).toMatch(/^三办启动失败：/)
  // No system text, no stack — outside the office's own folders: a temporary folder's random name (…-ENXQWD) is no errno.
  const words = [o.dataDir, o.keyFile].reduce((text, path) => text.replaceAll(dirname(path), '<目录>'), r.stderr)
  expect(words).not.toMatch(/\b(SQLITE_|E[A-Z]{4,}\b|Error:|at .*\.ts)/)
  expect(checksums(o.dataDir, o.keyFile)).toEqual(before)
  return r.stderr.replace(/^三办启动失败：/, '').trim()
}

const database = (o: Office) => join(o.dataDir, 'sanban.sqlite')

describe('a damaged or missing database is refused and never taken for a new office', () => {
  it('a zero-byte database beside its key: “是空的（0 字节）”, restore a backup, and no new accounts or numbers from 1', () => {
    const o = aCopy()
    writeFileSync(database(o), '')
    const message = refusedUnchanged(o)
    expect(message).toMatch(/数据库文件 .*sanban\.sqlite 是空的（0 字节）/)
    expect(message).toMatch(/请恢复备份：.*三办备份-.*sanban\.sqlite/)
  })

  it('a key without its database (the database deleted, the office\'s backups still there): refused, restore a backup', () => {
    const o = aCopy()
    rmSync(database(o))
    const message = refusedUnchanged(o)
    expect(message).toMatch(/找不到数据库 .*但密钥文件 .*都在：数据库文件被删除或移走了/)
    expect(message).toMatch(/不会在这里新建一个空的办公室/)
    expect(message).toMatch(/请恢复备份/)
    expect(existsSync(database(o))).toBe(false)
  })

  it('a plain SQLite file that is not Sanban\'s: “不是三办的数据库”, untouched (not encrypted, not migrated)', () => {
    const o = aCopy()
    rmSync(database(o))
    const other = new Database(database(o))
    other.exec("CREATE TABLE 通讯录 (姓名 TEXT); INSERT INTO 通讯录 VALUES ('张三')")
    other.close()
    const message = refusedUnchanged(o)
    expect(message).toMatch(/是一个 SQLite 数据库，但不是三办的数据库/)
    expect(message).toMatch(/请恢复备份/)
  })

  it('garbage bytes in place of the database, when the key opens the office\'s backup: blamed on the file, not the key', () => {
    const o = aCopy()
    writeFileSync(database(o), randomBytes(statSync(database(o)).size))
    const message = refusedUnchanged(o)
    expect(message).toMatch(/数据库文件 .* 已损坏，不是可读的三办数据库：同一把密钥能打开本办公室的备份 .*三办备份-/)
    expect(message).toMatch(/密钥是对的/)
    expect(message).not.toMatch(/密钥不正确/)
  })

  it('garbage bytes with no backup to try the key on: the wrong-key message also says the file may be damaged and how to restore', () => {
    const o = aCopy()
    rmSync(join(o.dataDir, 'backups'), { recursive: true })
    writeFileSync(database(o), randomBytes(statSync(database(o)).size))
    const message = refusedUnchanged(o)
    expect(message).toMatch(/^数据库密钥不正确.*如果确认密钥无误，则是数据库文件已损坏：请恢复备份/)
  })

  it('a database cut short in the middle of a page: “不是整页”, damaged and not the key\'s fault', () => {
    const o = aCopy()
    truncateSync(database(o), Math.floor(statSync(database(o)).size / 2) + 100)
    const message = refusedUnchanged(o)
    expect(message).toMatch(/已损坏：长度 \d+ 字节不是整页.*与密钥无关/)
    expect(message).toMatch(/请恢复备份/)
  })

  it('a database cut short at a page boundary: “已损坏”, restore a backup (not “database disk image is malformed”)', () => {
    const o = aCopy()
    truncateSync(database(o), Math.floor(statSync(database(o)).size / 4096 / 2) * 4096)
    const message = refusedUnchanged(o)
    expect(message).toMatch(/数据库文件 .*sanban\.sqlite (已损坏|不完整)/)
    expect(message).not.toMatch(/malformed/)
    expect(message).toMatch(/请恢复备份/)
  })
})

function holdPort(): Promise<{ port: number; server: Server }> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => done({ port: (server.address() as { port: number }).port, server }))
  })
}

describe('what is around the database', () => {
  it('a busy port: “已被其他程序占用”, choose another with --port; found before any database or key is created', async () => {
    const { port, server } = await holdPort()
    try {
      const dir = tempDir('busy-port')
      cleanup.push(() => removeDir(dir))
      const fresh = { dataDir: join(dir, 'data'), keyFile: join(dir, 'data.key') }
      const message = refusedUnchanged(fresh, serverArgs(fresh, port))
      expect(message).toMatch(new RegExp(`端口 ${port} 已被其他程序占用.*--port`))
      expect(readdirSync(dir)).toEqual([]) // no data folder, no database, no key
    } finally {
      server.close()
    }
  })

  it('a data path that is a file: “是一个文件，不是文件夹”, the file untouched, no key made', () => {
    const dir = tempDir('data-file')
    cleanup.push(() => removeDir(dir))
    const asFile = { dataDir: join(dir, 'data'), keyFile: join(dir, 'data.key') }
    writeFileSync(asFile.dataDir, '办公室的备忘录')
    const message = refusedUnchanged(asFile)
    expect(message).toMatch(/数据路径 .*data 是一个文件，不是文件夹.*--data/)
    expect(existsSync(asFile.keyFile)).toBe(false)
  })
})

/** Runs a shell command as root; returns whether it worked (mounting may be refused in a container). */
function tryRun(cmd: string, args: string[]): boolean {
  try { execFileSync(cmd, args, { stdio: 'pipe' }); return true } catch { return false }
}

function mountPoint(): string {
  const dir = tempDir('mount')
  cleanup.push(() => removeDir(dir))
  return dir
}

describe('disks and permissions (mounts made by the test as root)', () => {
  it('a read-only disk (a read-only bind mount of the office): “磁盘是只读的”, remount or choose another folder', () => {
    const source = aCopy()
    const mnt = mountPoint()
    expect(tryRun('mount', ['--bind', source.dir, mnt]), 'mount --bind refused: this test needs root with mount rights').toBe(true)
    cleanup.push(() => { tryRun('umount', [mnt]) })
    expect(tryRun('mount', ['-o', 'remount,bind,ro', mnt])).toBe(true)
    const o = { dataDir: join(mnt, 'data'), keyFile: join(mnt, 'data.key') }
    const message = refusedUnchanged(o)
    expect(message).toMatch(/所在的磁盘是只读的.*以可写方式重新挂载.*--data/)
  })

  it('no write permission (the server run as the unprivileged user nobody through setpriv, the folder root\'s): “没有读写权限”, fix with chown', () => {
    const o = aCopy()
    chownSync(o.keyFile, 65534, 65534) // the key readable, so the folder is what is refused
    const message = refusedUnchanged(o, serverArgs(o), ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath])
    expect(message).toMatch(/没有读写权限：.*data。.*chown/)
  })

  it('a full disk at start-up (a 4 MB tmpfs filled up): “磁盘空间不足（剩余 0 MB）”, free space, not “disk I/O error”', () => {
    const mnt = mountPoint()
    expect(tryRun('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt]), 'mount -t tmpfs refused: this test needs root with mount rights').toBe(true)
    cleanup.push(() => { tryRun('umount', [mnt]) })
    const o = copyOffice(office, mnt)
    // Filled to the last block, outside the data folder (its files are compared before and after).
    tryRun('dd', ['if=/dev/zero', `of=${join(mnt, 'filler')}`, 'bs=4k'])
    const message = refusedUnchanged(o)
    expect(message).toMatch(/^磁盘空间不足（剩余 0 MB）：数据目录 .* 所在的磁盘已满/)
    expect(message).not.toMatch(/disk I\/O error/)
  })
})
