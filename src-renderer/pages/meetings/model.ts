import type { Invalidation, OutputOf } from '../../api/client'

/** The meeting as `meetings.get` returns it: every tab of the meeting page reads this. */
export type Meeting = OutputOf<'meetings.get'>

/** What each tab of the meeting page receives: the meeting (a change to it refreshes by MEETING_CHANGES). */
export interface MeetingTabProps {
  meeting: Meeting
}

/** Everything 办会 shows: meetings and the calendar, meeting types, topics, attendance and minutes. */
export const MEETING_VIEWS: readonly Invalidation[] = ['meetings.*', 'meetingTypes.*', 'topics.*', 'attendance.*', 'minutes.*']

/**
 * What a change to a meeting alters on screen: the meeting, its tabs and the calendar (MEETING_VIEWS),
 * the 督办 counted from its minutes, and the start page's coming meetings.
 */
export const MEETING_CHANGES: readonly Invalidation[] = [...MEETING_VIEWS, 'followups.*', 'home.today']

/**
 * Whether the signed-in account may correct this held meeting (issue 15): the procedure is allowed to its role, the
 * office designates the role (设置—会议更正人员), and the minutes are not signed yet. The server checks all three again.
 */
export function canCorrect(meeting: Meeting, role: string, can: (procedure: 'meetings.reopen') => boolean): boolean {
  return meeting.status === '已召开' && !meeting.minutesSigned && can('meetings.reopen') && meeting.correctionRoles.some((r) => r === role)
}
