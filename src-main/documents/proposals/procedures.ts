import { query, mutation } from '../../kernel/procedure'
import { CLERKS, READERS } from '../../common/roles'
import { download, XLSX_MIME } from '../../files/download'
import { readSettings } from '../../settings/service'
import { departmentName } from '../../org/directory'
import { countProposals, listProposals, replyProposal, saveProposal } from './service'
import { proposalFilter, proposalInput, replyInput, type ProposalFilterInput } from './contract'
import { proposalsXlsx } from './xlsx'
import { filterLine } from '../registers/xlsx'
import type { ReadDb } from '../../db/connection'

/** What the filters say, for the line under the export's title. */
const describe = (db: ReadDb, f: ProposalFilterInput) => [
  f.year !== undefined && `${f.year}年`, f.kind && `类别：${f.kind}`,
  f.departmentId !== undefined && `单位：${departmentName(db, f.departmentId) ?? f.departmentId}`,
  f.overdueOnly && '只看逾期未答复', f.text && `查询：${f.text}`,
]

/** 人大代表建议 and 政协提案 (R-D8, 第五十九条): registered, assigned, answered, counted and exported. */
export const proposalProcedures = {
  'proposals.list': query({
    summary: '人大代表建议和政协提案（第五十九条）',
    access: READERS,
    input: proposalFilter,
    handler: ({ db, clock }, input) => listProposals(db, clock.today(), input),
  }),
  'proposals.counts': query({
    summary: '建议提案按办理状态的件数（办理中、其中逾期、已答复及满意度）',
    access: READERS,
    input: proposalFilter.omit({ overdueOnly: true }),
    handler: ({ db, clock }, input) => countProposals(db, clock.today(), input),
  }),
  'proposals.exportXlsx': query({
    summary: '导出建议提案（Excel，与页面所列相同）',
    access: READERS,
    input: proposalFilter,
    handler: async ({ db, clock }, input) => {
      const today = clock.today()
      const rows = listProposals(db, today, input)
      const title = `${readSettings(db).officeName}人大代表建议和政协提案办理情况${input.year !== undefined ? `（${input.year}年）` : ''}`
      return download(`${title}.xlsx`, XLSX_MIME, await proposalsXlsx(title, `${filterLine(describe(db, input), today)}　　共${rows.length}件`, rows))
    },
  }),
  'proposals.save': mutation({
    summary: '登记或修改人大代表建议、政协提案（第五十九条）',
    access: CLERKS,
    input: proposalInput,
    handler: saveProposal,
  }),
  'proposals.reply': mutation({
    summary: '登记建议（提案）的答复和满意度（第五十九条）',
    access: CLERKS,
    input: replyInput,
    handler: replyProposal,
  }),
}
