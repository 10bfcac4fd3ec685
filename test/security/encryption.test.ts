import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer, type RunningServer } from '../../src-main/server/start'
import { adjustableClock } from '../../src-main/system/clock'
import { openCore } from '../../src-main/core'
import { DATABASE_FILE, openConnection } from '../../src-main/db/connection'
import { backupDatabase, type BackupProgress } from '../../src-main/db/backup'
import { migrateDatabase } from '../../src-main/db/migrate'
import { changeDatabaseKey } from '../../src-main/db/cipher'
import { changeKey } from '../../src-main/cli/key'
import { generateKey, pendingKeyFile, readKeyFile, writeKeyFile } from '../../src-main/db/key'
import { ADMIN_PASSWORD, rpcClient, must } from '../helpers/server'
import { loadDemoOffice } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { journal, migrationsUpTo } from '../db/harness'

const TITLE = '关于城区防汛抗旱物资储备情况的请示'
const ATTACHMENT = '附件正文：防汛物资清单，冲锋舟十二艘，救生衣八百件。'
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1')

const cleanup: (() => Promise<void> | void)[] = []
afterEach(async () => { for (const f of cleanup.splice(0).reverse()) await f() })

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sanban-enc-'))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** An office folder: the data folder, and the key file beside it (the default place). */
function office() {
  const parent = tempDir()
  return { dataDir: join(parent, 'data'), keyFile: join(parent, 'data.key') }
}

async function start(dataDir: string, keyFile?: string): Promise<RunningServer> {
  const server = await startServer({ dataDir, port: 0, demo: true, adminPassword: ADMIN_PASSWORD, clock: adjustableClock(), keyFile })
  let closed = false
  const close = async () => { if (!closed) { closed = true; await server.close() } }
  cleanup.push(close)
  return { ...server, close }
}

/** Registers a 收文 with the Chinese title and a text attachment; returns what a user would look for later. */
async function registerDocument(server: RunningServer) {
  const api = rpcClient(server.url)
  await api.login()
  const dept = (await loadDemoOffice(api)).deptId('市应急管理局')
  const doc = await api.ok('incoming.receive', {
    receivedAt: '2026-11-02 09:10', sender: '市应急管理局', senderDepartmentId: dept, senderNumber: '资应急〔2026〕7号',
    title: TITLE, docType: '请示', copies: 1, pages: 2, arrival: '专人送达',
    files: [{ kind: '正文', file: await uploadAs(server.url, api, '请示正文.txt', ATTACHMENT, 'text/plain') }],
  })
  return { id: doc.id as number, fileId: doc.files[0].fileId as number }
}

async function readBack(server: RunningServer, ids: { id: number; fileId: number }) {
  const api = rpcClient(server.url)
  await api.login()
  const doc = await api.ok('incoming.get', { id: ids.id })
  const file = await api.call('incoming.downloadFile', { fileId: ids.fileId })
  return { title: doc.title, file }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))
}

/** Every byte on disk in the data folder, by file: what someone who took the disk would have. */
function snapshot(dataDir: string): Record<string, string> {
  return Object.fromEntries(filesUnder(dataDir).filter((f) => !f.endsWith('-shm')).map((f) => [f, readFileSync(f).toString('base64')]))
}

function expectNoise(dataDir: string): void {
  const all = filesUnder(dataDir)
  expect(all.some((f) => f.includes(`${join(dataDir, 'files')}`))).toBe(true)
  for (const f of all) {
    const bytes = readFileSync(f)
    expect(bytes.includes(Buffer.from(TITLE)), f).toBe(false)
    expect(bytes.includes(Buffer.from('防汛')), f).toBe(false)
    expect(bytes.includes(Buffer.from('冲锋舟')), f).toBe(false)
    expect(bytes.includes(SQLITE_HEADER), f).toBe(false)
  }
}

/** Attachments as Sanban stored them before encryption: the plain bytes under files/<sha256>. */
function storeAsBeforeEncryption(server: RunningServer): void {
  const { sqlite } = server.core.conn
  for (const row of sqlite.prepare('SELECT id, path, sha256 FROM stored_files').all() as { id: number; path: string; sha256: string }[]) {
    const old = join('files', row.sha256.slice(0, 2), row.sha256)
    mkdirSync(join(server.core.dataDir, 'files', row.sha256.slice(0, 2)), { recursive: true })
    writeFileSync(join(server.core.dataDir, old), ATTACHMENT)
    rmSync(join(server.core.dataDir, row.path))
    sqlite.prepare('UPDATE stored_files SET path = ? WHERE id = ?').run(old, row.id)
  }
}

describe('encryption at rest', () => {
  it('a new office database, its WAL and its attachments read as noise on disk; the key file is made once, owner-only, outside the data folder', async () => {
    const { dataDir, keyFile } = office()
    const server = await start(dataDir, keyFile)
    expect(server.core.encryption).toMatchObject({ keyFile, keyCreated: true, encryptedNow: false })
    await registerDocument(server)
    expect(existsSync(`${server.core.databaseFile}-wal`)).toBe(true)
    expectNoise(dataDir) // while running: the database and its WAL
    await server.close()
    expectNoise(dataDir)
    expect(statSync(keyFile).mode & 0o777).toBe(0o600)
    expect(readKeyFile(keyFile)).toHaveLength(32)
    const again = await start(dataDir, keyFile)
    expect(again.core.encryption).toMatchObject({ keyCreated: false })
  })

  it('the same key opens it again after a restart, and the attachment downloads byte for byte', async () => {
    const { dataDir, keyFile } = office()
    const first = await start(dataDir, keyFile)
    const ids = await registerDocument(first)
    await first.close()
    const second = await start(dataDir, keyFile)
    const back = await readBack(second, ids)
    expect(back.title).toBe(TITLE)
    expect(Buffer.from(must(back.file.body.result, '下载的附件').base64, 'base64').toString()).toBe(ATTACHMENT)
  })

  it('a wrong key is refused with 数据库密钥不正确 and every file of the data folder stays byte for byte the same', async () => {
    const { dataDir, keyFile } = office()
    const server = await start(dataDir, keyFile)
    await registerDocument(server)
    await server.close()
    const before = snapshot(dataDir)
    const wrongKeyFile = join(tempDir(), 'wrong.key')
    writeKeyFile(wrongKeyFile, generateKey())
    expect(() => openCore({ dataDir, keyFile: wrongKeyFile })).toThrow(/^数据库密钥不正确.*数据库未作任何改动/)
    expect(snapshot(dataDir)).toEqual(before)
  })

  it('an encrypted database whose key file is missing is refused, and no new key is made in its place', async () => {
    const { dataDir, keyFile } = office()
    await (await start(dataDir, keyFile)).close()
    rmSync(keyFile)
    expect(() => openCore({ dataDir, keyFile })).toThrow(/找不到密钥文件.*保险柜/)
    expect(existsSync(keyFile)).toBe(false)
  })

  it('without a key (tests only) a plain database opens as before, and an encrypted one is refused as 已加密', async () => {
    const plain = join(tempDir(), 'plain.sqlite')
    const conn = openConnection(plain)
    conn.sqlite.exec("CREATE TABLE t (x); INSERT INTO t VALUES ('明文')")
    conn.sqlite.close()
    expect(readFileSync(plain).subarray(0, 16).equals(SQLITE_HEADER)).toBe(true)
    openConnection(':memory:').sqlite.close()

    const encrypted = join(tempDir(), 'enc.sqlite')
    openConnection(encrypted, generateKey()).sqlite.close()
    expect(() => openConnection(encrypted)).toThrow(/已加密.*需要密钥/)
  })

  it('a database and attachments from before encryption are encrypted on the first start with a key, verified, and keep all their data', async () => {
    const { dataDir, keyFile } = office()
    const plain = await start(dataDir) // an office from before this change
    const ids = await registerDocument(plain)
    storeAsBeforeEncryption(plain)
    mkdirSync(join(dataDir, 'backups'))
    plain.core.conn.sqlite.prepare('VACUUM INTO ?').run(join(dataDir, 'backups', '升级前备份-旧.sqlite'))
    await plain.close()
    expect(readFileSync(join(dataDir, DATABASE_FILE)).includes(Buffer.from(TITLE))).toBe(true)
    expect(filesUnder(join(dataDir, 'files')).some((f) => readFileSync(f).includes(Buffer.from('冲锋舟')))).toBe(true)

    const server = await start(dataDir, keyFile)
    expect(server.core.encryption).toMatchObject({ keyCreated: true, encryptedNow: true })
    const back = await readBack(server, ids)
    expect(back.title).toBe(TITLE)
    expect(Buffer.from(must(back.file.body.result, '下载的附件').base64, 'base64').toString()).toBe(ATTACHMENT)
    await server.close()
    expectNoise(dataDir)
    expect(filesUnder(dataDir).filter((f) => /encrypting|\.tmp$|-journal$/.test(f))).toEqual([])
    const oldBackup = new Database(join(dataDir, 'backups', '升级前备份-旧.sqlite'))
    expect(() => oldBackup.prepare('SELECT 1 FROM sqlite_master').get()).toThrow(/not a database/)
    oldBackup.close()
    const reopened = openConnection(join(dataDir, 'backups', '升级前备份-旧.sqlite'), readKeyFile(keyFile))
    expect(reopened.sqlite.prepare('SELECT title FROM incoming_documents').pluck().all()).toEqual([TITLE])
    reopened.sqlite.close()
  })

  it('changing the key keeps all data, leaves the attachments untouched, and the old key no longer opens the database', async () => {
    const { dataDir, keyFile } = office()
    const first = await start(dataDir, keyFile)
    const ids = await registerDocument(first)
    await first.close()
    const oldKeyFile = join(tempDir(), 'old.key')
    writeKeyFile(oldKeyFile, readKeyFile(keyFile))
    const filesBefore = snapshot(join(dataDir, 'files'))

    const { oldFingerprint, newFingerprint } = changeKey({ databaseFile: join(dataDir, DATABASE_FILE), keyFile })
    expect(newFingerprint).not.toBe(oldFingerprint)
    expect(existsSync(pendingKeyFile(keyFile))).toBe(false)
    expect(snapshot(join(dataDir, 'files'))).toEqual(filesBefore)
    expect(() => openCore({ dataDir, keyFile: oldKeyFile })).toThrow(/数据库密钥不正确/)
    const server = await start(dataDir, keyFile)
    const back = await readBack(server, ids)
    expect(back.title).toBe(TITLE)
    expect(Buffer.from(must(back.file.body.result, '下载的附件').base64, 'base64').toString()).toBe(ATTACHMENT)
  })

  it('changing the key is refused while Sanban has the database open, and the key stays as it was', async () => {
    const { dataDir, keyFile } = office()
    const server = await start(dataDir, keyFile)
    const before = readFileSync(keyFile)
    expect(() => changeKey({ databaseFile: server.core.databaseFile, keyFile })).toThrow(/请先停止三办/)
    expect(readFileSync(keyFile)).toEqual(before)
    expect(existsSync(pendingKeyFile(keyFile))).toBe(false)
    expect(server.core.conn.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
  })

  it('a key change interrupted after re-encrypting the database is finished at the next start', async () => {
    const { dataDir, keyFile } = office()
    const first = await start(dataDir, keyFile)
    const ids = await registerDocument(first)
    await first.close()
    const newKey = generateKey()
    writeKeyFile(pendingKeyFile(keyFile), newKey)
    changeDatabaseKey(join(dataDir, DATABASE_FILE), readKeyFile(keyFile), newKey) // …and the power went off here
    const server = await start(dataDir, keyFile)
    expect(readKeyFile(keyFile)).toEqual(newKey)
    expect(existsSync(pendingKeyFile(keyFile))).toBe(false)
    expect((await readBack(server, ids)).title).toBe(TITLE)
  })

  it('a tampered encrypted attachment is refused as damaged rather than served', async () => {
    const { dataDir, keyFile } = office()
    const server = await start(dataDir, keyFile)
    const ids = await registerDocument(server)
    const [stored] = filesUnder(join(dataDir, 'files'))
    const bytes = readFileSync(stored)
    bytes[bytes.length - 3] ^= 0x01
    writeFileSync(stored, bytes)
    const { file } = await readBack(server, ids)
    expect(file.body.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/校验值不符/) })
  })

  it('an online backup of an encrypted database is encrypted with the same key and opens with it (with progress)', async () => {
    const { dataDir, keyFile } = office()
    const server = await start(dataDir, keyFile)
    await registerDocument(server)
    const dest = join(tempDir(), 'backup.sqlite')
    const progress: BackupProgress[] = []
    await backupDatabase(server.core.conn.sqlite, dest, (p) => progress.push(p))
    expect(progress.at(-1)).toMatchObject({ remainingPages: 0 })
    expect(progress[0].totalPages).toBeGreaterThan(0)
    const bytes = readFileSync(dest)
    expect(bytes.includes(SQLITE_HEADER)).toBe(false)
    expect(bytes.includes(Buffer.from('防汛'))).toBe(false)
    expect(() => openConnection(dest)).toThrow(/已加密/)
    const copy = openConnection(dest, readKeyFile(keyFile))
    expect(copy.sqlite.prepare('SELECT title FROM incoming_documents').pluck().all()).toEqual([TITLE])
    copy.sqlite.close()
  })

  it('the pre-upgrade backup a migration takes is encrypted with the database key', () => {
    const dir = tempDir()
    const key = generateKey()
    const conn = openConnection(join(dir, DATABASE_FILE), key)
    migrateDatabase(conn.sqlite, migrationsUpTo(journal().at(-2)!.idx), join(dir, 'backups'))
    conn.sqlite.exec("INSERT INTO settings (key, value) VALUES ('cityName', '\"防汛市\"')")
    const report = migrateDatabase(conn.sqlite, join(__dirname, '../../drizzle'), join(dir, 'backups'))
    conn.sqlite.close()
    expect(report.backupFile).not.toBeNull()
    const bytes = readFileSync(report.backupFile!)
    expect(bytes.includes(SQLITE_HEADER)).toBe(false)
    expect(bytes.includes(Buffer.from('防汛'))).toBe(false)
    const copy = openConnection(report.backupFile!, key)
    expect(copy.sqlite.prepare("SELECT value FROM settings WHERE key = 'cityName'").pluck().get()).toBe('"防汛市"')
    copy.sqlite.close()
  })
})
