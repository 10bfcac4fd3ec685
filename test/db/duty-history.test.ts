/**
 * The fairness counts beside a roster over ten years of published duty (X-4, R-W2, issue 7): SQL counts them per
 * person and role, and they must come out as counting every duty day by day does.
 */
import { describe, expect, it } from 'vitest'
import { seededOffice } from '../helpers/seeded-office'
import { loadCalendar } from '../../src-main/calendar/service'
import { fairnessCounts, type DutyAssignment } from '../../src-main/duty/rules'
import { publishedHistory } from '../../src-main/duty/pools'
import { getRoster, getRosterWithFairness } from '../../src-main/duty/service'

const TODAY = '2026-11-10'

const office = seededOffice({ today: TODAY, seed: 7, scale: 0.02 })

const latestOfficeRoster = () => office.conn.sqlite.prepare("SELECT id FROM rosters WHERE kind = '办公室值班' AND status = '已发布' ORDER BY from_date DESC LIMIT 1").pluck().get() as number

/** Every other published 办公室值班 duty, counted one by one. */
function historyByHand(exceptId: number) {
  const rows = office.conn.sqlite.prepare(`SELECT a.date, a.role, a.person_id AS personId FROM duty_assignments a JOIN rosters r ON r.id = a.roster_id
    WHERE r.kind = '办公室值班' AND r.status = '已发布' AND r.id <> ?`).all(exceptId) as DutyAssignment[]
  return fairnessCounts(rows, loadCalendar(office.conn.db))
}

describe('fairness history over years of published rosters (X-4)', () => {
  it('counts each earlier duty once, 法定节假日 apart, as counting them day by day does (X-4)', () => {
    const id = latestOfficeRoster()
    const history = publishedHistory(office.conn.db, '办公室值班', id)
    expect(history.some((r) => r.holiday > 0) && history.some((r) => r.ordinary > 100)).toBe(true)
    expect(history).toEqual(historyByHand(id))
  })

  it('shows the page the printed roster with the fairness counts beside it', () => {
    const id = latestOfficeRoster()
    const { fairness, today, ...printed } = getRosterWithFairness(office.conn.db, id, '2026-12-06')
    expect(today).toBe('2026-12-06')
    expect(printed).toEqual(getRoster(office.conn.db, id))
    expect(fairness.length).toBeGreaterThan(0)
    expect(fairness.every((r) => r.name && !r.name.startsWith('人员'))).toBe(true)
  })

  it('counts duties in a year whose 节假日 were deleted as ordinary days (暂定) until the year is entered again (R-W2, X-6)', () => {
    const id = latestOfficeRoster()
    const publishedHistoryHolidays = publishedHistory(office.conn.db, '办公室值班', id).reduce((n, r) => n + r.holiday, 0)
    // A year in which someone did 办公室值班 on a 法定节假日: deleting it must change the counts.
    const year = Number(String(office.conn.sqlite.prepare(`SELECT min(a.date) FROM duty_assignments a JOIN rosters r ON r.id = a.roster_id
      JOIN calendar_days c ON c.date = a.date AND c.kind = '放假' WHERE r.status = '已发布' AND r.kind = '办公室值班' AND r.id <> ?`).pluck().get(id)).slice(0, 4))
    office.conn.sqlite.exec('SAVEPOINT gone')
    try {
      office.conn.sqlite.prepare('DELETE FROM holiday_years WHERE year = ?').run(year)
      const provisional = publishedHistory(office.conn.db, '办公室值班', id)
      expect(provisional).toEqual(historyByHand(id))
      expect(provisional.reduce((n, r) => n + r.holiday, 0)).toBeLessThan(publishedHistoryHolidays)
      expect(getRosterWithFairness(office.conn.db, id, '2026-12-06').fairness.length).toBeGreaterThan(0)
    } finally {
      office.conn.sqlite.exec('ROLLBACK TO gone; RELEASE gone')
    }
    expect(publishedHistory(office.conn.db, '办公室值班', id)).toEqual(historyByHand(id))
  })
})
