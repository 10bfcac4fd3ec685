import dayjs from 'dayjs'
import type { InputOf, OutputOf, Invalidation } from '../../api/client'
import { formatDate, formatMonthDay } from '../../lib/format'
import { MEETING_VIEWS } from '../meetings/model'

/**
 * What a change to an absence alters on screen: the absences, who acts for whom (the 拟办 route, the 发文 and
 * 纪要 signer, a meeting's expected attendance) and the start page.
 */
export const ABSENCE_CHANGES: readonly Invalidation[] = ['absences.*', 'incoming.proposeRoute', 'outgoing.requiredSigner', ...MEETING_VIEWS, 'home.today']

export type AbsenceList = OutputOf<'absences.list'>
export type AbsenceRow = AbsenceList['absences'][number]
export type ActingAnswer = OutputOf<'absences.leadersOn'>[number]
export type AbsenceInput = InputOf<'absences.save'>
export type AbsenceKind = AbsenceInput['kind']
export type ApprovalState = NonNullable<AbsenceInput['approval']>

/** 外出类别 with the colour of its bar (Record keyed by the server's enum, so none is forgotten). */
export const KIND_COLOR: Record<AbsenceKind, string> = {
  出差: 'blue',
  学习: 'teal',
  休假: 'green',
  因私: 'grape',
  出国: 'orange',
}
export const ABSENCE_KINDS = Object.keys(KIND_COLOR) as AbsenceKind[]

export const APPROVAL_COLOR: Record<ApprovalState, string> = { 待批: 'yellow', 已批准: 'green', 未批准: 'red' }
export const APPROVAL_STATES = Object.keys(APPROVAL_COLOR) as ApprovalState[]

/** 'YYYY-MM' months. */
export const monthOf = (isoDate: string) => isoDate.slice(0, 7)
export const monthStart = (month: string) => `${month}-01`
export const monthEnd = (month: string) => dayjs(`${month}-01`).endOf('month').format('YYYY-MM-DD')
export const shiftMonth = (month: string, n: number) => dayjs(`${month}-01`).add(n, 'month').format('YYYY-MM')
export const monthLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`

export function daysOf(month: string): string[] {
  const n = dayjs(`${month}-01`).daysInMonth()
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)
}

export const dayCount = (from: string, to: string) => dayjs(to).diff(dayjs(from), 'day') + 1

/** '12月7日' or '12月7日至12月9日': a run of days within one trip. */
export const dayRange = (from: string, to: string) => (from === to ? formatMonthDay(from) : `${formatMonthDay(from)}至${formatMonthDay(to)}`)

/** '12月7日至12月11日（5天）'; the years are named when the period crosses one or is not this page's. */
export function periodText(from: string, to: string, withYear = false): string {
  const crossesYear = from.slice(0, 4) !== to.slice(0, 4)
  const f = withYear || crossesYear ? formatDate : formatMonthDay
  const span = from === to ? f(from) : `${f(from)}至${crossesYear ? formatDate(to) : formatMonthDay(to)}`
  return `${span}（${dayCount(from, to)}天）`
}
