/** The office's words for posts and units (R-P1), shared by the main process and the pages. */

/** 岗位类别 (R-P1). The 常务副市长 is a 副市长 post with `isExecutive` set. */
export const POST_KINDS = [
  '市长', '副市长', '秘书长', '副秘书长',
  '部门主要负责人', '县区主要负责人', '办公室主任', '办公室副主任', '工作人员', '其他',
] as const

export type PostKind = (typeof POST_KINDS)[number]

/** 单位类别: 市政府部门, 县（区）, 办公室内设机构, 其他单位. */
export const DEPARTMENT_KINDS = ['市政府部门', '县区', '办公室内设', '其他单位'] as const

export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number]

/** 市政府领导 (R-P1): the posts whose holders sign, chair, route and act for one another. */
export const LEADER_KINDS = ['市长', '副市长', '秘书长', '副秘书长'] as const
export const isLeaderKind = (kind: string): boolean => (LEADER_KINDS as readonly string[]).includes(kind)
