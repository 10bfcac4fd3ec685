/**
 * 收文登记簿 and 发文登记簿 as Excel files, laid out as offices keep them: a title row, a filter line, a header with
 * filter buttons repeated on every printed page, one line a document. Dates are date cells; 时限情况 and 逾期工作日
 * are the figures the 收文's page shows (calendar/deadline.ts, working days); the 发文 are in 字号 order.
 */
import { registerXlsx, type XlsxColumn } from '../../print/xlsx-table'
import { chineseDate } from '../../common/dates'
import type { IncomingRegisterRow, OutgoingRegisterRow } from './service'
import { classificationMark } from '../../common/classification'
import { incomingStatusText } from '../../common/documents'

const urgencyText = (u: string) => (u === '无' ? '' : u)

export function incomingRegisterXlsx(title: string, subtitle: string, rows: IncomingRegisterRow[]): Promise<Buffer> {
  const columns: XlsxColumn<IncomingRegisterRow>[] = [
    { title: '收文号', width: 16, value: (r) => r.number, center: true },
    { title: '收文日期', width: 12, value: (r) => r.receivedOn, date: true },
    { title: '来文机关', width: 22, value: (r) => r.sender, wrap: true },
    { title: '来文字号', width: 20, value: (r) => r.senderNumber },
    { title: '标题', width: 44, value: (r) => r.title, wrap: true },
    { title: '文种', width: 8, value: (r) => r.docType, center: true },
    { title: '密级', width: 10, value: (r) => classificationMark(r.classification, r.secrecyPeriod) ?? '', center: true },
    { title: '紧急程度', width: 8, value: (r) => urgencyText(r.urgency), center: true },
    { title: '份数', width: 6, value: (r) => r.copies },
    { title: '拟办意见', width: 30, value: (r) => r.proposal, wrap: true },
    { title: '批示领导', width: 16, value: (r) => r.instructedBy.join('、'), wrap: true },
    { title: '承办单位', width: 24, value: (r) => r.assignees.map((a) => (a.role === '主办' ? `${a.name}（主办）` : a.name)).join('、'), wrap: true },
    { title: '办理时限', width: 12, value: (r) => r.deadline, date: true },
    { title: '状态', width: 8, value: (r) => incomingStatusText(r.status, !!r.currentLeader), center: true },
    { title: '当前位置', width: 18, value: (r) => r.where, wrap: true },
    { title: '时限情况', width: 14, value: (r) => [r.timing?.label, r.lateWork ? '承办逾期' : null].filter(Boolean).join('，') || null, wrap: true },
    { title: '逾期工作日', width: 8, value: (r) => r.timing?.workingDaysOverdue ?? null },
    { title: '办结日期', width: 12, value: (r) => r.closedOn, date: true },
  ]
  return registerXlsx(title, subtitle, '收文登记簿', columns, rows)
}

export function outgoingRegisterXlsx(title: string, subtitle: string, rows: OutgoingRegisterRow[]): Promise<Buffer> {
  const columns: XlsxColumn<OutgoingRegisterRow>[] = [
    { title: '发文字号', width: 20, value: (r) => r.numberText, center: true },
    { title: '成文日期', width: 12, value: (r) => r.signedOn, date: true },
    { title: '发文机关', width: 20, value: (r) => r.issuer, wrap: true },
    { title: '标题', width: 44, value: (r) => r.title, wrap: true },
    { title: '文种', width: 8, value: (r) => r.docType, center: true },
    { title: '密级', width: 10, value: (r) => classificationMark(r.classification, r.secrecyPeriod) ?? '', center: true },
    { title: '紧急程度', width: 8, value: (r) => urgencyText(r.urgency), center: true },
    { title: '主送', width: 24, value: (r) => r.addressee, wrap: true },
    { title: '抄送', width: 24, value: (r) => r.cc, wrap: true },
    { title: '拟稿单位', width: 18, value: (r) => r.department, wrap: true },
    { title: '拟稿人', width: 8, value: (r) => r.drafter, center: true },
    { title: '签发人', width: 8, value: (r) => r.signerName, center: true },
    { title: '印发日期', width: 12, value: (r) => r.issuedOn, date: true },
    { title: '份数', width: 6, value: (r) => r.copies },
    { title: '分送范围', width: 24, value: (r) => r.distribution, wrap: true },
    { title: '公开属性', width: 10, value: (r) => r.publicity, center: true },
    { title: '状态', width: 8, value: (r) => r.status, center: true },
  ]
  return registerXlsx(title, subtitle, '发文登记簿', columns, [...rows].sort(byDocumentNumber))
}

const last = (n: number | null) => n ?? Number.MAX_SAFE_INTEGER

/** 字号 order, as the 发文登记簿 is kept: by 代字, then year, then number; drafts without a number after each 代字's numbered ones. */
export function byDocumentNumber(a: OutgoingRegisterRow, b: OutgoingRegisterRow): number {
  return a.series.localeCompare(b.series, 'zh') || last(a.numberYear) - last(b.numberYear) || last(a.numberSeq) - last(b.numberSeq)
    || a.createdAt.localeCompare(b.createdAt) || a.id - b.id
}

/** The line under the title: what was selected, and when it was exported. */
export function filterLine(parts: (string | null | undefined | false)[], today: string): string {
  const chosen = parts.filter(Boolean) as string[]
  return `${chosen.length ? `筛选条件：${chosen.join('；')}` : '全部'}　　导出日期：${chineseDate(today)}`
}
