import { count } from 'drizzle-orm'
import type { Db } from '../../db/connection'
import type { AuditTrail } from '../../kernel/audit-trail'
import { DEFAULT_MEETING_TYPES } from './config'
import { meetingTypes } from '../schema'

/**
 * A new database gets the working rules' meeting types (第三十七—四十三条) when the core opens, recorded in the
 * audit trail; never by a query, so scheduling a meeting on a fresh database finds its type.
 */
export function seedMeetingTypesIfEmpty(db: Db, trail: AuditTrail): void {
  if (db.select({ n: count() }).from(meetingTypes).get()!.n > 0) return
  const rows = db.insert(meetingTypes)
    .values(DEFAULT_MEETING_TYPES.map((t, i) => ({ kind: t.kind, name: t.name, config: JSON.stringify(t), sortOrder: i })))
    .returning({ id: meetingTypes.id, name: meetingTypes.name }).all()
  for (const r of rows) trail.record({ entity: '会议类别', id: r.id, after: { 名称: r.name, 来源: '按工作规则预设' } })
}
