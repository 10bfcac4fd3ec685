/**
 * 月度通报 (issue 17): the month's 督查通报 as a Word file in GB/T 9704 form, for the office to edit and issue — the
 * office's red header, the title, the month's figures as tables (督办 by department, 承办 on time), and the items
 * overdue today by department. The figures are the 统计 page's own tables, counted with the reader's clearance.
 */
import { sql } from 'drizzle-orm'
import { AlignmentType, LineRuleType, type FileChild, type Paragraph, type Table } from 'docx'
import { allRows } from '../db/prepared'
import { deadlineTiming } from '../calendar/deadline'
import { chineseDate, monthEnd } from '../common/dates'
import {
  FONT, TYPE_AREA, addresseeParagraph, blankLine, bodyParagraph, chineseNumber, closingBlock, gbtDocument, headingParagraph,
  keepWithNext, numberLine, redMark, redSeparator, signatureBlock, titleParagraph, toBuffer, type FontName,
} from '../print/gbt9704'
import { laidTable, type LaidCell, type TableSetting } from '../print/body-table'
import type { Cell, StatTable } from './rules'
import { followUpsCounted, type StatsReading } from './reading'
import { documentsByMonth, onTimeByDepartment, overdueNow } from './documents'
import { followUpsBy } from './office'

export interface MonthlyReport { year: number; month: number; officeName: string; reading: StatsReading }

export const monthlyReportTitle = (year: number, month: number): string => `关于${year}年${month}月份重点工作督查情况的通报`

/** The month as a period: its first to its last day. */
export function monthPeriod(year: number, month: number) {
  const from = `${year}-${String(month).padStart(2, '0')}-01`
  return { from, to: monthEnd(from) }
}

/**
 * The figures in 小四, as the office's other tables, centred, the header in 黑体 repeated on each page; lines at 1.3 ×
 * 小四, not the body's 28.9 pt grid pitch (a row of the grid's height would hold one line in two).
 */
const FIGURES: TableSetting = { size: 24, alignment: AlignmentType.CENTER, spacing: { line: 312, lineRule: LineRuleType.EXACT, before: 40, after: 40 }, header: true }

/** A statistic as a Word table across the type area; its first column (units' names) three times as wide as the others. */
function wordTable(t: StatTable): Table {
  const unit = Math.floor(TYPE_AREA.width / (t.columns.length + 2))
  const widths = t.columns.map((_, i) => (i === 0 ? TYPE_AREA.width - unit * (t.columns.length - 1) : unit))
  const cell = (v: Cell, font?: FontName): LaidCell => ({ paragraphs: [String(v)], font })
  return laidTable(widths, [t.columns.map((c) => cell(c, FONT.hei)), ...t.rows.map((r) => r.map((v) => cell(v)))], FIGURES)
}

interface OverdueItem { department: string; task: string; source: string; deadline: string }

function overdueFollowUps(r: StatsReading): OverdueItem[] {
  return allRows<OverdueItem>(r.db, sql`SELECT d.name AS department, f.task AS task, f.source_title AS source, f.deadline AS deadline
    FROM ${followUpsCounted(r)} f JOIN departments d ON d.id = f.department_id WHERE f.status = '办理中' AND f.deadline < ${r.today} ORDER BY d.name, f.deadline`)
}

const total = (t: StatTable, column: string): number => {
  const i = t.columns.indexOf(column)
  return t.rows.filter((r) => r[0] !== '合计').reduce((s, r) => s + (typeof r[i] === 'number' ? (r[i] as number) : 0), 0)
}

function summary(r: StatsReading, follow: StatTable, due: StatTable): string {
  const incoming = total(documentsByMonth(r, '收文', 'urgency'), '合计')
  const outgoing = total(documentsByMonth(r, '发文', 'urgency'), '合计')
  const onTime = total(due, '按期反馈')
  const wasDue = onTime + total(due, '超期反馈') + total(due, '逾期未反馈')
  const rate = wasDue ? `${(Math.round((onTime / wasDue) * 1000) / 10).toFixed(1)}%` : '—'
  return `本月共签收登记收文${incoming}件，拟制发文${outgoing}件。新立项督办事项${total(follow, '立项')}项，办结${total(follow, '办结')}项（其中按期办结${total(follow, '其中按期办结')}项）；`
    + `截至${r.today.slice(5, 7).replace(/^0/, '')}月${Number(r.today.slice(8))}日，逾期未办结督办事项${total(follow, '逾期未办结')}项。`
    + `本月到期的承办任务${wasDue}件，按期反馈${onTime}件，按期率${rate}。`
}

/** Overdue 督办 items, department by department: （一）单位 then 1. 2. … with the source, deadline and days overdue. */
function overdueSection(r: StatsReading): Paragraph[] {
  const items = overdueFollowUps(r)
  if (!items.length) return [bodyParagraph('截至目前，无逾期未办结的督办事项。')]
  const departments = [...new Set(items.map((i) => i.department))]
  return departments.flatMap((dep, k) => [
    headingParagraph(2, `（${chineseNumber(k + 1)}）${dep}`),
    ...items.filter((i) => i.department === dep).map((i, n) =>
      bodyParagraph(`${n + 1}.${i.task.replace(/。$/, '')}（来源：${i.source}；办理时限：${chineseDate(i.deadline)}；${deadlineTiming(r.cal, r.today, i.deadline).label}）。`)),
  ])
}

function body(data: MonthlyReport): FileChild[] {
  const { year, month, officeName, reading: r } = data
  const follow = followUpsBy(r, 'department')
  const due = onTimeByDepartment(r)
  return [
    redMark(officeName), blankLine(), numberLine(`督查通报〔${year}〕${month}号`), redSeparator(), blankLine(),
    titleParagraph(monthlyReportTitle(year, month)), blankLine(),
    addresseeParagraph('各县（区）人民政府，市政府各部门'),
    bodyParagraph(`为推动市政府重点工作落实落地，市政府办公室对${year}年${month}月份督办事项、领导批示件和承办件的办理情况进行了督查。现将有关情况通报如下：`),
    headingParagraph(1, '一、总体情况'),
    bodyParagraph(summary(r, follow, due)),
    keepWithNext(headingParagraph(1, '二、督办事项办理情况')),
    follow.rows.length ? wordTable(follow) : bodyParagraph('本月无督办事项立项或办结。'),
    keepWithNext(headingParagraph(1, '三、承办件按期办理情况')),
    due.rows.length ? wordTable(due) : bodyParagraph('本月无到期的承办任务。'),
    keepWithNext(headingParagraph(1, '四、逾期事项')),
    ...(() => { const now = overdueNow(r); return now.rows.length ? [keepWithNext(bodyParagraph('截至目前各单位逾期事项如下表，逾期督办事项逐项列后。')), wordTable(now)] : [] })(),
    ...overdueSection(r),
    headingParagraph(1, '五、工作要求'),
    bodyParagraph('各责任单位要对照通报事项逐项检查，逾期事项须于5个工作日内书面说明原因并报送整改措施；对无正当理由逾期的，将按有关规定予以通报批评。'),
    blankLine(),
    ...signatureBlock(officeName, r.today),
    ...closingBlock({ printer: officeName, printDate: r.today }),
  ]
}

export function monthlyReportDocx(data: MonthlyReport): Promise<Buffer> {
  return toBuffer(gbtDocument({ title: monthlyReportTitle(data.year, data.month), sections: [{ children: body(data), noGrid: true }] }))
}
