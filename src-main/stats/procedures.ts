import { query } from '../kernel/procedure'
import { READERS } from '../common/roles'
import { download, DOCX_MIME, XLSX_MIME } from '../files/download'
import { readSettings } from '../settings/service'
import { monthlyReportInput, statsExportInput } from './contract'
import { statsReading, statTable } from './service'
import { statXlsx, periodText } from './xlsx'
import { monthlyReportDocx, monthlyReportTitle, monthPeriod } from './report'

/** 统计 (issue 17): every business reader; each figure counts only what the reader's clearance lets them see. */
export const statsProcedures = {
  'stats.table': query({
    summary: '统计：一张统计表（按期间，只计本人涉密等级可见的记录）',
    access: READERS,
    input: statsExportInput,
    handler: (ctx, input) => statTable(statsReading(ctx, input.period), input.table),
  }),
  'stats.export': query({
    summary: '统计：导出一张统计表（Excel）',
    access: READERS,
    input: statsExportInput,
    handler: async (ctx, input) => {
      const t = statTable(statsReading(ctx, input.period), input.table)
      return download(`${t.title}（${periodText(input.period)}）.xlsx`, XLSX_MIME, await statXlsx(t, input.period))
    },
  }),
  'stats.exportMonthlyReport': query({
    summary: '统计：生成某月的督查通报（Word，供编辑后印发）',
    access: READERS,
    input: monthlyReportInput,
    handler: async (ctx, { year, month }) => {
      const reading = statsReading(ctx, monthPeriod(year, month))
      const buf = await monthlyReportDocx({ year, month, officeName: readSettings(ctx.db).officeName, reading })
      return download(`${monthlyReportTitle(year, month)}.docx`, DOCX_MIME, buf)
    },
  }),
}
