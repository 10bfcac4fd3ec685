/** The holiday calendar's words (R-W2), shared by the main process and the pages. */

export const DAY_KINDS = ['放假', '上班'] as const

export type DayKind = (typeof DAY_KINDS)[number]
