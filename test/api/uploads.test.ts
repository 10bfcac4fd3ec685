/**
 * Issue 21: files travel by POST /upload, streamed through SHA-256 and AES-256-GCM to disk, and the action
 * that keeps them names the upload by its token. What the office notices: the file is kept encrypted, its
 * checksum recorded, it downloads byte for byte; uploads by others, from other sites or long forgotten are refused.
 */
import { createHash, randomBytes } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ADMIN_PASSWORD, rpcClient, must } from '../helpers/server'
import { officeServer } from '../helpers/office-server'
import { demoOffice } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { UPLOAD_LIFETIME_MS, UploadRegistry } from '../../src-main/files/uploads'

const demo = demoOffice()
const { server, api: clerk } = officeServer({ demo, clock: '2026-12-01T09:00:00+08:00' })
const { deptId } = demo

/** A 收文 with the given uploaded files, registered by `api`. */
const register = (api: ReturnType<typeof rpcClient>, title: string, files: unknown[]) => api.call('incoming.receive', {
  receivedAt: '2026-12-01 09:10', sender: '市住房和城乡建设局', senderDepartmentId: deptId('市住房和城乡建设局'), title, docType: '请示', arrival: '专人送达', files,
})

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')
const pending = () => readdirSync(join(server.dataDir, 'files', 'uploads'))

/** POST /upload with the given headers and body, as a hostile or careless client might. */
const rawUpload = async (headers: Record<string, string>, body: Uint8Array<ArrayBuffer>) => {
  const res = await fetch(`${server.url}/upload`, { method: 'POST', headers: { 'content-type': 'application/pdf', ...headers }, body })
  return { status: res.status, body: await res.json() as { ok: boolean; error?: { code: string; message: string } } }
}

describe('uploading a file (POST /upload)', () => {
  it('stores a 3 MB scan encrypted under files/, records its SHA-256, and downloads it byte for byte', async () => {
    const scan = Buffer.concat([Buffer.from('%PDF-1.7 关于城区排水管网改造的请示 '), randomBytes(3 * 1024 * 1024)])
    const file = await uploadAs(server.url, clerk, '排水管网改造请示.pdf', scan)
    expect(pending()).toHaveLength(1) // sealed, waiting for the action
    const r = await register(clerk, '关于城区排水管网改造的请示', [{ kind: '扫描件', file }])
    expect(r.body.ok).toBe(true)
    const [stored] = must(r.body.result, '登记结果').files
    expect(stored).toMatchObject({ name: '排水管网改造请示.pdf', mime: 'application/pdf', size: scan.length, sha256: sha256(scan) })
    expect(pending()).toEqual([])

    const row = server.core.conn.sqlite.prepare('SELECT path FROM stored_files WHERE id = ?').get(stored.fileId) as { path: string }
    expect(row.path).toMatch(/^files\/[0-9a-f]{2}\/[0-9a-f]{64}$/)
    const onDisk = readFileSync(join(server.dataDir, row.path))
    expect(onDisk.subarray(0, 8).toString('latin1')).toBe('SANBANE1')
    expect(onDisk.length).toBe(8 + 12 + 16 + scan.length)
    expect(onDisk.includes(scan.subarray(0, 64))).toBe(false)

    const back = await clerk.ok('incoming.downloadFile', { fileId: stored.fileId })
    expect(Buffer.from(back.base64, 'base64').equals(scan)).toBe(true)
  })

  it('keeps the same bytes once however often they are uploaded, and a token may be used again within the hour', async () => {
    const text = Buffer.from('资阳市防汛抗旱指挥部通知（同一份）')
    const first = await uploadAs(server.url, clerk, '通知.pdf', text)
    const second = await uploadAs(server.url, clerk, '通知副本.pdf', text)
    expect(second.upload).not.toBe(first.upload)
    const a = await register(clerk, '关于防汛抗旱工作的通知（一）', [{ kind: '正文', file: first }])
    const b = await register(clerk, '关于防汛抗旱工作的通知（二）', [{ kind: '正文', file: second }, { kind: '附件', file: first }])
    expect([a.body.ok, b.body.ok]).toEqual([true, true])
    const paths = server.core.conn.sqlite.prepare('SELECT DISTINCT path FROM stored_files WHERE sha256 = ?').pluck().all(sha256(text))
    expect(paths).toHaveLength(1)
    expect(pending()).toEqual([])
  })

  it('refuses an upload without sign-in, from another site, or of an empty file, in Chinese', async () => {
    const bytes = Buffer.from('请示正文')
    const signedOut = await rawUpload({ origin: server.url }, bytes)
    expect(signedOut).toMatchObject({ status: 401, body: { error: { code: 'UNAUTHENTICATED', message: '请先登录后再上传文件' } } })
    const crossSite = await rawUpload({ origin: 'http://evil.example', cookie: clerk.cookies.current() }, bytes)
    expect(crossSite).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } })
    const empty = await rawUpload({ origin: server.url, cookie: clerk.cookies.current() }, new Uint8Array(0))
    expect(empty).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION', message: '文件为空，不能上传' } } })
    expect(pending()).toEqual([])
  })

  it('does not let one user use another\'s upload, nor a made-up token, and writes nothing', async () => {
    const wenmi = rpcClient(server.url)
    await wenmi.login('wenmi', ADMIN_PASSWORD)
    const hers = await uploadAs(server.url, wenmi, '她的文件.pdf', '文秘上传的文件')
    const files = server.core.conn.sqlite.prepare('SELECT COUNT(*) FROM stored_files').pluck()
    const before = files.get()
    const stolen = await register(clerk, '借用他人上传的请示', [{ kind: '正文', file: hers }])
    expect(stolen.body.error).toEqual({ code: 'VALIDATION', message: '文件「她的文件.pdf」的上传已失效（超过一小时未提交、服务器已重启或数据已恢复），请重新选择文件' })
    const madeUp = await register(clerk, '伪造凭据的请示', [{ kind: '正文', file: { name: '正文.pdf', mime: 'application/pdf', upload: 'A'.repeat(32) } }])
    expect(madeUp.body.error?.message).toMatch(/^文件「正文.pdf」的上传已失效/)
    const notAToken = await register(clerk, '格式不对的请示', [{ kind: '正文', file: { name: '正文.pdf', upload: '../../sanban.sqlite' } }])
    expect(notAToken.body.error).toMatchObject({ code: 'VALIDATION', field: 'files.0.file.upload' })
    expect(files.get()).toBe(before)
  })
})

describe('an upload nobody uses', () => {
  it('is dropped after an hour, with its sealed file, and can no longer be used', async () => {
    let now = Date.now()
    const registry = new UploadRegistry(server.dataDir, () => now)
    const userId = server.core.conn.sqlite.prepare("SELECT id FROM users WHERE username = 'kezhang'").pluck().get() as number
    async function* bytes() { yield Buffer.from('一小时内没有提交的文件') }
    const others = pending() // the 文秘's upload above, in the server's own registry
    const { upload } = await registry.receive(server.core.conn.db, userId, bytes())
    expect(pending()).toHaveLength(others.length + 1)
    expect(registry.claim(server.core.conn.db, userId, upload, '会议材料.pdf').size).toBeGreaterThan(0)
    const unused = await registry.receive(server.core.conn.db, userId, (async function* () { yield Buffer.from('另一份，从未提交') })())
    now += UPLOAD_LIFETIME_MS + 1
    expect(() => registry.claim(server.core.conn.db, userId, unused.upload, '另一份.pdf')).toThrow(/^文件「另一份.pdf」的上传已失效/)
    expect(pending()).toEqual(others)
  })
})
