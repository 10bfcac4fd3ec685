/**
 * 首页's 公文到期提醒 (R-D7) on a generated office with years of forgotten open items: the card gets the most pressing
 * DUE_SOON_SHOWN, overdue first, and the totals of all of them (issue 7: 2,759 items were listed before).
 */
import { describe, expect, it } from 'vitest'
import { seededOffice } from '../helpers/seeded-office'
import { dueSoon, DUE_SOON_SHOWN } from '../../src-main/documents/incoming/due-soon'
import { loadSessionUser } from '../../src-main/auth/sessions'
import type { Reader } from '../../src-main/security/clearance'
import { loadCalendar } from '../../src-main/calendar/service'
import { intakeDeadline } from '../../src-main/documents/incoming/rules'

const TODAY = '2026-11-10'
const reader = (username: string): Reader => {
  const id = office.conn.sqlite.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as number
  return { db: office.conn.db, user: loadSessionUser(office.conn.db, id) }
}

const office = seededOffice({ today: TODAY, seed: 5, scale: 0.02 })

/** Every open 收文 or pending 承办 past its deadline, counted the plain way (one per 承办, or per document without one). */
function overdueByHand(levels: string[]): number {
  const inList = levels.map((l) => `'${l}'`).join(', ')
  const work = office.conn.sqlite.prepare(`SELECT count(*) FROM assignments a JOIN incoming_documents d ON d.id = a.document_id
    WHERE a.feedback_on IS NULL AND a.deadline < ? AND d.status = '承办中' AND d.classification IN (${inList})`).pluck().get(TODAY) as number
  const docs = office.conn.sqlite.prepare(`SELECT count(*) FROM incoming_documents d WHERE d.status IN ('已拟办', '批示中', '承办中') AND d.deadline < ? AND d.classification IN (${inList})
    AND NOT (d.status = '承办中' AND EXISTS (SELECT 1 FROM assignments p WHERE p.document_id = d.id AND p.feedback_on IS NULL AND p.deadline <= ?))`).pluck().get(TODAY, '9999') as number
  // Papers still waiting for 初审 or 拟办 (issue 16), each checked day by day against its intake deadline.
  const cal = loadCalendar(office.conn.db)
  const waiting = office.conn.sqlite.prepare(`SELECT received_at AS receivedAt, urgency FROM incoming_documents WHERE status = '已登记' AND classification IN (${inList})`).all() as { receivedAt: string; urgency: '无' | '加急' | '特急' }[]
  const intake = waiting.filter((d) => intakeDeadline(cal, d) < TODAY).length
  return work + docs + intake
}

describe('首页 公文到期提醒 on years of data (R-D7)', () => {
  it('lists the most pressing items, overdue first by deadline, and counts all of them', () => {
    const due = dueSoon(reader('kezhang'), TODAY)
    expect(due.total).toBeGreaterThan(DUE_SOON_SHOWN)
    expect(due.items).toHaveLength(DUE_SOON_SHOWN)
    const deadlines = due.items.map((i) => i.deadline)
    expect([...deadlines].sort()).toEqual(deadlines)
    expect(due.items[0].timing.state).toBe('逾期')
    expect(due.overdue).toBe(overdueByHand(['无', '秘密', '机密']))
  })

  it('lists papers still waiting for 初审 or 拟办, due from their 签收 (issue 16)', () => {
    const due = dueSoon(reader('kezhang'), TODAY)
    const waiting = office.conn.sqlite.prepare(`SELECT count(*) FROM incoming_documents WHERE status = '已登记'`).pluck().get() as number
    expect(waiting).toBeGreaterThan(0)
    expect(due.items.some((i) => i.chaseWhom === '办公室：待初审' || i.chaseWhom === '办公室：已初审，待拟办')).toBe(true)
  })

  it('counts for a 内部 reader only what the reader may see', () => {
    const low = dueSoon(reader('chayue'), TODAY)
    expect(low.overdue).toBe(overdueByHand(['无']))
    expect(low.total).toBeLessThan(dueSoon(reader('kezhang'), TODAY).total)
  })
})
