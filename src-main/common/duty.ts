/** The office's words for duty (值班, R-W1, X-4), shared by the main process and the pages. */

/** 值班表类别: 办公室值班 every day, 领导带班 on statutory holidays (R-W1); the everyday one first, as the pages list them. */
export const ROSTER_KINDS = ['办公室值班', '领导带班'] as const

export type RosterKind = (typeof ROSTER_KINDS)[number]

/** the month's roster is drafted, then published at its start. */
export const ROSTER_STATES = ['草稿', '已发布'] as const

export type RosterState = (typeof ROSTER_STATES)[number]

/**
 * 带班领导: a city leader leading the holiday duty (R-W1).
 * 带班 / 主班 / 副班: the office's own 24-hour duty — an office director or deputy leads,
 * two staff on duty. In this order on every roster.
 */
export const DUTY_ROLES = ['带班领导', '带班', '主班', '副班'] as const
export type DutyRole = (typeof DUTY_ROLES)[number]

/** The roles each roster staffs. */
export const ROLES_OF_ROSTER: Readonly<Record<RosterKind, readonly DutyRole[]>> = { 领导带班: ['带班领导'], 办公室值班: ['带班', '主班', '副班'] }

/** the shifts that hand over (交接班): the office's own roles, one day's holder to the next day's. */
export const HANDOVER_SHIFTS = ['带班', '主班', '副班'] as const satisfies readonly DutyRole[]

export type HandoverShift = (typeof HANDOVER_SHIFTS)[number]

/** 换班 (swap), 替班 (substitute), and any other edit after publishing. */
export const DUTY_CHANGE_KINDS = ['换班', '替班', '发布后修改'] as const

export type DutyChangeKind = (typeof DUTY_CHANGE_KINDS)[number]
