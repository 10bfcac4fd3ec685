import type { MeetingTabProps } from './model'

// Interim: replaced by the Minutes tab's own implementation in this session.
export function MinutesTab(_props: MeetingTabProps) {
  return null
}
