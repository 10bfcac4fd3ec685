/**
 * 导入 of the office's past (issue 18) against a real server: files built with a real spreadsheet writer and a GBK
 * CSV, read → mapping → 试导入 (writes nothing) → 确认导入 (all or nothing), re-import, corrected file, 密级, counters.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outgoingDocuments } from '../../src-main/documents/schema'
import type { ImportKind } from '../../src-main/common/imports'
import { rpcClient, startTestServer, must, type RpcClient, type TestServer, type OutputOf } from '../helpers/server'
import { csvOf, gbkCsvOf, xlsOf, xlsxOf, type FileCell } from '../helpers/import-files'
import { uploadAs } from '../helpers/upload'
import { IMPORTABLE_KINDS } from '../../src-main/common/imports'

let server: TestServer
let api: RpcClient
const db = () => server.core.conn.db

beforeAll(async () => {
  server = await startTestServer()
  api = rpcClient(server.url)
  await api.login()
  await api.ok('system.setClock', { at: '2026-11-10T09:00:00+08:00' })
})
afterAll(async () => { await server.stop() })

type Kind = ImportKind
type Report = OutputOf<'imports.check'>

async function read(kind: Kind, fileName: string, bytes: Buffer, as: RpcClient = api) {
  return as.ok('imports.read', { kind, file: await uploadAs(server.url, as, fileName, bytes) })
}
/** Reads and dry-runs a file with the mapping the page proposes. */
async function dryRun(kind: Kind, fileName: string, bytes: Buffer, as: RpcClient = api) {
  const file = await read(kind, fileName, bytes, as)
  const report = await as.ok('imports.check', { jobId: file.jobId, mapping: file.mapping })
  return { file, report }
}
const refusedRows = (r: Report) => [...new Set(r.refused.map((x) => x.row))]
const reasonsOf = (r: Report, row: number) => r.refused.filter((x) => x.row === row).map((x) => `${x.column}：${x.reason}`)
const readTemplateAs = async (as: RpcClient, t: { filename: string; base64: string }) => read('督办事项', t.filename, Buffer.from(t.base64, 'base64'), as)
const total2025 = async () => (await api.ok('registers.incoming', { year: 2025 })).total

const INCOMING_HEAD = ['收文号', '签收日期', '来文机关', '来文字号', '标题', '文种', '密级', '紧急程度', '办理情况', '承办单位', '办结日期']
const good: FileCell[][] = [
  ['收〔2025〕1号', '2025-3-7', '四川省人民政府办公厅', '川办发[2025]12号', '关于做好春季森林防火工作的通知', '通知', '非涉密', '特急', '已办结', '市应急管理局', '2025.03.20'],
  ['收〔2025〕2号', '2025.03.08', '市水利局', '资水〔2025〕3号', '关于申请防汛物资补助资金的请示', '', '秘密★1年', '', '', '市财政局', '2025年3月30日'],
  ['2025-3', new Date(Date.UTC(2025, 2, 9)), '雁江区人民政府', '', '关于商请支持老旧小区改造的函', '函', '', '加急', '办结', '', ''],
  ['收〔2025〕4号', '2025年3月10日', '市教育和体育局', '资教体〔2025〕9号', '关于2025年义务教育招生工作的报告', '报告', '', '', '已办结', '', ''],
  ['收〔2025〕5号', 45727, '市财政局', '', '关于下达2025年预算指标的通知', '通知', '', '', '', '', ''],
]
/** Rows 8–12 of the file (a title row, the header, then the five good rows 3–7). */
const badRows = (registered: string): FileCell[][] => [
  ['收〔2025〕6号', '2025-2-30', '市民政局', '', '关于养老服务补贴发放情况的报告', '报告', '', '', '', '', ''],
  ['收〔2025〕7号', '2025-3-12', '市民政局', '', '', '通知', '', '', '', '', ''],
  ['收〔2025〕8号', '2025-3-13', '省国家保密局', '', '关于某事项的通知', '通知', '绝密', '', '', '', ''],
  [registered, '2026-11-03', '市住房和城乡建设局', '', '关于城市更新项目的请示', '请示', '', '', '', '', ''],
  ['收〔2025〕1号', '2025-3-14', '市公安局', '', '关于春节期间道路交通安全的通报', '通报', '', '', '', '', ''],
]

describe('who imports (设置—导入人员)', () => {
  it('a 文秘 is refused by default with who may; once the 科长 designates 文秘 too, the 文秘 reads a file and back again', async () => {
    const wenmi = rpcClient(server.url)
    await wenmi.login('wenmi')
    const template = await api.ok('imports.template', { kind: '督办事项' })
    const refused = await wenmi.call('imports.template', { kind: '督办事项' })
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', message: '导入由科长办理（设置—导入人员），当前账户（文秘）不能导入。' })
    await api.ok('settings.update', { importRoles: ['文秘', '科长'] })
    try {
      const read = await readTemplateAs(wenmi, template)
      expect(read.rowCount).toBe(1)
    } finally {
      await api.ok('settings.update', { importRoles: ['科长'] })
    }
    expect((await wenmi.call('imports.template', { kind: '督办事项' })).body.error?.code).toBe('FORBIDDEN')
  })
})

// First, while nothing is imported yet: the dry run of each template writes nothing.
describe('templates', () => {
  it('each kind has a blank .xlsx with its columns and an example row, which itself imports as one new record (dry run)', async () => {
    for (const kind of IMPORTABLE_KINDS) {
      const t = await api.ok('imports.template', { kind })
      expect(t.filename).toBe(`${kind}导入模板.xlsx`)
      const { file, report } = await dryRun(kind, t.filename, Buffer.from(t.base64, 'base64'))
      expect(file.headers[0]).toMatch(/\*$/)
      expect(Object.keys(file.mapping).length).toBe(file.fields.length)
      expect(report).toMatchObject({ refused: [], created: 1 })
    }
  })
})

describe('收文登记簿 from an .xlsx with mixed date formats, bad rows and a duplicate of a registered 收文号', () => {
  let registered: string
  let file: Buffer

  beforeAll(async () => {
    const doc = await api.ok('incoming.receive', { receivedAt: '2026-11-02 09:00', sender: '市住房和城乡建设局', title: '关于城市更新项目资金的请示', docType: '请示' })
    registered = `收〔${doc.year}〕${doc.seq}号`
    file = await xlsxOf([INCOMING_HEAD, ...good, ...badRows(registered)], '2025年收文登记簿')
  })

  it('proposes the mapping from the header row below the title row, every column by its name', async () => {
    const f = await read('收文登记簿', '2025年收文登记簿.xlsx', file)
    expect(f.rowCount).toBe(10)
    expect(f.mapping).toMatchObject({ number: '收文号', receivedAt: '签收日期', sender: '来文机关', senderNumber: '来文字号', title: '标题', status: '办理情况', department: '承办单位', closedOn: '办结日期' })
  })

  it('the dry run lists exactly the bad rows, with column and reason, and writes nothing', async () => {
    const before = await total2025()
    const { report } = await dryRun('收文登记簿', '2025年收文登记簿.xlsx', file)
    expect(refusedRows(report)).toEqual([8, 9, 10, 11, 12])
    expect(reasonsOf(report, 8)).toEqual(['签收日期：“2025年2月30日”不是有效的日期'])
    expect(reasonsOf(report, 9)).toEqual(['标题：不能为空'])
    expect(reasonsOf(report, 10)).toEqual(['密级：绝密文件不得录入本系统'])
    expect(reasonsOf(report, 11)[0]).toContain(`与系统中已登记的${registered}`)
    expect(reasonsOf(report, 12)).toEqual(['收文号：与本文件第3行的收文号重复'])
    expect(report).toMatchObject({ created: 5, updated: 0, unchanged: 0, refusedRows: 5 })
    expect(report.preview.map((p) => p.row)).toEqual([3, 4, 5, 6, 7])
    expect(await total2025()).toBe(before)
  })

  it('reports the dry run\'s progress for the page\'s bar, and a stale import is refused with what to do', async () => {
    const { file: f } = await dryRun('收文登记簿', '2025年收文登记簿.xlsx', file)
    expect(await api.ok('imports.progress', { jobId: f.jobId })).toEqual({ phase: '完成', done: 10, total: 10 })
    const stale = await api.call('imports.confirm', { jobId: 'no-such-import-0', saveMapping: false })
    expect(stale.body.error?.message).toBe('这次导入已失效（超过一小时、服务器已重启或已导入完毕），请重新选择文件')
  })

  it('confirm writes exactly the good rows as closed history, found by search and counted in the register and the 统计', async () => {
    const { file: f } = await dryRun('收文登记簿', '2025年收文登记簿.xlsx', file)
    const result = await api.ok('imports.confirm', { jobId: f.jobId, saveMapping: true })
    expect(result).toMatchObject({ created: 5, refusedRows: 5 })
    const page = await api.ok('registers.incoming', { year: 2025 })
    expect(page.total).toBe(5)
    const byTitle = new Map(page.rows.map((r) => [r.title, r]))
    expect(must(byTitle.get('关于申请防汛物资补助资金的请示'), '请示')).toMatchObject({ docType: '请示', classification: '秘密', secrecyPeriod: '1年', receivedAt: '2025-03-08 00:00' })
    expect(must(byTitle.get('关于商请支持老旧小区改造的函'), '函')).toMatchObject({ receivedAt: '2025-03-09 00:00', urgency: '加急', status: '已办结' })
    expect(must(byTitle.get('关于下达2025年预算指标的通知'), '通知')).toMatchObject({ receivedAt: '2025-03-11 00:00' })
    expect((await api.ok('registers.incoming', { text: '森林防火' })).rows.map((r) => r.title)).toEqual(['关于做好春季森林防火工作的通知'])
    expect((await api.ok('registers.incoming', { text: '川办发〔2025〕12号' })).total).toBe(1)
    const byType = await api.ok('stats.table', { period: { from: '2025-01-01', to: '2025-12-31' }, table: 'incomingByType' })
    expect(byType.rows.at(-1)!.at(-1)).toBe(5)
  })

  it('the import is one act in the audit log: who, which file, how many, not one record per row', async () => {
    const auditor = rpcClient(server.url)
    await auditor.login('auditor')
    const { rows } = await auditor.ok('audit.list', { entity: '导入' })
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ operator: '李科长', procedure: 'imports.confirm' })
    expect(rows[0].items).toEqual(expect.arrayContaining([{ field: '文件', before: null, after: '2025年收文登记簿.xlsx' }, { field: '新增', before: null, after: '5' }]))
    expect((await auditor.ok('audit.list', { entity: '收文', limit: 50 })).rows.filter((r) => r.procedure === 'imports.confirm')).toEqual([])
  })

  it('importing the same file again changes nothing', async () => {
    const { file: f, report } = await dryRun('收文登记簿', '2025年收文登记簿.xlsx', file)
    expect(f.mappingSaved).toBe(true)
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 5 })
    const before = await api.ok('registers.incoming', { year: 2025 })
    expect(await api.ok('imports.confirm', { jobId: f.jobId, saveMapping: false })).toMatchObject({ created: 0, updated: 0, unchanged: 5 })
    expect(await api.ok('registers.incoming', { year: 2025 })).toEqual(before)
  })

  it('a corrected file updates the rows it identifies by 收文号 and says what changed', async () => {
    const corrected = good.map((r) => [...r])
    corrected[1][4] = '关于申请2025年防汛物资补助资金的请示'
    corrected[1][10] = '2025-4-2'
    const { file: f, report } = await dryRun('收文登记簿', '2025年收文登记簿（更正）.xlsx', await xlsxOf([INCOMING_HEAD, ...corrected]))
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 4 })
    expect(report.changes).toEqual([{ row: 3, label: '收〔2025〕2号《关于申请防汛物资补助资金的请示》', changes: ['标题：关于申请防汛物资补助资金的请示 → 关于申请2025年防汛物资补助资金的请示', '办结日期：2025-03-30 → 2025-04-02'] }])
    await api.ok('imports.confirm', { jobId: f.jobId, saveMapping: false })
    expect((await api.ok('registers.incoming', { text: '2025年防汛物资' })).rows.map((r) => r.title)).toEqual(['关于申请2025年防汛物资补助资金的请示'])
    expect((await api.ok('registers.incoming', { year: 2025 })).total).toBe(5)
  })

  it('a 收文 imported into this year moves the 收文号 counter past the highest imported, never back', async () => {
    const rows = [['收〔2026〕400号', '2026-1-5', '市财政局', '', '关于年初预算安排的通知', '通知', '', '', '', '', ''],
      ['收〔2026〕3号', '2026-1-6', '市财政局', '', '关于预算执行情况的通报', '通报', '', '', '', '', '']]
    const { file: f } = await dryRun('收文登记簿', '2026.xlsx', await xlsxOf([INCOMING_HEAD, ...rows]))
    await api.ok('imports.confirm', { jobId: f.jobId, saveMapping: false })
    const next = await api.ok('incoming.receive', { receivedAt: '2026-11-09 10:00', sender: '市财政局', title: '关于下达资金的通知', docType: '通知' })
    expect(`收〔${next.year}〕${next.seq}号`).toBe('收〔2026〕401号')
  })
})

describe('发文登记簿 from a GBK CSV with Chinese headers in another order', () => {
  const HEAD = ['标题', '签发人', '发文字号', '印发日期', '密级', '主送', '签发日期', '份数']
  const rows: FileCell[][] = [
    ['资阳市人民政府关于印发2025年重点项目计划的通知', '张华', '资府发[2025]56号', '2025/6/3', '', '各县（区）人民政府，市政府各部门', '2025-6-1', 120],
    ['资阳市人民政府关于加强安全生产工作的意见', '张华', '资府发（2025）57号', '2025/6/13', '非涉密', '各县（区）人民政府', '2025-6-10', 80],
    ['资阳市人民政府关于2026年防汛工作的通知', '李强', '资府发〔2026〕300号', '', '', '各县（区）人民政府', '2026-5-6', ''],
  ]
  let report: Report

  it('is read as GBK, mapped by name whatever the order, and checked without refusals', async () => {
    const r = await dryRun('发文登记簿', '2025发文.csv', gbkCsvOf([HEAD, ...rows]))
    expect(r.file.encoding).toBe('GBK')
    expect(r.file.mapping).toMatchObject({ title: '标题', signerName: '签发人', number: '发文字号', issuedOn: '印发日期', addressee: '主送', signedOn: '签发日期', copies: '份数' })
    report = r.report
    expect(report).toMatchObject({ created: 3, refused: [] })
    expect(report.preview.map((p) => p.text)).toEqual([
      '资府发〔2025〕56号 资阳市人民政府关于印发2025年重点项目计划的通知', '资府发〔2025〕57号 资阳市人民政府关于加强安全生产工作的意见', '资府发〔2026〕300号 资阳市人民政府关于2026年防汛工作的通知'])
    await api.ok('imports.confirm', { jobId: r.file.jobId, saveMapping: false })
    const page = await api.ok('registers.outgoing', { year: 2025 })
    expect(page.rows.map((d) => [d.numberText, d.status])).toEqual(expect.arrayContaining([['资府发〔2025〕57号', '已印发'], ['资府发〔2025〕56号', '已印发']]))
    expect((await api.ok('registers.outgoing', { text: '重点项目计划' })).rows.map((d) => d.numberText)).toEqual(['资府发〔2025〕56号'])
    expect((await api.ok('registers.outgoing', { text: '资府发[2025]57号' })).total).toBe(1)
  })

  it('a corrected file naming the 拟稿单位 lists the change by the unit\'s name, as the user wrote it', async () => {
    const withUnit = (unit: string) => xlsxOf([[...HEAD, '拟稿单位'], [...rows[0], unit]])
    const first = await dryRun('发文登记簿', '2025发文（补拟稿单位）.xlsx', await withUnit('市财政局'))
    expect(first.report.changes).toEqual([{ row: 2, label: '资府发〔2025〕56号《资阳市人民政府关于印发2025年重点项目计划的通知》', changes: ['拟稿单位：（空） → 市财政局'] }])
    await api.ok('imports.confirm', { jobId: first.file.jobId, saveMapping: false })
    const again = await dryRun('发文登记簿', '2025发文（改拟稿单位）.xlsx', await withUnit('市水利局'))
    expect(again.report.changes[0].changes).toEqual(['拟稿单位：市财政局 → 市水利局'])
  })

  it('after 资府发〔2025〕57号 the next number of that series in 2025 is 58, and this year continues after 300', async () => {
    const signed = (signedOn: string) => db().insert(outgoingDocuments).values({
      docType: '通知', signKind: '一般', series: '资府发', title: `关于${signedOn}工作的通知`, body: '特此通知。', status: '已签发',
      signerName: '张华', signOpinion: '同意。', signedOn, createdAt: new Date().toISOString(),
    }).returning().get().id
    expect((await api.ok('outgoing.number', { id: signed('2025-12-30') })).numberText).toBe('资府发〔2025〕58号')
    expect((await api.ok('outgoing.number', { id: signed('2026-11-09') })).numberText).toBe('资府发〔2026〕301号')
  })
})

describe('密级 and files the import cannot take', () => {
  it('a 科长 with 内部 clearance cannot bring in a 机密 row; the other rows come in', async () => {
    const sysadmin = rpcClient(server.url)
    await sysadmin.login('admin')
    const created = await sysadmin.ok('users.create', { username: 'kezhang2', displayName: '周科长', role: '科长', password: 'Kezhang2026a' })
    const secadmin = rpcClient(server.url)
    await secadmin.login('secadmin')
    await secadmin.ok('users.setClearance', { id: created.id, clearance: '内部' })
    const internal = rpcClient(server.url)
    await internal.login('kezhang2', 'Kezhang2026a')
    const rows = [['收〔2024〕1号', '2024-5-6', '省国家保密局', '', '关于保密检查的通知', '通知', '机密★10年', '', '', '', ''],
      ['收〔2024〕2号', '2024-5-7', '市财政局', '', '关于资金拨付的通知', '通知', '', '', '', '', '']]
    const { file: f, report } = await dryRun('收文登记簿', '2024.xlsx', await xlsxOf([INCOMING_HEAD, ...rows]), internal)
    expect(report.refused).toEqual([{ row: 2, column: '密级', reason: '您的涉密等级为内部，不能导入机密文件' }])
    expect(await internal.ok('imports.confirm', { jobId: f.jobId, saveMapping: false })).toMatchObject({ created: 1 })
    expect((await api.ok('registers.incoming', { year: 2024 })).rows.map((r) => r.title)).toEqual(['关于资金拨付的通知'])
  })

  it('an old-format .xls (as WPS saves it; here written by LibreOffice Calc) is read like an .xlsx: date and date-time cells, numbers, Chinese text', async () => {
    const rows: FileCell[][] = [['收文号', '签收时间', '来文机关', '标题', '份数', '办结日期'],
      ['收〔2020〕1号', new Date(Date.UTC(2020, 4, 11, 9, 30)), '四川省人民政府办公厅', '关于做好2020年防汛工作的通知', 3, new Date(Date.UTC(2020, 4, 20))],
      ['收〔2020〕2号', '2020年5月12日', '市财政局', '关于下达2020年预算的通知', '', '']]
    const { file: f, report } = await dryRun('收文登记簿', '2020年收文登记簿.xls', await xlsOf(rows))
    expect([f.encoding, f.rowCount, f.mapping.receivedAt]).toEqual([null, 2, '签收时间'])
    expect(report).toMatchObject({ created: 2, refused: [] })
    await api.ok('imports.confirm', { jobId: f.jobId, saveMapping: false })
    const page = (await api.ok('registers.incoming', { year: 2020 })).rows
    expect(page.map((r) => [r.seq, r.receivedAt, r.title, r.copies]).sort()).toEqual([
      [1, '2020-05-11 09:30', '关于做好2020年防汛工作的通知', 3],
      [2, '2020-05-12 00:00', '关于下达2020年预算的通知', 1],
    ])
  }, 60_000)

  it('a damaged .xls is refused with what to do', async () => {
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)])
    const r = await api.call('imports.read', { kind: '收文登记簿', file: await uploadAs(server.url, api, '2023年收文.xls', xls) })
    expect(r.body.error?.message).toBe('无法读取该Excel（.xls）文件：文件可能已损坏或加了密码。请在WPS/Excel中打开后另存为.xlsx再导入')
  })

  it('a register\'s 领导批示 column comes in as the text of the 办结说明, not as a routed 批示', async () => {
    const rows = [['收文号', '签收日期', '来文机关', '标题', '承办单位', '领导批示', '办结日期'],
      ['收〔2021〕1号', '2021-3-1', '市民政局', '关于春季救助工作的请示', '市财政局', '请财政局研究办理。刘芳 3月2日', '2021-3-20']]
    const { file: f } = await dryRun('收文登记簿', '2021.xlsx', await xlsxOf(rows))
    await api.ok('imports.confirm', { jobId: f.jobId, saveMapping: false })
    const row = must((await api.ok('registers.incoming', { year: 2021 })).rows[0], '2021年收文')
    const doc = await api.ok('incoming.get', { id: row.id })
    expect(doc.closingNote).toBe('承办单位：市财政局；领导批示：请财政局研究办理。刘芳 3月2日')
    expect(doc.instructions).toEqual([])
  })

  it('请示↔批复 from the past: a 批复 row naming the 收文号 it answers is linked both ways; a missing 收文 or a 通知 naming one is refused', async () => {
    const incoming = await dryRun('收文登记簿', '2019收文.xlsx', await xlsxOf([['收文号', '签收日期', '来文机关', '标题', '文种'],
      ['收〔2019〕3号', '2019-4-2', '雁江区人民政府', '关于申请城区排水管网改造资金的请示', '请示']]))
    await api.ok('imports.confirm', { jobId: incoming.file.jobId, saveMapping: false })
    const { file: f, report } = await dryRun('发文登记簿', '2019发文.xlsx', await xlsxOf([['发文字号', '标题', '文种', '印发日期', '答复的来文'],
      ['资府函〔2019〕21号', '资阳市人民政府关于同意雁江区城区排水管网改造资金的批复', '批复', '2019-4-20', '收〔2019〕3号'],
      ['资府函〔2019〕22号', '资阳市人民政府关于某事的批复', '批复', '2019-4-21', '收〔2019〕99号'],
      ['资府函〔2019〕23号', '资阳市人民政府关于某事的通知', '通知', '2019-4-22', '2019-3']]))
    expect(report.refused).toEqual([
      { row: 3, column: '答复的来文', reason: '本系统中没有收〔2019〕99号（或超出您的涉密等级）：请先导入或登记该收文，再导入本行' },
      { row: 4, column: '答复的来文', reason: '文种为通知：只有批复或函答复来文' },
    ])
    await api.ok('imports.confirm', { jobId: f.jobId, saveMapping: false })
    const reply = must((await api.ok('registers.outgoing', { year: 2019 })).rows.find((r) => r.numberSeq === 21), '资府函〔2019〕21号')
    const asking = must((await api.ok('registers.incoming', { year: 2019 })).rows.find((r) => r.seq === 3), '收〔2019〕3号')
    expect((await api.ok('outgoing.get', { id: reply.id })).replyTo).toMatchObject({ id: asking.id, numberText: '收〔2019〕3号' })
    expect((await api.ok('incoming.get', { id: asking.id })).replies.map((r) => r.numberText)).toEqual(['资府函〔2019〕21号'])
  })

  it('confirm writes everything or nothing: a failure on the last row leaves none of the file and no audit record, and the same import can be confirmed again', async () => {
    const rows = [1, 2, 3].map((i) => [`收〔2023〕${i}号`, `2023-4-${i}`, '市民政局', '', `关于第${i}批救助资金的通知`, '通知', '', '', '', '', ''])
    const { file: f } = await dryRun('收文登记簿', '2023.xlsx', await xlsxOf([INCOMING_HEAD, ...rows]))
    const imports = () => (server.core.conn.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE procedure = 'imports.confirm'").get() as { n: number }).n
    const before = imports()
    // A trigger in the file itself, so the import worker's own connection meets it on the third row.
    server.core.conn.sqlite.exec(`CREATE TRIGGER refuse_third BEFORE INSERT ON incoming_documents WHEN NEW.title = '关于第3批救助资金的通知' BEGIN SELECT RAISE(ABORT, '磁盘故障'); END`)
    try {
      expect((await api.call('imports.confirm', { jobId: f.jobId, saveMapping: false })).body.error).toEqual({ code: 'INTERNAL', message: '数据库出错，操作未完成，数据未改动' })
    } finally {
      server.core.conn.sqlite.exec('DROP TRIGGER refuse_third')
    }
    expect((await api.ok('registers.incoming', { year: 2023 })).total).toBe(0)
    expect(imports()).toBe(before)
    expect(await api.ok('imports.confirm', { jobId: f.jobId, saveMapping: false })).toMatchObject({ created: 3 })
    expect(imports()).toBe(before + 1)
  })
})

describe('建议提案 and 督办事项', () => {
  const PROPOSALS = [['类别', '年度', '编号', '案由', '提出人', '主办单位', '会办单位', '办理时限', '答复内容', '答复日期', '满意度'],
    ['政协提案', '2025', '第3-028号', '关于加强城区防汛预警体系建设的提案', '李晓梅', '市水利局', '市应急管理局、市农业农村局', '2025-7-31', '已制定预警方案', '2025-7-20', '满意'],
    ['人大代表建议', '2025年', '12', '关于增加城东学位供给的建议', '王建华', '市教育和体育局', '', '2025-7-31', '', '', ''],
    ['政协提案', '2025', '3-029', '关于某事的提案', '张三', '市气象局', '', '2025-7-31', '', '', ''],
    ['提议', '2025', '3-030', '关于某事的提案', '张三', '市水利局', '', '2025-7-31', '', '', '']]

  it('建议提案 from a UTF-8 CSV: numbers kept bare, 会办单位 by name, unknown units and kinds refused; the same file again is a no-op', async () => {
    const file = Buffer.from(csvOf(PROPOSALS), 'utf8')
    const { file: f, report } = await dryRun('建议提案', '2025建议提案.csv', file)
    expect(f.encoding).toBe('UTF-8')
    expect(report.refused).toEqual([
      { row: 4, column: '主办单位', reason: '组织机构中没有“市气象局”，请先在组织机构中添加该单位，或改成组织机构中的名称' },
      { row: 5, column: '类别', reason: '应为人大代表建议或政协提案' },
    ])
    await api.ok('imports.confirm', { jobId: f.jobId, saveMapping: false })
    const list = await api.ok('proposals.list', { year: 2025 })
    const byNumber = new Map(list.map((p) => [p.number, p]))
    expect(must(byNumber.get('3-028'), '3-028')).toMatchObject({ kind: '政协提案', reply: '已制定预警方案', satisfaction: '满意' })
    expect(must(byNumber.get('3-028'), '3-028').coDepartments.map((d) => d.name).sort()).toEqual(['市农业农村局', '市应急管理局'])
    expect(must(byNumber.get('12'), '12')).toMatchObject({ kind: '人大代表建议', repliedOn: null })
    expect((await dryRun('建议提案', '2025建议提案.csv', file)).report).toMatchObject({ created: 0, unchanged: 2 })
    const changed = PROPOSALS.map((r) => [...r])
    changed[2][3] = '关于增加城东小学学位供给的建议'
    const again = (await dryRun('建议提案', '2025建议提案（改）.csv', Buffer.from(csvOf(changed), 'utf8'))).report
    expect(reasonsOf(again, 3)).toEqual(['编号：人大代表建议2025年第12号已经登记，且与文件中的不同；如是更正，请在建议提案列表中点该件的“修改”'])
  })

  it('建议提案 with a 牵头市领导 column: a leader named by name (with or without the title) leads it, an empty cell keeps the 分管 default, an unknown name is refused', async () => {
    const rows = [['类别', '年度', '编号', '案由', '提出人', '主办单位', '办理时限', '牵头市领导'],
      ['政协提案', '2024', '4-001', '关于完善城区停车设施的提案', '周平', '市住房和城乡建设局', '2024-7-31', '刘芳副市长'],
      ['政协提案', '2024', '4-002', '关于加强农村饮水安全的提案', '周平', '市水利局', '2024-7-31', ''],
      ['政协提案', '2024', '4-003', '关于某事的提案', '周平', '市水利局', '2024-7-31', '钱多多']]
    const { file: f, report } = await dryRun('建议提案', '2024建议提案.xlsx', await xlsxOf(rows))
    expect(report.refused).toEqual([{ row: 4, column: '牵头市领导', reason: '组织机构中没有名为“钱多多”的市领导，请写市领导的姓名，或先在组织机构中录入' }])
    await api.ok('imports.confirm', { jobId: f.jobId, saveMapping: false })
    const byNumber = new Map((await api.ok('proposals.list', { year: 2024 })).map((p) => [p.number, p]))
    expect(must(byNumber.get('4-001'), '4-001').leader).toMatchObject({ holderName: '刘芳', byDefault: false })
    expect(must(byNumber.get('4-002'), '4-002').leader).toMatchObject({ holderName: '杨帆', byDefault: true })
  })

  it('组织机构 from the phone list: a new unit and its head, a 副秘书长 with the units he 分管, and a corrected phone updates the person', async () => {
    const HEAD = ['姓名', '单位', '职务', '单位类别', '办公电话', '手机', '分管领域', '分管单位']
    const rows = [HEAD,
      ['孙立', '', '副秘书长', '', '028-26000001', '13800000001', '协助秘书长负责农业农村方面工作', '市农业农村局'],
      ['钱进', '市大数据中心', '主任', '其他单位', '028-26000002', '', '', ''],
      ['赵六', '', '科员', '', '', '', '', '']]
    const { file: f, report } = await dryRun('组织机构', '通讯录.xlsx', await xlsxOf(rows))
    expect(report.refused).toEqual([{ row: 4, column: '单位', reason: '不能为空（市领导以外的人员须写明所在单位）' }])
    await api.ok('imports.confirm', { jobId: f.jobId, saveMapping: false })
    const org = await api.ok('org.overview')
    const post = (title: string, holder: string) => must(org.posts.find((p) => p.title === title && p.holderName === holder), `${title} ${holder}`)
    expect(post('主任', '钱进')).toMatchObject({ departmentName: '市大数据中心', kind: '部门主要负责人' })
    expect(post('副秘书长', '孙立')).toMatchObject({ departmentName: null, kind: '副秘书长', portfolio: '协助秘书长负责农业农村方面工作' })
    expect(must(org.departments.find((d) => d.name === '市农业农村局'), '市农业农村局').supervisor).toBe('副秘书长 孙立')
    const corrected = rows.slice(0, 3).map((r) => [...r])
    corrected[2][4] = '028-26000009'
    const again = await dryRun('组织机构', '通讯录（更正）.xlsx', await xlsxOf(corrected))
    expect(again.report).toMatchObject({ created: 0, updated: 1, unchanged: 1 })
    expect(again.report.changes[0].changes).toEqual(['办公电话：028-26000002 → 028-26000009'])
    await api.ok('imports.confirm', { jobId: again.file.jobId, saveMapping: false })
    expect(must((await api.ok('org.overview')).people.find((p) => p.name === '钱进'), '钱进').officePhone).toBe('028-26000009')
  })

  it('next year\'s phone list names a new 主任: refused without a 任职时间, with it the post is handed over and 钱进\'s record ends the day before (R-P1)', async () => {
    const HEAD = ['姓名', '单位', '职务', '办公电话', '任职时间']
    const without = await dryRun('组织机构', '通讯录2027.xlsx', await xlsxOf([HEAD, ['王新', '市大数据中心', '主任', '028-26000010', '']]))
    expect(without.report.refused).toEqual([{ row: 2, column: '任职时间', reason: '市大数据中心主任现由钱进担任。如已换人，请填写王新的任职时间，导入时即办理交接（钱进的任职记录保留）；如是增设的岗位，请先在组织机构中增设' }])
    const { file: f, report } = await dryRun('组织机构', '通讯录2027.xlsx', await xlsxOf([HEAD, ['王新', '市大数据中心', '主任', '028-26000010', '2026-10-1']]))
    expect(report).toMatchObject({ created: 1, refusedRows: 0 })
    await api.ok('imports.confirm', { jobId: f.jobId, saveMapping: false })
    const org = await api.ok('org.overview')
    const seats = org.posts.filter((p) => p.title === '主任' && p.departmentName === '市大数据中心')
    expect(seats.map((p) => p.holderName)).toEqual(['王新'])
    expect(org.holdings.filter((h) => h.postId === seats[0].id).map((h) => [h.personName, h.fromDate, h.toDate])).toEqual([['钱进', null, '2026-09-30'], ['王新', '2026-10-01', null]])
  })

  it('督办事项 from an .xlsx: open and closed items, a closed one without its date refused, the 督办领导 as named or else the unit\'s 分管领导, the 进展情况 as its first 进展报告', async () => {
    const rows = [['来源', '督办事项', '责任单位', '办结时限', '来源类别', '办理情况', '办结日期', '办理结果', '督办领导', '进展情况', '进展日期'],
      ['市政府第12次常务会议纪要', '制定城区老旧小区改造三年行动方案', '市住房和城乡建设局', '2025-6-30', '会议纪要', '已办结', '2025-6-20', '方案已印发', '', '', ''],
      ['李建国常务副市长批示', '督促城东片区雨污分流工程按期完工', '市住房和城乡建设局', '2026-12-31', '', '', '', '', '李建国', '主体工程已完成七成', '2026-10-15'],
      ['市政府第13次常务会议纪要', '完成农村公路养护考核', '市交通运输局', '2025-9-30', '会议纪要', '已办结', '', '', '', '', ''],
      ['市政府第13次常务会议纪要', '推进农村客运站建设', '市交通运输局', '2026-12-31', '会议纪要', '', '', '', '', '已完成选址', '']]
    const { file: f, report } = await dryRun('督办事项', '督办台账.xlsx', await xlsxOf(rows))
    expect(report.refused).toEqual([
      { row: 4, column: '办结日期', reason: '已办结的事项须填写办结日期' },
      { row: 5, column: '进展日期', reason: '填写了进展情况的，须填写报送进展的日期' },
    ])
    expect(await api.ok('imports.confirm', { jobId: f.jobId, saveMapping: false })).toMatchObject({ created: 2 })
    const items = await api.ok('followups.list', {})
    const byTask = new Map(items.map((i) => [i.task, i]))
    expect(must(byTask.get('制定城区老旧小区改造三年行动方案'), '已办结的事项')).toMatchObject({ status: '已办结', closedOn: '2025-06-20', source: '会议纪要' })
    expect(must(byTask.get('督促城东片区雨污分流工程按期完工'), '办理中的事项')).toMatchObject({ status: '办理中', source: '领导批示', deadline: '2026-12-31' })
    expect(must(byTask.get('督促城东片区雨污分流工程按期完工'), '办理中的事项').leader).toMatchObject({ title: '常务副市长', holderName: '李建国' })
    expect(must(byTask.get('督促城东片区雨污分流工程按期完工'), '办理中的事项')).toMatchObject({ reportCount: 1, lastReport: { reportedOn: '2026-10-15', content: '主体工程已完成七成' } })
    expect(must(byTask.get('制定城区老旧小区改造三年行动方案'), '已办结的事项').leader).toMatchObject({ holderName: '陈立新' })
  })
})
