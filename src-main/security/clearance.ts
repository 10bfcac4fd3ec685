/**
 * Clearance applied to business data (issue 6): the 密级 field every registration shares, and what services use to
 * keep a record above the reader's clearance out of lists, counts and detail. The ranks themselves are in
 * ./classification.ts, which stays free of zod and SQL so the renderer can use it.
 */
import { z } from 'zod'
import { sql, type SQL } from 'drizzle-orm'
import type { ActionContext, SessionUser } from '../kernel/procedure'
import type { ReadDb } from '../db/connection'
import { AppError } from '../kernel/errors'
import { CLASSIFICATIONS, canSee, visibleClassifications, withinApproval, type Classification, type Clearance } from '../common/classification'

/** 绝密 is not a value this system knows, but a clerk who types it must hear why, not "invalid option". */
export const TOP_SECRET = '绝密'

/** The 密级 field of every registration (收文, 发文, 议题): one shape, one refusal of 绝密. */
export const classificationField = (label = '密级') =>
  z.enum(CLASSIFICATIONS, {
    error: (issue) => (issue.input === TOP_SECRET ? '绝密文件不得录入本系统' : `应为${CLASSIFICATIONS.join('、')}之一`),
  }).describe(label).default('无')

/** Whoever reads: the database and the signed-in user, whose clearance decides what exists for them. */
export type Reader = Pick<ActionContext, 'user'> & { db: ReadDb }

/** The clearance of whoever calls; business procedures are for signed-in users only, so a missing user is refused. */
export function clearanceOf(user: SessionUser | null): Clearance {
  if (!user) throw new AppError('UNAUTHENTICATED', '请先登录')
  return user.clearance
}

/**
 * What a reader is told about a record above their clearance: exactly what they would be told about one that does
 * not exist, so the answer does not reveal that it exists.
 */
export const unseen = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权查看`)

/** Throws `unseen` unless the row exists and the reader may see it. */
export function requireSeen<R extends { classification: Classification }>(row: R | undefined, clearance: Clearance, what: string): R {
  if (!row || !canSee(clearance, row.classification)) throw unseen(what)
  return row
}

/**
 * The SQL condition "visible to this clearance" on a classification column, for lists and counts, so nothing above
 * it is even counted; null when the clearance sees every level (机密), which keeps those plans as they were.
 */
export function visibleSql(column: SQL, clearance: Clearance): SQL | null {
  const levels = visibleClassifications(clearance)
  if (levels.length === CLASSIFICATIONS.length) return null
  return sql`${column} IN (${sql.join(levels.map((c) => sql`${c}`), sql`, `)})`
}

/**
 * Registering at a level is refused above the system's approval (设置—系统最高密级) and above the clerk's own
 * clearance. `what` is the thing registered: 文件, 议题.
 */
export function checkRegistrable(classification: Classification, approved: Classification, clearance: Clearance, what = '文件'): void {
  if (!withinApproval(approved, classification)) {
    const limit = approved === '无' ? '非涉密' : approved
    throw new AppError('VALIDATION', `本系统批准的最高密级为${limit}（设置—系统最高密级），不能登记${classification}${what}`, { field: 'classification' })
  }
  if (!canSee(clearance, classification)) {
    throw new AppError('FORBIDDEN', `您的涉密等级为${clearance}，不能登记${classification}${what}`, { field: 'classification' })
  }
}
