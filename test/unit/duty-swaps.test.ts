import { describe, expect, it } from 'vitest'
import { packagedCalendar } from '../helpers/calendar'
import type { AbsencePeriod } from '../../src-main/absences/rules'
import { dutyDays, generateOfficeRoster, swapDuty, type DutyAssignment, type DutyRole, type SwapConsent } from '../../src-main/duty/rules'

// swaps and substitutes — only shifts not yet past, with the counterpart's acceptance and each date's 带班 by name.
const cal = packagedCalendar()
const leads = [101, 102, 103, 104].map((personId) => ({ personId }))
const staff = [201, 202, 203, 204, 205, 206, 207, 208].map((personId) => ({ personId }))
const names = new Map([...leads, ...staff].map(({ personId }) => [personId, `人员${personId}号`]))
const away = (personId: number, date: string): AbsencePeriod => ({ id: 1, personId, kind: '出差', startDate: date, endDate: date, actingPersonId: null })

const roster = generateOfficeRoster({ days: dutyDays(cal, '2026-10-08', '2026-10-14'), leads, staff }).assignments
const on = (rs: readonly DutyAssignment[], date: string, role: DutyRole) => rs.find((a) => a.date === date && a.role === role)!.personId
const requester = on(roster, '2026-10-09', '主班')
const busyThatDay = new Set(roster.filter((a) => a.date === '2026-10-09').map((a) => a.personId))
const counterpart = staff.map((s) => s.personId).find((p) => !busyThatDay.has(p))!
const req = { requesterId: requester, counterpartId: counterpart, date: '2026-10-09' }
// The counterpart's later 主班/副班 on a day the requester is free: the date taken back in a 换班.
const back = roster.find((a) => a.personId === counterpart && a.date > '2026-10-09' && a.role !== '带班' && !roster.some((b) => b.date === a.date && b.personId === requester))!
/** Both consents as the office gives them: the counterpart, and the 带班 of each date by name. */
const agreed = (...dates: string[]): SwapConsent => ({ counterpartAccepted: true, leadConsents: dates.map((date) => ({ date, personId: on(roster, date, '带班') })) })
const opts = { today: '2026-10-08', names }

describe('X-4 swaps and substitutes', () => {
  it('X-4 with the counterpart and that day\'s 带班 agreeing, the counterpart takes the duty; the 带班 is recorded by name', () => {
    const before = structuredClone(roster)
    const r = swapDuty(roster, req, agreed('2026-10-09'), opts)
    if (!r.ok) throw new Error(r.reason)
    expect(on(r.assignments, '2026-10-09', '主班')).toBe(counterpart)
    const lead = on(roster, '2026-10-09', '带班')
    expect(r.consents).toEqual([{ date: '2026-10-09', role: '带班', personId: lead, name: `人员${lead}号` }])
    expect(r.record).toBe(`办公室工作惯例：2026年10月9日主班由人员${counterpart}号替人员${requester}号值班；对方已同意，2026年10月9日带班人员${lead}号已同意。`)
    expect(roster).toEqual(before)
  })

  it('X-4 an exchange (换班) needs the 带班 of both dates, each named in the record', () => {
    const r = swapDuty(roster, { ...req, returnDate: back.date }, agreed('2026-10-09', back.date), opts)
    if (!r.ok) throw new Error(r.reason)
    expect(on(r.assignments, '2026-10-09', '主班')).toBe(counterpart)
    expect(on(r.assignments, back.date, back.role)).toBe(requester)
    expect(r.consents.map((c) => [c.date, c.personId])).toEqual([['2026-10-09', on(roster, '2026-10-09', '带班')], [back.date, on(roster, back.date, '带班')]])
  })

  it('X-4 today\'s shift can still be given to a substitute', () => {
    expect(swapDuty(roster, req, agreed('2026-10-09'), { ...opts, today: '2026-10-09' }).ok).toBe(true)
  })

  const otherLead = (date: string) => leads.map((l) => l.personId).find((p) => p !== on(roster, date, '带班'))!
  it.each([
    ['the shift given away is already past', req, agreed('2026-10-09'), { today: '2026-10-10' }, /^办公室工作惯例：不能换班——2026年10月9日的值班已经过去，只能调换今天及以后的值班$/],
    ['the date taken back is already past', { ...req, date: back.date, requesterId: counterpart, counterpartId: requester, returnDate: '2026-10-09' }, agreed(back.date, '2026-10-09'), { today: '2026-10-10' }, /2026年10月9日的值班已经过去/],
    ['the counterpart has not accepted', req, { ...agreed('2026-10-09'), counterpartAccepted: false }, {}, /须经对方.*同意，对方尚未同意/],
    ['no 带班 has consented', req, { counterpartAccepted: true, leadConsents: [] }, {}, /须经2026年10月9日带班人员\d+号同意，尚未同意/],
    ['one 带班 consents for an exchange whose dates have different 带班', { ...req, returnDate: back.date }, agreed('2026-10-09'), {}, new RegExp(`须经${back.date.slice(0, 4)}年10月${Number(back.date.slice(8))}日带班`)],
    ['the consent is given by someone not that day\'s 带班', req, { counterpartAccepted: true, leadConsents: [{ date: '2026-10-09', personId: otherLead('2026-10-09') }] }, {}, /2026年10月9日的带班是人员\d+号，不是人员\d+号；须由当日带班本人同意/],
    ['the counterpart is already on duty that day', { ...req, counterpartId: on(roster, '2026-10-09', '副班') }, agreed('2026-10-09'), {}, /已有值班安排/],
    ['the counterpart is away that day', req, agreed('2026-10-09'), { absences: [away(counterpart, '2026-10-09')] }, /外出（出差）/],
    ['the requester has no duty that day', { ...req, date: '2026-10-10' }, agreed('2026-10-10'), {}, /没有值班安排/],
  ])('X-4 refused when %s', (_why, request, consent, extra, message) => {
    const r = swapDuty(roster, request, consent, { ...opts, ...extra })
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.reason).toMatch(message)
  })

  it('X-4 on the leaders\' roster the two leaders are the day\'s 带班 themselves: no other consent is asked', () => {
    const leaders: DutyAssignment[] = [{ date: '2026-10-01', role: '带班领导', personId: 1 }, { date: '2026-10-02', role: '带班领导', personId: 2 }]
    const r = swapDuty(leaders, { requesterId: 1, counterpartId: 3, date: '2026-10-01' }, { counterpartAccepted: true, leadConsents: [] }, { today: '2026-09-30' })
    expect(r).toMatchObject({ ok: true, consents: [], record: expect.stringMatching(/；对方已同意。$/) })
  })
})
