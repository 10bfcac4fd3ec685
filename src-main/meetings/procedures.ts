import { z } from 'zod'
import { query, mutation } from '../kernel/procedure'
import { id, isoDate, optionalText, text } from '../kernel/fields'
import { readStoredFile, uploadSchema } from '../files/service'
import { meetingTypeSchema } from './types'
import { RESERVED_MATTERS, ATTENDANCE_ROLES, ATTENDANCE_STATES, HALF_DAYS, LEAVE_ANSWERS, TOPIC_FILE_KINDS } from '../common/meetings'
import { cancelMeeting, fixAgenda, getMeeting, listMeetingTypes, markHeld, meetingCalendar, planMeetings, saveMeeting, saveMeetingType } from './service'
import { isTopicFileSeen, listTopics, moveTopic, reclassifyTopic, reorderTopics, submitTopic, withdrawTopic } from './topics'
import { reclassifyInput } from '../security/reclassify'
import { classificationField, unseen } from '../security/clearance'
import { attendanceSheet, markRestPresent, recordAttendance } from './attendance-service'
import { agendaPrint, attendancePrint, noticePrint } from './prints'
import { agendaDocx, attendanceDocx, noticeDocx } from './docx'
import { download, DOCX_MIME } from '../files/download'
import { CLERKS, READERS, REVIEWERS } from '../common/roles'

const byId = (label: string) => z.object({ id: id(label) })
const meetingId = z.object({ meetingId: id('会议') })
const period = z.object({ from: isoDate('开始日期'), to: isoDate('结束日期') })
  .refine((p) => p.to >= p.from, { message: '不能早于开始日期', path: ['to'] })
  .refine((p) => p.to <= `${Number(p.from.slice(0, 4)) + 1}${p.from.slice(4)}`, { message: '查询期间不能超过一年', path: ['to'] })

const meetingShape = z.object({
  id: id('会议').optional(),
  typeId: id('会议类别'),
  session: z.number().describe('会议次数（第N次）').int().min(1).max(999).nullable().optional(),
  subject: optionalText('会议主题', 100),
  date: isoDate('会议日期'),
  halfDay: z.enum(HALF_DAYS).describe('上午/下午'),
  startTime: z.string().describe('开始时间').regex(/^([01]\d|2[0-3]):[0-5]\d$/, '应为时间，格式 09:00').nullable().optional(),
  place: optionalText('会议地点', 60),
  chairPostId: id('主持人').nullable().optional(),
  entrustingPostId: id('委托召开的领导').nullable().optional(),
  departmentId: id('主办部门').nullable().optional(),
  reservedMatters: z.array(z.enum(RESERVED_MATTERS)).describe('涉及事项').optional(),
  priorAgreementOn: isoDate('会前协商一致日期').nullable().optional(),
  priorAgreementNote: optionalText('协商情况', 500),
  note: optionalText('备注', 500),
})

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
    input: meetingShape,
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
    input: z.object({
      meetingId: id('会议'),
      title: text('议题名称', 100),
      departmentId: id('报送单位'),
      supervisorPostId: id('分管副市长').nullable().optional(),
      reporter: optionalText('汇报人', 40),
      deliveredOn: isoDate('送达日期'),
      unitIds: z.array(id('列席单位')).describe('涉及的部门和县（区）').max(60).default([]),
      files: z.array(z.object({ kind: z.enum(TOPIC_FILE_KINDS).describe('附件类别'), file: uploadSchema })).describe('附件').max(10).default([]),
      consent: z.object({ personId: id('同意的领导'), on: isoDate('同意日期') }).describe('市长同意').nullable().optional(),
      classification: classificationField(),
    }),
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
    input: z.object({ topicId: id('议题'), toMeetingId: id('调至会议'), reason: optionalText('调整原因', 200) }),
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
    input: z.object({
      meetingId: id('会议'), personId: id('人员'), role: z.enum(ATTENDANCE_ROLES).describe('参会身份'), status: z.enum(ATTENDANCE_STATES).describe('出席情况'),
      leaveReason: optionalText('请假事由', 200), askedPersonId: id('向谁请假').nullable().optional(),
      answer: z.enum(LEAVE_ANSWERS).describe('批复').nullable().optional(), substitute: optionalText('代会人员', 40), note: optionalText('备注', 200),
    }),
    handler: recordAttendance,
  }),
  'meetings.markRestPresent': mutation({
    summary: '其余未登记人员均为出席',
    access: CLERKS,
    input: meetingId,
    handler: (ctx, { meetingId }) => markRestPresent(ctx, meetingId),
  }),
  'meetings.exportAgendaDocx': query({
    summary: '导出会议议程（Word）',
    access: READERS,
    input: byId('会议'),
    handler: async (ctx, { id }) => {
      const data = agendaPrint(ctx, id)
      return download(`${data.title}.docx`, DOCX_MIME, await agendaDocx(data))
    },
  }),
  'meetings.exportAttendanceDocx': query({
    summary: '导出出席情况（Word）',
    access: READERS,
    input: byId('会议'),
    handler: async (ctx, { id }) => {
      const data = attendancePrint(ctx, id)
      return download(`${data.title}.docx`, DOCX_MIME, await attendanceDocx(data))
    },
  }),
  'meetings.exportNoticeDocx': query({
    summary: '导出会议通知（Word）',
    access: READERS,
    input: byId('会议'),
    handler: async (ctx, { id }) => {
      const data = noticePrint(ctx, id, ctx.clock.today())
      return download(`${data.title}.docx`, DOCX_MIME, await noticeDocx(data))
    },
  }),
}
