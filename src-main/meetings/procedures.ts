import { z } from 'zod'
import { query, mutation } from '../kernel/procedure'
import { id, text } from '../kernel/fields'
import { cancelMeeting, fixAgenda, getMeeting, markHeld, meetingCalendar, planMeetings, saveMeeting } from './service'
import { agendaPrint, noticePrint } from './prints'
import { agendaDocx, noticeDocx } from './docx'
import { meetingWord } from './word'
import { CLERKS, READERS } from '../common/roles'
import { agreementCorrectionInput, byId, meetingInput, period, reopenInput } from './contract'
import { correctAgreement, heldCheck, reopenMeeting } from './corrections'

/** 办会: the meetings themselves — calendar, scheduling, 改期/取消, 议程确定, 已召开, 议程 and 通知 files. */
export const meetingProcedures = {
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
  'meetings.heldCheck': query({
    summary: '标记已召开之前：会妨碍纪要签发的问题（第三十九条、第四十、四十二条、第四十二条）',
    access: READERS,
    input: byId('会议'),
    handler: (ctx, { id }) => heldCheck(ctx, id),
  }),
  'meetings.markHeld': mutation({
    summary: '标记会议已召开（常务会议须过半数组成人员到会；先确认会妨碍纪要签发的问题）',
    access: CLERKS,
    input: z.object({ id: id('会议'), acknowledged: z.boolean().describe('已确认提醒').default(false) }),
    handler: (ctx, { id, acknowledged }) => markHeld(ctx, id, acknowledged),
  }),
  'meetings.reopen': mutation({
    summary: '重新打开已召开的会议（纪要签发前，由设定的更正人员写明理由）',
    access: CLERKS,
    input: reopenInput,
    handler: (ctx, { id, reason }) => reopenMeeting(ctx, id, reason),
  }),
  'meetings.correctAgreement': mutation({
    summary: '更正会前协商一致情况（会议召开后、纪要签发前，写明理由，第四十、四十二条）',
    access: CLERKS,
    input: agreementCorrectionInput,
    handler: correctAgreement,
  }),
  'meetings.exportAgendaDocx': meetingWord('导出会议议程（Word）', (ctx, id) => agendaPrint(ctx, id), agendaDocx),
  'meetings.exportNoticeDocx': meetingWord('导出会议通知（Word）', (ctx, id) => noticePrint(ctx, id, ctx.clock.today()), noticeDocx),
}
