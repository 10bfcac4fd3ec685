import { absenceOn, whoActsFor, type AbsencePeriod } from '../absences/rules'
import { principalPost, type OrgSnapshot } from '../org/snapshot'
import { dayInfo, missingYearNote, type HolidayCalendar } from '../calendar/rules'
import { addDays, chineseDate, daysBetween, weekdayOf, yearOf, type IsoDate } from '../common/dates'
import type { MeetingType } from './types/config'
import type { RuleId } from '../common/rules'

export type HalfDay = '上午' | '下午' | '全天'

export interface BookedMeeting { title: string; date: IsoDate; halfDay: HalfDay; personIds: readonly number[] }

export interface MeetingWarning {
  code: '非工作日' | '日历未录入' | '主持人外出' | '组成人员外出' | '领导已有安排' | '周期超期'
  rule: RuleId | null
  message: string
}

export interface WarningQuery {
  type: MeetingType
  date: IsoDate
  halfDay: HalfDay
  cal: HolidayCalendar
  chairPostId: number
  /** The members' person ids (from expectedAttendance). */
  members: readonly number[]
  absences: readonly AbsencePeriod[]
  org: OrgSnapshot
  otherMeetingsSameSlot: readonly BookedMeeting[]
  /** The date of the last meeting of this type before this one, if any. */
  lastMeetingOfType: IsoDate | null
}

const overlapsSlot = (a: HalfDay, b: HalfDay) => a === '全天' || b === '全天' || a === b
const nameOf = (org: OrgSnapshot, id: number) => org.names.get(id) ?? `（人员${id}）`

/** Warnings where the rules or the calendar say so; none of them stops the office from scheduling. */
export function meetingWarnings(q: WarningQuery): MeetingWarning[] {
  const out: MeetingWarning[] = []
  const day = dayInfo(q.cal, q.date)
  if (day.provisional) out.push({ code: '日历未录入', rule: 'R-W2', message: missingYearNote(yearOf(q.date)) })
  if (!day.working) {
    out.push({ code: '非工作日', rule: 'R-W2', message: `${chineseDate(q.date)}是${day.type}${day.name ? `（${day.name}）` : ''}，不是工作日` })
  }
  const chair = q.org.posts.find((p) => p.id === q.chairPostId)
  if (chair?.holderId != null && absenceOn(q.absences, chair.holderId, q.date)) {
    const a = whoActsFor(q.org, q.absences, chair.id, q.date)
    out.push({ code: '主持人外出', rule: a.rule, message: `主持人${a.reason}` })
  }
  for (const id of q.members) {
    if (id === chair?.holderId || !absenceOn(q.absences, id, q.date)) continue
    const post = principalPost(q.org, id)
    const a = post ? whoActsFor(q.org, q.absences, post.id, q.date) : null
    out.push({ code: '组成人员外出', rule: a?.rule ?? null, message: a ? `${a.postTitle}${a.reason}` : `${nameOf(q.org, id)}当日外出` })
  }
  const ours = new Set([...(chair?.holderId != null ? [chair.holderId] : []), ...q.members])
  for (const m of q.otherMeetingsSameSlot) {
    if (m.date !== q.date || !overlapsSlot(m.halfDay, q.halfDay)) continue
    const busy = [...new Set(m.personIds)].filter((id) => ours.has(id))
    if (busy.length) {
      out.push({ code: '领导已有安排', rule: null, message: `${busy.map((id) => nameOf(q.org, id)).join('、')}${chineseDate(m.date)}${m.halfDay}已安排“${m.title}”` })
    }
  }
  if (q.type.cadenceDays && q.lastMeetingOfType) {
    const gap = daysBetween(q.lastMeetingOfType, q.date)
    if (gap > q.type.cadenceDays) {
      const rule = q.type.kind === '常务会议' ? 'R-M2' : q.type.kind === '全体会议' ? 'R-M1' : null
      out.push({ code: '周期超期', rule, message: `${q.type.name}按规定约每${q.type.cadenceDays}天召开一次，距上次（${chineseDate(q.lastMeetingOfType)}）已${gap}天` })
    }
  }
  return out
}

/**
 * Proposed dates at the type's cadence. Each proposal starts from its nominal date (last + k × cadence,
 * so one holiday does not shift the rest) and moves to the first working day with the preferred weekday
 * within the week, else to the first working day on or after the nominal date.
 * In a year with no holiday arrangement the weekends decide (暂定, X-6): the caller marks such proposals.
 */
export function planNextMeetings(cal: HolidayCalendar, type: MeetingType, lastDate: IsoDate, count: number, preferredWeekday?: number | null): IsoDate[] {
  if (!type.cadenceDays) return []
  const out: IsoDate[] = []
  for (let k = 1; k <= count; k++) {
    const nominal = addDays(lastDate, k * type.cadenceDays)
    const week = Array.from({ length: 7 }, (_, i) => addDays(nominal, i))
    let pick = preferredWeekday == null ? undefined : week.find((d) => weekdayOf(d) === preferredWeekday && dayInfo(cal, d).working)
    for (let d = nominal; !pick; d = addDays(d, 1)) if (dayInfo(cal, d).working) pick = d
    if (out.length === 0 || pick > out.at(-1)!) out.push(pick)
  }
  return out
}
