import { z } from 'zod'
import { query, mutation } from '../kernel/procedure'
import { id } from '../kernel/fields'
import { FOLLOW_UP_SOURCES, FOLLOW_UP_STATES } from '../common/followups'
import { closeFollowUp, createFollowUp, getFollowUp, listFollowUps, reportProgress } from './service'
import { followUpCounts, followUpFromInstruction } from './sources'
import { CLERKS, READERS } from '../common/roles'
import { closingInput, followUpInput, fromInstructionInput, progressInput } from './contract'

export const followUpProcedures = {
  'followups.fromInstruction': mutation({
    summary: '领导批示转督办事项',
    access: CLERKS,
    input: fromInstructionInput,
    handler: followUpFromInstruction,
  }),
  'followups.counts': query({
    summary: '各议定事项或领导批示已立项的督办事项数',
    access: READERS,
    input: z.object({
      source: z.enum(FOLLOW_UP_SOURCES).describe('来源'),
      sourceIds: z.array(id('来源')).describe('来源').max(500),
    }),
    handler: ({ db }, { source, sourceIds }) => followUpCounts(db, source, sourceIds),
  }),
  'followups.list': query({
    summary: '督办事项列表（逾期的在前，其余按办结时限）',
    access: READERS,
    input: z.object({
      status: z.enum(FOLLOW_UP_STATES).describe('状态').optional(),
      overdueOnly: z.boolean().describe('只看逾期').optional(),
      departmentId: id('责任单位').optional(),
    }),
    handler: (ctx, filter) => listFollowUps(ctx, ctx.clock.today(), filter),
  }),
  'followups.get': query({
    summary: '督办事项（含全部进展）',
    access: READERS,
    input: z.object({ id: id('督办事项') }),
    handler: (ctx, { id }) => getFollowUp(ctx, id, ctx.clock.today()),
  }),
  'followups.create': mutation({
    summary: '立项督办（已签发纪要的议定事项，或领导批示）',
    access: CLERKS,
    input: followUpInput,
    handler: createFollowUp,
  }),
  'followups.report': mutation({
    summary: '登记督办事项进展',
    access: CLERKS,
    input: progressInput,
    handler: reportProgress,
  }),
  'followups.close': mutation({
    summary: '办结督办事项（须写明办理结果，件件有着落、事事有回音）',
    access: CLERKS,
    input: closingInput,
    handler: closeFollowUp,
  }),
}
