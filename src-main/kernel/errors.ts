import { citing, type RuleId } from '../common/rules'
/** Each kind of failure has its own code, so clients can tell a typo from a rule from a fault. */
export const ERROR_STATUS = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  UNKNOWN_PROCEDURE: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE: 422,
  INTERNAL: 500,
  /** The disk is full: nothing was written; reading goes on (system/disk-space.ts). */
  DISK_FULL: 507,
} as const
export type ErrorCode = keyof typeof ERROR_STATUS

export interface WireError {
  code: ErrorCode
  message: string
  /** The field a validation failure is about, as a path (e.g. "name" or "reportedTo.0"). */
  field?: string
  /** The rule a violation breaks (R-M2 …), from the catalogue (common/rules.ts). */
  rule?: RuleId
}

export class AppError extends Error {
  /**
   * A refusal whose writes still commit: a failed sign-in must count towards the lockout and
   * stay in the audit trail although the call fails. Set through `kept()`.
   */
  keepWrites = false
  constructor(public readonly code: ErrorCode, message: string, public readonly extra: Omit<WireError, 'code' | 'message'> = {}) {
    super(message)
  }
  kept(): this {
    this.keepWrites = true
    return this
  }
  toWire(): WireError {
    return { code: this.code, message: this.message, ...this.extra }
  }
}

/** A refusal under a rule: its message cites the article the user knows (第三十八条), the id stays in `rule` for code. */
export const ruleViolation = (rule: RuleId, message: string) => new AppError('RULE', citing(rule, message), { rule })
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或已被删除`)
