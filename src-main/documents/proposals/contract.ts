/** 建议提案's inputs, defined once (R-D8): the procedures check calls against them, the service takes their output types. */
import { z } from 'zod'
import { id, isoDate, text, yearNumber } from '../../kernel/fields'
import { PROPOSAL_KINDS, SATISFACTION } from '../../common/documents'

const year = yearNumber('年度')

export const proposalInput = z.object({
  id: id('建议（提案）').optional(),
  kind: z.enum(PROPOSAL_KINDS).describe('类别'),
  year,
  number: text('编号', 40),
  title: text('标题', 200),
  proposer: text('提出人', 200),
  leaderPostId: id('牵头市领导').nullable().optional(),
  departmentId: id('承办单位'),
  deadline: isoDate('办理时限'),
})
export type ProposalInput = z.output<typeof proposalInput>

export const replyInput = z.object({
  id: id('建议（提案）'),
  reply: text('答复内容', 4000),
  repliedOn: isoDate('答复日期'),
  satisfaction: z.enum(SATISFACTION).describe('满意度').nullable().optional(),
})
export type ReplyInput = z.output<typeof replyInput>
