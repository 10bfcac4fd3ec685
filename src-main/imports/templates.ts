/**
 * The blank .xlsx of each kind: the columns the import reads by their usual names, and one example row, laid out as
 * our own register exports are (print/xlsx-table.ts) — so an exported 登记簿 can itself be imported again.
 */
import { registerXlsx, type XlsxColumn } from '../print/xlsx-table'
import type { ImportKind } from '../common/imports'
import { download } from '../files/download'
import { kindDef } from './kinds'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
const DATE_KEYS = /(On|At|deadline)$/

export async function importTemplate(kind: ImportKind) {
  const def = kindDef(kind)
  const columns: XlsxColumn<Readonly<Record<string, string | number>>>[] = def.fields.map((f) => ({
    title: f.required ? `${f.label}*` : f.label,
    width: Math.max(10, Math.min(40, String(def.example[f.key] ?? '').length * 1.6 + 4)),
    value: (r) => r[f.key] ?? null,
    date: DATE_KEYS.test(f.key),
  }))
  const note = '带*的列必填；第三行为列名（可调整列的顺序，导入时可重新对应），示例行请删除后填写。日期可写作2025-3-7、2025.03.07或2025年3月7日。'
  const buf = await registerXlsx(`${kind}（导入模板）`, note, kind, columns, [def.example])
  return download(`${kind}导入模板.xlsx`, XLSX_MIME, buf)
}
