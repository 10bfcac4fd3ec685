import dayjs from 'dayjs'
import type { InputOf, OutputOf, Invalidation } from '../../api/client'
import { formatDate } from '../../lib/format'

/** What a change to the duty rosters, log or exclusions alters on screen: everything `duty.`, and the start page's 今日值班. */
export const DUTY_CHANGES: readonly Invalidation[] = ['duty.*', 'home.today']

export type RosterKind = InputOf<'duty.generate'>['kind']
export type RosterRow = OutputOf<'duty.list'>[number]
export type RosterDetail = OutputOf<'duty.get'>
export type RosterDay = RosterDetail['days'][number]
export type Duty = RosterDay['duties'][number]
export type DutyRole = Duty['role']
export type Generated = OutputOf<'duty.generate'>
export type LogEntry = OutputOf<'duty.searchLog'>[number]
export type Handover = OutputOf<'duty.listHandovers'>[number]
export type Contact = NonNullable<Duty['person']>


export const addDaysIso = (iso: string, n: number) => dayjs(iso).add(n, 'day').format('YYYY-MM-DD')
export const monthEndIso = (month: string) => dayjs(`${month}-01`).endOf('month').format('YYYY-MM-DD')

/** '2026年12月1日至31日' / '2026年9月28日至10月11日'. */
export function periodLabel(from: string, to: string): string {
  if (from === to) return formatDate(from)
  if (from.slice(0, 4) !== to.slice(0, 4)) return `${formatDate(from)}至${formatDate(to)}`
  if (from.slice(0, 7) === to.slice(0, 7)) return `${formatDate(from)}至${Number(to.slice(8))}日`
  return `${formatDate(from)}至${Number(to.slice(5, 7))}月${Number(to.slice(8))}日`
}

export const NOWRAP = { whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' } as const
