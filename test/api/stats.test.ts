/**
 * 统计 over the real server (issue 17), on a generated office of two years: who may read the figures, that a reader
 * of lower clearance is told fewer documents and why, the Excel export of a figure, and the month's 督查通报 as a
 * GB/T 9704 Word file — checked in its XML and rendered by LibreOffice (PNG under test-results/print/, looked at).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { rpcClient, download, type OutputOf, type TestServer } from '../helpers/server'
import { startSeededServer, SEED_PASSWORD } from '../helpers/seeded-server'
import { unzipPart } from '../helpers/zip'
import { expectGbtPageNumbers } from '../helpers/gbt-checks'
import { hasLibreOffice, renderDocx } from '../helpers/render'
import { STAT_IDS } from '../../src-main/common/stats'

const TODAY = '2026-06-30'
const YEAR = { from: '2025-01-01', to: '2025-12-31' }
let server: TestServer
const clients: Record<string, ReturnType<typeof rpcClient>> = {}

beforeAll(async () => {
  server = await startSeededServer({ today: TODAY, seed: 11, scale: 0.02 })
  for (const user of ['kezhang', 'wenmi', 'chayue', 'admin']) {
    clients[user] = rpcClient(server.url)
    await clients[user].login(user, SEED_PASSWORD)
  }
}, 120_000)
afterAll(async () => { await server?.stop() })

const table = (user: string, id: (typeof STAT_IDS)[number], period = YEAR) => clients[user]!.ok('stats.table', { period, table: id })
const grandTotal = (t: OutputOf<'stats.table'>) => t.rows.at(-1)!.at(-1) as number

/** The texts of the table rows in document.xml, each cell's <w:t> joined. */
const docxRows = (xml: string) => xml.split('<w:tr>').slice(1).map((tr) => [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
  .map((tc) => [...tc[1]!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))

describe('统计表：谁能看、看到多少', () => {
  it('科长、文秘、查阅都能打开每一张统计表；三员不能', async () => {
    for (const user of ['kezhang', 'wenmi', 'chayue']) {
      for (const id of STAT_IDS) expect((await table(user, id)).id).toBe(id)
    }
    const refused = await clients.admin!.call('stats.table', { period: YEAR, table: 'stages' })
    expect(refused.body.error?.code).toBe('FORBIDDEN')
  })

  it('涉密等级为内部的查阅人员看到的收文件数更少，表下写明不含哪些', async () => {
    const all = await table('kezhang', 'incomingByType')
    const fewer = await table('chayue', 'incomingByType')
    expect(grandTotal(fewer)).toBeGreaterThan(0)
    expect(grandTotal(fewer)).toBeLessThan(grandTotal(all))
    expect(fewer.note).toContain('不含超出您涉密等级（内部）的文件')
    expect(all.note).not.toContain('不含')
  })

  it('统计期间超过一年时拒绝，并说明按年分别统计', async () => {
    const r = await clients.kezhang!.call('stats.table', { period: { from: '2024-01-01', to: '2025-06-30' }, table: 'stages' })
    expect(r.body.error?.code).toBe('VALIDATION')
    expect(r.body.error?.message).toContain('统计期间最长一年')
    const backwards = await clients.kezhang!.call('stats.table', { period: { from: '2025-06-30', to: '2025-01-01' }, table: 'stages' })
    expect(backwards.body.error?.message).toContain('截止日期不能早于起始日期')
  })
})

describe('导出 Excel', () => {
  it('每张统计表导出的 Excel 有标题、统计期间和说明，数字与页面上的表一致', async () => {
    const shown = await table('kezhang', 'onTimeByDepartment')
    const file = await download(clients.kezhang!, 'stats.export', { period: YEAR, table: 'onTimeByDepartment' })
    expect(file.filename).toBe('承办单位按期办结率（2025-01-01 至 2025-12-31）.xlsx')
    const sheet = unzipPart(file.buf, 'xl/worksheets/sheet1.xml')
    const shared = [...unzipPart(file.buf, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1]!.matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''))
    const rows = [...sheet.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) => [...row[1]!.matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
      const v = (c[2] ?? '').match(/<v>([^<]*)<\/v>/)?.[1] ?? ''
      return /t="s"/.test(c[1]!) ? shared[Number(v)] : v
    }).filter((v) => v !== ''))
    expect(rows[0]).toEqual(['承办单位按期办结率'])
    expect(rows[1]![0]).toContain('统计期间：2025-01-01 至 2025-12-31')
    expect(rows[2]).toEqual(shown.columns)
    expect(rows.slice(3)).toEqual(shown.rows.map((r) => r.map(String)))
    expect(shown.rows.length).toBeGreaterThan(3)
  })
})

describe('月度督查通报（Word）', () => {
  let report: { filename: string; buf: Buffer }
  beforeAll(async () => { report = await download(clients.kezhang!, 'stats.exportMonthlyReport', { year: 2026, month: 5 }) })

  it('红头是办公室名称，标题是本月的通报，主送、正文、落款和版记齐全', () => {
    expect(report.filename).toBe('关于2026年5月份重点工作督查情况的通报.docx')
    const xml = unzipPart(report.buf, 'word/document.xml')
    expect(xml).toMatch(/<w:color w:val="FF0000"\/>[\s\S]{0,400}资阳市人民政府办公室</)
    expect(xml).toContain('关于2026年5月份重点工作督查情况的通报')
    for (const text of ['各县（区）人民政府，市政府各部门：', '一、总体情况', '二、督办事项办理情况', '三、承办件按期办理情况', '四、逾期事项', '五、工作要求', '印发']) expect(xml).toContain(text)
    expectGbtPageNumbers(report.buf)
  })

  it('通报里的表与统计页面同月的表数字相同', async () => {
    const may = { from: '2026-05-01', to: '2026-05-31' }
    const [follow, due] = await Promise.all([table('kezhang', 'followUpsByDepartment', may), table('kezhang', 'onTimeByDepartment', may)])
    const rows = docxRows(unzipPart(report.buf, 'word/document.xml'))
    for (const t of [follow, due].filter((x) => x.rows.length)) {
      const at = rows.findIndex((r) => r.join('|') === t.columns.join('|'))
      expect(at, `${t.title} 的表头`).toBeGreaterThanOrEqual(0)
      expect(rows.slice(at + 1, at + 1 + t.rows.length)).toEqual(t.rows.map((r) => r.map(String)))
    }
    expect(due.rows.length).toBeGreaterThan(0)
  })

  it('逾期的督办事项按单位逐项列出，写明时限和逾期的工作日', async () => {
    const now = await table('kezhang', 'overdueNow', { from: '2026-05-01', to: '2026-05-31' })
    const xml = unzipPart(report.buf, 'word/document.xml')
    const withFollowUps = now.rows.filter((r) => (r[2] as number) > 0).map((r) => String(r[0]))
    for (const dep of withFollowUps) expect(xml).toMatch(new RegExp(`（[一二三四五六七八九十]+）${dep}`))
    if (withFollowUps.length) expect(xml).toMatch(/办理时限：\d{4}-\d{2}-\d{2}；逾期\d+个工作日/)
    else expect(xml).toContain('无逾期未办结的督办事项')
  })

  it('LibreOffice 打开后红头、标题、表格都在，页码按国标', () => {
    // The README's test command installs LibreOffice: its absence is a failure, not a reason to skip.
    expect(hasLibreOffice()).toBe(true)
    const r = renderDocx(report.buf, 'test-results/print', 'stats-monthly-report')
    expect(r.text).toContain('资阳市人民政府办公室')
    expect(r.text.replace(/\s+/g, '')).toContain('关于2026年5月份重点工作督查情况的通报')
    expect(r.text).toMatch(/—\s*1\s*—/)
    expect(r.pageCount).toBeGreaterThanOrEqual(2)
  })
})
