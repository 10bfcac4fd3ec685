/**
 * R-D8 (第五十九条): 人大代表建议 and 政协提案 as their own register — number, title, proposer, the leading city
 * leader (a post, so it follows whoever holds it), the handling department, the deadline, the reply and the
 * proposer's satisfaction.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { ReadDb } from '../../db/connection'
import type { ActionContext } from '../../kernel/procedure'
import { AppError } from '../../kernel/errors'
import { insertAudited, requireById, updateAudited } from '../../kernel/audited'
import { chineseDate, type IsoDate } from '../../common/dates'
import { loadCalendar } from '../../calendar/service'
import type { HolidayCalendar } from '../../calendar/rules'
import { deadlineTiming, type DeadlineTiming } from '../../calendar/deadline'
import { departments, posts } from '../../org/schema'
import { proposals } from '../schema'
import { type PROPOSAL_KINDS, type SATISFACTION } from '../../common/documents'
import type { ProposalInput, ReplyInput } from './contract'

export type ProposalKind = (typeof PROPOSAL_KINDS)[number]
export type Satisfaction = (typeof SATISFACTION)[number]

export interface ProposalFilter {
  year?: number
  kind?: ProposalKind
  departmentId?: number
  /** Not yet answered and past the deadline. */
  overdueOnly?: boolean
  /** Part of the number, title or proposer. */
  text?: string | null
}

interface ProposalBase {
  id: number; kind: ProposalKind; year: number; number: string; title: string; proposer: string
  leaderPostId: number | null; leaderTitle: string | null; leaderName: string | null
  departmentId: number | null; departmentName: string | null; deadline: IsoDate
  reply: string | null; repliedOn: IsoDate | null; satisfaction: Satisfaction | null; createdAt: string
}

export interface ProposalRow extends Omit<ProposalBase, 'leaderTitle' | 'leaderName'> {
  leader: { postId: number; title: string; holderName: string | null } | null
  /** 办理中 until the reply is recorded, then 已答复. */
  status: '办理中' | '已答复'
  /** How far the deadline is while unanswered, in working days as for a 收文 (calendar/deadline.ts). */
  timing: DeadlineTiming | null
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

function where(f: ProposalFilter, today: IsoDate): SQL {
  const w: SQL[] = []
  if (f.year !== undefined) w.push(sql`p.year = ${f.year}`)
  if (f.kind) w.push(sql`p.kind = ${f.kind}`)
  if (f.departmentId !== undefined) w.push(sql`p.department_id = ${f.departmentId}`)
  if (f.overdueOnly) w.push(sql`p.replied_on IS NULL AND p.deadline < ${today}`)
  for (const word of (f.text ?? '').split(/\s+/).filter(Boolean)) {
    w.push(sql`(p.number LIKE ${like(word)} ESCAPE '\\' OR p.title LIKE ${like(word)} ESCAPE '\\' OR p.proposer LIKE ${like(word)} ESCAPE '\\')`)
  }
  return w.length ? sql.join(w, sql` AND `) : sql`1`
}

const numberKey = (n: string) => Number((n.match(/\d+/) ?? ['0'])[0])

function present(cal: HolidayCalendar, r: ProposalBase, today: IsoDate): ProposalRow {
  const { leaderTitle, leaderName, ...rest } = r
  const answered = r.repliedOn !== null
  return {
    ...rest,
    leader: r.leaderPostId !== null && leaderTitle !== null ? { postId: r.leaderPostId, title: leaderTitle, holderName: leaderName } : null,
    status: answered ? '已答复' : '办理中',
    timing: answered ? null : deadlineTiming(cal, today, r.deadline),
  }
}

function select(db: ReadDb, condition: SQL): ProposalBase[] {
  return db.all<ProposalBase>(sql`
    SELECT p.id, p.kind, p.year, p.number, p.title, p.proposer, p.leader_post_id AS leaderPostId, po.title AS leaderTitle, pe.name AS leaderName,
      p.department_id AS departmentId, d.name AS departmentName, p.deadline, p.reply, p.replied_on AS repliedOn, p.satisfaction, p.created_at AS createdAt
    FROM proposals p
    LEFT JOIN posts po ON po.id = p.leader_post_id
    LEFT JOIN people pe ON pe.id = po.holder_id
    LEFT JOIN departments d ON d.id = p.department_id
    WHERE ${condition}`)
}

/** The register of 建议 and 提案: newest year first, then kind, then number (第2号 before 第10号). */
export function listProposals(db: ReadDb, today: IsoDate, f: ProposalFilter = {}): ProposalRow[] {
  const cal = loadCalendar(db)
  return select(db, where(f, today))
    .sort((a, b) => b.year - a.year || a.kind.localeCompare(b.kind, 'zh') || numberKey(a.number) - numberKey(b.number) || a.number.localeCompare(b.number) || a.id - b.id)
    .map((r) => present(cal, r, today))
}

export function getProposal(db: ReadDb, id: number, today: IsoDate): ProposalRow {
  const row = select(db, sql`p.id = ${id}`)[0]
  if (!row) throw new AppError('NOT_FOUND', '建议（提案）不存在或已被删除')
  return present(loadCalendar(db), row, today)
}

/** Registers a 建议/提案, or corrects one; the number is unique per kind and year. */
export function saveProposal(ctx: ActionContext, input: ProposalInput): ProposalRow {
  const { db } = ctx
  const department = requireById(db, departments, input.departmentId, '承办单位')
  if (input.leaderPostId != null) requireById(db, posts, input.leaderPostId, '牵头市领导岗位')
  const same = db.select({ id: proposals.id }).from(proposals)
    .where(sql`${proposals.kind} = ${input.kind} AND ${proposals.year} = ${input.year} AND ${proposals.number} = ${input.number}`).get()
  if (same && same.id !== input.id) {
    throw new AppError('CONFLICT', `${input.year}年${input.kind}“${input.number}”已经登记，不能重复登记`, { field: 'number' })
  }
  const values = {
    kind: input.kind, year: input.year, number: input.number, title: input.title, proposer: input.proposer,
    leaderPostId: input.leaderPostId !== undefined ? input.leaderPostId : department.supervisorPostId ?? null,
    departmentId: input.departmentId, deadline: input.deadline,
  }
  const row = input.id === undefined
    ? insertAudited(ctx, proposals, '建议提案', { ...values, createdAt: ctx.clock.now().toISOString() })
    : updateAudited(ctx, proposals, '建议提案', requireById(db, proposals, input.id, '建议（提案）').id, values)
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
