/**
 * The duty roster and the duty log as Word files (X-4), on the GB/T 9704 page: title 2号小标宋, text 仿宋, every run
 * with its East Asian font. Both rosters are set landscape: the office's (date + 带班/主班/副班, each with office phone
 * and mobile) and the leaders' (each leader's post and phones, and the office's staff on duty beside them, R-W1).
 * What they show is built in ./prints (shared with the Excel file).
 */
import { AlignmentType, BorderStyle, type FileChild, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlign, WidthType } from 'docx'
import type { Settings } from '../settings/service'
import { CHAR, FONT, LANDSCAPE_MARGIN, PAGE, SIZE, gbtDocument, run, titleParagraph, toBuffer } from '../print/gbt9704'
import { chineseDate } from '../common/dates'
import { isLeadersRoster, periodText, printedTitle, rosterNotes, rosterRoles, rosterRows, type DutyLogEntry, type Handover, type RosterDetail } from './prints'

// ---------------------------------------------------------------- tables

const TABLE_SIZE = 24 // 小四 for the table
const SMALL = 21 // 五号 for phones
const cellLine = { line: 320, lineRule: LineRuleType.EXACT, before: 0, after: 0 }
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const borders = { top: border, bottom: border, left: border, right: border }
const cellMargins = { left: 50, right: 50, top: 20, bottom: 20 }

// Borders and margins are set once on the table (tblBorders, tblCellMar), not on each cell: a month's roster has
// some 340 cells, and repeating them per cell made docx take half as long again to write the file.

function cell(text: string, width: number, opts: { bold?: boolean; size?: number; span?: number; rowSpan?: number; align?: 'left' | 'center'; font?: string; line?: number } = {}): TableCell {
  const lines = text.split('\n')
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: opts.span,
    rowSpan: opts.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    children: lines.map((l) => new Paragraph({
      alignment: opts.align === 'left' ? AlignmentType.LEFT : AlignmentType.CENTER,
      spacing: opts.line ? { ...cellLine, line: opts.line } : cellLine,
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
  // Both tables need a landscape page: the office roster has 3 roles × name + 2 phones, the leaders' one the post and
  // the office's staff on duty beside each leader (R-W1).
  const typeWidth = PAGE.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right
  const notes = rosterNotes(settings.cityName ?? settings.governmentName.replace(/人民政府$/, ''))[r.roster.kind] ?? []
  const children: FileChild[] = [
    titleParagraph(printedTitle(r.roster.title, settings)),
    plain(`值班时间：${periodText(r)}`, { align: AlignmentType.CENTER, size: SIZE.hao3, after: 280 }),
    isLeadersRoster(r) ? leadersTable(r, typeWidth) : officeTable(r, typeWidth),
    ...(settings.dutyPhone ? [plain(`值班电话：${settings.dutyPhone}`, { font: FONT.hei, before: 280 })] : []),
    ...(notes.length ? [plain('注：', { font: FONT.hei }), ...notes.map((n, i) => plain(`${i + 1}.${n}`, { indent: 2 * SIZE.hao4 * 10 }))] : []),
  ]
  if (r.provisional) children.splice(2, 0, plain(`（暂定：${r.provisional}）`, { align: AlignmentType.CENTER, size: SIZE.hao4 }))
  if (r.roster.status === '草稿') children.splice(1, 0, plain('（草稿）', { align: AlignmentType.CENTER }))
  return toBuffer(gbtDocument({ title: printedTitle(r.roster.title, settings), sections: [{ landscape: true, children }] }))
}

/** 日期 | for each of 带班, 主班, 副班: 姓名, 办公电话, 手机. */
function officeTable(r: RosterDetail, typeWidth: number): Table {
  const roles = rosterRoles(r)
  const dateW = 2500
  const roleW = Math.floor((typeWidth - dateW) / roles.length)
  const nameW = 1100
  const officeW = Math.floor((roleW - nameW) / 2) + 20
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
  return table(widths, [head1, head2, ...body])
}

/**
 * R-W1: 日期 | 带班领导 (姓名, 职务, 办公电话, 手机) | 办公室值班人员 (带班, 主班, 副班 with their mobiles). The date fits
 * one line and the staff two (two to a line), so a week's holiday with its notes fits one page.
 */
function leadersTable(r: RosterDetail, typeWidth: number): Table {
  const [dateW, nameW, postW, officeW, mobileW] = [3150, 1000, 1400, 1550, 1450]
  const staffW = typeWidth - dateW - nameW - postW - officeW - mobileW
  const head1 = header([
    cell('日期', dateW, { bold: true, rowSpan: 2 }), cell('带班领导', nameW + postW + officeW + mobileW, { bold: true, span: 4 }),
    cell('办公室值班人员', staffW, { bold: true, rowSpan: 2 }),
  ])
  const head2 = header([cell('姓名', nameW, { bold: true }), cell('职务', postW, { bold: true }), cell('办公电话', officeW, { bold: true }), cell('手机', mobileW, { bold: true })])
  const body = rosterRows(r).map((row) => {
    const c = row.cells[0]
    return new TableRow({
      cantSplit: true,
      children: [
        cell(row.label, dateW), cell(c.name, nameW), cell(c.post, postW), cell(c.officePhone, officeW, { size: SMALL }), cell(c.mobile, mobileW, { size: SMALL }),
        cell(pairs(row.staff).join('\n'), staffW, { size: SMALL, align: 'left', line: 280 }),
      ],
    })
  })
  return table([dateW, nameW, postW, officeW, mobileW, staffW], [head1, head2, ...body])
}

/** Lines two to a line, set apart by an ideographic space. */
const pairs = (lines: string[]): string[] => lines.flatMap((l, i) => (i % 2 ? [] : [[l, lines[i + 1]].filter(Boolean).join('　')]))

// ---------------------------------------------------------------- duty log

/**
 * The duty log of a day or period (X-4): a table of the entries (time, caller, content, handling, who was told,
 * follow-up, who recorded it), then the period's handover notes (交接班), so the file is the whole record of the shifts.
 */
export async function dutyLogDocx(entries: DutyLogEntry[], handovers: Handover[], period: { from: string; to: string }, settings?: Pick<Settings, 'officeName'>): Promise<Buffer> {
  const sorted = [...entries].sort((a, b) => (a.at === b.at ? a.id - b.id : a.at < b.at ? -1 : 1))
  const sameDay = period.from === period.to
  const periodLine = sameDay ? chineseDate(period.from) : `${chineseDate(period.from)}至${chineseDate(period.to)}`
  const title = `${settings?.officeName ?? ''}值班记录`
  const urgent = sorted.filter((e) => e.urgent).length
  const children: FileChild[] = [
    titleParagraph(title),
    plain(periodLine, { align: AlignmentType.CENTER, size: SIZE.hao3, after: 280 }),
    sorted.length ? logTable(sorted, sameDay) : plain('本期间无值班记录。', { align: AlignmentType.CENTER }),
    plain(`共${sorted.length}条${urgent ? `，其中紧急${urgent}条` : ''}。`, { indent: 2 * CHAR, before: 120 }),
    plain('交接班记录', { font: FONT.hei, size: SIZE.hao3, before: 360, after: 120 }),
    handovers.length ? handoverTable(handovers) : plain('本期间无交接班记录。', { indent: 2 * CHAR }),
  ]
  return toBuffer(gbtDocument({ title, sections: [{ landscape: true, children }] }))
}

const LOG_TYPE_WIDTH = PAGE.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
const whenText = (date: string, time: string, sameDay: boolean) => (sameDay ? time : `${monthDay(date)}\n${time}`)

function logTable(sorted: DutyLogEntry[], sameDay: boolean): Table {
  const fixed = [1400, 2200, 0, 2600, 1600, 1700, 1100]
  fixed[2] = LOG_TYPE_WIDTH - fixed.reduce((a, b) => a + b, 0)
  const [timeW, callerW, contentW, handlingW, notifiedW, followW, byW] = fixed
  const head = header([
    cell('时间', timeW, { bold: true }), cell('来电单位及来电人', callerW, { bold: true }), cell('来电内容', contentW, { bold: true }),
    cell('处理情况', handlingW, { bold: true }), cell('报告或通知', notifiedW, { bold: true }), cell('后续跟进', followW, { bold: true }),
    cell('记录人', byW, { bold: true }),
  ])
  const rows = sorted.map((e) => new TableRow({
    cantSplit: true,
    children: [
      cell(whenText(e.at, e.at.slice(11), sameDay), timeW),
      cell([e.callerUnit, [e.callerName, e.callerPhone].filter(Boolean).join(' ')].filter(Boolean).join('\n'), callerW, { align: 'left' }),
      cell(`${e.urgent ? '【紧急】' : ''}${e.content}`, contentW, { align: 'left' }),
      cell(e.handling ?? '', handlingW, { align: 'left' }),
      cell(e.notified ?? '', notifiedW, { align: 'left' }),
      cell(e.followUp ?? '', followW, { align: 'left' }),
      cell(e.recordedBy ?? '', byW),
    ],
  }))
  return table(fixed, [head, ...rows])
}

/** 交接班: date, 班次, who handed over to whom, the note. */
function handoverTable(list: Handover[]): Table {
  const fixed = [1600, 1100, 2600, 0]
  fixed[3] = LOG_TYPE_WIDTH - fixed.reduce((a, b) => a + b, 0)
  const [dateW, shiftW, whoW, noteW] = fixed
  const head = header([cell('日期', dateW, { bold: true }), cell('班次', shiftW, { bold: true }), cell('交班人 → 接班人', whoW, { bold: true }), cell('交接内容', noteW, { bold: true })])
  const rows = list.map((h) => new TableRow({
    cantSplit: true,
    children: [
      cell(monthDay(h.date), dateW),
      cell(h.shift ?? '', shiftW),
      cell(`${h.fromName ?? '—'} → ${h.toName ?? '—'}`, whoW),
      cell(h.note, noteW, { align: 'left' }),
    ],
  }))
  return table(fixed, [head, ...rows])
}
