import type { Invalidation, OutputOf } from '../../api/client'

/** The meeting as `meetings.get` returns it: every tab of the meeting page reads this. */
export type Meeting = OutputOf<'meetings.get'>

/** What each tab of the meeting page receives: the meeting (a change to it refreshes by MEETING_CHANGES). */
export interface MeetingTabProps {
  meeting: Meeting
}

/**
 * What a change to a meeting alters on screen: the meeting, its tabs and the calendar (everything `meetings.`),
 * the 督办 counted from its minutes, and the start page's coming meetings.
 */
export const MEETING_CHANGES: readonly Invalidation[] = ['meetings.*', 'followups.*', 'home.today']
