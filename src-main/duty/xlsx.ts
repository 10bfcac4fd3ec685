/** The duty roster as an Excel file: the same columns as the Word file, one row a day. */
import writeXlsxFile, { type Row } from 'write-excel-file/node'
import { periodText, printedTitle, rosterRoles, rosterRows, type RosterDetail } from './prints'

const FONT = '仿宋_GB2312'

export async function rosterXlsx(r: RosterDetail, settings: { governmentName: string; officeName: string; dutyPhone?: string | null }): Promise<Buffer> {
  const roles = rosterRoles(r)
  const width = 1 + roles.length * 3
  const headStyle = { fontWeight: 'bold' as const, align: 'center' as const, alignVertical: 'center' as const, borderStyle: 'thin' as const, fontFamily: FONT }
  const cellStyle = { align: 'center' as const, alignVertical: 'center' as const, borderStyle: 'thin' as const, fontFamily: FONT }
  const rows: Row[] = [
    [{ value: printedTitle(r.roster.title, settings), columnSpan: width, fontSize: 18, fontWeight: 'bold', align: 'center', fontFamily: '方正小标宋简体' }],
    [{ value: `值班时间：${periodText(r)}${r.roster.status === '草稿' ? '（草稿）' : ''}`, columnSpan: width, align: 'center', fontFamily: FONT }],
    [{ value: '日期', rowSpan: 2, ...headStyle }, ...roles.flatMap((role) => [{ value: role, columnSpan: 3, ...headStyle }, null, null])],
    [null, ...roles.flatMap(() => ['姓名', '办公电话', '手机'].map((value) => ({ value, ...headStyle })))],
    ...rosterRows(r).map((row): Row => [
      { value: row.label, ...cellStyle },
      ...row.cells.flatMap((c) => [c.name, c.officePhone, c.mobile].map((value) => ({ value, type: String, ...cellStyle }))),
    ]),
  ]
  if (settings.dutyPhone) rows.push([], [{ value: `值班电话：${settings.dutyPhone}`, columnSpan: width, fontFamily: FONT }])
  return writeXlsxFile(rows, {
    sheet: '值班表',
    orientation: roles.length > 1 ? 'landscape' : undefined,
    columns: [{ width: 22 }, ...roles.flatMap(() => [{ width: 10 }, { width: 15 }, { width: 14 }])],
    stickyRowsCount: 4,
  }).toBuffer()
}
