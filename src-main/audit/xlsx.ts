/** 审计日志 as an Excel file for the 安全审计员: the same labelled, redacted rows as the page (view.ts). */
import writeXlsxFile, { type Row } from 'write-excel-file/node'
import { itemsText, type AuditView } from './view'

const FONT = '仿宋_GB2312'
const head = { fontWeight: 'bold' as const, align: 'center' as const, alignVertical: 'center' as const, borderStyle: 'thin' as const, fontFamily: FONT, wrap: true }
const cell = { alignVertical: 'center' as const, borderStyle: 'thin' as const, fontFamily: FONT }

const COLUMNS: { title: string; width: number; value: (v: AuditView) => string | number }[] = [
  { title: '编号', width: 9, value: (v) => v.id },
  { title: '时间', width: 22, value: (v) => v.time },
  { title: '操作人', width: 12, value: (v) => v.operator },
  { title: '操作', width: 26, value: (v) => v.action },
  { title: '记录', width: 22, value: (v) => v.record },
  { title: '密级', width: 8, value: (v) => v.classification ?? '' },
  { title: '内容', width: 70, value: (v) => itemsText(v) },
]

export function auditXlsx(title: string, subtitle: string, rows: AuditView[]): Promise<Buffer> {
  const width = COLUMNS.length
  const data: Row[] = [
    [{ value: title, columnSpan: width, fontSize: 18, fontWeight: 'bold', align: 'center', fontFamily: '方正小标宋简体', height: 36 }, ...Array(width - 1).fill(null)],
    [{ value: subtitle, columnSpan: width, align: 'left', fontFamily: FONT }, ...Array(width - 1).fill(null)],
    COLUMNS.map((c) => ({ value: c.title, ...head })),
    ...rows.map((r): Row => COLUMNS.map((c) => {
      const v = c.value(r)
      return typeof v === 'number' ? { value: v, type: Number, align: 'center' as const, ...cell } : { value: v, type: String, wrap: true, ...cell }
    })),
  ]
  return writeXlsxFile(data, { sheet: '审计日志', columns: COLUMNS.map((c) => ({ width: c.width })), stickyRowsCount: 3, orientation: 'landscape' }).toBuffer()
}
