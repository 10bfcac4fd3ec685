/** A statistic as an Excel sheet, laid out as the registers are (print/xlsx-table.ts). */
import { registerXlsx, type XlsxColumn } from '../print/xlsx-table'
import type { Cell, StatTable } from './rules'
import type { StatsPeriod } from './contract'

export const periodText = (p: StatsPeriod): string => `${p.from} 至 ${p.to}`

export function statXlsx(table: StatTable, period: StatsPeriod): Promise<Buffer> {
  const columns: XlsxColumn<Cell[]>[] = table.columns.map((title, i) => ({ title, width: i === 0 ? 26 : Math.max(10, title.length * 2 + 2), value: (r) => r[i] ?? null, center: i > 0 }))
  return registerXlsx(table.title, `统计期间：${periodText(period)}。${table.note}`, table.title.slice(0, 31), columns, table.rows)
}
