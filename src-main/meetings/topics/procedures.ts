import { z } from 'zod'
import { query, mutation } from '../../kernel/procedure'
import { id, text } from '../../kernel/fields'
import { readStoredFile } from '../../files/service'
import { isTopicFileSeen, listTopics, moveTopic, recordTopicConsent, reclassifyTopic, reorderTopics, submitTopic, withdrawTopic } from './service'
import { reclassifyInput } from '../../security/reclassify'
import { unseen } from '../../security/clearance'
import { CLERKS, READERS } from '../../common/roles'
import { meetingId, topicInput, moveTopicInput, topicConsentInput } from '../contract'

/** 议题: submitted against the 10-working-day deadline (R-M3), ordered, moved, withdrawn, reclassified. */
export const topicProcedures = {
  'topics.list': query({
    summary: '会议议程（议题及附件、调整记录）',
    access: READERS,
    input: meetingId,
    handler: (ctx, { meetingId }) => listTopics(ctx, meetingId),
  }),
  'topics.submit': mutation({
    summary: '报送议题（会前10个工作日，逾期须市长同意）',
    access: CLERKS,
    input: topicInput,
    handler: submitTopic,
  }),
  'topics.reorder': mutation({
    summary: '调整议题顺序',
    access: CLERKS,
    input: z.object({ meetingId: id('会议'), topicIds: z.array(id('议题')).describe('议题顺序').min(1).max(60) }),
    handler: (ctx, { meetingId, topicIds }) => { reorderTopics(ctx, meetingId, topicIds); return null },
  }),
  'topics.move': mutation({
    summary: '将议题调至以后的会议',
    access: CLERKS,
    input: moveTopicInput,
    handler: moveTopic,
  }),
  'topics.withdraw': mutation({
    summary: '撤回议题（写明理由）',
    access: CLERKS,
    input: z.object({ topicId: id('议题'), reason: text('撤回理由', 200) }),
    handler: (ctx, { topicId, reason }) => withdrawTopic(ctx, topicId, reason),
  }),
  'topics.recordConsent': mutation({
    summary: '记录市长同意（已报送的逾期或临时增加议题，第三十八条）',
    access: CLERKS,
    input: topicConsentInput,
    handler: recordTopicConsent,
  }),
  'topics.reclassify': mutation({
    summary: '定密变更：变更议题的密级（须写明理由并经领导批准）',
    access: CLERKS,
    input: reclassifyInput('议题'),
    handler: (ctx, input) => reclassifyTopic(ctx, input),
  }),
  'topics.downloadFile': query({
    summary: '下载议题附件（校验后）',
    access: READERS,
    input: z.object({ fileId: id('附件') }),
    handler: (ctx, { fileId }) => {
      if (!isTopicFileSeen(ctx, fileId)) throw unseen('议题附件')
      return readStoredFile(ctx.db, ctx.dataDir, fileId)
    },
  }),
}
