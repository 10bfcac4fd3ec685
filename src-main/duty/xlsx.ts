/**
 * The duty roster as an Excel file (X-4): the same columns as the Word file, one row a day — for the leaders' roster
 * each leader's post and the office's staff on duty beside them (R-W1).
 */
import writeXlsxFile, { type Row } from 'write-excel-file/node'
import { isLeadersRoster, periodText, printedTitle, rosterRoles, rosterRows, type RosterDetail } from './prints'

const FONT = '仿宋_GB2312'
const headStyle = { fontWeight: 'bold' as const, align: 'center' as const, alignVertical: 'center' as const, borderStyle: 'thin' as const, fontFamily: FONT }
const cellStyle = { align: 'center' as const, alignVertical: 'center' as const, borderStyle: 'thin' as const, fontFamily: FONT }
const text = (value: string, style: object = cellStyle) => ({ value, type: String, ...style })

/** The two header rows and the body of the office roster: 日期 | for each role 姓名, 办公电话, 手机. */
function officeRows(r: RosterDetail): { rows: Row[]; columns: { width: number }[] } {
  const roles = rosterRoles(r)
  return {
    rows: [
      [{ value: '日期', rowSpan: 2, ...headStyle }, ...roles.flatMap((role) => [{ value: role, columnSpan: 3, ...headStyle }, null, null])],
      [null, ...roles.flatMap(() => ['姓名', '办公电话', '手机'].map((value) => ({ value, ...headStyle })))],
      ...rosterRows(r).map((row): Row => [text(row.label), ...row.cells.flatMap((c) => [c.name, c.officePhone, c.mobile].map((v) => text(v)))]),
    ],
    columns: [{ width: 22 }, ...roles.flatMap(() => [{ width: 10 }, { width: 15 }, { width: 14 }])],
  }
}

/** R-W1: 日期 | 带班领导 姓名, 职务, 办公电话, 手机 | 办公室值班人员 (one line each). */
function leadersRows(r: RosterDetail): { rows: Row[]; columns: { width: number }[] } {
  return {
    rows: [
      [{ value: '日期', rowSpan: 2, ...headStyle }, { value: '带班领导', columnSpan: 4, ...headStyle }, null, null, null, { value: '办公室值班人员', rowSpan: 2, ...headStyle }],
      [null, ...['姓名', '职务', '办公电话', '手机'].map((value) => ({ value, ...headStyle })), null],
      ...rosterRows(r).map((row): Row => {
        const c = row.cells[0]
        return [text(row.label), ...[c.name, c.post, c.officePhone, c.mobile].map((v) => text(v)), text(row.staff.join('\n'), { ...cellStyle, align: 'left', wrap: true })]
      }),
    ],
    columns: [{ width: 24 }, { width: 10 }, { width: 14 }, { width: 15 }, { width: 14 }, { width: 30 }],
  }
}

export async function rosterXlsx(r: RosterDetail, settings: { governmentName: string; officeName: string; dutyPhone?: string | null }): Promise<Buffer> {
  const table = isLeadersRoster(r) ? leadersRows(r) : officeRows(r)
  const width = table.columns.length
  const rows: Row[] = [
    [{ value: printedTitle(r.roster.title, settings), columnSpan: width, fontSize: 18, fontWeight: 'bold', align: 'center', fontFamily: '方正小标宋简体' }],
    [{ value: `值班时间：${periodText(r)}${r.roster.status === '草稿' ? '（草稿）' : ''}`, columnSpan: width, align: 'center', fontFamily: FONT }],
    ...table.rows,
  ]
  // a roster in a year whose 节假日 are not entered says so under the table (the header rows stay where they are).
  if (r.provisional) rows.push([], [{ value: `暂定：${r.provisional}`, columnSpan: width, fontFamily: FONT, textColor: '#C00000' }])
  if (settings.dutyPhone) rows.push([], [{ value: `值班电话：${settings.dutyPhone}`, columnSpan: width, fontFamily: FONT }])
  return writeXlsxFile(rows, { sheet: '值班表', orientation: 'landscape', columns: table.columns, stickyRowsCount: 4 }).toBuffer()
}
