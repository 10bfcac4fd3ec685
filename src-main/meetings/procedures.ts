import { z } from 'zod'
import { query, mutation, type QueryContext } from '../kernel/procedure'
import { id, text } from '../kernel/fields'
import { readStoredFile } from '../files/service'
import { meetingTypeSchema } from './types'
import { cancelMeeting, fixAgenda, getMeeting, listMeetingTypes, markHeld, meetingCalendar, planMeetings, saveMeeting, saveMeetingType } from './service'
import { isTopicFileSeen, listTopics, moveTopic, reclassifyTopic, reorderTopics, submitTopic, withdrawTopic } from './topics'
import { reclassifyInput } from '../security/reclassify'
import { unseen } from '../security/clearance'
import { attendanceSheet, markRestPresent, recordAttendance } from './attendance-service'
import { agendaPrint, attendancePrint, noticePrint } from './prints'
import { agendaDocx, attendanceDocx, noticeDocx } from './docx'
import { download, DOCX_MIME } from '../files/download'
import { CLERKS, READERS, REVIEWERS } from '../common/roles'
import { attendanceInput, byId, meetingId, meetingInput, period, topicInput, moveTopicInput } from './contract'

/** A meeting's Word file (议程, 出席情况, 通知): its print model, laid out by its builder, named by its title. */
function meetingWord<P extends { title: string }>(summary: string, print: (ctx: QueryContext, meetingId: number) => P, docx: (data: P) => Promise<Buffer>) {
  return query({
    summary,
    access: READERS,
    input: byId('会议'),
    handler: async (ctx, { id }) => {
      const data = print(ctx, id)
      return download(`${data.title}.docx`, DOCX_MIME, await docx(data))
    },
  })
}

export const meetingProcedures = {
  'meetings.types': query({
    summary: '会议类别及其规则设置',
    access: READERS,
    input: z.object({}),
    handler: ({ db }) => listMeetingTypes(db),
  }),
  'meetings.saveType': mutation({
    summary: '修改会议类别设置（组成人员、列席、周期、议题时限、纪要标题和编号）',
    access: REVIEWERS,
    input: z.object({ id: id('会议类别'), config: meetingTypeSchema }),
    handler: saveMeetingType,
  }),
  'meetings.calendar': query({
    summary: '会议日历（含节假日、调休和领导外出）',
    access: READERS,
    input: period,
    handler: (ctx, { from, to }) => meetingCalendar(ctx, from, to),
  }),
  'meetings.get': query({
    summary: '会议详情及提醒',
    access: READERS,
    input: byId('会议'),
    handler: (ctx, { id }) => getMeeting(ctx, id),
  }),
  'meetings.schedule': mutation({
    summary: '安排会议或修改、改期',
    access: CLERKS,
    input: meetingInput,
    handler: saveMeeting,
  }),
  'meetings.cancel': mutation({
    summary: '取消会议',
    access: CLERKS,
    input: z.object({ id: id('会议'), reason: text('取消原因', 200) }),
    handler: (ctx, { id, reason }) => cancelMeeting(ctx, id, reason),
  }),
  'meetings.plan': query({
    summary: '按周期安排下次会议（避开节假日）',
    access: READERS,
    input: z.object({ typeId: id('会议类别'), count: z.number().describe('安排次数').int().min(1).max(26).default(4) }),
    handler: ({ db, clock }, { typeId, count }) => planMeetings(db, typeId, count, clock.today()),
  }),
  'meetings.fixAgenda': mutation({
    summary: '确定或重新打开会议议程',
    access: CLERKS,
    input: z.object({ id: id('会议'), fixed: z.boolean().describe('议程已确定') }),
    handler: (ctx, { id, fixed }) => fixAgenda(ctx, id, fixed),
  }),
  'meetings.markHeld': mutation({
    summary: '标记会议已召开（常务会议须过半数组成人员到会）',
    access: CLERKS,
    input: byId('会议'),
    handler: (ctx, { id }) => markHeld(ctx, id),
  }),
  'meetings.topics': query({
    summary: '会议议程（议题及附件、调整记录）',
    access: READERS,
    input: meetingId,
    handler: (ctx, { meetingId }) => listTopics(ctx, meetingId),
  }),
  'meetings.submitTopic': mutation({
    summary: '报送议题（会前10个工作日，逾期须市长同意）',
    access: CLERKS,
    input: topicInput,
    handler: submitTopic,
  }),
  'meetings.reorderTopics': mutation({
    summary: '调整议题顺序',
    access: CLERKS,
    input: z.object({ meetingId: id('会议'), topicIds: z.array(id('议题')).describe('议题顺序').min(1).max(60) }),
    handler: (ctx, { meetingId, topicIds }) => { reorderTopics(ctx, meetingId, topicIds); return null },
  }),
  'meetings.moveTopic': mutation({
    summary: '将议题调至以后的会议',
    access: CLERKS,
    input: moveTopicInput,
    handler: moveTopic,
  }),
  'meetings.withdrawTopic': mutation({
    summary: '撤回议题',
    access: CLERKS,
    input: z.object({ topicId: id('议题') }),
    handler: (ctx, { topicId }) => withdrawTopic(ctx, topicId),
  }),
  'meetings.reclassifyTopic': mutation({
    summary: '定密变更：变更议题的密级（须写明理由并经领导批准）',
    access: CLERKS,
    input: reclassifyInput('议题'),
    handler: (ctx, input) => reclassifyTopic(ctx, input),
  }),
  'meetings.downloadFile': query({
    summary: '下载议题附件（校验后）',
    access: READERS,
    input: z.object({ fileId: id('附件') }),
    handler: (ctx, { fileId }) => {
      if (!isTopicFileSeen(ctx, fileId)) throw unseen('议题附件')
      return readStoredFile(ctx.db, ctx.dataDir, fileId)
    },
  }),
  'meetings.attendance': query({
    summary: '出席、请假、列席情况及法定人数',
    access: READERS,
    input: meetingId,
    handler: (ctx, { meetingId }) => attendanceSheet(ctx, meetingId),
  }),
  'meetings.recordAttendance': mutation({
    summary: '登记出席、请假、缺席或代会',
    access: CLERKS,
    input: attendanceInput,
    handler: recordAttendance,
  }),
  'meetings.markRestPresent': mutation({
    summary: '其余未登记人员均为出席',
    access: CLERKS,
    input: meetingId,
    handler: (ctx, { meetingId }) => markRestPresent(ctx, meetingId),
  }),
  'meetings.exportAgendaDocx': meetingWord('导出会议议程（Word）', (ctx, id) => agendaPrint(ctx, id), agendaDocx),
  'meetings.exportAttendanceDocx': meetingWord('导出出席情况（Word）', (ctx, id) => attendancePrint(ctx, id), attendanceDocx),
  'meetings.exportNoticeDocx': meetingWord('导出会议通知（Word）', (ctx, id) => noticePrint(ctx, id, ctx.clock.today()), noticeDocx),
}
