/** 建议提案's inputs, defined once (R-D8): the procedures check calls against them, the service takes their output types. */
import { z } from 'zod'
import { id, isoDate, optionalText, text, yearNumber } from '../../kernel/fields'
import { PROPOSAL_KINDS, SATISFACTION, bareProposalNumber } from '../../common/documents'

const year = yearNumber('年度')

/** Kept bare (3-028) however typed (第3-028号, 2026年第3-028号): the print adds 年 and 第…号 once. */
const number = text('编号', 40).transform(bareProposalNumber).pipe(z.string().describe('编号').min(1, '只写编号本身，如 3-028'))

export const proposalInput = z.object({
  id: id('建议（提案）').optional(),
  kind: z.enum(PROPOSAL_KINDS).describe('类别'),
  year,
  number,
  title: text('标题', 200),
  proposer: text('提出人', 200),
  /** Left out or null: the 主办 department's 分管 leader (shown as the default, and followed if it changes). */
  leaderPostId: id('牵头市领导').nullable().optional(),
  departmentId: id('主办单位'),
  /** 会办单位: any number besides the one 主办. */
  coDepartmentIds: z.array(id('会办单位')).describe('会办单位').max(30, '会办单位不能超过30个').default([]),
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

export const proposalFilter = z.object({
  year: year.optional(),
  kind: z.enum(PROPOSAL_KINDS).describe('类别').optional(),
  departmentId: id('承办单位').optional(),
  overdueOnly: z.boolean().describe('只看逾期未答复').optional(),
  text: optionalText('查询文字', 100),
})
export type ProposalFilterInput = z.output<typeof proposalFilter>
