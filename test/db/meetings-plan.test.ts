/**
 * Opening a meeting (会议详情、议程、出席、纪要) stays fast on ten years of meetings only if every query it runs
 * reaches its rows through an index. These tests read the query plans (EXPLAIN QUERY PLAN) of the prepared
 * statements in src-main/meetings/statements.ts on a freshly migrated database, where SQLite keeps no statistics,
 * as in the office. Timings on 6,000 meetings and 60,000 topics: `npm run bench -- --only 会议`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { openConnection, type Connection } from '../../src-main/db/connection'
import { migrateDatabase } from '../../src-main/db/migrate'
import { MEETING_PAGE_STATEMENTS } from '../../src-main/meetings/statements'
import { followUpCountsQuery } from '../../src-main/followups/sources'

let dir: string
let conn: Connection

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanban-meetings-plan-'))
  conn = openConnection(join(dir, 'sanban.sqlite'))
  migrateDatabase(conn.sqlite, resolve(__dirname, '../../drizzle'), join(dir, 'backups'))
})
afterAll(() => { conn.sqlite.close(); rmSync(dir, { recursive: true, force: true }) })

type Name = keyof typeof MEETING_PAGE_STATEMENTS
/** The plan of one statement, its parameters bound to any value (the plan does not depend on them). */
function plan(name: Name): string[] {
  const { sql, params } = MEETING_PAGE_STATEMENTS[name](conn.db).getQuery()
  return conn.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params.map(() => 1)).map((r) => (r as { detail: string }).detail)
}
/** A table read row by row from its start, not reached through an index. */
const scans = (p: string[]) => p.filter((d) => /^SCAN /.test(d))

describe('opening a meeting reads only its own rows', () => {
  it('every statement the meeting page runs searches an index; none scans a table', () => {
    for (const name of Object.keys(MEETING_PAGE_STATEMENTS) as Name[]) expect({ name, scans: scans(plan(name)) }).toEqual({ name, scans: [] })
  })

  it('the meeting, its type and the minutes are found by key', () => {
    expect(plan('meeting')).toEqual(['SEARCH meetings USING INTEGER PRIMARY KEY (rowid=?)'])
    expect(plan('type')).toEqual(['SEARCH meeting_types USING INTEGER PRIMARY KEY (rowid=?)'])
    expect(plan('minutes')).toEqual(['SEARCH minutes USING INDEX minutes_meeting_id_unique (meeting_id=?)'])
    expect(plan('attendance')).toEqual(['SEARCH attendance USING INDEX attendance_meeting_person_idx (meeting_id=?)'])
  })

  it('the topics come from the meeting-and-order index already in agenda order, without a sort', () => {
    expect(plan('topics')).toEqual(['SEARCH topics USING INDEX topics_meeting_idx (meeting_id=?)'])
    expect(plan('liveByLevel')[0]).toBe('SEARCH topics USING INDEX topics_meeting_idx (meeting_id=?)')
    for (const name of ['units', 'files', 'moves'] as const) expect(plan(name)[0]).toBe('SEARCH topics USING COVERING INDEX topics_meeting_idx (meeting_id=?)')
    expect(plan('units')).toContain('SEARCH topic_units USING COVERING INDEX sqlite_autoindex_topic_units_1 (topic_id=?)')
    expect(plan('moves')).toContain('SEARCH topic_moves USING INDEX topic_moves_topic_idx (topic_id=?)')
  })

  it('the last meeting of the type is one step back in the type-and-date index, not every meeting of ten years sorted', () => {
    expect(plan('lastOfType')).toEqual(['SEARCH meetings USING INDEX meetings_type_date_idx (type_id=? AND date<?)'])
    expect(plan('sameDay')).toEqual(['SEARCH meetings USING INDEX meetings_date_idx (date=?)'])
  })

  it('the decisions come in order from their index, and their 督办事项 from the source index one decision at a time', () => {
    expect(plan('decisions')).toEqual(['SEARCH meeting_decisions USING INDEX meeting_decisions_minutes_idx (minutes_id=?)'])
    const { sql, params } = followUpCountsQuery(conn.db, '会议纪要', [1, 2, 3]).toSQL()
    const counts = conn.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params).map((r) => (r as { detail: string }).detail)
    expect(counts[0]).toBe('SEARCH follow_ups USING COVERING INDEX follow_ups_source_idx (source=? AND source_id=?)')
  })

  it('absences and the calendar read the meeting day and its two years only', () => {
    expect(plan('absences')).toEqual(['SEARCH absences USING INDEX absences_period_idx (start_date<?)'])
    expect(plan('years')).toEqual(['SEARCH holiday_years USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)'])
    expect(plan('days')).toEqual(['SEARCH calendar_days USING INDEX calendar_days_year_idx (year>? AND year<?)'])
  })
})
