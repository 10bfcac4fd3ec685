/**
 * The duty roster and the duty log as Word files (X-4), on the GB/T 9704 page: title 2号小标宋, text 仿宋, every run
 * with its East Asian font. The office roster (date + 带班/主班/副班, each with office phone and mobile) is too wide
 * for a portrait page and is set landscape.
 */
import { AlignmentType, BorderStyle, type FileChild, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx'
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../db/connection'
import { chineseDate, chineseWeekday } from '../common/dates'
import { ROLES_OF_ROSTER } from '../common/duty'
import { readSettings } from '../settings/service'
import { departments } from '../org/schema'
import type { Settings } from '../settings/service'
import { CHAR, FONT, LANDSCAPE_MARGIN, MARGIN, PAGE, SIZE, gbtDocument, run, titleParagraph, toBuffer } from '../print/gbt9704'
import type { getRoster } from './service'
import type { dutyLog } from './schema'

export type RosterDetail = ReturnType<typeof getRoster>
export type DutyLogEntry = typeof dutyLog.$inferSelect


/** 12月1日 星期二 (国庆节): the date column of both files. */
export function dayLabel(day: { date: string; name: string | null; holiday: boolean }): string {
  const [, m, d] = day.date.split('-').map(Number)
  return `${m}月${d}日 ${chineseWeekday(day.date)}${day.holiday && day.name ? `（${day.name}）` : ''}`
}

/** The roster's roles in column order. */
export const rosterRoles = (r: RosterDetail): readonly string[] => ROLES_OF_ROSTER[r.roster.kind]

/** One row a day: the date label and, for each role, name, office phone and mobile ('' when not yet set). */
export function rosterRows(r: RosterDetail): { date: string; label: string; cells: { name: string; officePhone: string; mobile: string }[] }[] {
  return r.days.map((day) => ({
    date: day.date,
    label: dayLabel(day),
    cells: rosterRoles(r).map((role) => {
      const p = day.duties.find((d) => d.role === role)?.person
      return { name: p?.name ?? '', officePhone: p?.officePhone ?? '', mobile: p?.mobile ?? '' }
    }),
  }))
}

/** The printed title names the government: 2026年12月市政府办公室值班表 → 资阳市人民政府办公室2026年12月值班表. */
export function printedTitle(title: string, settings: Pick<Settings, 'governmentName' | 'officeName'>): string {
  if (title.includes('市政府办公室')) return settings.officeName + title.replace('市政府办公室', '')
  if (title.includes('市政府')) return settings.governmentName + title.replace('市政府', '')
  return title
}

/** The period line: 2026年12月1日至2026年12月31日 (the days actually on the roster). */
export function periodText(r: RosterDetail): string {
  const from = r.days[0]?.date ?? r.roster.fromDate
  const to = r.days.at(-1)?.date ?? r.roster.toDate
  return from === to ? chineseDate(from) : `${chineseDate(from)}至${chineseDate(to)}`
}

/** The duty phone: the phone of the office's own department (办公室内设, first in order). */
export function dutyPhone(db: Db): string | null {
  const configured = readSettings(db).dutyPhone
  if (configured) return configured
  const row = db.select({ phone: departments.phone }).from(departments).where(eq(departments.kind, '办公室内设'))
    .orderBy(asc(departments.sortOrder), asc(departments.id)).all().find((d) => d.phone)
  return row?.phone ?? null
}

export const rosterNotes = (cityName: string): Record<string, string[]> => ({
  办公室值班: [
    '值班时间为当日9:00至次日9:00。带班同志负责当日值班工作的指导和重要情况的处置。',
    '值班人员须坚守岗位，保持通讯畅通，认真填写值班记录，做好交接班。',
    '确需换班的，须经对方同意并报带班同志同意，由办公室登记后调整。',
    '遇有重大突发事件，按规定立即报告带班同志和值班领导，不得迟报、漏报。',
  ],
  领导带班: [
    `带班领导在带班期间原则上在${cityName}区，保持通讯畅通，遇有重大突发事件及时指挥处置。`,
    '带班领导确需调整的，请提前告知市政府办公室。',
    '市政府办公室同期安排工作人员24小时值班。',
  ],
})

// ---------------------------------------------------------------- tables

const TABLE_SIZE = 24 // 小四 for the table
const SMALL = 21 // 五号 for phones
const cellLine = { line: 320, lineRule: LineRuleType.EXACT, before: 0, after: 0 }
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const borders = { top: border, bottom: border, left: border, right: border }
const cellMargins = { left: 50, right: 50, top: 20, bottom: 20 }

// Borders and margins are set once on the table (tblBorders, tblCellMar), not on each cell: a month's roster has
// some 340 cells, and repeating them per cell made docx take half as long again to write the file.

function cell(text: string, width: number, opts: { bold?: boolean; size?: number; span?: number; rowSpan?: number; align?: 'left' | 'center'; font?: string } = {}): TableCell {
  const lines = text.split('\n')
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    rowSpan: opts.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    children: lines.map((l) => new Paragraph({
      alignment: opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
      spacing: cellLine,
      children: [run(l, { font: opts.font ?? (opts.bold ? FONT.hei : FONT.fangsong), size: opts.size ?? TABLE_SIZE })],
    })),
  })
}

function table(widths: number[], rows: TableRow[]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { ...borders, insideHorizontal: border, insideVertical: border },
    margins: cellMargins,
    rows,
  })
}

const header = (children: TableCell[]) => new TableRow({ tableHeader: true, cantSplit: true, children })

const plain = (text: string, opts: { size?: number; font?: string; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: number; before?: number; after?: number } = {}) =>
  new Paragraph({
    alignment: opts.align ?? AlignmentType.LEFT,
    spacing: { line: 400, lineRule: LineRuleType.EXACT, before: opts.before ?? 0, after: opts.after ?? 0 },
    indent: opts.indent ? { firstLine: opts.indent } : undefined,
    children: [run(text, { size: opts.size ?? SIZE.hao4, font: opts.font })],
  })

// ---------------------------------------------------------------- roster

export interface RosterDocxOptions {
  cityName?: string
  governmentName: string
  officeName: string
  /** 值班电话; none leaves the line out. */
  dutyPhone?: string | null
}

/** The roster as a Word file: title, period, the table, the duty phone and notes. */
export async function rosterDocx(r: RosterDetail, settings: RosterDocxOptions): Promise<Buffer> {
  const roles = rosterRoles(r)
  // The office roster (3 roles × name + 2 phones) needs a landscape page; the leaders' one fits a portrait page.
  const landscape = roles.length > 1
  const typeWidth = landscape ? PAGE.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right : PAGE.width - MARGIN.left - MARGIN.right
  const dateW = landscape ? 2500 : 3400
  const roleW = Math.floor((typeWidth - dateW) / roles.length)
  const nameW = landscape ? 1100 : 1700
  const officeW = Math.floor((roleW - nameW) / 2) + (landscape ? 20 : 0)
  const mobileW = roleW - nameW - officeW
  const widths = [dateW, ...roles.flatMap(() => [nameW, officeW, mobileW])]

  const head1 = header([cell('日期', dateW, { bold: true, rowSpan: 2 }), ...roles.map((role) => cell(role, roleW, { bold: true, span: 3 }))])
  const head2 = header(roles.flatMap(() => [cell('姓名', nameW, { bold: true }), cell('办公电话', officeW, { bold: true }), cell('手机', mobileW, { bold: true })]))
  const body = rosterRows(r).map((row) => new TableRow({
    cantSplit: true,
    children: [
      cell(row.label, dateW),
      ...row.cells.flatMap((c) => [cell(c.name, nameW), cell(c.officePhone, officeW, { size: SMALL }), cell(c.mobile, mobileW, { size: SMALL })]),
    ],
  }))

  const notes = rosterNotes(settings.cityName ?? settings.governmentName.replace(/人民政府$/, ''))[r.roster.kind] ?? []
  const children: FileChild[] = [
    titleParagraph(printedTitle(r.roster.title, settings)),
    plain(`值班时间：${periodText(r)}`, { align: AlignmentType.CENTER, size: SIZE.hao3, after: 280 }),
    table(widths, [head1, head2, ...body]),
    ...(settings.dutyPhone ? [plain(`值班电话：${settings.dutyPhone}`, { font: FONT.hei, before: 280 })] : []),
    ...(notes.length ? [plain('注：', { font: FONT.hei }), ...notes.map((n, i) => plain(`${i + 1}.${n}`, { indent: 2 * SIZE.hao4 * 10 }))] : []),
  ]
  if (r.roster.status === '草稿') children.splice(1, 0, plain('（草稿）', { align: AlignmentType.CENTER }))
  return toBuffer(gbtDocument({ title: printedTitle(r.roster.title, settings), sections: [{ landscape, children }] }))
}

// ---------------------------------------------------------------- duty log

/** The duty log of a day or period as a table: time, caller, content, handling, who was told, follow-up. */
export async function dutyLogDocx(entries: DutyLogEntry[], period: { from: string; to: string }, settings?: Pick<Settings, 'officeName'>): Promise<Buffer> {
  const sorted = [...entries].sort((a, b) => (a.at === b.at ? a.id - b.id : a.at < b.at ? -1 : 1))
  const typeWidth = PAGE.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right
  const fixed = [1500, 2400, 0, 2800, 1700, 1900]
  fixed[2] = typeWidth - fixed.reduce((a, b) => a + b, 0)
  const [timeW, callerW, contentW, handlingW, notifiedW, followW] = fixed
  const head = header([
    cell('时间', timeW, { bold: true }), cell('来电单位及来电人', callerW, { bold: true }), cell('来电内容', contentW, { bold: true }),
    cell('处理情况', handlingW, { bold: true }), cell('报告或通知', notifiedW, { bold: true }), cell('后续跟进', followW, { bold: true }),
  ])
  const sameDay = period.from === period.to
  const rows = sorted.map((e) => new TableRow({
    cantSplit: true,
    children: [
      cell(sameDay ? e.at.slice(11) : `${Number(e.at.slice(5, 7))}月${Number(e.at.slice(8, 10))}日\n${e.at.slice(11)}`, timeW),
      cell([e.callerUnit, [e.callerName, e.callerPhone].filter(Boolean).join(' ')].filter(Boolean).join('\n'), callerW, { align: 'left' }),
      cell(`${e.urgent ? '【紧急】' : ''}${e.content}`, contentW, { align: 'left' }),
      cell(e.handling ?? '', handlingW, { align: 'left' }),
      cell(e.notified ?? '', notifiedW, { align: 'left' }),
      cell(e.followUp ?? '', followW, { align: 'left' }),
    ],
  }))
  const periodLine = sameDay ? chineseDate(period.from) : `${chineseDate(period.from)}至${chineseDate(period.to)}`
  const title = `${settings?.officeName ?? ''}值班记录`
  const children: FileChild[] = [
    titleParagraph(title),
    plain(periodLine, { align: AlignmentType.CENTER, size: SIZE.hao3, after: 280 }),
    rows.length
      ? table(fixed, [head, ...rows])
      : plain('本期间无值班记录。', { align: AlignmentType.CENTER }),
    plain(`共${rows.length}条${sorted.some((e) => e.urgent) ? `，其中紧急${sorted.filter((e) => e.urgent).length}条` : ''}。`, { indent: 2 * CHAR, before: 120 }),
  ]
  return toBuffer(gbtDocument({ title, sections: [{ landscape: true, children }] }))
}
