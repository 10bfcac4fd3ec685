/** X-4: changes to a roster — swaps and substitutes (换班、替班), and gaps after publishing. */
import { chineseDate, type IsoDate } from '../common/dates'
import type { HolidayCalendar } from '../calendar/rules'
import type { AbsencePeriod } from '../absences/rules'
import { DEFAULT_HOLIDAY_WEIGHT, compareKeys, fairnessCounts, nameOf, unavailableReason, type DutyAssignment, type DutyExclusion, type DutyTally } from './common'
import { type DutyRole } from '../common/duty'
import { cite } from '../common/rules'

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
  /** Who consented for each date the swap touches: that date's 带班, by name (one 带班 cannot answer for another's day). */
  leadConsents: readonly { date: IsoDate; personId: number }[]
}
/** A 带班's consent as recorded: the date, the role held that day and the person. */
export interface RecordedConsent { date: IsoDate; role: DutyRole; personId: number; name: string }
export type SwapResult =
  | { ok: true; assignments: DutyAssignment[]; record: string; consents: RecordedConsent[] }
  | { ok: false; reason: string }

/**
 * X-4: a swap or substitute is valid only for shifts not yet past (today's included: a substitute may still be found
 * for it), when the counterpart has accepted and the 带班 of each date involved has consented by name; the
 * counterpart must be free that day (not away, not excluded, not already on duty), and for a 换班 the requester
 * likewise on the return date. On the leaders' roster the 带班领导 are themselves the day's 带班: their request and
 * acceptance are the consent. Returns the new roster (the input is not changed), the text and the consents to record,
 * or the refusal in Chinese.
 */
export function swapDuty(
  assignments: readonly DutyAssignment[], req: SwapRequest, consent: SwapConsent,
  opts: { today: IsoDate; absences?: readonly AbsencePeriod[]; exclusions?: readonly DutyExclusion[]; names?: ReadonlyMap<number, string> },
): SwapResult {
  const absences = opts.absences ?? []
  const exclusions = opts.exclusions ?? []
  const who = (id: number) => nameOf(opts.names, id)
  const refuse = (why: string): SwapResult => ({ ok: false, reason: `${cite('X-4')}：不能换班——${why}` })
  const dutyOf = (id: number, date: IsoDate) => assignments.find((a) => a.personId === id && a.date === date)
  const busy = (id: number, date: IsoDate) => assignments.some((a) => a.personId === id && a.date === date)
  const dates = [req.date, ...(req.returnDate !== undefined ? [req.returnDate] : [])]

  const past = dates.find((d) => d < opts.today)
  if (past) return refuse(`${chineseDate(past)}的值班已经过去，只能调换今天及以后的值班`)
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
  const leads = leadConsents(assignments, dates, consent.leadConsents, who)
  if ('refusal' in leads) return refuse(leads.refusal)

  const next = assignments.map((a) =>
    a === given ? { ...a, personId: req.counterpartId } : a === taken ? { ...a, personId: req.requesterId } : a)
  const agreed = `对方已同意${leads.consents.length ? `，${leads.consents.map((c) => `${chineseDate(c.date)}带班${c.name}`).join('、')}已同意` : ''}`
  const record = taken
    ? `${cite('X-4')}：${who(req.requesterId)}与${who(req.counterpartId)}换班——${chineseDate(req.date)}${given.role}由${who(req.counterpartId)}担任，${chineseDate(taken.date)}${taken.role}由${who(req.requesterId)}担任；${agreed}。`
    : `${cite('X-4')}：${chineseDate(req.date)}${given.role}由${who(req.counterpartId)}替${who(req.requesterId)}值班；${agreed}。`
  return { ok: true, assignments: next, record, consents: leads.consents }
}

/**
 * Each date's 带班 must have consented, by name: the consent given for a date must be that date's 带班 on the roster.
 * A roster without the 带班 role (the leaders' own) needs none.
 */
function leadConsents(
  assignments: readonly DutyAssignment[], dates: readonly IsoDate[], given: SwapConsent['leadConsents'], who: (id: number) => string,
): { consents: RecordedConsent[] } | { refusal: string } {
  if (!assignments.some((a) => a.role === '带班')) return { consents: [] }
  const consents: RecordedConsent[] = []
  for (const date of dates) {
    const lead = assignments.find((a) => a.date === date && a.role === '带班')
    if (!lead) return { refusal: `${chineseDate(date)}尚未安排带班，无人可同意换班；请先安排当日带班` }
    const said = given.find((c) => c.date === date)
    if (!said) return { refusal: `须经${chineseDate(date)}带班${who(lead.personId)}同意，尚未同意` }
    if (said.personId !== lead.personId) return { refusal: `${chineseDate(date)}的带班是${who(lead.personId)}，不是${who(said.personId)}；须由当日带班本人同意` }
    consents.push({ date, role: '带班', personId: lead.personId, name: who(lead.personId) })
  }
  return { consents }
}

export interface PublishedGap {
  duty: DutyAssignment
  /** Why the person on duty can no longer take it, in Chinese. */
  reason: string
  /** Replacements, fairest first: fewest weighted duties in that role, free that day. */
  suggestions: { personId: number; weighted: number }[]
}

/**
 * Duties whose person became unavailable after publishing (外出/请假 recorded later, or left the office), each with
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
    /** People who have left (归档), with the day they left: their duties from that day are gaps too. */
    departed?: ReadonlyMap<number, IsoDate>
  },
): PublishedGap[] {
  const exclusions = opts.exclusions ?? []
  const counts = fairnessCounts(assignments, opts.calendar, { holidayWeight: opts.holidayWeight ?? DEFAULT_HOLIDAY_WEIGHT, history: opts.history })
  const weighted = (id: number, role: DutyRole) => counts.find((c) => c.personId === id && c.role === role)?.weighted ?? 0
  const out: PublishedGap[] = []
  for (const duty of assignments) {
    const left = opts.departed?.get(duty.personId)
    const why = unavailableReason(duty.personId, duty.date, absences, []) ?? (left && left <= duty.date ? `已于${chineseDate(left)}离任` : null)
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
