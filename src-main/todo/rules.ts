/**
 * 我的待办 (issue 17): the steps a signed-in user's role waits on, in the office's order, and where each is done.
 * Pure: which groups a role has and how an item is linked; the SQL that finds the items is in ./queries.ts.
 */
import { CLERKS, REVIEWERS, type Role } from '../common/roles'
import { REVIEW_STEPS, REVIEW_STEP_ROLES, type ReviewStep } from '../common/documents'

export const TODO_GROUPS = [
  '待初审', '待拟办', '待送批', '待交办', '待核稿', '待编号', '待印发', '纪要待签发', '议题待确认', '督办待反馈', '值班表待发布', '节假日待录入',
] as const
export type TodoGroup = (typeof TODO_GROUPS)[number]

/** Who does each step (the same roles the step's procedure allows), and what the group means on the page. */
export const GROUP_INFO: Readonly<Record<TodoGroup, { roles: readonly Role[]; hint: string }>> = {
  待初审: { roles: REVIEWERS, hint: '已签收登记的收文，待科长初审（或退回）' },
  待拟办: { roles: CLERKS, hint: '已初审的收文，待写拟办意见' },
  待送批: { roles: CLERKS, hint: '已拟办的收文，待送领导批示' },
  待交办: { roles: CLERKS, hint: '领导批示已回（批示均已完成），待交办承办单位或办结' },
  待核稿: { roles: CLERKS, hint: '发文稿待本角色的核稿步骤（部门负责人、办公室负责人由科长记录，办公室秘书由文秘记录）' },
  待编号: { roles: CLERKS, hint: '已签发的发文，待编发文字号' },
  待印发: { roles: CLERKS, hint: '已编号的发文，待复核和印发' },
  纪要待签发: { roles: CLERKS, hint: '已召开会议的纪要草稿，待领导签发' },
  议题待确认: { roles: CLERKS, hint: '近期会议逾期报送而未经市长同意的议题，或报送截止后议程尚未确定的会议' },
  督办待反馈: { roles: CLERKS, hint: '办理中的督办事项，待承办单位反馈、办结' },
  值班表待发布: { roles: CLERKS, hint: '草稿状态的值班表，以及下月尚未编排的办公室值班' },
  节假日待录入: { roles: CLERKS, hint: '今年或明年的节假日安排尚未录入' },
}

export const groupsOf = (role: Role): TodoGroup[] => TODO_GROUPS.filter((g) => GROUP_INFO[g].roles.includes(role))

/**
 * 核稿: the steps a role records, as indexes into REVIEW_STEPS — a draft with `n` reviews waits on step n. The 文秘
 * waits only on the 办公室秘书 step; the 科长 on all three (REVIEW_STEP_ROLES).
 */
export const reviewStepsOf = (role: Role): number[] =>
  REVIEW_STEPS.flatMap((s: ReviewStep, i) => (REVIEW_STEP_ROLES[s].includes(role) ? [i] : []))

/** The page where a step is done, as the renderer's hash route (lib/route.ts: `#/` + this). */
export const TODO_LINKS = {
  incoming: (id: number) => `documents/incoming/${id}`,
  outgoing: (id: number) => `documents/outgoing/${id}`,
  meeting: (id: number) => `meetings/${id}`,
  followups: () => 'followups',
  roster: (id: number) => `duty/${id}`,
  duty: () => 'duty',
  calendar: () => 'calendar',
  reminders: () => 'todo/reminders',
} as const

/** next month's office roster is wanted from the 20th of this month (drafted, then published at its start). */
export const ROSTER_DUE_DAY = 20
export const rosterWanted = (today: string): boolean => Number(today.slice(8, 10)) >= ROSTER_DUE_DAY
