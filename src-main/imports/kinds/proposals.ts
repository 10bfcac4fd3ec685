/**
 * 建议提案 (R-D8) → proposals and their 会办单位, with the reply and satisfaction when the office's table has them.
 * A 建议/提案 already registered with the same 类别, 年度 and 编号 is the same one: unchanged when the file says the
 * same, otherwise refused — corrections of a registered one are made with its “修改” (as the form says).
 */
import { and, eq, inArray } from 'drizzle-orm'
import { PROPOSAL_KINDS, SATISFACTION, proposalNumberText } from '../../common/documents'
import { proposals, proposalUnits } from '../../documents/schema'
import { proposalInput } from '../../documents/proposals/contract'
import { cellText, parseDate, parseText, bad, ok, type Cell, type Parsed } from '../rules'
import { parseLeader } from '../leaders'
import { parseDepartment, RowReader, zodProblems, type ImportKindDef, type RowContext, type Stored, type WriteContext } from './kind'

export interface ProposalRecord extends Record<string, unknown> {
  kind: (typeof PROPOSAL_KINDS)[number]; year: number; number: string; title: string; proposer: string
  departmentId: number; coDepartmentIds: string; deadline: string; reply: string | null; repliedOn: string | null
  satisfaction: (typeof SATISFACTION)[number] | null
  /** 牵头市领导 when the file names one; absent, the 主办单位's 分管 leader of the day, as on the form. */
  leaderPostId?: number
}

const FIELDS = [
  { key: 'number', label: '编号', aliases: ['建议编号', '提案编号', '建议号', '提案号'], required: true },
  { key: 'kind', label: '类别', aliases: ['建议提案类别', '类型'], required: true },
  { key: 'year', label: '年度', aliases: ['年份'], required: true },
  { key: 'title', label: '标题', aliases: ['案由', '建议标题', '提案标题', '题目'], required: true },
  { key: 'proposer', label: '提出人', aliases: ['代表', '委员', '领衔人', '提案人', '提出者'], required: true },
  { key: 'department', label: '主办单位', aliases: ['承办单位', '主办部门'], required: true },
  { key: 'coDepartments', label: '会办单位', aliases: ['协办单位', '会办部门'] },
  { key: 'deadline', label: '办理时限', aliases: ['答复时限', '办结时限', '时限'], required: true },
  { key: 'reply', label: '答复内容', aliases: ['答复', '办理结果'] },
  { key: 'repliedOn', label: '答复日期', aliases: ['答复时间'] },
  { key: 'satisfaction', label: '满意度', aliases: ['代表意见', '委员意见', '满意程度'] },
  { key: 'leader', label: '牵头市领导', aliases: ['牵头领导', '分管市领导', '市领导', '分管领导'] },
] as const

const LABELS = { leaderPostId: '牵头市领导', title: '标题', proposer: '提出人', departmentId: '主办单位', coDepartmentIds: '会办单位', deadline: '办理时限', reply: '答复内容', repliedOn: '答复日期', satisfaction: '满意度' }

/** The form's own checks: the number kept bare (3-028) however typed, the lengths. */
const formFields = proposalInput.pick({ kind: true, year: true, number: true, title: true, proposer: true })

const KIND_WORDS: Record<string, (typeof PROPOSAL_KINDS)[number]> = { 人大代表建议: '人大代表建议', 建议: '人大代表建议', 人大建议: '人大代表建议', 政协提案: '政协提案', 提案: '政协提案' }

/** 会办单位 as one cell, 、，; or spaces between names → the ids, sorted, as text (compared and stored alike). */
function coUnits(cell: Cell, ids: ReadonlyMap<string, number>): Parsed<string> {
  const names = cellText(cell).split(/[、，,；;\s]+/).filter(Boolean)
  const unknown = names.filter((n) => !ids.has(n))
  if (unknown.length) return bad(`组织机构中没有${unknown.map((n) => `“${n}”`).join('、')}`)
  return ok([...new Set(names.map((n) => ids.get(n)!))].sort((a, b) => a - b).join(','))
}

function parse(get: (key: string) => Cell, ctx: RowContext) {
  const r = new RowReader(FIELDS)
  const kind = KIND_WORDS[cellText(get('kind')).replace(/\s/g, '')]
  if (!kind) r.problems.push({ column: '类别', reason: '应为人大代表建议或政协提案' })
  const form = formFields.safeParse({ kind: kind ?? '政协提案', year: Number(cellText(get('year')).replace(/年$/, '')), number: cellText(get('number')), title: cellText(get('title')), proposer: cellText(get('proposer')) })
  if (!form.success) r.problems.push(...zodProblems(form.error, (k) => r.label(k)))
  const dept = r.take('department', parseDepartment(cellText(get('department')), ctx.departmentIds))
  const co = r.take('coDepartments', coUnits(get('coDepartments'), ctx.departmentIds))
  const deadline = r.take('deadline', parseDate(get('deadline')))
  const reply = r.take('reply', parseText(get('reply'), 4000))
  const repliedOn = r.take('repliedOn', parseDate(get('repliedOn')))
  const satisfactionText = cellText(get('satisfaction'))
  const satisfaction = SATISFACTION.find((s) => s === satisfactionText) ?? null
  if (satisfactionText && !satisfaction) r.problems.push({ column: '满意度', reason: `应为${SATISFACTION.join('、')}之一` })
  if (repliedOn && repliedOn > ctx.today) r.problems.push({ column: '答复日期', reason: '不能晚于今天' })
  const leader = deadline ? r.take('leader', parseLeader(get('leader'), ctx.leaders, deadline)) : null
  if (!r.need('department', dept) || !r.need('deadline', deadline) || r.problems.length || !form.success || !kind || co === undefined) return { problems: r.problems }
  const record: ProposalRecord = {
    kind, year: form.data.year, number: form.data.number, title: form.data.title, proposer: form.data.proposer, departmentId: dept,
    coDepartmentIds: co, deadline, reply: reply ?? null, repliedOn: repliedOn ?? null, satisfaction, ...(leader ? { leaderPostId: leader } : {}),
  }
  return { record }
}

const keyOf = (kind: string, year: number, number: string) => `${kind}|${year}|${number}`

function writeUnits(w: WriteContext, id: number, ids: string) {
  w.db.delete(proposalUnits).where(eq(proposalUnits.proposalId, id)).run()
  for (const d of ids.split(',').filter(Boolean)) w.db.insert(proposalUnits).values({ proposalId: id, departmentId: Number(d) }).run()
}

export const proposalKind: ImportKindDef<ProposalRecord> = {
  kind: '建议提案',
  fields: FIELDS,
  example: {
    number: '3-028', kind: '政协提案', year: 2025, title: '关于加强城区防汛预警体系建设的提案', proposer: '李晓梅', department: '市水利局',
    coDepartments: '市应急管理局、市农业农村局', deadline: '2025-07-31', reply: '已制定城区防汛预警工作方案……', repliedOn: '2025-07-20', satisfaction: '满意',
    leader: '杨帆',
  },
  labels: LABELS,
  parse,
  key: (r) => keyOf(r.kind, r.year, r.number),
  describe: (r) => `${r.kind} ${proposalNumberText(r.year, r.number)} ${r.title}`,
  duplicate: (label) => `${label}已经登记，且与文件中的不同；如是更正，请在建议提案列表中点该件的“修改”`,
  existing(db, records) {
    const years = [...new Set(records.map((r) => r.year))]
    const found = new Map<string, Stored<ProposalRecord>>()
    const units = new Map<number, number[]>()
    for (const u of db.select().from(proposalUnits).all()) units.set(u.proposalId, [...(units.get(u.proposalId) ?? []), u.departmentId])
    for (const p of db.select().from(proposals).where(inArray(proposals.year, years)).all()) {
      found.set(keyOf(p.kind, p.year, p.number), {
        id: p.id, imported: false, label: `${p.kind}${proposalNumberText(p.year, p.number)}`,
        fields: {
          title: p.title, proposer: p.proposer, departmentId: p.departmentId ?? undefined, coDepartmentIds: (units.get(p.id) ?? []).sort((a, b) => a - b).join(','),
          deadline: p.deadline, reply: p.reply, repliedOn: p.repliedOn, satisfaction: p.satisfaction, leaderPostId: p.leaderPostId ?? undefined,
        },
      })
    }
    return found
  },
  insert(w, r) {
    const { coDepartmentIds, ...values } = r
    const id = w.db.insert(proposals).values({ ...values, createdAt: w.now }).returning({ id: proposals.id }).get().id
    writeUnits(w, id, coDepartmentIds)
    return id
  },
  update(w, id, r) {
    const { coDepartmentIds, kind, year, number, ...values } = r
    w.db.update(proposals).set(values).where(and(eq(proposals.id, id))).run()
    writeUnits(w, id, coDepartmentIds)
  },
}
