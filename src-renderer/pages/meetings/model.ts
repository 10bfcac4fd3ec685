import type { OutputOf } from '../../api/client'

/** The meeting as `meetings.get` returns it: every tab of the meeting page reads this. */
export type Meeting = OutputOf<'meetings.get'>

/** What each tab of the meeting page receives: the meeting, and a way to reload it after a change. */
export interface MeetingTabProps {
  meeting: Meeting
  reload: () => void
}
