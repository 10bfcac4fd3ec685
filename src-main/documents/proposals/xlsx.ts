/** 建议提案 as an Excel file (R-D8), laid out as the registers are (print/xlsx-table.ts): the page's rows and figures. */
import { registerXlsx, type XlsxColumn } from '../../print/xlsx-table'
import { proposalNumberText } from '../../common/documents'
import type { ProposalRow } from './register'

const leaderText = (r: ProposalRow) => (r.leader ? `${r.leader.title}${r.leader.holderName ?? '（空缺）'}` : '')

const COLUMNS: XlsxColumn<ProposalRow>[] = [
  { title: '类别', width: 12, value: (r) => r.kind, center: true },
  { title: '编号', width: 16, value: (r) => proposalNumberText(r.year, r.number), center: true },
  { title: '标题', width: 40, value: (r) => r.title, wrap: true },
  { title: '提出人', width: 18, value: (r) => r.proposer, wrap: true },
  { title: '牵头市领导', width: 14, value: leaderText, wrap: true },
  { title: '主办单位', width: 18, value: (r) => r.departmentName, wrap: true },
  { title: '会办单位', width: 24, value: (r) => r.coDepartments.map((d) => d.name).join('、'), wrap: true },
  { title: '办理时限', width: 12, value: (r) => r.deadline, date: true },
  { title: '状态', width: 8, value: (r) => r.status, center: true },
  { title: '时限情况', width: 14, value: (r) => r.timing?.label ?? null, wrap: true },
  { title: '逾期工作日', width: 8, value: (r) => r.timing?.workingDaysOverdue ?? null },
  { title: '答复日期', width: 12, value: (r) => r.repliedOn, date: true },
  { title: '满意度', width: 10, value: (r) => r.satisfaction, center: true },
  { title: '答复内容', width: 40, value: (r) => r.reply, wrap: true },
]

export function proposalsXlsx(title: string, subtitle: string, rows: ProposalRow[]): Promise<Buffer> {
  return registerXlsx(title, subtitle, '建议提案', COLUMNS, rows)
}
