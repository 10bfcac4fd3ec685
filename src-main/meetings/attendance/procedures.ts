import { mutation, query } from '../../kernel/procedure'
import { attendanceSheet, markRestPresent, recordAttendance } from './service'
import { attendancePrint } from '../prints'
import { attendanceDocx } from '../docx'
import { meetingWord } from '../word'
import { CLERKS, READERS } from '../../common/roles'
import { attendanceInput, meetingId } from '../contract'

/** 出席: present, 请假 (R-M4), absent or 代会, and the quorum (R-M2). */
export const attendanceProcedures = {
  'attendance.get': query({
    summary: '出席、请假、列席情况及法定人数',
    access: READERS,
    input: meetingId,
    handler: (ctx, { meetingId }) => attendanceSheet(ctx, meetingId),
  }),
  'attendance.record': mutation({
    summary: '登记出席、请假、缺席或代会',
    access: CLERKS,
    input: attendanceInput,
    handler: recordAttendance,
  }),
  'attendance.markRestPresent': mutation({
    summary: '其余未登记人员均为出席',
    access: CLERKS,
    input: meetingId,
    handler: (ctx, { meetingId }) => markRestPresent(ctx, meetingId),
  }),
  'attendance.exportDocx': meetingWord('导出出席情况（Word）', (ctx, id) => attendancePrint(ctx, id), attendanceDocx),
}
