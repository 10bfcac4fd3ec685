/**
 * 套红's pure parts (issue 16): reading a drafter's .docx (made here with the `docx` package, as Word would save it),
 * refusing what is not one, dropping the heads the frame prints itself, titles that keep 2027年度 on one line, and
 * R-D5's department series.
 */
import { describe, expect, it } from 'vitest'
import { blocksText, DocxReadError, notDocxReason, readDocxBody, withoutRepeatedHeads, withoutRepeatedTail, type DocxBlock, type DocxTable } from '../../src-main/print/docx-reader'
import { scaledColumns } from '../../src-main/print/body-table'
import { TYPE_AREA } from '../../src-main/print/gbt9704'
import { titleLines } from '../../src-main/documents/print/docx'
import { countyDirectiveSeriesCheck } from '../../src-main/documents/outgoing/rules'
import { OUTLINE_BODY, wordBody, wordBodyWithListNumbers } from '../helpers/word-body'

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

describe('reading a Word body', () => {
  it('reads paragraphs in order and the table with its spans and vertical merges, none of the drafter’s fonts', async () => {
    const blocks = readDocxBody(await wordBody([...OUTLINE_BODY], '标题'))
    expect(blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text)).toEqual(['标题', ...OUTLINE_BODY.filter((l) => l !== 'TABLE')])
    const at = blocks.findIndex((b) => b.kind === 'table')
    expect((blocks[at - 1] as { text: string }).text).toBe('各县（区）养护任务见下表：')
    const table = blocks[at] as DocxTable
    expect(table.columns).toEqual([2000, 2000, 2000])
    expect(table.rows.map((r) => r.map((c) => [c.paragraphs.join(''), c.span, c.merge]))).toEqual([
      [['养护任务分解表', 3, null]],
      [['县（区）', 1, null], ['养护里程（公里）', 1, null], ['完成时限', 1, null]],
      [['雁江区', 1, 'restart'], ['320', 1, null], ['2027年3月底', 1, null]],
      [['', 1, 'continue'], ['85（乡道）', 1, null], ['2027年6月底', 1, null]],
      [['安岳县', 1, null], ['410', 1, null], ['2027年6月底', 1, null]],
    ])
  })

  it('writes out Word’s automatic heading numbers (一、 （一） 1.), counting each level again under its parent', async () => {
    const blocks = readDocxBody(await wordBodyWithListNumbers([
      [null, '现就有关事项通知如下。'], [0, '总体要求'], [1, '工作目标'], [2, '完善机制。'], [2, '落实资金。'], [1, '基本原则'], [2, '统筹兼顾。'],
      [0, '保障措施'], [1, '加强领导'], [null, '各县（区）要落实责任。'],
    ]))
    expect(blocks.map((b) => (b as { text: string }).text)).toEqual([
      '现就有关事项通知如下。', '一、总体要求', '（一）工作目标', '1.完善机制。', '2.落实资金。', '（二）基本原则', '1.统筹兼顾。',
      '二、保障措施', '（一）加强领导', '各县（区）要落实责任。',
    ])
  })

  it.each([
    ['正文.doc', OLE, '是旧版 Word（.doc）格式'],
    ['正文.docx', OLE, '是旧版 Word（.doc）格式'],
    ['正文.wps', Buffer.from('PK'), '是旧版 Word（.doc）格式'],
    ['正文.pdf', Buffer.from('%PDF-1.4'), '不是 Word 文档（.docx）'],
    ['正文.docx', Buffer.from('%PDF-1.4'), '不是 Word 文档（.docx）'],
  ])('refuses %s (%#) and says to save it as .docx', (name, bytes, reason) => {
    expect(notDocxReason(name, bytes)).toContain(reason)
    expect(notDocxReason(name, bytes)).toContain('另存为')
  })

  it('takes a real .docx, and names a damaged one as damaged', async () => {
    const good = await wordBody(['经市政府同意，现通知如下。'])
    expect(notDocxReason('正文.DOCX', good)).toBeNull()
    expect(() => readDocxBody(good.subarray(0, 200))).toThrow(DocxReadError)
  })

  it('drops a leading title, 主送 or 附件 label the frame prints itself, and only at the start', () => {
    const p = (text: string): DocxBlock => ({ kind: 'paragraph', text })
    const blocks = [p('附件3'), p('县（区） 养护责任人名单'), p('雁江区：张三'), p('附件3')]
    expect(withoutRepeatedHeads(blocks, ['附件3', '县（区）养护责任人名单']).map((b) => (b as { text: string }).text)).toEqual(['雁江区：张三', '附件3'])
    expect(withoutRepeatedHeads([p('各县（区）人民政府：'), p('现通知如下。')], ['标题', '各县（区）人民政府'])).toHaveLength(1)
    expect(withoutRepeatedHeads([p('现通知如下。'), p('各县（区）人民政府：')], ['标题', '各县（区）人民政府'])).toHaveLength(2)
  })

  it.each([
    ['署名 and date', ['特此通知。', '资阳市水利局', '2026年12月1日'], false, ['特此通知。']],
    ['a date in Chinese numerals', ['特此通知。', '资阳市水利局', '二〇二六年十二月一日'], false, ['特此通知。']],
    ['附件说明 the frame lists', ['特此通知。', '附件：1.考核办法', '2.资金分配表', '资阳市水利局', '2026年12月1日'], true, ['特此通知。']],
    ['附件说明 kept when the frame lists none', ['特此通知。', '附件：1.考核办法'], false, ['特此通知。', '附件：1.考核办法']],
    ['the issuer named inside the text', ['资阳市水利局', '特此通知。'], false, ['资阳市水利局', '特此通知。']],
  ])('drops the closing lines the frame prints itself: %s', (_, lines, attachmentsListed, kept) => {
    const blocks = lines.map((text): DocxBlock => ({ kind: 'paragraph', text }))
    expect(withoutRepeatedTail(blocks, { issuer: '资阳市水利局', attachmentsListed }).map((b) => (b as { text: string }).text)).toEqual(kept)
  })

  it('gives the text a paragraph a line and a table row a line', () => {
    const table: DocxTable = { kind: 'table', columns: [1, 1], rows: [[{ paragraphs: ['县'], span: 1, merge: null }, { paragraphs: ['里程', '（公里）'], span: 1, merge: null }]] }
    expect(blocksText([{ kind: 'paragraph', text: '一、总体要求' }, table])).toBe('一、总体要求\n县\t里程 （公里）')
  })

  it('scales the source’s column widths to the type area exactly', () => {
    const w = scaledColumns([1000, 3000, 2000])
    expect(w.reduce((a, b) => a + b, 0)).toBe(TYPE_AREA.width)
    expect(w[1]).toBeGreaterThan(w[2])
  })
})

describe('the red-header title keeps a number with its 年/年度', () => {
  it.each([
    ['资阳市人民政府关于印发资阳市2027年度国民经济和社会发展计划的通知', ['资阳市人民政府关于印发资阳市', '2027年度国民经济和社会发展计划的通知']],
    ['资阳市人民政府关于下达2027年度市级重点项目投资计划的通知', ['资阳市人民政府关于下达2027年度', '市级重点项目投资计划的通知']],
    ['资阳市水利局关于做好2027年度冬春农田水利建设工作的通知', ['资阳市水利局关于做好2027年度', '冬春农田水利建设工作的通知']],
  ])('%s', (title, lines) => {
    expect(titleLines(title)).toEqual(lines)
  })
  it('takes a third line rather than break 2027|年度 or leave a line too long', () => {
    const lines = titleLines('资阳市人民政府关于公布资阳市第二批2027年度市级非物质文化遗产代表性项目名录的通知')
    expect(lines.join('')).toBe('资阳市人民政府关于公布资阳市第二批2027年度市级非物质文化遗产代表性项目名录的通知')
    for (const l of lines) {
      expect(l).not.toMatch(/^(年|度|\d)/)
      expect(l).not.toMatch(/\d$|\d年$/)
    }
    expect(lines).toHaveLength(3)
  })
})

describe('R-D5 a department’s directive to the counties under its own series (issue 16)', () => {
  const SERIES = [
    { code: '资府发', issuer: '资阳市人民政府' },
    { code: '资水发', issuer: '资阳市水利局', department: '市水利局' },
  ]
  const doc = (o: Partial<Parameters<typeof countyDirectiveSeriesCheck>[0]>) => ({
    countyDirective: true, series: '资水发', title: '资阳市水利局关于做好冬修工作的通知', draftingDepartmentName: '市水利局', ...o,
  })
  it.each([
    ['no drafting department', doc({ draftingDepartmentName: null }), '请先选择起草单位'],
    ['a department without its own series', doc({ draftingDepartmentName: '市教育和体育局', series: '资府发' }), '公文设置中还没有市教育和体育局的发文字号序列'],
    ['the government’s series', doc({ series: '资府发' }), '应使用市水利局的发文字号序列（资水发），不能用资府发'],
    ['the government’s name in the title', doc({ title: '资阳市人民政府关于做好冬修工作的通知' }), '标题应为“资阳市水利局关于……”'],
  ])('refuses %s, citing 第四十九条', (_, d, reason) => {
    const r = countyDirectiveSeriesCheck(d, SERIES, '资阳市人民政府')
    expect(r).toMatchObject({ ok: false, rule: 'R-D5' })
    expect(!r.ok && r.reason).toContain(reason)
    expect(!r.ok && r.reason).toMatch(/^第四十九条：/)
  })
  it('accepts it in the department’s series; other documents are not concerned', () => {
    expect(countyDirectiveSeriesCheck(doc({}), SERIES, '资阳市人民政府').ok).toBe(true)
    expect(countyDirectiveSeriesCheck(doc({ countyDirective: false, series: '资府发', draftingDepartmentName: null }), SERIES, '资阳市人民政府').ok).toBe(true)
  })
})
