/** 作废 and 请示↔批复 of a 发文 (issue 16), kept beside the 发文 procedures so that file stays the 办文 steps. */
import { z } from 'zod'
import { mutation, query } from '../../kernel/procedure'
import { id, optionalText, text } from '../../kernel/fields'
import { CLERKS, READERS } from '../../common/roles'
import { getOutgoing } from './service'
import { outgoingVoidCheck, voidOutgoing } from './void'
import { answerCandidates, setReplyTo } from './reply-link'

export const outgoingVoidReplyProcedures = {
  'outgoing.voidCheck': query({
    summary: '作废发文前的提示（能否作废，作废后哪些环节停止）',
    access: READERS,
    input: z.object({ id: id('发文') }),
    handler: (ctx, { id }) => outgoingVoidCheck(ctx, id),
  }),
  'outgoing.void': mutation({
    summary: '作废发文（印发前；须写明理由，已编的发文字号不再使用，作废后不可恢复）',
    // 文秘 and 科长 may be designated (设置—公文作废人员); the service refuses the others.
    access: CLERKS,
    input: z.object({ id: id('发文'), reason: text('作废理由', 500) }),
    handler: voidOutgoing,
  }),
  'outgoing.setReplyTo': mutation({
    summary: '指定批复（复函）所答复的请示（来函），或取消指定',
    access: CLERKS,
    input: z.object({ id: id('发文'), incomingId: id('所答复的收文').nullable() }),
    handler: (ctx, input) => { setReplyTo(ctx, input); return getOutgoing(ctx, input.id, ctx.clock.today()) },
  }),
  'outgoing.answerCandidates': query({
    summary: '按收文号或标题查找可答复的请示、来函',
    access: READERS,
    input: z.object({ text: optionalText('收文号或标题', 100) }),
    handler: (ctx, { text: typed }) => answerCandidates(ctx, typed ?? ''),
  }),
}
