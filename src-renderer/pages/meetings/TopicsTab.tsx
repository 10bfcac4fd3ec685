import type { MeetingTabProps } from './model'

// Interim: replaced by the Topics tab's own implementation in this session.
export function TopicsTab(_props: MeetingTabProps) {
  return null
}
