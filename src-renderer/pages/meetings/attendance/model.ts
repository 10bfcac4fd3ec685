import type { InputOf, OutputOf } from '../../../api/client'

/** The attendance sheet as `attendance.get` returns it (R-M2, R-M4). */
export type Sheet = OutputOf<'attendance.get'>
export type AttendanceRow = Sheet['members'][number]
export type AttendanceStatus = InputOf<'attendance.record'>['status']
export type LeaveAnswer = NonNullable<InputOf<'attendance.record'>['answer']>

/** The colour of a recorded status: present green, on leave orange, absent red, substitute blue. */
export const STATUS_COLOR: Record<AttendanceStatus, string> = { 出席: 'green', 请假: 'orange', 缺席: 'red', 代会: 'zhengwu' }
