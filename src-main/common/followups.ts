/** The office's words for follow-up (督办, R-S1), shared by the main process and the pages. */

/** Where a follow-up item came from (R-S1): a decision in the minutes, or a leader's instruction. */
export const FOLLOW_UP_SOURCES = ['会议纪要', '领导批示'] as const

export type FollowUpSource = (typeof FOLLOW_UP_SOURCES)[number]

export const FOLLOW_UP_STATES = ['办理中', '已办结'] as const

export type FollowUpState = (typeof FOLLOW_UP_STATES)[number]
