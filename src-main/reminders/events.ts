/**
 * The events a reminder tells of, computed from the records within the reader's clearance (a person never hears
 * of what they may not see): each kind is one small query over an index, newest or nearest first.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm'
import { addDays, chineseDate, type IsoDate } from '../common/dates'
import { clearanceOf, visibleSql, type Reader } from '../security/clearance'
import type { HolidayCalendar } from '../calendar/rules'
import { shiftWorkingDays } from '../calendar/rules'
import { deadlineTiming } from '../calendar/deadline'
import { assignments as a, incomingDocuments as d, instructions } from '../documents/schema'
import { numberText } from '../documents/incoming/service'
import { dueConditions } from '../documents/incoming/due-soon'
import { followUps } from '../followups/schema'
import { followUpsInHand } from '../followups/service'
import { meetingTopicDeadline } from '../meetings/context'
import { dutyAssignments, rosters } from '../duty/schema'
import { gapsAfterPublish } from '../duty/rules'
import { loadAbsencePeriods } from '../absences/service'
import { people } from '../org/schema'
import { directory } from '../org/directory'
import { meetingNamer, upcomingMeetings } from '../todo/queries'
import { TODO_LINKS } from '../todo/rules'
import { INSTRUCTION_NEWS_DAYS, OVERDUE_NEWS_DAYS, ROSTER_GAP_DAYS, TOPIC_DEADLINE_AHEAD, type ReminderEvent, type ReminderKind } from './rules'

/** At most this many events of one kind: the newest or nearest; the registers and 首页 list the rest. */
const PER_KIND = 50

export interface EventScope { reader: Reader; today: IsoDate; cal: HolidayCalendar; aheadDays: number }

/** The newest 批示 looked at: a busy week holds thousands; the newest visible PER_KIND of these are told. */
const NEWEST_INSTRUCTIONS = 4 * PER_KIND

/**
 * A 批示 came back: told to the office, which routes it on. The newest are found in instructions_leader_idx alone
 * (one range per person, the index holds the date and the row id), and only those rows and their 收文 are read.
 */
function instructionsBack({ reader, today }: EventScope): ReminderEvent[] {
  const seen = visibleSql(sql`+${d.classification}`, clearanceOf(reader.user)) ?? undefined
  const newest = reader.db.select({ id: instructions.id }).from(instructions)
    .where(and(sql`${instructions.leaderId} IN (SELECT id FROM ${people})`, gte(instructions.instructedOn, addDays(today, -INSTRUCTION_NEWS_DAYS)), lte(instructions.instructedOn, today)))
    .orderBy(desc(instructions.instructedOn)).limit(NEWEST_INSTRUCTIONS).all().map((r) => r.id)
  if (!newest.length) return []
  // Looked up by id (the primary key), not left to the planner to combine with the date order.
  const rows = reader.db.select({ i: instructions, doc: d }).from(instructions).innerJoin(d, eq(d.id, instructions.documentId))
    .where(and(inArray(instructions.id, newest), seen))
    .orderBy(desc(instructions.instructedOn), desc(instructions.id)).limit(PER_KIND).all()
  const l = directory(reader.db)
  return rows.map(({ i, doc }) => ({
    kind: '批示已回', subject: `批示${i.id}`, date: i.instructedOn!,
    title: `${i.leaderTitle ?? ''}${l.person(i.leaderId)}${i.kind ?? '批示'}已回`,
    text: `${numberText(doc)}《${doc.title}》${i.opinion ? `：${i.opinion}` : ''}`, href: TODO_LINKS.incoming(doc.id),
  }))
}

const dueKind = (deadline: IsoDate, today: IsoDate): ReminderKind => (deadline < today ? '逾期' : '临期')

/**
 * R-D7: 收文 and 承办 due within the set working days, or overdue since lately: 首页's due list (dueConditions), cut
 * to the days a reminder tells of. A 收文 whose pending 承办 is told is not told again.
 */
function documentsDue({ reader, today, cal, aheadDays }: EventScope): ReminderEvent[] {
  const { work, docs } = dueConditions(reader, shiftWorkingDays(cal, today, aheadDays), addDays(today, -OVERDUE_NEWS_DAYS))
  const l = directory(reader.db)
  const jobs = reader.db.select({ a, doc: d }).from(a).innerJoin(d, eq(d.id, a.documentId)).where(work).orderBy(asc(a.deadline)).limit(PER_KIND).all()
  const open = reader.db.select().from(d).where(docs).orderBy(asc(d.deadline)).limit(PER_KIND).all()
  return [
    ...jobs.map(({ a: job, doc }): ReminderEvent => ({
      kind: dueKind(job.deadline, today), subject: `承办${job.id}`, date: job.deadline,
      title: `承办${deadlineTiming(cal, today, job.deadline).label}：${l.department(job.departmentId)}（${job.role}）`,
      text: `${numberText(doc)}《${doc.title}》承办时限${chineseDate(job.deadline)}`, href: TODO_LINKS.incoming(doc.id),
    })),
    ...open.map((doc): ReminderEvent => ({
      kind: dueKind(doc.deadline!, today), subject: `收文${doc.id}`, date: doc.deadline!,
      title: `收文${deadlineTiming(cal, today, doc.deadline!).label}：${numberText(doc)}`,
      text: `《${doc.title}》办结时限${chineseDate(doc.deadline!)}`, href: TODO_LINKS.incoming(doc.id),
    })),
  ]
}

/** R-S1: 督办 due within the set working days, or overdue since lately (follow_ups_status_deadline_idx); told once each way. */
function followUpsDue({ reader, today, cal, aheadDays }: EventScope): ReminderEvent[] {
  const rows = reader.db.select().from(followUps)
    .where(and(eq(followUps.status, '办理中'), followUpsInHand(clearanceOf(reader.user)), gte(followUps.deadline, addDays(today, -OVERDUE_NEWS_DAYS)), lte(followUps.deadline, shiftWorkingDays(cal, today, aheadDays))))
    .orderBy(asc(followUps.deadline)).limit(PER_KIND).all()
  const l = directory(reader.db)
  return rows.map((f) => ({
    kind: '督办期限', subject: `督办${f.id}${f.deadline < today ? '逾期' : ''}`, date: f.deadline,
    title: `督办${deadlineTiming(cal, today, f.deadline).label}：${l.department(f.departmentId)}`, text: f.task, href: TODO_LINKS.followups(),
  }))
}

/** R-M3: a meeting's topic deadline within two working days; and a meeting tomorrow. */
function meetingEvents({ reader, today, cal }: EventScope, kinds: ReadonlySet<ReminderKind>): ReminderEvent[] {
  const name = meetingNamer(reader)
  const out: ReminderEvent[] = []
  const last = shiftWorkingDays(cal, today, TOPIC_DEADLINE_AHEAD)
  const tomorrow = addDays(today, 1)
  for (const { meeting: m, topics } of upcomingMeetings(reader, today)) {
    const deadline = meetingTopicDeadline(reader.db, cal, m)
    if (kinds.has('议题截止') && deadline && deadline >= today && deadline <= last) {
      out.push({ kind: '议题截止', subject: `会议${m.id}`, date: deadline, title: `${chineseDate(deadline)}议题报送截止：${name(m)}`,
        text: `${chineseDate(m.date)}召开，已报送${topics.length}个议题`, href: TODO_LINKS.meeting(m.id) })
    }
    if (kinds.has('明日会议') && m.date === tomorrow) {
      out.push({ kind: '明日会议', subject: `会议${m.id}`, date: m.date, title: `明天${m.halfDay}：${name(m)}`,
        text: `${chineseDate(m.date)}${m.startTime ? ` ${m.startTime}` : ''}${m.place ? `，${m.place}` : ''}`, href: TODO_LINKS.meeting(m.id) })
    }
  }
  return out
}

/**
 * X-4: a published roster's duty in the coming days whose person can no longer take it — the rule behind duty.gaps
 * (gapsAfterPublish), given only those days (duty_assignments_date_idx) and no pools: the page suggests replacements.
 */
function rosterGapEvents({ reader, today, cal }: EventScope): ReminderEvent[] {
  const until = addDays(today, ROSTER_GAP_DAYS)
  const { db } = reader
  const published = db.select().from(rosters).where(and(eq(rosters.status, '已发布'), lte(rosters.fromDate, until), gte(rosters.toDate, today))).all()
  if (!published.length) return []
  const duties = db.select().from(dutyAssignments)
    .where(and(gte(dutyAssignments.date, today), lte(dutyAssignments.date, until), inArray(dutyAssignments.rosterId, published.map((r) => r.id)))).all()
  const absences = loadAbsencePeriods(db, today, until)
  const departed = new Map(db.select({ id: people.id, on: people.archivedOn }).from(people).where(isNotNull(people.archivedOn)).all().map((p) => [p.id, p.on!] as const))
  const l = directory(db)
  const names = new Map(duties.map((x) => [x.personId, l.person(x.personId) ?? '']))
  return published.flatMap((r) => gapsAfterPublish(duties.filter((x) => x.rosterId === r.id), absences, { calendar: cal, pools: {}, names, departed, limit: 0 })
    .map(({ duty, reason }): ReminderEvent => ({
      kind: '值班缺口', subject: `值班${r.id}:${duty.role}:${duty.personId}`, date: duty.date,
      title: `${chineseDate(duty.date)}${duty.role}缺人：${r.title}`, text: reason, href: TODO_LINKS.roster(r.id),
    })))
}

/** The events of the kinds given, for this reader. */
export function eventsFor(scope: EventScope, kinds: ReadonlySet<ReminderKind>): ReminderEvent[] {
  return [
    ...(kinds.has('批示已回') ? instructionsBack(scope) : []),
    ...(kinds.has('临期') || kinds.has('逾期') ? documentsDue(scope).filter((e) => kinds.has(e.kind)) : []),
    ...(kinds.has('督办期限') ? followUpsDue(scope) : []),
    ...(kinds.has('议题截止') || kinds.has('明日会议') ? meetingEvents(scope, kinds) : []),
    ...(kinds.has('值班缺口') ? rosterGapEvents(scope) : []),
  ]
}
