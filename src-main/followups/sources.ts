/**
 * Where 督办事项 come from and what the source pages show of them (R-S1): a leader's 批示 on a 收文 becomes an item
 * here, and the minutes and 收文 pages ask how many items each decision or instruction has. 督办 depends on the
 * meetings and documents it follows, never the other way round.
 */
import { and, count, eq, inArray } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import type { ActionContext } from '../kernel/procedure'
import { AppError } from '../kernel/errors'
import { findById } from '../kernel/audited'
import { unseen } from '../security/clearance'
import { chineseDate } from '../common/dates'
import type { FollowUpSource } from '../common/followups'
import { principalPost } from '../org/snapshot'
import { loadOrgSnapshot } from '../org/service'
import { instructions } from '../documents/schema'
import { requireIncoming } from '../documents/incoming/service'
import { followUps } from './schema'
import { createFollowUp } from './service'
import type { FromInstructionInput } from './contract'

/** R-S1: a recorded 批示 becomes a 督办 item, titled with the leader, the document and the date. */
export function followUpFromInstruction(ctx: ActionContext, input: FromInstructionInput) {
  const { db } = ctx
  // Missing and hidden answer alike (the document's check below says the same words).
  const ins = findById(db, instructions, input.instructionId)
  if (!ins) throw unseen('批示')
  const doc = requireIncoming(ctx, ins.documentId, '批示')
  if (doc.status === '已作废') throw new AppError('CONFLICT', `《${doc.title}》已作废（${doc.voidReason ?? ''}），其批示不能再转为督办事项`)
  if (!ins.instructedOn || ins.kind !== '批示') throw new AppError('VALIDATION', '「批示」只有已记录的领导批示（不含圈阅）才能转为督办事项', { field: 'instructionId' })
  const org = loadOrgSnapshot(db)
  const sourceTitle = `${org.names.get(ins.leaderId) ?? ''}${ins.leaderTitle ?? ''}在《${doc.title}》上的批示（${chineseDate(ins.instructedOn)}）`
  if (input.deadline < ins.instructedOn) throw new AppError('VALIDATION', `「办结时限」不能早于批示日期（${chineseDate(ins.instructedOn)}）`)
  const leaderPostId = input.leaderPostId !== undefined ? input.leaderPostId : principalPost(org, ins.leaderId)?.id ?? null
  return createFollowUp(ctx, { sourceTitle, sourceId: ins.id, task: input.task, departmentId: input.departmentId, leaderPostId, deadline: input.deadline })
}

/** How many 督办事项 each decision (会议纪要) or instruction (领导批示) has, by the source index: a page's few sources at a time. */
export function followUpCounts(db: ReadDb, source: FollowUpSource, sourceIds: readonly number[]): Record<number, number> {
  if (sourceIds.length === 0) return {}
  return Object.fromEntries(followUpCountsQuery(db, source, sourceIds).all().map((r) => [r.sourceId!, r.n]))
}

/** The query itself, for its plan test (test/db/meetings-plan.test.ts). */
export const followUpCountsQuery = (db: ReadDb, source: FollowUpSource, sourceIds: readonly number[]) =>
  db.select({ sourceId: followUps.sourceId, n: count() }).from(followUps)
    .where(and(eq(followUps.source, source), inArray(followUps.sourceId, [...sourceIds]))).groupBy(followUps.sourceId)
