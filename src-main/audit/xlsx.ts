/** 审计日志 as an Excel file for the 安全审计员: the same labelled, redacted rows as the page (view.ts). */
import { registerXlsx, type XlsxColumn } from '../print/xlsx-table'
import { itemsText, type AuditView } from './view'

const COLUMNS: XlsxColumn<AuditView>[] = [
  { title: '编号', width: 9, value: (v) => v.id },
  { title: '时间', width: 22, value: (v) => v.time, center: true },
  { title: '操作人', width: 12, value: (v) => v.operator, wrap: true },
  { title: '操作', width: 26, value: (v) => v.action, wrap: true },
  { title: '记录', width: 22, value: (v) => v.record, wrap: true },
  { title: '密级', width: 8, value: (v) => v.classification, center: true },
  { title: '内容', width: 70, value: (v) => itemsText(v), wrap: true },
]

export function auditXlsx(title: string, subtitle: string, rows: AuditView[]): Promise<Buffer> {
  return registerXlsx(title, subtitle, '审计日志', COLUMNS, rows)
}
