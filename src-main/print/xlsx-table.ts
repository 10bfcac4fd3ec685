/**
 * A register as offices keep it in Excel: a title row in 小标宋, a line saying what was selected, a header, one line a
 * record, in 仿宋 with thin borders, landscape and one page wide, the first three rows kept in view. The header has
 * Excel's filter buttons (autofilter) and is repeated at the top of every printed page (print titles). Dates are
 * date cells (yyyy-mm-dd), so Excel sorts and filters them as dates. The 收文/发文 登记簿, the 建议提案 and the
 * 审计日志 exports are all laid out this way.
 */
import writeXlsxFile, { type Row } from 'write-excel-file/node'
import { printedHeader, type XlsxFeature } from './xlsx-print'

export const XLSX_FONT = '仿宋_GB2312'
export const XLSX_TITLE_FONT = '方正小标宋简体'

/** Rows above the records: title, filter line, header. */
const HEADER_ROW = 3

const head = { fontWeight: 'bold' as const, align: 'center' as const, alignVertical: 'center' as const, borderStyle: 'thin' as const, fontFamily: XLSX_FONT, wrap: true }
const cell = { alignVertical: 'center' as const, borderStyle: 'thin' as const, fontFamily: XLSX_FONT }

export interface XlsxColumn<R> {
  title: string
  width: number
  value: (r: R) => string | number | null
  /** The value is an office day (yyyy-mm-dd, Asia/Shanghai), written as a date cell. */
  date?: boolean
  center?: boolean
  wrap?: boolean
}

/** An office day as a date cell: midnight UTC, which the library counts as that whole day (no zone shift). */
function isoDateCell(v: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v)
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null
}

function dataCell<R>(c: XlsxColumn<R>, r: R) {
  const v = c.value(r)
  if (c.date) {
    const day = typeof v === 'string' ? isoDateCell(v) : null
    if (day) return { value: day, type: Date, format: 'yyyy-mm-dd', align: 'center' as const, ...cell }
  }
  if (typeof v === 'number') return { value: v, type: Number, align: 'center' as const, ...cell }
  return { value: v ?? '', type: String, ...(c.center ? { align: 'center' as const } : {}), ...(c.wrap ? { wrap: true } : {}), ...cell }
}

/** Points a line of 仿宋 takes in a row. */
const LINE_PT = 15

/** Width in Excel's column units (a digit is one): a Chinese character or full-width sign takes two. */
const textWidth = (s: string) => { let w = 0; for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1; return w }

/**
 * The lines a wrapped cell's text takes in its column. Rows are given their height here because LibreOffice (and
 * WPS, when printing) keep the default one-line height, so wrapped titles printed over the row below.
 */
const linesIn = (text: string, width: number) =>
  text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part) / Math.max(1, width - 1))), 0)

/** A row's cells, with the row's height on the first when some wrapped text needs more than one line. */
function fittedRow<R>(columns: readonly XlsxColumn<R>[], cells: Row): Row {
  const lines = Math.max(1, ...cells.map((c, i) => (c && typeof c === 'object' && 'wrap' in c && c.wrap && typeof c.value === 'string' ? linesIn(c.value, columns[i]!.width) : 1)))
  return lines > 1 && cells[0] && typeof cells[0] === 'object' ? [{ ...cells[0], height: lines * LINE_PT }, ...cells.slice(1)] : cells
}

export function registerXlsx<R>(title: string, subtitle: string, sheet: string, columns: readonly XlsxColumn<R>[], rows: readonly R[]): Promise<Buffer> {
  const width = columns.length
  const data: Row[] = [
    [{ value: title, columnSpan: width, fontSize: 18, fontWeight: 'bold', align: 'center', fontFamily: XLSX_TITLE_FONT, height: 36 }, ...Array(width - 1).fill(null)],
    [{ value: subtitle, columnSpan: width, align: 'left', fontFamily: XLSX_FONT }, ...Array(width - 1).fill(null)],
    fittedRow(columns, columns.map((c) => ({ value: c.title, ...head }))),
    ...rows.map((r): Row => fittedRow(columns, columns.map((c) => dataCell(c, r)))),
  ]
  const features: XlsxFeature[] = [printedHeader({ sheet, headerRow: HEADER_ROW, columns: width, lastRow: HEADER_ROW + rows.length })]
  return writeXlsxFile(data, { sheet, columns: columns.map((c) => ({ width: c.width })), stickyRowsCount: HEADER_ROW, orientation: 'landscape' }, { features }).toBuffer()
}
