/**
 * Reads the State Council's notice (国务院办公厅关于YYYY年部分节假日安排的通知) as pasted (R-W2, X-6): its holidays and
 * 调休 make-up working days, exactly. Text that cannot be read completely is refused whole, naming the line — a year is
 * never entered by half. Pure: the page previews what this returns, the import saves it.
 */
import { addDays, isRealDate, weekdayOf, yearOf, type IsoDate } from '../common/dates'
import { parseArrangement, type ArrangementLine } from './rules'

export type ParseResult = { days: ArrangementLine[] } | { error: string }

/** The seven holidays every notice since 2008 arranges; a notice missing one was cut short. */
const FESTIVALS = ['元旦', '春节', '清明', '劳动', '端午', '中秋', '国庆'] as const

const ITEM = /^([一二三四五六七八九十]+)、([^：:]{1,20})[：:](.*)$/
const NUMERALS = '一二三四五六七八九十'
const DATE = '(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日(?:（([^）]*)）)?'
const END = '(?:(?:(\\d{4})年)?(\\d{1,2})月)?(\\d{1,2})日(?:（([^）]*)）)?'
const HOLIDAY = new RegExp(`^${DATE}(?:至${END})?(?:放假|休息)(?:调休)?(?:(\\d+)天)?((?:，(?:共\\d+天|不调休|与周末连休|放假调休))*)$`)
const WORKDAY_LIST = new RegExp(`^${DATE}(?:、${DATE})*上班$`)
const ONE_DATE = new RegExp(DATE, 'g')
const WEEKDAYS = '日一二三四五六'

/** The year a notice's title names (关于2027年部分节假日安排的通知), or null. */
export function noticeYear(text: string): number | null {
  const m = text.match(/关于(\d{4})年部分节假日安排/)
  return m ? Number(m[1]) : null
}

/** Whether the text is the notice's wording rather than the one-day-a-line format. */
export const looksLikeNotice = (text: string): boolean => text.split(/\r?\n/).some((l) => ITEM.test(clean(l)))

/** Either form the 节假日 page accepts: the pasted notice, or lines like "2027-10-01 至 2027-10-07 放假 国庆节". */
export function parseHolidayText(year: number, text: string): ParseResult {
  const named = noticeYear(text)
  if (named !== null && named !== year) return { error: `粘贴的是${named}年的通知，所选年份是${year}年。请核对后重新选择年份。` }
  const parsed = looksLikeNotice(text) ? parseNotice(year, text) : parseArrangement(year, text)
  if ('error' in parsed) return parsed
  const seen = new Set<string>()
  for (const d of parsed.days) {
    if (seen.has(d.date)) return { error: `${d.date} 出现了两次，请核对` }
    seen.add(d.date)
  }
  return { days: [...parsed.days].sort((a, b) => a.date.localeCompare(b.date)) }
}

const clean = (line: string) => line.replace(/[\u3000\s]+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/,/g, '，').replace(/:/g, '：')

interface Item { numeral: string; name: string; body: string; line: number; lastLine: number }

/** The numbered items (一、元旦：…) with their line numbers; a wrapped item's following lines are joined to it. */
function itemsOf(lines: string[]): { items: Item[]; after: boolean } {
  const items: Item[] = []
  let after = false
  lines.forEach((raw, i) => {
    const line = clean(raw)
    if (!line) return
    const m = line.match(ITEM)
    const open = items.at(-1)
    if (m) items.push({ numeral: m[1], name: m[2], body: m[3], line: i + 1, lastLine: i + 1 })
    else if (open && !after && !open.body.endsWith('。')) { open.body += line; open.lastLine = i + 1 }
    else if (open) after = true
  })
  return { items, after }
}

/** The notice's text: every numbered item read, every sentence understood, all seven holidays there — or an error. */
export function parseNotice(year: number, text: string): ParseResult {
  const { items, after } = itemsOf(text.split(/\r?\n/))
  if (!items.length) return { error: '没有找到“一、元旦：……”这样的条目。请粘贴国务院办公厅通知的全文。' }
  const days: ArrangementLine[] = []
  for (const [k, item] of items.entries()) {
    const where = `第${item.line}行（${item.numeral}、${item.name}）`
    if (item.numeral !== NUMERALS[k]) return { error: `${where}：条目序号应为“${NUMERALS[k]}、”，前面的条目缺失或顺序有误。` }
    if (!item.body.endsWith('。')) return { error: `${where}没有读完：“${tail(item.body)}”在句中中断。请粘贴通知全文。` }
    const read = readItem(year, item.name, item.body)
    if ('error' in read) return { error: `${where}：${read.error}` }
    days.push(...read.days)
  }
  const last = items.at(-1)!
  if (!after) return { error: `通知在第${last.lastLine}行（${last.numeral}、${last.name}）之后中断，看不出是否完整。请粘贴通知全文，包括结尾的“国务院办公厅”署名。` }
  const missing = FESTIVALS.filter((f) => !items.some((i) => i.name.includes(f)))
  if (missing.length) return { error: `通知不完整：没有读到${missing.map((f) => `“${f}”`).join('、')}的安排（通知应有元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）。请粘贴通知全文。` }
  return { days }
}

const tail = (s: string) => (s.length > 24 ? `…${s.slice(-24)}` : s)

/** One item's sentences: holidays (a day or a period), make-up working days, and advice (鼓励…) that sets no day. */
function readItem(year: number, name: string, body: string): ParseResult {
  const days: ArrangementLine[] = []
  let holidays = 0
  for (const sentence of body.split('。').filter(Boolean)) {
    if (sentence.startsWith('鼓励')) continue
    const read = HOLIDAY.test(sentence) ? readHoliday(year, name, sentence) : WORKDAY_LIST.test(sentence) ? readWorkdays(year, name, sentence) : { error: `无法识别“${sentence}”` }
    if ('error' in read) return read
    if (read.days[0]?.kind === '放假') holidays++
    days.push(...read.days)
  }
  if (!holidays) return { error: '没有读到放假日期' }
  return { days }
}

/** A date as the notice writes it, checked against the year and the weekday it names in brackets. */
function dateOf(year: number, y: string | undefined, m: string, d: string, note: string | undefined): { date: IsoDate } | { error: string } {
  const date = `${y ?? year}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`
  const written = `${y ? `${y}年` : ''}${Number(m)}月${Number(d)}日`
  if (!isRealDate(date)) return { error: `日期“${written}”不存在` }
  if (yearOf(date) !== year) return { error: `日期“${written}”不在${year}年内；跨年的日子请在${yearOf(date)}年的安排中用“更正某日”录入` }
  const wd = note?.match(/(?:周|星期)([日天一二三四五六])/)
  if (wd && WEEKDAYS.indexOf(wd[1] === '天' ? '日' : wd[1]) !== weekdayOf(date)) {
    return { error: `“${written}（${note}）”的星期与日期不符（${year}年该日是星期${WEEKDAYS[weekdayOf(date)]}），请核对年份和原文` }
  }
  return { date }
}

function readHoliday(year: number, name: string, sentence: string): ParseResult {
  const m = sentence.match(HOLIDAY)!
  const [, y1, m1, d1, n1, y2, m2, d2, n2, short, rest] = m
  const from = dateOf(year, y1, m1, d1, n1)
  if ('error' in from) return from
  const to = d2 ? dateOf(year, y2 ?? y1, m2 ?? m1, d2, n2) : from
  if ('error' in to) return to
  if (to.date < from.date) return { error: `“${sentence}”的结束日期早于开始日期` }
  const days: ArrangementLine[] = []
  for (let d = from.date; d <= to.date; d = addDays(d, 1)) days.push({ date: d, kind: '放假', name })
  const total = Number(rest.match(/共(\d+)天/)?.[1] ?? short ?? days.length)
  if (total !== days.length) return { error: `“${sentence}”写的是共${total}天，日期范围却是${days.length}天，请核对原文` }
  return { days }
}

function readWorkdays(year: number, name: string, sentence: string): ParseResult {
  const days: ArrangementLine[] = []
  for (const [, y, m, d, note] of sentence.matchAll(ONE_DATE)) {
    const one = dateOf(year, y, m, d, note)
    if ('error' in one) return one
    const wd = weekdayOf(one.date)
    if (wd !== 0 && wd !== 6) return { error: `调休上班日${one.date}不是周六或周日，请核对原文` }
    days.push({ date: one.date, kind: '上班', name })
  }
  return { days }
}
