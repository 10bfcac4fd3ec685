/**
 * R-D8 (第五十九条): registering 人大代表建议 and 政协提案 — number, title, proposer, the leading city leader (a post,
 * so it follows whoever holds it; none chosen means the 主办 department's 分管 leader), one 主办 and any number of
 * 会办 units, the deadline — and recording the reply and the proposer's satisfaction. Reading is in ./register.
 */
import { inArray, sql } from 'drizzle-orm'
import type { ActionContext } from '../../kernel/procedure'
import { AppError } from '../../kernel/errors'
import { insertAudited, replaceLinksAudited, requireById, updateAudited } from '../../kernel/audited'
import { chineseDate } from '../../common/dates'
import { departments, posts } from '../../org/schema'
import { proposals, proposalUnits } from '../schema'
import { departmentName } from '../../org/directory'
import type { ProposalInput, ReplyInput } from './contract'
import { getProposal, type ProposalRow } from './register'

export { listProposals, getProposal, countProposals, type ProposalRow } from './register'

/** The 会办 units as given, without the 主办 and without repeats; each must exist. */
function coUnits(ctx: ActionContext, input: ProposalInput): { id: number; name: string }[] {
  const ids = [...new Set(input.coDepartmentIds)].filter((id) => id !== input.departmentId)
  if (!ids.length) return []
  const found = ctx.db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ids)).all()
  if (found.length !== ids.length) throw new AppError('VALIDATION', '「会办单位」中有单位不存在或已被删除，请重新选择', { field: 'coDepartmentIds' })
  return ids.map((id) => found.find((d) => d.id === id)!)
}

/** Registers a 建议/提案, or corrects one; the number is unique per kind and year. */
export function saveProposal(ctx: ActionContext, input: ProposalInput): ProposalRow {
  const { db } = ctx
  requireById(db, departments, input.departmentId, '主办单位')
  if (input.leaderPostId != null) requireById(db, posts, input.leaderPostId, '牵头市领导岗位')
  const co = coUnits(ctx, input)
  const same = db.select({ id: proposals.id }).from(proposals)
    .where(sql`${proposals.kind} = ${input.kind} AND ${proposals.year} = ${input.year} AND ${proposals.number} = ${input.number}`).get()
  if (same && same.id !== input.id) {
    throw new AppError('CONFLICT', `${input.year}年${input.kind}第${input.number}号已经登记，不能重复登记；如是更正，请在列表中点该件的“修改”`, { field: 'number' })
  }
  const values = {
    kind: input.kind, year: input.year, number: input.number, title: input.title, proposer: input.proposer,
    leaderPostId: input.leaderPostId ?? null, departmentId: input.departmentId, deadline: input.deadline,
  }
  const row = input.id === undefined
    ? insertAudited(ctx, proposals, '建议提案', { ...values, createdAt: ctx.clock.now().toISOString() })
    : updateAudited(ctx, proposals, '建议提案', requireById(db, proposals, input.id, '建议（提案）').id, values)
  replaceLinksAudited(ctx, proposalUnits, proposalUnits.proposalId, co.map((d) => ({ proposalId: row.id, departmentId: d.id })),
    { entity: '建议提案', id: row.id, field: '会办单位', describe: (r) => departmentName(db, r.departmentId) })
  return getProposal(db, row.id, ctx.clock.today())
}

/** Records the reply (答复) and, when the proposer has said so, the satisfaction; may be called again to correct or add it. */
export function replyProposal(ctx: ActionContext, input: ReplyInput): ProposalRow {
  const item = requireById(ctx.db, proposals, input.id, '建议（提案）')
  const today = ctx.clock.today()
  if (input.repliedOn > today) throw new AppError('VALIDATION', `「答复日期」不能晚于今天（${chineseDate(today)}）`, { field: 'repliedOn' })
  if (input.repliedOn < `${item.year}-01-01`) {
    throw new AppError('VALIDATION', `「答复日期」不能早于${item.year}年`, { field: 'repliedOn' })
  }
  updateAudited(ctx, proposals, '建议提案', item.id, {
    reply: input.reply, repliedOn: input.repliedOn,
    satisfaction: input.satisfaction !== undefined ? input.satisfaction : item.satisfaction,
  })
  return getProposal(ctx.db, item.id, today)
}
