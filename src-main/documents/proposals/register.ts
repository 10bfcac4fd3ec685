/**
 * R-D8 (第五十九条): the register of 人大代表建议 and 政协提案 as read — the leading city leader (chosen, or by default
 * the 主办 department's 分管 leader, whoever held the post on the day), the 主办 and 会办 units, the deadline in
 * working days as for a 收文 (calendar/deadline.ts), and the counts by state the page shows above the list.
 */
import { sql, type SQL } from 'drizzle-orm'
import type { ReadDb } from '../../db/connection'
import { AppError } from '../../kernel/errors'
import type { IsoDate } from '../../common/dates'
import { loadCalendar } from '../../calendar/service'
import type { HolidayCalendar } from '../../calendar/rules'
import { deadlineTiming, type DeadlineTiming } from '../../calendar/deadline'
import { holderOn } from '../../org/turnover'
import { type PROPOSAL_KINDS, type SATISFACTION } from '../../common/documents'
import type { ProposalFilterInput } from './contract'

export type ProposalKind = (typeof PROPOSAL_KINDS)[number]
export type Satisfaction = (typeof SATISFACTION)[number]
export type ProposalFilter = Partial<ProposalFilterInput>

/** The product's states: 办理中 until the reply is recorded, then 已答复. */
export const PROPOSAL_STATES = ['办理中', '已答复'] as const

interface ProposalBase {
  id: number; kind: ProposalKind; year: number; number: string; title: string; proposer: string
  leaderPostId: number | null; chosenLeaderPostId: number | null; leaderTitle: string | null; leaderHolderId: number | null
  departmentId: number | null; departmentName: string | null; deadline: IsoDate
  reply: string | null; repliedOn: IsoDate | null; satisfaction: Satisfaction | null; createdAt: string
}

export interface ProposalRow extends Omit<ProposalBase, 'leaderTitle' | 'leaderHolderId' | 'chosenLeaderPostId'> {
  /** 牵头市领导: the post and who held it — on the reply day once answered, else today. */
  leader: { postId: number; title: string; holderName: string | null; byDefault: boolean } | null
  /** 会办单位, by name. */
  coDepartments: { id: number; name: string }[]
  status: (typeof PROPOSAL_STATES)[number]
  /** How far the deadline is while unanswered, in working days as for a 收文 (calendar/deadline.ts). */
  timing: DeadlineTiming | null
}

const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

function where(f: ProposalFilter, today: IsoDate): SQL {
  const w: SQL[] = []
  if (f.year !== undefined) w.push(sql`p.year = ${f.year}`)
  if (f.kind) w.push(sql`p.kind = ${f.kind}`)
  // A department finds what it leads (主办) and what it helps with (会办).
  if (f.departmentId !== undefined) {
    w.push(sql`(p.department_id = ${f.departmentId} OR EXISTS (SELECT 1 FROM proposal_units u WHERE u.proposal_id = p.id AND u.department_id = ${f.departmentId}))`)
  }
  if (f.overdueOnly) w.push(sql`p.replied_on IS NULL AND p.deadline < ${today}`)
  for (const word of (f.text ?? '').split(/\s+/).filter(Boolean)) {
    w.push(sql`(p.number LIKE ${like(word)} ESCAPE '\\' OR p.title LIKE ${like(word)} ESCAPE '\\' OR p.proposer LIKE ${like(word)} ESCAPE '\\')`)
  }
  return w.length ? sql.join(w, sql` AND `) : sql`1`
}

/** 3-028 sorts as 3 then 28: each run of digits by its value, so 第2号 comes before 第10号. */
const numberKey = (n: string) => (n.match(/\d+/g) ?? []).map(Number)
function byNumber(a: string, b: string): number {
  const x = numberKey(a), y = numberKey(b)
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1)
  return a.localeCompare(b)
}

function select(db: ReadDb, condition: SQL): ProposalBase[] {
  return db.all<ProposalBase>(sql`
    SELECT p.id, p.kind, p.year, p.number, p.title, p.proposer, p.leader_post_id AS chosenLeaderPostId,
      po.id AS leaderPostId, po.title AS leaderTitle, po.holder_id AS leaderHolderId,
      p.department_id AS departmentId, d.name AS departmentName, p.deadline, p.reply, p.replied_on AS repliedOn, p.satisfaction, p.created_at AS createdAt
    FROM proposals p
    LEFT JOIN departments d ON d.id = p.department_id
    LEFT JOIN posts po ON po.id = coalesce(p.leader_post_id, d.supervisor_post_id)
    WHERE ${condition}`)
}

function coDepartmentsOf(db: ReadDb, ids: number[]): Map<number, { id: number; name: string }[]> {
  const out = new Map<number, { id: number; name: string }[]>()
  if (!ids.length) return out
  const rows = db.all<{ proposalId: number; id: number; name: string }>(sql`
    SELECT u.proposal_id AS proposalId, d.id, d.name FROM proposal_units u JOIN departments d ON d.id = u.department_id
    WHERE u.proposal_id IN (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) ORDER BY d.sort_order, d.id`)
  for (const { proposalId, ...d } of rows) out.set(proposalId, [...(out.get(proposalId) ?? []), d])
  return out
}

/** Who held a post on a day, by name; asked once per post and day for a whole list. */
function holderNames(db: ReadDb) {
  const seen = new Map<string, string | null>()
  return (postId: number, holderId: number | null, day: IsoDate): string | null => {
    const key = `${postId} ${day}`
    if (!seen.has(key)) {
      const person = holderOn(db, { id: postId, holderId }, day)
      seen.set(key, person === null ? null : db.get<{ name: string }>(sql`SELECT name FROM people WHERE id = ${person}`)?.name ?? null)
    }
    return seen.get(key)!
  }
}

function present(db: ReadDb, rows: ProposalBase[], today: IsoDate): ProposalRow[] {
  const cal: HolidayCalendar = loadCalendar(db)
  const co = coDepartmentsOf(db, rows.map((r) => r.id))
  const holder = holderNames(db)
  return rows.map(({ leaderTitle, leaderHolderId, chosenLeaderPostId, ...r }) => {
    const answered = r.repliedOn !== null
    const day = r.repliedOn ?? today
    return {
      ...r,
      leader: r.leaderPostId !== null && leaderTitle !== null
        ? { postId: r.leaderPostId, title: leaderTitle, holderName: holder(r.leaderPostId, leaderHolderId, day), byDefault: chosenLeaderPostId === null }
        : null,
      coDepartments: co.get(r.id) ?? [],
      status: answered ? '已答复' : '办理中',
      timing: answered ? null : deadlineTiming(cal, today, r.deadline),
    }
  })
}

/** The register of 建议 and 提案: newest year first, then kind, then number (第2号 before 第10号, 3-028 after 2-100). */
export function listProposals(db: ReadDb, today: IsoDate, f: ProposalFilter = {}): ProposalRow[] {
  const rows = select(db, where(f, today))
    .sort((a, b) => b.year - a.year || a.kind.localeCompare(b.kind, 'zh') || byNumber(a.number, b.number) || a.id - b.id)
  return present(db, rows, today)
}

export function getProposal(db: ReadDb, id: number, today: IsoDate): ProposalRow {
  const row = select(db, sql`p.id = ${id}`)[0]
  if (!row) throw new AppError('NOT_FOUND', '建议（提案）不存在或已被删除')
  return present(db, [row], today)[0]!
}

export interface ProposalCounts {
  total: number
  /** By state; 逾期 counts the 办理中 ones past their deadline (working days, as the list's badges). */
  办理中: number; 逾期: number; 已答复: number
  /** The 已答复 ones by the proposer's satisfaction; 未反馈 where none was recorded. */
  satisfaction: Record<Satisfaction | '未反馈', number>
}

/** Counts by state for the page's header: over the same filter as the list, overdue-only aside. */
export function countProposals(db: ReadDb, today: IsoDate, f: ProposalFilter = {}): ProposalCounts {
  const rows = listProposals(db, today, { ...f, overdueOnly: false })
  const answered = rows.filter((r) => r.status === '已答复')
  const by = (s: Satisfaction | null) => answered.filter((r) => r.satisfaction === s).length
  return {
    total: rows.length,
    办理中: rows.length - answered.length,
    逾期: rows.filter((r) => r.timing?.state === '逾期').length,
    已答复: answered.length,
    satisfaction: { 满意: by('满意'), 基本满意: by('基本满意'), 不满意: by('不满意'), 未反馈: by(null) },
  }
}
