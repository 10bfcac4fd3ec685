/**
 * A register as offices keep it in Excel: a title row in 小标宋, a line saying what was selected, a header, one line a
 * record, in 仿宋 with thin borders, landscape, the first three rows kept in view. The 收文/发文 登记簿 and the 审计日志
 * export are all laid out this way.
 */
import writeXlsxFile, { type Row } from 'write-excel-file/node'

export const XLSX_FONT = '仿宋_GB2312'
export const XLSX_TITLE_FONT = '方正小标宋简体'

const head = { fontWeight: 'bold' as const, align: 'center' as const, alignVertical: 'center' as const, borderStyle: 'thin' as const, fontFamily: XLSX_FONT, wrap: true }
const cell = { alignVertical: 'center' as const, borderStyle: 'thin' as const, fontFamily: XLSX_FONT }

export interface XlsxColumn<R> {
  title: string
  width: number
  value: (r: R) => string | number | null
  center?: boolean
  wrap?: boolean
}

export function registerXlsx<R>(title: string, subtitle: string, sheet: string, columns: readonly XlsxColumn<R>[], rows: readonly R[]): Promise<Buffer> {
  const width = columns.length
  const data: Row[] = [
    [{ value: title, columnSpan: width, fontSize: 18, fontWeight: 'bold', align: 'center', fontFamily: XLSX_TITLE_FONT, height: 36 }, ...Array(width - 1).fill(null)],
    [{ value: subtitle, columnSpan: width, align: 'left', fontFamily: XLSX_FONT }, ...Array(width - 1).fill(null)],
    columns.map((c) => ({ value: c.title, ...head })),
    ...rows.map((r): Row => columns.map((c) => {
      const v = c.value(r)
      if (typeof v === 'number') return { value: v, type: Number, align: 'center' as const, ...cell }
      return { value: v ?? '', type: String, ...(c.center ? { align: 'center' as const } : {}), ...(c.wrap ? { wrap: true } : {}), ...cell }
    })),
  ]
  return writeXlsxFile(data, { sheet, columns: columns.map((c) => ({ width: c.width })), stickyRowsCount: 3, orientation: 'landscape' }).toBuffer()
}
