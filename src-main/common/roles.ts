/**
 * Business roles (文秘 enter and route, 科长 also review and set the office's business rules,
 * 查阅 only read) and the three administrators of a classified system (三员, X-5), who never
 * see business data and cannot do one another's job.
 */
export const ROLES = ['文秘', '科长', '查阅', '系统管理员', '安全保密管理员', '安全审计员'] as const

export type Role = (typeof ROLES)[number]

/*
 * Who may call what. Every procedure names one of these (the router refuses everyone else),
 * and test/api/access-matrix.test.ts calls every procedure as every role.
 * The three administrators (三员, X-5) appear in no business group: none of them sees or
 * changes the office's documents, meetings or duty, and none can do another's job.
 */

/** Business data, read: 文秘, 科长 and the read-only 查阅. */
export const READERS: readonly Role[] = ['文秘', '科长', '查阅']
/** Business data, entered and routed (登记、拟办、送批、交办…). */
export const CLERKS: readonly Role[] = ['文秘', '科长']
/** Review steps (初审、核稿、复核) and the office's business settings (会议类别、发文代字、值班规则). */
export const REVIEWERS: readonly Role[] = ['科长']
/** 系统管理员: accounts and system settings. */
export const SYSTEM_ADMIN: readonly Role[] = ['系统管理员']
/** 安全保密管理员: clearances, the approved classification, password and lockout rules. */
export const SECURITY_ADMIN: readonly Role[] = ['安全保密管理员']
/** 安全审计员: reads and verifies the audit trail. */
export const AUDITOR: readonly Role[] = ['安全审计员']
export const ADMINISTRATORS: readonly Role[] = [...SYSTEM_ADMIN, ...SECURITY_ADMIN, ...AUDITOR]

export const isAdministratorRole = (role: Role): boolean => ADMINISTRATORS.includes(role)

/**
 * The acts the office designates roles for in 设置 (定密变更人员, 会议更正人员, 公文作废人员, 导入人员): null when the role
 * is designated; else why not, naming who may and where that is set — one wording for the refusal and the page.
 */
export function designatedProblem(role: string, designated: readonly string[], act: { name: string; setting: string; cannot: string }): string | null {
  return designated.includes(role) ? null : `${act.name}由${designated.join('、')}办理（设置—${act.setting}），当前账户（${role}）不能${act.cannot}`
}
