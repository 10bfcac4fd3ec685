import type { MeetingTabProps } from './model'

// Interim: replaced by the Attendance tab's own implementation in this session.
export function AttendanceTab(_props: MeetingTabProps) {
  return null
}
