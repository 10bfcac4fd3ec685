/** changes to a roster — swaps and substitutes (换班、替班), and gaps after publishing. */
import { chineseDate, type IsoDate } from '../common/dates'
import type { HolidayCalendar } from '../calendar/rules'
import type { AbsencePeriod } from '../absences/rules'
import { DEFAULT_HOLIDAY_WEIGHT, compareKeys, fairnessCounts, nameOf, unavailableReason, type DutyAssignment, type DutyExclusion, type DutyTally } from './common'
import { type DutyRole } from '../common/duty'

export interface SwapRequest {
  /** The person on duty who asks (申请人). */
  requesterId: number
  /** The person who takes the duty (对方). */
  counterpartId: number
  /** The requester's duty date handed over. */
  date: IsoDate
  /** 换班: the counterpart's duty date the requester takes in return. Absent: 替班 (a substitute). */
  returnDate?: IsoDate
}
export interface SwapConsent {
  /** The counterpart accepted (对方同意). */
  counterpartAccepted: boolean
  /** The 带班 of the day consented (带班同意). */
  leadConsented: boolean
}
export type SwapResult = { ok: true; assignments: DutyAssignment[]; record: string } | { ok: false; reason: string }

/**
 * a swap or substitute is valid only when the counterpart has accepted and the 带班 has
 * consented; the counterpart must be free that day (not away, not excluded, not already on duty),
 * and for a 换班 the requester likewise on the return date. Returns the new roster (the input is
 * not changed) and the text to record, or the refusal in Chinese.
 */
export function swapDuty(
  assignments: readonly DutyAssignment[], req: SwapRequest, consent: SwapConsent,
  opts: { absences?: readonly AbsencePeriod[]; exclusions?: readonly DutyExclusion[]; names?: ReadonlyMap<number, string> } = {},
): SwapResult {
  const absences = opts.absences ?? []
  const exclusions = opts.exclusions ?? []
  const who = (id: number) => nameOf(opts.names, id)
  const refuse = (why: string): SwapResult => ({ ok: false, reason: `X-4：不能换班——${why}` })
  const dutyOf = (id: number, date: IsoDate) => assignments.find((a) => a.personId === id && a.date === date)
  const busy = (id: number, date: IsoDate) => assignments.some((a) => a.personId === id && a.date === date)

  if (req.requesterId === req.counterpartId) return refuse('申请人与对方是同一人')
  const given = dutyOf(req.requesterId, req.date)
  if (!given) return refuse(`${who(req.requesterId)}${chineseDate(req.date)}没有值班安排`)
  if (busy(req.counterpartId, req.date)) return refuse(`${who(req.counterpartId)}${chineseDate(req.date)}已有值班安排`)
  const cpWhy = unavailableReason(req.counterpartId, req.date, absences, exclusions)
  if (cpWhy) return refuse(`${who(req.counterpartId)}${chineseDate(req.date)}${cpWhy}`)
  let taken: DutyAssignment | undefined
  if (req.returnDate !== undefined) {
    taken = dutyOf(req.counterpartId, req.returnDate)
    if (!taken) return refuse(`${who(req.counterpartId)}${chineseDate(req.returnDate)}没有值班安排，无从换回`)
    if (busy(req.requesterId, req.returnDate)) return refuse(`${who(req.requesterId)}${chineseDate(req.returnDate)}已有值班安排`)
    const rqWhy = unavailableReason(req.requesterId, req.returnDate, absences, exclusions)
    if (rqWhy) return refuse(`${who(req.requesterId)}${chineseDate(req.returnDate)}${rqWhy}`)
  }
  if (!consent.counterpartAccepted) return refuse(`须经对方${who(req.counterpartId)}同意，对方尚未同意`)
  if (!consent.leadConsented) return refuse('须经带班同意，带班尚未同意')

  const next = assignments.map((a) =>
    a === given ? { ...a, personId: req.counterpartId } : a === taken ? { ...a, personId: req.requesterId } : a)
  const record = taken
    ? `X-4：${who(req.requesterId)}与${who(req.counterpartId)}换班——${chineseDate(req.date)}${given.role}由${who(req.counterpartId)}担任，${chineseDate(taken.date)}${taken.role}由${who(req.requesterId)}担任；对方已同意，带班已同意。`
    : `X-4：${chineseDate(req.date)}${given.role}由${who(req.counterpartId)}替${who(req.requesterId)}值班；对方已同意，带班已同意。`
  return { ok: true, assignments: next, record }
}

export interface PublishedGap {
  duty: DutyAssignment
  /** Why the person on duty can no longer take it, in Chinese. */
  reason: string
  /** Replacements, fairest first: fewest weighted duties in that role, free that day. */
  suggestions: { personId: number; weighted: number }[]
}

/**
 * Duties whose person became unavailable after publishing (外出/请假 recorded later), each with
 * suggested replacements from the role's pool: available that day, not already on duty that day,
 * the fewest weighted duties in that role first (roster plus history), ties by pool order.
 */
export function gapsAfterPublish(
  assignments: readonly DutyAssignment[], absences: readonly AbsencePeriod[],
  opts: {
    calendar: HolidayCalendar
    /** Who may take each role: 带班领导 → the leaders, 带班 → the leads, 主班/副班 → the staff. */
    pools: Partial<Record<DutyRole, readonly number[]>>
    history?: readonly DutyTally[]
    exclusions?: readonly DutyExclusion[]
    holidayWeight?: number
    names?: ReadonlyMap<number, string>
    /** How many suggestions per gap (default 3). */
    limit?: number
  },
): PublishedGap[] {
  const exclusions = opts.exclusions ?? []
  const counts = fairnessCounts(assignments, opts.calendar, { holidayWeight: opts.holidayWeight ?? DEFAULT_HOLIDAY_WEIGHT, history: opts.history })
  const weighted = (id: number, role: DutyRole) => counts.find((c) => c.personId === id && c.role === role)?.weighted ?? 0
  const out: PublishedGap[] = []
  for (const duty of assignments) {
    const why = unavailableReason(duty.personId, duty.date, absences, [])
    if (!why) continue
    const pool = opts.pools[duty.role] ?? []
    const suggestions = pool
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !unavailableReason(id, duty.date, absences, exclusions) && !assignments.some((a) => a.date === duty.date && a.personId === id))
      .map(({ id, index }) => ({ id, key: [weighted(id, duty.role), index] }))
      .sort((a, b) => compareKeys(a.key, b.key))
      .slice(0, opts.limit ?? 3)
      .map(({ id, key }) => ({ personId: id, weighted: key[0] }))
    out.push({ duty, reason: `${chineseDate(duty.date)}${duty.role}${nameOf(opts.names, duty.personId)}${why}，须另行安排`, suggestions })
  }
  return out
}
