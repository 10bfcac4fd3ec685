import { z } from 'zod'
import { query, mutation } from '../../kernel/procedure'
import { id, optionalText, yearNumber } from '../../kernel/fields'
import { PROPOSAL_KINDS } from '../../common/documents'
import { CLERKS, READERS } from '../../common/roles'
import { listProposals, replyProposal, saveProposal } from './service'
import { proposalInput, replyInput } from './contract'

/** 人大代表建议 and 政协提案 (R-D8, 第五十九条): registered, assigned, answered. */
const year = yearNumber('年度')

export const proposalProcedures = {
  'proposals.list': query({
    summary: '人大代表建议和政协提案（第五十九条）',
    access: READERS,
    input: z.object({
      year: year.optional(),
      kind: z.enum(PROPOSAL_KINDS).describe('类别').optional(),
      departmentId: id('承办单位').optional(),
      overdueOnly: z.boolean().describe('只看逾期未答复').optional(),
      text: optionalText('查询文字', 100),
    }),
    handler: ({ db, clock }, input) => listProposals(db, clock.today(), input),
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
