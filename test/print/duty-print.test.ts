import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, rpcClient, download, must, type OutputOf, type TestServer } from '../helpers/server'
import { hasLibreOffice, renderDocx } from '../helpers/render'
import { unzipPart } from '../helpers/zip'

const OUT = 'test-results/print'

let server: TestServer
let api: ReturnType<typeof rpcClient>
type Roster = OutputOf<'duty.get'>
let december: Roster
let national: Roster
let october: Roster
const files: Record<string, { filename: string; mime: string; buf: Buffer }> = {}


async function exportFile(key: string, name: 'duty.exportRosterDocx' | 'duty.exportRosterXlsx' | 'duty.exportLogDocx', input: { id: number } | { from: string; to: string }) {
  files[key] = await download(api, name, input)
}

/** The texts of the table rows in document.xml, each row's <w:t> joined by '|'. */
const docxRows = (xml: string) => xml.split('<w:tr>').slice(1).map((tr) => [...tr.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
  .map((tc) => [...tc[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))

/** The sheet's rows as text: shared strings resolved, inline strings read. */
function sheetRows(buf: Buffer): string[][] {
  const sheet = unzipPart(buf, 'xl/worksheets/sheet1.xml')
  let shared: string[] = []
  try {
    shared = [...unzipPart(buf, 'xl/sharedStrings.xml').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => [...m[1].matchAll(/<t[^>]*>([^<]*)<\/t>/g)].map((t) => t[1]).join(''))
  } catch { /* no shared strings */ }
  return [...sheet.matchAll(/<row [^>]*>([\s\S]*?)<\/row>/g)].map((row) => [...row[1].matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((c) => {
    const attrs = c[1]; const inner = c[2] ?? ''
    if (/t="s"/.test(attrs)) return shared[Number(inner.match(/<v>(\d+)<\/v>/)![1])]
    const t = inner.match(/<t[^>]*>([^<]*)<\/t>/)
    if (t) return t[1]
    return inner.match(/<v>([^<]*)<\/v>/)?.[1] ?? ''
  }))
}

const who = (roster: Roster, date: string, role: string) =>
  must(must(roster.days.find((d) => d.date === date), `${date} 的值班`).duties.find((d) => d.role === role)?.person, `${date} 的${role}`)

beforeAll(async () => {
  server = await startTestServer()
  api = rpcClient(server.url)
  await api.login()
  const dec = await api.ok('duty.generate', { kind: '办公室值班', from: '2026-12-01', to: '2026-12-31' })
  december = await api.ok('duty.get', { id: dec.id })
  await api.ok('duty.publish', { id: dec.id })
  december = await api.ok('duty.get', { id: dec.id })
  // R-W1: the leaders' roster shows the office's staff on duty beside each leader, from the published October roster.
  const oct = await api.ok('duty.generate', { kind: '办公室值班', from: '2026-10-01', to: '2026-10-31' })
  await api.ok('duty.publish', { id: oct.id })
  october = await api.ok('duty.get', { id: oct.id })
  const nat = await api.ok('duty.generate', { kind: '领导带班', from: '2026-09-28', to: '2026-10-11' })
  national = await api.ok('duty.get', { id: nat.id })
  await api.ok('duty.addLog', { at: '2026-12-15 21:40', callerUnit: '雁江区应急管理局', callerName: '王强', callerPhone: '028-26650110', content: '雁江区某镇发生山火，已组织扑救', handling: '已报告带班领导', notified: '市应急管理局', urgent: true })
  await api.ok('duty.addLog', { at: '2026-12-15 09:10', callerUnit: '市气象局', content: '明日有寒潮，最低气温-2℃' })
  await exportFile('decDocx', 'duty.exportRosterDocx', { id: dec.id })
  await exportFile('decXlsx', 'duty.exportRosterXlsx', { id: dec.id })
  await exportFile('natDocx', 'duty.exportRosterDocx', { id: nat.id })
  await exportFile('natXlsx', 'duty.exportRosterXlsx', { id: nat.id })
  await api.ok('duty.addHandover', { date: '2026-12-15', shift: '主班', note: '山火扑救情况明早续报', fromPersonId: who(december, '2026-12-15', '主班').id, toPersonId: who(december, '2026-12-16', '主班').id })
  await exportFile('logDocx', 'duty.exportLogDocx', { from: '2026-12-15', to: '2026-12-15' })
}, 60_000)
afterAll(async () => { await server?.stop() })

describe('the roster as a Word file', () => {
  it('names the file after the printed title and gives the Word MIME type', () => {
    expect(files.decDocx.filename).toBe('资阳市人民政府办公室2026年12月值班表.docx')
    expect(files.decDocx.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(files.natDocx.filename).toBe('资阳市人民政府2026年国庆节领导带班表.docx')
  })

  it('sets both rosters on a landscape A4 page (the leaders\' one has the posts and the staff on duty beside them)', () => {
    expect(unzipPart(files.decDocx.buf, 'word/document.xml')).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/)
    expect(unzipPart(files.natDocx.buf, 'word/document.xml')).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/)
  })

  it('gives every run an East Asian font: title 2号小标宋, table 仿宋', () => {
    const xml = unzipPart(files.decDocx.buf, 'word/document.xml')
    for (const f of xml.match(/<w:rFonts [^>]*>/g)!) expect(f).toMatch(/w:eastAsia="[^"]+"/)
    const runOf = (text: string) => xml.split('<w:r>').find((r) => r.includes(`>${text}<`))!
    expect(runOf('资阳市人民政府办公室2026年12月值班表')).toContain('w:eastAsia="方正小标宋简体"')
    expect(runOf('资阳市人民政府办公室2026年12月值班表')).toContain('<w:sz w:val="44"/>')
    const name = who(december, '2026-12-01', '主班').name
    expect(runOf(name)).toContain('w:eastAsia="仿宋_GB2312"')
    expect(xml).toContain('值班时间：2026年12月1日至2026年12月31日')
    expect(xml).toContain('值班电话：028-26610000')
    expect(xml).toContain('注：')
  })

  it('puts the right names and phones on the right dates', () => {
    const rows = docxRows(unzipPart(files.decDocx.buf, 'word/document.xml'))
    expect(rows[0]).toEqual(['日期', '带班', '主班', '副班'])
    expect(rows[1].slice(1)).toEqual(['姓名', '办公电话', '手机', '姓名', '办公电话', '手机', '姓名', '办公电话', '手机'])
    const body = rows.slice(2)
    expect(body).toHaveLength(31)
    for (const day of december.days) {
      const [m, d] = [Number(day.date.slice(5, 7)), Number(day.date.slice(8))]
      const row = body.find((r) => r[0].startsWith(`${m}月${d}日 `))!
      const expected = ['带班', '主班', '副班'].flatMap((role) => { const p = who(december, day.date, role); return [p.name, p.officePhone ?? '', p.mobile ?? ''] })
      expect(row.slice(1)).toEqual(expected)
    }
    expect(body[0][0]).toBe('12月1日 星期二')
    expect(body[24][0]).toBe('12月25日 星期五')
  })

  it('R-W1 lists the leaders on the seven 国庆 days with their posts and phones, and the office\'s staff on duty beside them', () => {
    const rows = docxRows(unzipPart(files.natDocx.buf, 'word/document.xml'))
    expect(rows[0]).toEqual(['日期', '带班领导', '办公室值班人员'])
    expect(rows[1]).toEqual(['', '姓名', '职务', '办公电话', '手机', ''])
    const body = rows.slice(2)
    expect(body.map((r) => r[0])).toEqual(['10月1日 星期四（国庆节）', '10月2日 星期五（国庆节）', '10月3日 星期六（国庆节）', '10月4日 星期日（国庆节）', '10月5日 星期一（国庆节）', '10月6日 星期二（国庆节）', '10月7日 星期三（国庆节）'])
    const posts = new Set<string>()
    for (const [i, day] of national.days.entries()) {
      const p = who(national, day.date, '带班领导')
      const post = must(day.duties[0].post, `${day.date} 带班领导的职务`)
      posts.add(post)
      // Two to a line: 带班 and 主班, then 副班.
      const [lead, main, deputy] = ['带班', '主班', '副班'].map((role) => { const s = who(october, day.date, role); return `${role} ${s.name} ${s.mobile}` })
      const staff = `${lead}　${main}${deputy}`
      expect(body[i].slice(1)).toEqual([p.name, post, p.officePhone ?? '', p.mobile ?? '', staff])
    }
    expect([...posts].sort()).toEqual(expect.arrayContaining(['市长', '常务副市长']))
    expect(unzipPart(files.natDocx.buf, 'word/document.xml')).toContain('（草稿）')
  })
})

describe('the roster as an Excel file', () => {
  it('is an xlsx with the title, the two header rows and a row a day with the right names', () => {
    expect(files.decXlsx.filename).toBe('资阳市人民政府办公室2026年12月值班表.xlsx')
    expect(files.decXlsx.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const rows = sheetRows(files.decXlsx.buf)
    expect(rows[0][0]).toBe('资阳市人民政府办公室2026年12月值班表')
    expect(rows[1][0]).toBe('值班时间：2026年12月1日至2026年12月31日')
    expect(rows[2].filter(Boolean)).toEqual(['日期', '带班', '主班', '副班'])
    expect(rows[3].filter(Boolean)).toEqual(['姓名', '办公电话', '手机', '姓名', '办公电话', '手机', '姓名', '办公电话', '手机'])
    const body = rows.slice(4, 35)
    for (const [i, day] of december.days.entries()) {
      const expected = ['带班', '主班', '副班'].flatMap((role) => { const p = who(december, day.date, role); return [p.name, p.officePhone ?? '', p.mobile ?? ''] })
      expect(body[i][0]).toMatch(new RegExp(`^12月${Number(day.date.slice(8))}日 星期`))
      expect(body[i].slice(1)).toEqual(expected)
    }
    expect(rows.flat()).toContain('值班电话：028-26610000')
    expect(unzipPart(files.decXlsx.buf, 'xl/worksheets/sheet1.xml')).toContain('orientation="landscape"')
  })

  it('R-W1 gives the 国庆 leaders on their days with their posts, and the office\'s staff on duty', () => {
    const rows = sheetRows(files.natXlsx.buf)
    expect(rows[2].filter(Boolean)).toEqual(['日期', '带班领导', '办公室值班人员'])
    expect(rows[3].filter(Boolean)).toEqual(['姓名', '职务', '办公电话', '手机'])
    const body = rows.slice(4, 11)
    for (const [i, day] of national.days.entries()) {
      expect(body[i].slice(1, 3)).toEqual([who(national, day.date, '带班领导').name, day.duties[0].post])
      expect(body[i][5].split('\n')).toEqual(['带班', '主班', '副班'].map((role) => { const s = who(october, day.date, role); return `${role} ${s.name} ${s.mobile}` }))
    }
  })
})

describe('the duty log as a Word file', () => {
  it('tables the day\'s entries in time order, urgent ones marked', () => {
    expect(files.logDocx.filename).toBe('值班记录（2026-12-15）.docx')
    const xml = unzipPart(files.logDocx.buf, 'word/document.xml')
    expect(xml).toContain('资阳市人民政府办公室值班记录')
    expect(xml).toContain('2026年12月15日')
    const rows = docxRows(xml)
    expect(rows[0]).toEqual(['时间', '来电单位及来电人', '来电内容', '处理情况', '报告或通知', '后续跟进', '记录人'])
    expect(rows[1].slice(0, 3)).toEqual(['09:10', '市气象局', '明日有寒潮，最低气温-2℃'])
    expect(rows[2].slice(0, 5)).toEqual(['21:40', '雁江区应急管理局王强 028-26650110', '【紧急】雁江区某镇发生山火，已组织扑救', '已报告带班领导', '市应急管理局'])
    expect(xml).toContain('共2条，其中紧急1条。')
  })
})

describe('the rosters rendered with LibreOffice', () => {
  const available = hasLibreOffice()
  const run = available ? it : it.skip
  run('renders the December office roster landscape with every day and the notes', () => {
    const r = renderDocx(files.decDocx.buf, OUT, 'duty-roster-december')
    const text = r.text.replace(/\s+/g, '')
    expect(text).toContain('资阳市人民政府办公室2026年12月值班表')
    expect(text).toContain('12月31日星期四')
    expect(text).toContain(who(december, '2026-12-31', '副班').name)
    expect(text).toContain('值班电话：028-26610000')
    expect(r.pageCount).toBe(2)
  }, 120_000)

  run('renders the 国庆 leaders\' roster on one page', () => {
    const r = renderDocx(files.natDocx.buf, OUT, 'duty-roster-national')
    expect(r.pageCount).toBe(1)
    expect(r.text.replace(/\s+/g, '')).toContain('资阳市人民政府2026年国庆节领导带班表')
  }, 120_000)

  run('renders the duty log', () => {
    const r = renderDocx(files.logDocx.buf, OUT, 'duty-log')
    const text = r.text.replace(/\s+/g, '')
    expect(text).toContain('明日有寒潮')
    expect(text).toContain('记录人')
    expect(text).toContain('交接班记录')
    expect(text).toContain('山火扑救情况明早续报')
    expect(text).toContain(`${who(december, '2026-12-15', '主班').name}→${who(december, '2026-12-16', '主班').name}`)
  }, 120_000)
})
