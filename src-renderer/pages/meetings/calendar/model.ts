import dayjs from 'dayjs'
import type { InputOf, OutputOf } from '../../../api/client'
import { formatMonthDay } from '../../../lib/format'
import { DEFAULT_START } from '../../../../src-main/common/meetings'

export type CalendarData = OutputOf<'meetings.calendar'>
export type CalendarMeeting = CalendarData['meetings'][number]
export type CalendarAbsence = CalendarData['absences'][number]
export type MeetingTypeRow = OutputOf<'meetingTypes.list'>[number]
export type MeetingKind = MeetingTypeRow['kind']
export type ScheduleInput = InputOf<'meetings.schedule'>
export type HalfDay = ScheduleInput['halfDay']
export type ReservedMatter = NonNullable<ScheduleInput['reservedMatters']>[number]
export type MeetingWarning = OutputOf<'meetings.schedule'>['warnings'][number]

/** Each kind of meeting its own colour (Record keyed by the server's enum, so a new kind is noticed). Red stays for holidays. */
export const KIND_COLOR: Record<MeetingKind, string> = {
  全体会议: '#6741d9',
  常务会议: '#234f8c',
  市长办公会: '#0b7285',
  专题会议: '#2b8a3e',
  全市性视频会议: '#a61e4d',
}
export const CANCELLED_COLOR = '#adb5bd'
export const ABSENCE_COLOR = '#f1f3f5'

/** Kinds whose meetings are counted (第N次); 专题会议 and 全市性视频会议 are named by their subject. */
export const COUNTED_KINDS: readonly MeetingKind[] = ['全体会议', '常务会议', '市长办公会']
export const SUBJECT_KINDS: readonly MeetingKind[] = ['专题会议', '全市性视频会议']

/** When a half-day starts if no time is given. */
export { DEFAULT_START }

/** The time a meeting occupies on the week grid: its start, and a plausible end. */
export function meetingSpan(m: { date: string; halfDay: HalfDay; startTime: string | null }): { start: string; end: string } {
  const startTime = m.startTime ?? DEFAULT_START[m.halfDay]
  const start = dayjs(`${m.date}T${startTime}`)
  const noon = dayjs(`${m.date}T12:00`)
  let end = m.halfDay === '全天' ? dayjs(`${m.date}T17:30`) : start.add(150, 'minute')
  if (m.halfDay === '上午' && start.isBefore(noon) && end.isAfter(noon)) end = noon
  const safeEnd = end.isAfter(start) ? end : start.add(60, 'minute')
  return { start: start.format('YYYY-MM-DDTHH:mm:ss'), end: safeEnd.format('YYYY-MM-DDTHH:mm:ss') }
}

/** '第3次常务会议', '专题会议：招商引资' — short enough for a day cell; the full title is in the tooltip. */
export function shortTitle(m: Pick<CalendarMeeting, 'session' | 'typeName' | 'subject'>): string {
  return `${m.session ? `第${m.session}次` : ''}${m.typeName}${m.subject ? `：${m.subject}` : ''}`
}

/** The day after (FullCalendar's ends are exclusive). */
export const nextDay = (iso: string) => dayjs(iso).add(1, 'day').format('YYYY-MM-DD')
export const prevDay = (iso: string) => dayjs(iso).subtract(1, 'day').format('YYYY-MM-DD')

/** '10月5日' or '10月5日至6日'. */
export function spanText(from: string, to: string): string {
  if (from === to) return formatMonthDay(from)
  return from.slice(0, 7) === to.slice(0, 7) ? `${formatMonthDay(from)}至${Number(to.slice(8))}日` : `${formatMonthDay(from)}至${formatMonthDay(to)}`
}

/** "市长张明远出差（10月5日至6日）：张明远外出（出差），按第八条由常务副市长李建国代行" — an absence's tooltip. */
export function absenceText(a: CalendarAbsence): string {
  const who = `${a.postTitle ?? ''}${a.personName ?? ''}`
  const acting = a.acting && a.acting.away ? `；${a.acting.actorName ? `${a.acting.actorName}代行：` : ''}${a.acting.reason}` : ''
  return `${who}${a.kind}（${spanText(a.startDate, a.endDate)}）${acting}`
}

/** Holidays and make-up days grouped into runs: 国庆节 10月1日—7日 as one. */
export function dayRuns(days: CalendarData['days']): { kind: '放假' | '上班'; name: string | null; from: string; to: string }[] {
  const out: { kind: '放假' | '上班'; name: string | null; from: string; to: string }[] = []
  for (const d of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = out.at(-1)
    if (last && last.kind === d.kind && last.name === d.name && nextDay(last.to) === d.date) last.to = d.date
    else out.push({ kind: d.kind, name: d.name, from: d.date, to: d.date })
  }
  return out
}
