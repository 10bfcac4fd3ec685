/** The office's words for leaders' absences (R-P5), shared by the main process and the pages. */

/** 外出类别 (R-P2, R-P5). */
export const ABSENCE_KINDS = ['出差', '学习', '休假', '因私', '出国'] as const

export type AbsenceKind = (typeof ABSENCE_KINDS)[number]

export const APPROVAL_STATES = ['待批', '已批准', '未批准'] as const

export type ApprovalState = (typeof APPROVAL_STATES)[number]
