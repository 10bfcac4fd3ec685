/**
 * The holiday calendar is kept per connection (calendar/service.ts loadCalendar, X-6): every register row counts its
 * working days with it. It must survive the writes that do not touch it — an audit record of a 秘密 meeting opened,
 * a 签收 — and must never outlive a change to the holiday data, here or by another process (issue 20).
 */
import { describe, expect, it } from 'vitest'
import { seededOffice } from '../helpers/seeded-office'
import { openConnection } from '../../src-main/db/connection'
import { loadCalendar } from '../../src-main/calendar/service'

const office = seededOffice({ today: '2026-11-10', seed: 3, scale: 0.002 })
const sqlite = () => office.conn.sqlite

describe('the calendar kept per connection', () => {
  it('is kept across writes to other tables (an audit record, a 收文 changed)', () => {
    const first = loadCalendar(office.conn.db)
    sqlite().prepare("INSERT INTO audit_log (at, procedure) VALUES ('2026-11-10T01:00:00.000Z', 'topics.list')").run()
    sqlite().prepare("UPDATE incoming_documents SET title = title || '' WHERE id = (SELECT min(id) FROM incoming_documents)").run()
    expect(loadCalendar(office.conn.db)).toBe(first)
  })

  it('is read again once a day of the holiday data is changed on this connection', () => {
    const first = loadCalendar(office.conn.db)
    expect(first.days.get('2026-10-01')?.kind).toBe('放假')
    sqlite().prepare("UPDATE calendar_days SET name = '国庆节（更正）' WHERE date = '2026-10-01'").run()
    const again = loadCalendar(office.conn.db)
    expect(again).not.toBe(first)
    expect(again.days.get('2026-10-01')?.name).toBe('国庆节（更正）')
  })

  it('is read again once another process changes the holiday data', () => {
    const first = loadCalendar(office.conn.db)
    const other = openConnection(office.conn.sqlite.name)
    try {
      expect(other.sqlite.prepare("DELETE FROM calendar_days WHERE date = '2026-10-02'").run().changes).toBe(1)
    } finally {
      other.sqlite.close()
    }
    const again = loadCalendar(office.conn.db)
    expect(again).not.toBe(first)
    expect(again.days.has('2026-10-02')).toBe(false)
  })
})
