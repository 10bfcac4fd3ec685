/**
 * 导入's pure rules (issue 18): which column is which, and the values offices type in their own registers —
 * dates as 2025-3-7, 2025.03.07, 2025年3月7日 or an Excel serial, 字号 with [] or 〔〕, 密级 words with or without
 * 保密期限 (机密★1年). Each parser answers a value or a Chinese reason; none throws.
 */
import { isRealDate, type IsoDate } from '../common/dates'
import { DOCUMENT_TYPES, URGENCIES, normalizeDocNumber, readIncomingNumber, type DocumentType } from '../common/documents'
import { CLASSIFICATIONS, canSee, withinApproval, type Classification, type Clearance } from '../common/classification'

/** A cell as the readers give it: text, a number, a date (a cell formatted as a date in .xlsx), or empty. */
export type Cell = string | number | boolean | Date | null

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string }
export const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
export const bad = <T = never>(reason: string): Parsed<T> => ({ ok: false, reason })

/** One field of a kind: its key, the column name the template uses, and the other names offices give it. */
export interface FieldSpec {
  key: string
  label: string
  aliases: readonly string[]
  required?: boolean
}

/** field key → the header text of the column it is read from (absent: not in this file). */
export type Mapping = Record<string, string>

/** Header text compared without spaces, brackets, colons, asterisks or case: “ 收文号（编号）* ” ~ “收文号编号”. */
export const headerKey = (h: string): string => h.normalize('NFKC').replace(/[\s*:：()（）[\]【】〔〕_\-－—·.。、]/g, '').toLowerCase()

/**
 * The mapping the page proposes: for each field, the first header equal to its name or a variant, else the
 * first header containing one (收文日期 for 签收日期 is a variant; “来文机关名称” contains 来文机关). A header is used once.
 */
export function proposeMapping(fields: readonly FieldSpec[], headers: readonly string[]): Mapping {
  const keys = headers.map(headerKey)
  const used = new Set<number>()
  const mapping: Mapping = {}
  const pick = (test: (k: string, name: string) => boolean) => {
    for (const f of fields) {
      if (mapping[f.key] !== undefined) continue
      const names = [f.label, ...f.aliases].map(headerKey)
      const i = keys.findIndex((k, idx) => !used.has(idx) && k !== '' && names.some((n) => test(k, n)))
      if (i >= 0) { used.add(i); mapping[f.key] = headers[i] }
    }
  }
  pick((k, n) => k === n)
  pick((k, n) => n.length >= 2 && k.includes(n))
  return mapping
}

/** The source a mapping is saved under: the header row as it reads, so next year's file with the same columns finds it. */
export const sourceOf = (headers: readonly string[]): string => headers.map((h) => h.trim()).join('|')

/** Cell text, trimmed; numbers as written (no 1e+21), dates as ISO. */
export function cellText(c: Cell): string {
  if (c === null || c === undefined) return ''
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? '' : c.toISOString().slice(0, 10)
  return String(c).trim()
}

const pad = (n: number | string) => String(n).padStart(2, '0')

function isoOf(y: number, m: number, d: number): Parsed<IsoDate> {
  const iso = `${y}-${pad(m)}-${pad(d)}`
  return y >= 1949 && y <= 2100 && isRealDate(iso) ? ok(iso) : bad(`“${y}年${m}月${d}日”不是有效的日期`)
}

/** Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was: serial 25569 is 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569

/** An Excel serial date (45723 → 2025-03-07), as a number cell or as digits typed in a CSV. */
function fromSerial(n: number): Parsed<IsoDate> {
  if (!Number.isFinite(n) || n < 18264 || n > 73051) return bad(`“${n}”不是日期`)
  const d = new Date((Math.floor(n) - EXCEL_EPOCH_OFFSET) * 86_400_000)
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
}

const DATE_FORMS = [
  /^(\d{4})\s*[-./／]\s*(\d{1,2})\s*[-./／]\s*(\d{1,2})(?:\s|T|$)/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?/,
  /^(\d{4})(\d{2})(\d{2})$/,
]

/**
 * A date as offices type it: 2025-3-7, 2025/3/7, 2025.03.07, 2025年3月7日, 20250307, an Excel serial, or a date cell
 * (read-excel-file gives a cell formatted as a date as a Date at UTC midnight). Empty → null.
 */
export function parseDate(c: Cell): Parsed<IsoDate | null> {
  if (c instanceof Date) return Number.isNaN(c.getTime()) ? bad('不是有效的日期') : isoOf(c.getUTCFullYear(), c.getUTCMonth() + 1, c.getUTCDate())
  if (typeof c === 'number') return fromSerial(c)
  const s = cellText(c).normalize('NFKC')
  if (!s) return ok(null)
  for (const form of DATE_FORMS) {
    const m = form.exec(s)
    if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]))
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) return fromSerial(Number(s))
  return bad(`“${s}”不是日期（可写作2025-3-7、2025.03.07、2025年3月7日）`)
}

/** Minutes past midnight of the time written after a date (9:30, 09：30, 9时30分), or null. */
function writtenTime(s: string): number | null {
  const m = /(\d{1,2})\s*[:：时点]\s*(\d{1,2})/.exec(s)
  return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? Number(m[1]) * 60 + Number(m[2]) : null
}

/**
 * The time of day in a cell, in minutes: a date-time cell (read-excel-file gives its wall-clock time at UTC), the
 * fraction of an Excel serial (45723.395833 is 09:30), or a time written after the date.
 */
function minutesOf(c: Cell): number | null {
  if (c instanceof Date) return c.getUTCHours() * 60 + c.getUTCMinutes()
  const s = cellText(c).normalize('NFKC')
  if (typeof c === 'number' || /^\d{5}\.\d+$/.test(s)) return Math.min(1439, Math.round((Number(s) % 1) * 1440))
  return writtenTime(s.replace(DATE_FORMS.map((f) => f.exec(s)?.[0]).find(Boolean) ?? '', ''))
}

/** A date with an optional time (签收时间): '2025-03-07 09:30', a date-time cell, or the date alone at 00:00. */
export function parseDateTime(c: Cell): Parsed<string | null> {
  const date = parseDate(c)
  if (!date.ok || date.value === null) return date
  const minutes = minutesOf(c) ?? 0
  return ok(`${date.value} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`)
}

/** A whole number (份数, 页数); empty → null. */
export function parseCount(c: Cell, max = 9999): Parsed<number | null> {
  const s = cellText(c)
  if (!s) return ok(null)
  const n = Number(s)
  return Number.isInteger(n) && n >= 1 && n <= max ? ok(n) : bad(`“${s}”应为1到${max}的整数`)
}

/** The words offices write for “no 密级”. */
const UNCLASSIFIED = new Set(['', '无', '非涉密', '非密', '公开', '内部', '一般', '普通', '不涉密', '否'])

/**
 * 密级 as written: 机密, 机密★1年, 秘密（6个月）, 非涉密 …; the period, when written in the same cell, is split off.
 * 绝密 is refused: it never enters this system.
 */
export function parseClassification(c: Cell): Parsed<{ classification: Classification; period: string | null }> {
  const s = cellText(c).normalize('NFKC').replace(/\s/g, '')
  const m = /^(绝密|机密|秘密)(?:[★*☆]|\()?([^)]*)\)?$/.exec(s)
  if (m) {
    if (m[1] === '绝密') return bad('绝密文件不得录入本系统')
    return ok({ classification: m[1] as Classification, period: m[2] || null })
  }
  if (UNCLASSIFIED.has(s)) return ok({ classification: '无', period: null })
  return bad(`“${s}”不是密级（应为${CLASSIFICATIONS.filter((x) => x !== '无').join('、')}或非涉密）`)
}

/** 紧急程度: 特急, 加急; 一般, 平件, 普通 or empty mean none. */
export function parseUrgency(c: Cell): Parsed<(typeof URGENCIES)[number]> {
  const s = cellText(c).replace(/\s/g, '')
  if (['', '无', '一般', '平件', '普通', '常规'].includes(s)) return ok('无')
  if (s === '特急' || s === '特提') return ok('特急')
  if (s === '加急' || s === '急件' || s === '急') return ok('加急')
  return bad(`“${s}”不是紧急程度（应为特急、加急或一般）`)
}

/** The 文种 named in a cell, or else the last one the title ends with (关于…的通知 → 通知); null when neither says. */
export function parseDocType(c: Cell, title: string): Parsed<DocumentType> {
  const s = cellText(c).replace(/\s/g, '')
  if (s) {
    const t = DOCUMENT_TYPES.find((x) => x === s || (x === '命令（令）' && (s === '命令' || s === '令')))
    return t ? ok(t) : bad(`“${s}”不是公文文种（应为${DOCUMENT_TYPES.join('、')}之一）`)
  }
  const fromTitle = DOCUMENT_TYPES.find((x) => title.endsWith(x))
  return fromTitle ? ok(fromTitle) : bad('未填写文种，标题也看不出文种')
}

/**
 * 收文号 as registers write it: 收〔2025〕12号, 2025-12, 12 …: the year when written (else the 签收 year) and the
 * last number in it.
 */
export function parseIncomingNumber(c: Cell, receivedYear: number): Parsed<{ year: number; seq: number }> {
  const s = normalizeDocNumber(cellText(c).normalize('NFKC'))
  if (!s) return bad('未填写收文号')
  const number = readIncomingNumber(s)
  if (!number) return bad(`“${s}”中没有收文的序号`)
  return ok({ year: number.year ?? receivedYear, seq: number.seq })
}

/** 发文字号: 资府发〔2025〕57号, typed with [] （） or 【】 as well; series (代字), year and number. */
export function parseOutgoingNumber(c: Cell): Parsed<{ series: string; year: number; seq: number; text: string }> {
  const s = normalizeDocNumber(cellText(c).normalize('NFKC').replace(/\s/g, ''))
  if (!s) return bad('未填写发文字号')
  const m = /^(.+?)〔(\d{4})〕第?0*(\d{1,6})号?$/.exec(s)
  if (!m) return bad(`“${s}”不是发文字号（应如 资府发〔2025〕57号）`)
  const [series, year, seq] = [m[1], Number(m[2]), Number(m[3])]
  if (seq < 1) return bad(`“${s}”的序号应从1开始`)
  return ok({ series, year, seq, text: `${series}〔${year}〕${seq}号` })
}

/** Text of at most `max` characters; empty → null. */
export function parseText(c: Cell, max: number): Parsed<string | null> {
  const s = cellText(c)
  if (!s) return ok(null)
  return [...s].length <= max ? ok(s) : bad(`超过${max}个字`)
}

/**
 * What changed between what is stored and what the file says, field by field (for “更正的文件更新了哪些记录、改了什么”);
 * empty when the row is already there as the file has it.
 */
export function changedFields<T extends Record<string, unknown>>(stored: T, incoming: Partial<T>, labels: Readonly<Record<string, string>>): string[] {
  return Object.keys(labels).filter((k) => k in incoming && (incoming[k] ?? null) !== (stored[k] ?? null))
    .map((k) => `${labels[k]}：${show(stored[k])} → ${show(incoming[k])}`)
}

const show = (v: unknown) => (v === null || v === undefined || v === '' ? '（空）' : String(v))

/**
 * Why a row's 密级 may not come in: above the system's approval (设置—系统最高密级) or above the importer's own
 * clearance — the same refusals as registering one by hand (security/clearance.ts checkRegistrable); null when it may.
 */
export function classificationRefusal(classification: Classification, approved: Classification, clearance: Clearance): string | null {
  if (!withinApproval(approved, classification)) return `本系统批准的最高密级为${approved === '无' ? '非涉密' : approved}（设置—系统最高密级），不能导入${classification}文件`
  if (!canSee(clearance, classification)) return `您的涉密等级为${clearance}，不能导入${classification}文件`
  return null
}
