/** The office's words for meetings (办会), shared by the main process and the pages. */

export const HALF_DAYS = ['上午', '下午', '全天'] as const

/** The start time printed and shown when a meeting has none of its own. */
export const DEFAULT_START: Record<(typeof HALF_DAYS)[number], string> = { 上午: '09:00', 下午: '14:30', 全天: '09:00' }

/** People added to a meeting by hand (a 专题会议's 参会人员 and 列席, R-M7: kept small). */
export const PARTICIPANT_ROLES = ['组成人员', '列席'] as const

export const MEETING_STATES = ['筹备', '已召开', '已取消'] as const

export type MeetingState = (typeof MEETING_STATES)[number]

export const TOPIC_FILE_KINDS = ['议题材料', '议题审批表'] as const

export const ATTENDANCE_ROLES = ['组成人员', '邀请', '列席'] as const

/** 出席, 请假 (R-M4), 缺席, or 代会 (a substitute came). */
export const ATTENDANCE_STATES = ['出席', '请假', '缺席', '代会'] as const

export type AttendanceState = (typeof ATTENDANCE_STATES)[number]

export const LEAVE_ANSWERS = ['同意', '不同意', '待答复'] as const

export const MINUTES_STATES = ['草稿', '已签发'] as const

/**
 * Meeting types as SETTINGS (第三十七—四十三条). Another city's office edits these values;
 * the rules in ./rules.ts read them and never hard-code a type's members, chair or series.
 */
export const MEETING_KINDS = ['全体会议', '常务会议', '市长办公会', '专题会议', '全市性视频会议'] as const

export type MeetingKind = (typeof MEETING_KINDS)[number]

/** R-M5 (第四十二条): the matters for which a 专题会议 needs prior agreement and the 市长's consent. */
export const RESERVED_MATTERS = ['资金', '土地', '规划', '国有资产', '人事编制'] as const

export type ReservedMatter = (typeof RESERVED_MATTERS)[number]

export const NUMBERING_STYLES = ['〔{年}〕{n}号', '第{n}期'] as const
