import { describe, expect, it } from 'vitest'
import { officeClockText, officeDate, officeDateTimeText, officeDayStart, officeInstant, officeMinute, officeStamp } from '../../src-main/common/office-time'
import { formatDateTime, todayIso } from '../../src-renderer/lib/format'

/* Issue 14 §5: the office's clock everywhere, whatever zone the server or the reading PC is set to. */
describe('the office\'s clock (Asia/Shanghai)', () => {
  it.each([
    ['just before midnight in the city', '2026-12-31T15:59:59Z', '2026-12-31', '23:59', '20261231-235959', '2026年12月31日 23:59:59'],
    ['midnight in the city is the next day already', '2026-12-31T16:00:00Z', '2027-01-01', '00:00', '20270101-000000', '2027年1月1日 00:00:00'],
    ['the lock-out example of the issue', '2026-11-25T09:16:00Z', '2026-11-25', '17:16', '20261125-171600', '2026年11月25日 17:16:00'],
    ['an instant given with another zone\'s offset', '2026-06-01T08:30:00-04:00', '2026-06-01', '20:30', '20260601-203000', '2026年6月1日 20:30:00'],
  ])('%s', (_what, iso, date, clock, stamp, text) => {
    const at = new Date(iso)
    expect(officeDate(at)).toBe(date)
    expect(officeClockText(at)).toBe(clock)
    expect(officeMinute(at)).toBe(`${date} ${clock}`)
    expect(officeStamp(at)).toBe(stamp)
    expect(officeDateTimeText(at, true)).toBe(text)
  })

  it.each([
    ['2026-03-01', '2026-02-28T16:00:00.000Z'], ['2027-01-01', '2026-12-31T16:00:00.000Z'], ['2024-03-01', '2024-02-29T16:00:00.000Z'],
  ])('the office day %s starts at %s, and the office reads that instant as the day itself', (date, iso) => {
    expect(officeDayStart(date)).toBe(iso)
    expect(officeDate(new Date(iso))).toBe(date)
    expect(officeDate(new Date(new Date(iso).getTime() - 1))).not.toBe(date)
    expect(officeInstant(date, '02:00').toISOString()).toBe(new Date(new Date(iso).getTime() + 2 * 3_600_000).toISOString())
  })

  it('the pages show a timestamp on the office\'s clock, not the PC\'s', () => {
    // The test process runs in the machine's zone (UTC here); the page must not follow it.
    expect(formatDateTime('2026-11-25T09:16:00Z')).toBe('2026年11月25日 17:16')
    expect(todayIso(new Date('2026-12-31T16:30:00Z'))).toBe('2027-01-01')
  })
})
