/** 我的待办 (issue 17): the groups of the signed-in user's role, each item with its deadline in working days and its link. */
import type { Clock } from '../kernel/clock'
import { clearanceOf, type Reader } from '../security/clearance'
import { chineseDate, monthStart, type IsoDate } from '../common/dates'
import { loadCalendar } from '../calendar/service'
import { deadlineTiming, type DeadlineTiming } from '../calendar/deadline'
import type { HolidayCalendar } from '../calendar/rules'
import { holidayPrompt } from '../home/service'
import { meetingTopicDeadline } from '../meetings/context'
import { directory } from '../org/directory'
import { GROUP_INFO, TODO_LINKS, groupsOf, rosterWanted, type TodoGroup } from './rules'
import * as q from './queries'
import type { GroupRows, TodoItem } from './queries'

export interface TodoGroupView { group: TodoGroup; hint: string; total: number; items: (TodoItem & { timing: DeadlineTiming | null })[] }

/**
 * 议题待确认 (R-M3): for each meeting being prepared, the live topics delivered after the topic deadline without the
 * 市长's consent, and — once the deadline has passed — an agenda not yet fixed.
 */
function topicsToConfirm(reader: Reader, cal: HolidayCalendar, today: IsoDate): GroupRows {
  const name = q.meetingNamer(reader)
  const items: TodoItem[] = []
  for (const { meeting: m, topics } of q.upcomingMeetings(reader, today)) {
    const deadline = meetingTopicDeadline(reader.db, cal, m)
    const late = deadline ? topics.filter((t) => !t.consentBy && t.deliveredOn > deadline) : []
    const open = deadline && today > deadline && !m.agendaFixedOn && topics.length > 0
    if (!late.length && !open) continue
    const parts = [...(late.length ? [`${late.length}个议题逾期报送，待记录市长同意`] : []), ...(open ? ['报送已截止，议程待确定'] : [])]
    items.push({ key: `会议${m.id}`, title: name(m), detail: `${chineseDate(m.date)}召开 · ${parts.join('；')}`, deadline: m.date, href: TODO_LINKS.meeting(m.id) })
  }
  return { total: items.length, items: items.slice(0, q.TODO_SHOWN) }
}

function followUpsToReport(reader: Reader, shown: number): GroupRows {
  const { total, rows } = q.openFollowUps(reader, shown)
  const l = directory(reader.db)
  return {
    total,
    items: rows.map((f) => ({ key: `督办${f.id}`, title: f.task, detail: `${l.department(f.departmentId)} · 来源：${f.sourceTitle}`, deadline: f.deadline, href: TODO_LINKS.followups() })),
  }
}

/** 值班表待发布: draft rosters, and next month's office duty when none covers its first day from the 20th. */
function rostersToPublish(reader: Reader, today: IsoDate): GroupRows {
  const items: TodoItem[] = q.draftRosters(reader).map((r) => ({ key: `值班表${r.id}`, title: r.title, detail: `${r.kind} · 草稿，待发布`, deadline: r.fromDate, href: TODO_LINKS.roster(r.id) }))
  const next = monthStart(today, 1)
  if (rosterWanted(today) && !q.rosterCovers(reader, '办公室值班', next)) {
    items.push({ key: `下月值班${next}`, title: `${Number(next.slice(5, 7))}月办公室值班表`, detail: '尚未编排：请生成并在月初前发布', deadline: next, href: TODO_LINKS.duty() })
  }
  return { total: items.length, items }
}

function holidaysToEnter(cal: HolidayCalendar, today: IsoDate): GroupRows {
  const prompt = holidayPrompt(cal, today)
  return prompt
    ? { total: 1, items: [{ key: `节假日${prompt.year}`, title: `${prompt.year}年节假日安排`, detail: prompt.message, deadline: null, href: TODO_LINKS.calendar() }] }
    : { total: 0, items: [] }
}

/** One group's rows (`shown` 0: only the count): every group is its own query, so a page (or the bench) can ask for one alone. */
export function groupRows(reader: Reader, group: TodoGroup, today: IsoDate, cal: HolidayCalendar, shown = q.TODO_SHOWN): GroupRows {
  const role = reader.user!.role
  switch (group) {
    case '待初审': return q.toReview(reader, shown, cal)
    case '待拟办': return q.toPropose(reader, shown, cal)
    case '待送批': return q.toSend(reader, shown)
    case '待交办': return q.toAssign(reader, shown)
    case '待核稿': return q.toCheckDraft(reader, role, shown)
    case '待编号': return q.toNumber(reader, shown)
    case '待印发': return q.toIssue(reader, shown)
    case '纪要待签发': return q.toSignMinutes(reader, q.meetingNamer(reader), shown)
    case '议题待确认': return topicsToConfirm(reader, cal, today)
    case '督办待反馈': return followUpsToReport(reader, shown)
    case '值班表待发布': return rostersToPublish(reader, today)
    case '节假日待录入': return holidaysToEnter(cal, today)
  }
}

/** 我的待办: the role's groups (or one of them), with each item's deadline as working days (the TimingBadge's figure). */
export function myTodo(reader: Reader, clock: Clock, only?: TodoGroup): TodoGroupView[] {
  clearanceOf(reader.user)
  const today = clock.today()
  const cal = loadCalendar(reader.db)
  return groupsOf(reader.user!.role).filter((g) => !only || g === only).map((group) => {
    const rows = groupRows(reader, group, today, cal)
    return {
      group, hint: GROUP_INFO[group].hint, total: rows.total,
      items: rows.items.map((i) => ({ ...i, timing: i.deadline ? deadlineTiming(cal, today, i.deadline) : null })),
    }
  })
}

/** The navigation's badge: how many items wait, per group and in all (counted only, no items read). */
export function todoCounts(reader: Reader, clock: Clock) {
  clearanceOf(reader.user)
  const today = clock.today()
  const cal = loadCalendar(reader.db)
  const groups = groupsOf(reader.user!.role).map((group) => ({ group, total: groupRows(reader, group, today, cal, 0).total }))
  return { groups, total: groups.reduce((s, g) => s + g.total, 0) }
}
