/** 导入's pure rules (issue 18), as tables: what offices type in their registers, and what the import makes of it. */
import { describe, expect, it } from 'vitest'
import {
  classificationRefusal, headerKey, parseClassification, parseDate, parseDateTime, parseDocType, parseIncomingNumber, parseOutgoingNumber,
  parseUrgency, proposeMapping, type Cell,
} from '../../src-main/imports/rules'
import { decodeText } from '../../src-main/imports/read'
import { incomingKind } from '../../src-main/imports/kinds/incoming'
import { outgoingKind } from '../../src-main/imports/kinds/outgoing'
import { encodeGbk } from '../helpers/import-files'

const value = <T>(p: { ok: true; value: T } | { ok: false; reason: string }) => (p.ok ? p.value : `✗ ${p.reason}`)

describe('dates as offices type them', () => {
  const cases: [Cell, string | null][] = [
    ['2025-3-7', '2025-03-07'],
    ['2025-03-07', '2025-03-07'],
    ['2025.03.07', '2025-03-07'],
    ['2025.3.7', '2025-03-07'],
    ['2025/3/7', '2025-03-07'],
    ['2025年3月7日', '2025-03-07'],
    ['2025 年 3 月 7 日', '2025-03-07'],
    ['２０２５－３－７', '2025-03-07'],
    ['20250307', '2025-03-07'],
    ['2025-03-07 09:30', '2025-03-07'],
    [45723, '2025-03-07'],
    ['45723', '2025-03-07'],
    [45351, '2024-02-29'],
    [new Date(Date.UTC(2025, 2, 7)), '2025-03-07'],
    ['', null],
    [null, null],
  ]
  it.each(cases)('%s → %s', (cell, iso) => expect(value(parseDate(cell))).toBe(iso))

  const refused: [Cell, string][] = [
    ['2025-2-30', '“2025年2月30日”不是有效的日期'],
    ['2025-13-01', '“2025年13月1日”不是有效的日期'],
    ['三月七日', '“三月七日”不是日期（可写作2025-3-7、2025.03.07、2025年3月7日）'],
    [12, '“12”不是日期'],
    ['1900-01-01', '“1900年1月1日”不是有效的日期'],
  ]
  it.each(refused)('%s is refused: %s', (cell, reason) => expect(parseDate(cell)).toEqual({ ok: false, reason }))

  it('a 签收时间 keeps its time of day, or is the day at 00:00', () => {
    expect(value(parseDateTime('2025-03-07 09:30'))).toBe('2025-03-07 09:30')
    expect(value(parseDateTime('2025年3月7日'))).toBe('2025-03-07 00:00')
    expect(value(parseDateTime(45723))).toBe('2025-03-07 00:00')
  })

  it.each([
    ['a date-time cell keeps its time of day (read-excel-file: wall clock at UTC)', new Date(Date.UTC(2025, 2, 7, 9, 30)), '2025-03-07 09:30'],
    ['an Excel serial with a fraction', 45723.395833333, '2025-03-07 09:30'],
    ['the same serial typed in a CSV', '45723.395833333', '2025-03-07 09:30'],
    ['a time written in Chinese after the date', '2025年3月7日 9时30分', '2025-03-07 09:30'],
    ['a full-width colon', '2025.3.7 14：05', '2025-03-07 14:05'],
    ['a date-time a second before midnight stays on its day', 45723.99999, '2025-03-07 23:59'],
    ['the day of the month is not read as a time', '2025-03-17', '2025-03-17 00:00'],
  ])('签收时间: %s', (_, cell, expected) => {
    expect(value(parseDateTime(cell))).toBe(expected)
  })
})

describe('字号 with [] or 〔〕', () => {
  const outgoing: [string, string][] = [
    ['资府发〔2025〕57号', '资府发|2025|57'],
    ['资府发[2025]57号', '资府发|2025|57'],
    ['资府发（2025）57号', '资府发|2025|57'],
    ['资府发【2025】057号', '资府发|2025|57'],
    ['资府发 [2025] 57 号', '资府发|2025|57'],
    ['资府函〔2026〕第3号', '资府函|2026|3'],
  ]
  it.each(outgoing)('发文字号 %s → %s', (text, key) => {
    const p = parseOutgoingNumber(text)
    expect(p.ok && `${p.value.series}|${p.value.year}|${p.value.seq}`).toBe(key)
  })
  it('a 发文字号 without a year in brackets is refused, saying how it is written', () => {
    expect(parseOutgoingNumber('资府发57号')).toEqual({ ok: false, reason: '“资府发57号”不是发文字号（应如 资府发〔2025〕57号）' })
  })

  const incoming: [string, number, string][] = [
    ['收〔2025〕12号', 2026, '2025-12'],
    ['收[2025]12号', 2026, '2025-12'],
    ['2025-12', 2026, '2025-12'],
    ['2025年12号', 2026, '2025-12'],
    ['12', 2024, '2024-12'],
    ['第0012号', 2024, '2024-12'],
  ]
  it.each(incoming)('收文号 %s (签收 in %s) → %s', (text, year, key) => {
    const p = parseIncomingNumber(text, year)
    expect(p.ok && `${p.value.year}-${p.value.seq}`).toBe(key)
  })
})

describe('密级, 紧急程度 and 文种 words', () => {
  const classifications: [string, string][] = [
    ['', '无/'], ['非涉密', '无/'], ['公开', '无/'], ['内部', '无/'], ['秘密', '秘密/'], ['机密★1年', '机密/1年'], ['秘密（6个月）', '秘密/6个月'], ['秘密*长期', '秘密/长期'],
  ]
  it.each(classifications)('密级 %s → %s', (text, expected) => {
    const p = parseClassification(text)
    expect(p.ok && `${p.value.classification}/${p.value.period ?? ''}`).toBe(expected)
  })
  it('绝密 never comes in, and an unknown word is refused with the words that are', () => {
    expect(parseClassification('绝密★长期')).toEqual({ ok: false, reason: '绝密文件不得录入本系统' })
    expect(parseClassification('保密')).toEqual({ ok: false, reason: '“保密”不是密级（应为秘密、机密或非涉密）' })
  })
  it.each([
    ['机密', '机密', '机密', null],
    ['机密', '秘密', '机密', '本系统批准的最高密级为秘密（设置—系统最高密级），不能导入机密文件'],
    ['机密', '机密', '内部', '您的涉密等级为内部，不能导入机密文件'],
    ['秘密', '机密', '秘密', null],
    ['秘密', '无', '机密', '本系统批准的最高密级为非涉密（设置—系统最高密级），不能导入秘密文件'],
  ] as const)('a %s row, system approved to %s, importer cleared for %s → %s', (c, approved, clearance, reason) => {
    expect(classificationRefusal(c, approved, clearance)).toBe(reason)
  })
  it.each([['', '无'], ['一般', '无'], ['平件', '无'], ['加急', '加急'], ['急件', '加急'], ['特急', '特急']])('紧急程度 %s → %s', (text, u) => expect(value(parseUrgency(text))).toBe(u))
  it.each([
    ['通知', '关于x', '通知'], ['命令', '关于x', '命令（令）'], ['', '关于申请资金的请示', '请示'], ['', '关于x的函', '函'], ['', '关于某事', '✗ 未填写文种，标题也看不出文种'],
  ])('文种 %s with title %s → %s', (cell, title, t) => expect(value(parseDocType(cell, title))).toBe(t))
})

describe('the mapping proposed from the header row', () => {
  it('finds each column by its usual name or a variant, ignoring spaces, brackets and the template\'s *', () => {
    expect(headerKey(' 收文号（编号）* ')).toBe('收文号编号')
    expect(proposeMapping(incomingKind.fields, ['序号', '收文日期', '收文编号', '来文单位', '文 号', '文件标题', '密级*', '处理结果'])).toEqual({
      receivedAt: '收文日期', number: '收文编号', sender: '来文单位', senderNumber: '文 号', title: '文件标题', classification: '密级*',
    })
  })
  it('uses a column once: 发文字号 is the 发文 register\'s number, not a second 文号', () => {
    expect(proposeMapping(outgoingKind.fields, ['发文字号', '文号', '标题', '签发人', '成文日期'])).toEqual({ number: '发文字号', title: '标题', signerName: '签发人', issuedOn: '成文日期' })
  })
  it('takes a header that contains a name when none equals it (来文机关名称 for 来文机关)', () => {
    expect(proposeMapping(incomingKind.fields, ['来文机关名称'])).toEqual({ sender: '来文机关名称' })
  })
})

describe('CSV encodings', () => {
  it('reads UTF-8 as UTF-8 and WPS\'s GBK as GBK', () => {
    expect(decodeText(Buffer.from('收文号,标题\r\n', 'utf8'))).toEqual({ text: '收文号,标题\r\n', encoding: 'UTF-8' })
    expect(decodeText(encodeGbk('收文号,标题,来文机关\r\n'))).toEqual({ text: '收文号,标题,来文机关\r\n', encoding: 'GBK' })
  })
})
