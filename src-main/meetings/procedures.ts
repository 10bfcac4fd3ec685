import { z } from 'zod'
import { query, mutation } from '../kernel/procedure'
import { id, text } from '../kernel/fields'
import { cancelMeeting, fixAgenda, getMeeting, markHeld, meetingCalendar, planMeetings, saveMeeting } from './service'
import { agendaPrint, noticePrint } from './prints'
import { agendaDocx, noticeDocx } from './docx'
import { meetingWord } from './word'
import { CLERKS, READERS } from '../common/roles'
import { byId, meetingInput, period } from './contract'

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
  'meetings.markHeld': mutation({
    summary: '标记会议已召开（常务会议须过半数组成人员到会）',
    access: CLERKS,
    input: byId('会议'),
    handler: (ctx, { id }) => markHeld(ctx, id),
  }),
  'meetings.exportAgendaDocx': meetingWord('导出会议议程（Word）', (ctx, id) => agendaPrint(ctx, id), agendaDocx),
  'meetings.exportNoticeDocx': meetingWord('导出会议通知（Word）', (ctx, id) => noticePrint(ctx, id, ctx.clock.today()), noticeDocx),
}
