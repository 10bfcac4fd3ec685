/**
 * 督办事项 (R-S1) → follow_ups, open or closed as the office's table has them, the 督办领导 as the file names them or
 * else the responsible department's 分管领导, as when one is entered by hand, and the table's 进展情况 as its first 进展报告. An item is identified by its 来源 and 督办事项 text: the same
 * item already there is unchanged when the file says the same, otherwise refused (its progress and closing are
 * recorded on its own page).
 */
import { eq, inArray } from 'drizzle-orm'
import { FOLLOW_UP_SOURCES, FOLLOW_UP_STATES } from '../../common/followups'
import { followUpReports, followUps } from '../../followups/schema'
import { z } from 'zod'
import { text } from '../../kernel/fields'
import { departments } from '../../org/schema'
import { cellText, parseDate, parseText, bad, ok, type Cell, type Parsed } from '../rules'
import { parseLeader } from '../leaders'
import { parseDepartment, RowReader, zodProblems, type ImportKindDef, type RowContext, type Stored } from './kind'

export interface FollowUpRecord extends Record<string, unknown> {
  source: (typeof FOLLOW_UP_SOURCES)[number]; sourceTitle: string; task: string; departmentId: number; deadline: string
  status: (typeof FOLLOW_UP_STATES)[number]; closedOn: string | null; outcome: string | null
  /** 督办领导 when the file names one; absent, the 责任单位's 分管领导, as on the form. */
  leaderPostId?: number
  /** The table's 进展情况 and the day it was reported: the item's first 进展报告. */
  progress?: { content: string; on: string }
}

const FIELDS = [
  { key: 'sourceTitle', label: '来源', aliases: ['事项来源', '批示标题', '会议名称', '来源文件'], required: true },
  { key: 'task', label: '督办事项', aliases: ['督办内容', '事项', '工作任务', '任务'], required: true },
  { key: 'department', label: '责任单位', aliases: ['承办单位', '牵头单位', '主办单位'], required: true },
  { key: 'deadline', label: '办结时限', aliases: ['完成时限', '时限', '办理时限'], required: true },
  { key: 'source', label: '来源类别', aliases: ['类别'] },
  { key: 'status', label: '办理情况', aliases: ['状态', '办理状态'] },
  { key: 'closedOn', label: '办结日期', aliases: ['完成日期'] },
  { key: 'outcome', label: '办理结果', aliases: ['结果', '完成情况'] },
  { key: 'leader', label: '督办领导', aliases: ['批示领导', '交办领导', '分管市领导', '牵头市领导'] },
  { key: 'progress', label: '进展情况', aliases: ['办理进展', '最新进展', '进展', '工作进展'] },
  { key: 'progressOn', label: '进展日期', aliases: ['报告日期', '反馈日期', '进展时间'] },
] as const

const LABELS = { leaderPostId: '督办领导', departmentId: '责任单位', deadline: '办结时限', status: '办理情况', closedOn: '办结日期', outcome: '办理结果', source: '来源类别' }

/** The form's checks of the texts (its limits; the 来源 is required here, as the service requires it of a 批示). */
const formTexts = z.object({ sourceTitle: text('来源', 200), task: text('督办事项', 2000) })

function sourceOf(cell: Cell): Parsed<FollowUpRecord['source']> {
  const s = cellText(cell).replace(/\s/g, '')
  if (!s || s === '领导批示' || s === '批示') return ok('领导批示')
  if (s === '会议纪要' || s === '纪要' || s === '会议') return ok('会议纪要')
  return bad('应为领导批示或会议纪要')
}

function parse(get: (key: string) => Cell, ctx: RowContext) {
  const r = new RowReader(FIELDS)
  const texts = formTexts.safeParse({ sourceTitle: cellText(get('sourceTitle')), task: cellText(get('task')) })
  if (!texts.success) r.problems.push(...zodProblems(texts.error, (k) => (k === 'sourceTitle' ? '来源' : r.label(k))))
  const name = cellText(get('department'))
  const departmentId = r.take('department', parseDepartment(name, ctx.departmentIds))
  const source = r.take('source', sourceOf(get('source')))
  const deadline = r.take('deadline', parseDate(get('deadline')))
  const closedOn = r.take('closedOn', parseDate(get('closedOn')))
  const outcome = r.take('outcome', parseText(get('outcome'), 4000))
  const statusText = cellText(get('status')).replace(/\s/g, '')
  const status = statusText ? FOLLOW_UP_STATES.find((s) => s === statusText || s === `已${statusText}`) : closedOn ? '已办结' : '办理中'
  if (!status) r.problems.push({ column: '办理情况', reason: `应为${FOLLOW_UP_STATES.join('或')}` })
  if (status === '已办结' && !closedOn) r.problems.push({ column: '办结日期', reason: '已办结的事项须填写办结日期' })
  if (closedOn && closedOn > ctx.today) r.problems.push({ column: '办结日期', reason: '不能晚于今天' })
  const leader = deadline ? r.take('leader', parseLeader(get('leader'), ctx.leaders, deadline)) : null
  const progress = r.take('progress', parseText(get('progress'), 2000))
  const progressOn = r.take('progressOn', parseDate(get('progressOn')))
  if (progress && !progressOn) r.problems.push({ column: '进展日期', reason: '填写了进展情况的，须填写报送进展的日期' })
  if (progressOn && progressOn > ctx.today) r.problems.push({ column: '进展日期', reason: '不能晚于今天' })
  if (!r.need('department', name) || !r.need('deadline', deadline) || r.problems.length || !texts.success || !source || !status || departmentId == null) return { problems: r.problems }
  const record: FollowUpRecord = {
    source, sourceTitle: texts.data.sourceTitle, task: texts.data.task, departmentId, deadline, status,
    closedOn: status === '已办结' ? closedOn ?? null : null, outcome: outcome ?? null, ...(leader ? { leaderPostId: leader } : {}),
    ...(progress && progressOn ? { progress: { content: progress, on: progressOn } } : {}),
  }
  return { record }
}

/** The record as follow_ups' columns: its 进展情况 is a report of its own. */
const columnsOf = ({ progress, ...item }: FollowUpRecord) => item

const keyOf = (sourceTitle: string, task: string) => `${sourceTitle}|${task}`

export const followUpKind: ImportKindDef<FollowUpRecord> = {
  kind: '督办事项',
  fields: FIELDS,
  example: {
    sourceTitle: '市政府第12次常务会议纪要', task: '制定城区老旧小区改造三年行动方案', department: '市住房和城乡建设局', deadline: '2025-06-30',
    source: '会议纪要', status: '已办结', closedOn: '2025-06-20', outcome: '方案已印发实施',
  },
  labels: LABELS,
  parse,
  key: (r) => keyOf(r.sourceTitle, r.task),
  describe: (r) => `${r.sourceTitle}：${r.task}`,
  duplicate: (label) => `${label}已经立项，且与文件中的不同；进展和办结请在督办页面该事项中记录`,
  existing(db, records) {
    const found = new Map<string, Stored<FollowUpRecord>>()
    const titles = [...new Set(records.map((r) => r.sourceTitle))]
    for (const f of db.select().from(followUps).where(inArray(followUps.sourceTitle, titles)).all()) {
      found.set(keyOf(f.sourceTitle, f.task), {
        id: f.id, imported: false, label: `督办事项“${f.task}”`,
        fields: { source: f.source, departmentId: f.departmentId, deadline: f.deadline, status: f.status, closedOn: f.closedOn, outcome: f.outcome, leaderPostId: f.leaderPostId ?? undefined },
      })
    }
    return found
  },
  insert(w, r) {
    const { progress } = r
    const item = columnsOf(r)
    const leaderPostId = r.leaderPostId ?? w.db.select({ p: departments.supervisorPostId }).from(departments).where(eq(departments.id, r.departmentId)).get()?.p ?? null
    const id = w.db.insert(followUps).values({ ...item, leaderPostId, createdAt: w.now }).returning({ id: followUps.id }).get().id
    if (progress) w.db.insert(followUpReports).values({ followUpId: id, reportedOn: progress.on, content: progress.content, reporter: null, recordedAt: w.now }).run()
    return id
  },
  update(w, id, r) {
    // Never reached while every stored item counts as entered here (existing: imported false): kept for the interface.
    w.db.update(followUps).set(columnsOf(r)).where(eq(followUps.id, id)).run()
  },
}
