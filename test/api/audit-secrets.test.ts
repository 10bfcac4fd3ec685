import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, rpcClient, type TestServer } from '../helpers/server'
import { demoOffice } from '../helpers/demo-office'
import { uploadAs } from '../helpers/upload'
import { unzipPart } from '../helpers/zip'
import { RECORDED_READS } from '../../src-main/audit/access'
import { chainHash, headHash } from '../../src-main/audit/chain'

/*
 * Issue 14 §3: the 安全审计员 has no business clearance. A day of 机密 work — a 机密 收文 registered with its scan,
 * a leader's 批示, opened, downloaded and printed — appears in the audit log as events (who, what, when, from
 * where), never as the title, the 批示 or the file name; on the page and in the Excel export alike.
 */
const SECRET_TITLE = '关于边境口岸联合管控部署的请示'
const SECRET_OPINION = '同意在三号口岸增设联合检查组'
const SECRET_FILE = '口岸管控部署方案.pdf'
const OPEN_TITLE = '关于申请城区老旧小区改造补助资金的请示'

let server: TestServer
let clerk: ReturnType<typeof rpcClient>
let auditor: ReturnType<typeof rpcClient>
const demo = demoOffice()
const { deptId, personId } = demo
let secretId: number
/** What the auditor sees the 机密 收文 by: its number (收〔2026〕1号), never its title. */
let secretNumber: string
let openId: number

const receive = async (title: string, fileName: string, level: Record<string, string>) => clerk.ok('incoming.receive', {
  receivedAt: '2026-12-01 09:10', sender: '市住房和城乡建设局', senderDepartmentId: deptId('市住房和城乡建设局'), senderNumber: '资住建〔2026〕88号',
  title, docType: '请示', urgency: '无', copies: 1, pages: 4, arrival: '机要交通', ...level,
  files: [{ kind: '正文', file: await uploadAs(server.url, clerk, fileName, `${title}……`) }],
})

/** Every key of a JSON value, however deep. */
function keysOf(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => keysOf(x, out))
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) { out.push(k); keysOf(x, out) }
  return out
}

const dayLog = async () => auditor.ok('audit.list', { from: '2026-12-01', to: '2026-12-01', limit: 500 })

beforeAll(async () => {
  server = await startTestServer()
  clerk = rpcClient(server.url)
  await clerk.login() // 李科长, clearance 机密
  await demo.load(clerk)
  await clerk.ok('system.setClock', { at: '2026-12-01T09:00:00+08:00' })
  const secret = await receive(SECRET_TITLE, SECRET_FILE, { classification: '机密', secrecyPeriod: '1年' })
  secretId = secret.id
  secretNumber = secret.numberText
  await clerk.ok('incoming.review', { id: secretId, reviewedOn: '2026-12-01' })
  await clerk.ok('incoming.propose', { id: secretId, proposal: '拟请陈立新副市长阅示。', proposedBy: '许文杰', proposedOn: '2026-12-01' })
  await clerk.ok('incoming.send', { id: secretId, leaderIds: [personId('陈立新')], sentOn: '2026-12-01' })
  await clerk.ok('incoming.instruct', { id: secretId, leaderId: personId('陈立新'), kind: '批示', opinion: SECRET_OPINION, instructedOn: '2026-12-01' })
  openId = (await receive(OPEN_TITLE, '改造补助请示.pdf', {})).id
  // The day's reading of the 机密 document: opened, its scan downloaded, its 处理笺 printed to Word.
  const doc = await clerk.ok('incoming.get', { id: secretId })
  await clerk.ok('incoming.downloadFile', { fileId: doc.files[0].fileId })
  await clerk.ok('incoming.exportRoutingSlipDocx', { id: secretId })
  await clerk.ok('incoming.get', { id: openId })
  auditor = rpcClient(server.url)
  await auditor.login('auditor')
})
afterAll(async () => { await server.stop() })

describe('the 安全审计员 reads a day of 机密 work (issue 14 §3)', () => {
  it('finds no 机密 title, 批示 or file name anywhere in the log, while the 机密 records show their number, 密级, actor and action', async () => {
    const log = await dayLog()
    const text = JSON.stringify(log)
    for (const secret of [SECRET_TITLE, SECRET_OPINION, SECRET_FILE]) expect(text).not.toContain(secret)
    const secretRows = log.rows.filter((r) => r.classification === '机密')
    expect(secretRows.map((r) => r.action)).toEqual(expect.arrayContaining(['签收登记收文', '登记领导批示或圈阅', '查阅收文', '下载收文正文、附件或反馈材料', '导出收文处理笺（Word）']))
    const registered = secretRows.find((r) => r.action === '签收登记收文' && r.entity === '收文')
    expect(registered).toMatchObject({ record: `收文 ${secretNumber}`, operator: '李科长', withheld: true, time: expect.stringMatching(/^2026年12月1日 09:00:\d\d$/) })
    expect(registered?.items).toContainEqual({ field: '内容', before: null, after: '（机密记录：内容不向安全审计员显示）' })
  })

  it('records opening, downloading and printing the 机密 收文 with who, when and from where; opening an unclassified one leaves no trace', async () => {
    const { rows } = await dayLog()
    const reads = rows.filter((r) => ['查阅', '下载', '导出'].includes(r.entity ?? '') && r.classification === '机密')
    expect(reads.map((r) => r.procedure).sort()).toEqual(['incoming.downloadFile', 'incoming.exportRoutingSlipDocx', 'incoming.get'])
    for (const r of reads) {
      expect(r.operator).toBe('李科长')
      expect(r.items).toContainEqual({ field: '来源地址', before: null, after: '127.0.0.1' })
      expect(r.items).toContainEqual({ field: '收文', before: null, after: secretNumber })
    }
    expect(rows.filter((r) => r.procedure === 'incoming.get')).toHaveLength(1)
  })

  it('shows an unclassified record in full, every field and value in Chinese: a unit by its name, not its number', async () => {
    const { rows } = await auditor.ok('audit.list', { entity: '收文', entityId: String(openId) })
    const created = rows.find((r) => r.kind === '新建')
    expect(created).toMatchObject({ classification: null, withheld: false })
    expect(created?.items).toEqual(expect.arrayContaining([
      { field: '标题', before: null, after: OPEN_TITLE }, { field: '来文单位', before: null, after: '市住房和城乡建设局' },
    ]))
    expect(created?.items.map((i) => i.field)).not.toContain('岗位名称')
  })

  it('answers with no camelCase key and no English field name in any reply: the list, the filters and the export', async () => {
    const log = await dayLog()
    expect(keysOf(log).filter((k) => /[a-z][A-Z]/.test(k))).toEqual([])
    const fields = log.rows.flatMap((r) => r.items.map((i) => i.field))
    expect(fields.filter((f: string) => /[A-Za-z]/.test(f))).toEqual([])
    expect(await auditor.ok('audit.entities')).toContain('查阅')
  })

  it('exports the filtered log to Excel with the same events and none of the secrets', async () => {
    const file = await auditor.ok('audit.exportXlsx', { from: '2026-12-01', to: '2026-12-01', classification: '机密' })
    expect(file.filename).toMatch(/^审计日志（.*导出）\.xlsx$/)
    const strings = unzipPart(Buffer.from(file.base64, 'base64'), 'xl/sharedStrings.xml')
    for (const secret of [SECRET_TITLE, SECRET_OPINION, SECRET_FILE]) expect(strings).not.toContain(secret)
    for (const seen of ['查阅收文', '下载收文正文、附件或反馈材料', '李科长', '机密', '127.0.0.1', '筛选条件：日期 2026-12-01 至 2026-12-01；密级 机密']) expect(strings).toContain(seen)
    expect(strings).not.toContain(OPEN_TITLE) // filtered to 机密
    const exported = (await auditor.ok('audit.list', { entity: '导出', limit: 5 })).rows[0]
    expect(exported).toMatchObject({ procedure: 'audit.exportXlsx', operator: '安全审计员', action: '导出审计日志（Excel）' })
  })

  it('withholds the content of a 机密 record written before audit records carried a 密级 (an older log)', async () => {
    const sqlite = server.core.conn.sqlite
    const old = { at: '2026-12-01T01:30:00.000Z', userId: 2, username: '李科长', procedure: 'documents.updateIncoming', entity: '收文', entityId: String(secretId),
      changes: JSON.stringify({ title: ['旧标题', SECRET_TITLE] }), classification: null }
    const prevHash = headHash(sqlite)
    sqlite.prepare('INSERT INTO audit_log (at, user_id, username, procedure, entity, entity_id, changes, prev_hash, hash) VALUES (@at, @userId, @username, @procedure, @entity, @entityId, @changes, @prevHash, @hash)')
      .run({ ...old, prevHash, hash: chainHash(prevHash, old) })
    const { rows } = await auditor.ok('audit.list', { entity: '收文', entityId: String(secretId) })
    expect(rows[0]).toMatchObject({ procedure: 'documents.updateIncoming', action: '修改收文登记信息', classification: '机密', withheld: true })
    expect(JSON.stringify(rows)).not.toContain(SECRET_TITLE)
    expect((await auditor.ok('audit.verify')).ok).toBe(true)
  })

  it('knows, for every procedure whose reads it records, a procedure of that name', () => {
    expect(RECORDED_READS.filter((name) => !(name in server.core.router.procedures))).toEqual([])
  })
})
