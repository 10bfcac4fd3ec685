/**
 * Pasting the State Council's notice on the 节假日 page (R-W2, X-6): each notice gives exactly its year's holidays and
 * 调休 make-up working days, as the data shipped with the product has them; a notice cut short or misread is refused
 * whole, naming the line — never half a year.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseHolidayText } from '../../src-main/calendar/notice'
import { packagedArrangements } from '../../src-main/calendar/seed'

const NOTICES = join(__dirname, '../fixtures/holiday-notices')
const notice = (year: number) => readFileSync(join(NOTICES, `${year}.txt`), 'utf8')
const packaged = packagedArrangements()

const parsed = (year: number, text: string) => {
  const r = parseHolidayText(year, text)
  if ('error' in r) throw new Error(r.error)
  return r.days
}
const asLines = (days: { date: string; kind: string }[]) => days.map((d) => `${d.date} ${d.kind}`).sort()

describe('R-W2 each State Council notice pasted gives exactly its year\'s holidays and 调休 days', () => {
  it.each([
    [2026, 'the packaged 2026 data, day for day'],
    [2025, '8 days of 春节 from 除夕, 国庆 and 中秋 merged into 8 days'],
    [2024, 'older wording: “1月1日放假，与周末连休”, the 除夕 advice sentence that sets no holiday'],
    [2018, 'older wording: “2月11日（星期日）上班”'],
  ])('%i: %s', (year) => {
    // The package files 2018-12-29…31 under 2018, but they come from the 2019 notice.
    const expected = packaged.get(year)!.filter((d) => !(year === 2018 && d.date >= '2018-12-29'))
    expect(asLines(parsed(year, notice(year)))).toEqual(asLines(expected))
  })

  it('2026 names each day by its item: 国庆节 for 10月1日, 国庆节 for the 调休 Saturday 10月10日', () => {
    const days = parsed(2026, notice(2026))
    expect(days.find((d) => d.date === '2026-10-01')).toEqual({ date: '2026-10-01', kind: '放假', name: '国庆节' })
    expect(days.find((d) => d.date === '2026-10-10')).toEqual({ date: '2026-10-10', kind: '上班', name: '国庆节' })
  })

  it('2024: the advice to rest on 除夕 (2月9日) is not a holiday', () => {
    expect(parsed(2024, notice(2024)).some((d) => d.date === '2024-02-09')).toBe(false)
  })

  it('2027 (the test notice): 29 holidays and 6 调休 working days', () => {
    const days = parsed(2027, notice(2027))
    expect(days.filter((d) => d.kind === '放假')).toHaveLength(29)
    expect(days.filter((d) => d.kind === '上班').map((d) => d.date)).toEqual(['2027-02-14', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'])
  })
})

const text2026 = notice(2026)
const lines = text2026.split('\n')
const lineOf = (start: string) => lines.findIndex((l) => l.trim().startsWith(start))
const upTo = (n: number) => lines.slice(0, n).join('\n')

describe('a notice that cannot be read completely is refused whole, naming the line (X-6)', () => {
  it.each([
    ['cut in the middle of 国庆节', text2026.slice(0, text2026.indexOf('10月10日（周六）上班') + 6), /第\d+行（七、国庆节）没有读完/],
    ['cut right after 国庆节\'s holidays, its 调休 days lost', upTo(lineOf('七、')) + '\n　　七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。', /之后中断.*请粘贴通知全文/],
    ['cut after 五、端午节', upTo(lineOf('六、')) + '\n国务院办公厅', /没有读到“中秋”、“国庆”的安排/],
    ['三、清明节 left out', lines.filter((l) => !l.includes('三、清明节')).join('\n'), /第\d+行（四、劳动节）：条目序号应为“三、”/],
    ['a weekday that does not match the date', text2026.replace('1月4日（周日）', '1月4日（周一）'), /第\d+行（一、元旦）：“1月4日（周一）”的星期与日期不符（2026年该日是星期日）/],
    ['a count that does not match the period', text2026.replace('共9天', '共8天'), /第\d+行（二、春节）：.*共8天，日期范围却是9天/],
    ['a sentence it cannot read', text2026.replace('5月9日（周六）上班', '5月9日（周六）照常上班'), /第\d+行（四、劳动节）：无法识别“5月9日（周六）照常上班”/],
    ['the notice of another year', text2026, /粘贴的是2026年的通知，所选年份是2027年/],
  ])('%s', (_why, text, message) => {
    const year = message.source.includes('2027') ? 2027 : 2026
    const r = parseHolidayText(year, text)
    expect(r).toEqual({ error: expect.stringMatching(message) })
  })

  it('the one-day-a-line format still reads, and an unreadable line is named', () => {
    expect(parsed(2027, '2027-10-01 至 2027-10-03 放假 国庆节\n2027-09-26 上班 国庆节')).toHaveLength(4)
    expect(parseHolidayText(2027, '2027-10-01 放假 国庆节\n十月一日放假')).toEqual({ error: expect.stringMatching(/^第2行无法识别/) })
  })
})
