/** 督办's inputs, defined once (R-S1): the procedures check calls against them, the services take their output types. */
import { z } from 'zod'
import { id, isoDate, optionalText, text } from '../kernel/fields'

/** 立项: a 议定事项 of signed minutes, or a leader's instruction by its title (a 批示 in the system goes through fromInstruction). */
export const followUpInput = z.object({
  decisionId: id('议定事项').nullable().optional(),
  sourceTitle: optionalText('来源（领导批示标题）', 200),
  sourceId: id('来源编号').nullable().optional(),
  task: text('督办事项', 2000),
  departmentId: id('责任单位'),
  leaderPostId: id('督办领导岗位').nullable().optional(),
  deadline: isoDate('办结时限'),
}).refine((v) => !(v.decisionId != null && v.sourceTitle), { message: '议定事项和领导批示只能选一个', path: ['sourceTitle'] })
export type FollowUpInput = z.output<typeof followUpInput>

export const fromInstructionInput = z.object({
  instructionId: id('批示'),
  task: text('督办事项', 2000),
  departmentId: id('责任单位'),
  leaderPostId: id('督办领导岗位').nullable().optional(),
  deadline: isoDate('办结时限'),
})
export type FromInstructionInput = z.output<typeof fromInstructionInput>

export const progressInput = z.object({ id: id('督办事项'), reportedOn: isoDate('报送日期'), content: text('进展情况', 4000), reporter: optionalText('报送人', 60) })
export type ProgressInput = z.output<typeof progressInput>

export const closingInput = z.object({ id: id('督办事项'), closedOn: isoDate('办结日期'), outcome: text('办理结果', 4000) })
export type ClosingInput = z.output<typeof closingInput>
