/** The duty log (值班记录), handover notes (交接班) and exclusions (不排班日期) (X-4). */
import { and, asc, desc, eq, gte, lt, or, sql, type SQLWrapper } from 'drizzle-orm'
import type { ReadDb } from '../db/connection'
import type { ActionContext } from '../kernel/procedure'
import { AppError } from '../kernel/errors'
import { deleteAudited, insertAudited, requireById } from '../kernel/audited'
import { addDays } from '../common/dates'
import { officeMinute } from '../common/office-time'
import { people } from '../org/schema'
import { dutyExclusions, dutyHandover, dutyLog } from './schema'
import { contacts, loadExclusions } from './pools'
import type { DutyLogInput, ExclusionInput, HandoverInput } from './contract'

export const addLogEntry = (ctx: ActionContext, input: DutyLogInput) =>
  insertAudited(ctx, dutyLog, '值班记录', { ...input, at: input.at ?? officeMinute(ctx.clock.now()), urgent: input.urgent ?? false, recordedBy: ctx.user?.displayName ?? null })

/** LIKE treats % and _ as wildcards: escape them so a search for "50%" means what it says. */
const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

/**
 * 值班记录 of a period (dates inclusive, by the entry's time), optionally containing `text` in
 * the content, handling or caller's unit, name or phone. Most Chinese queries are two characters,
 * which FTS5's trigram tokenizer cannot match, so this is a plain LIKE over a date-bounded range.
 */
export function searchLog(db: ReadDb, input: { from: string; to: string; text?: string | null; urgentOnly?: boolean }) {
  const t = input.text ? likeText(input.text) : null
  const match = (col: SQLWrapper) => sql`${col} LIKE ${t} ESCAPE '\\'`
  return db.select().from(dutyLog).where(and(
    gte(dutyLog.at, input.from), lt(dutyLog.at, addDays(input.to, 1)),
    input.urgentOnly ? eq(dutyLog.urgent, true) : undefined,
    t ? or(match(dutyLog.content), match(dutyLog.handling), match(dutyLog.callerUnit), match(dutyLog.callerName), match(dutyLog.callerPhone)) : undefined,
  )).orderBy(desc(dutyLog.at), desc(dutyLog.id)).limit(500).all()
}

export function addHandover(ctx: ActionContext, input: HandoverInput) {
  if (input.fromPersonId) requireById(ctx.db, people, input.fromPersonId, '交班人')
  if (input.toPersonId) requireById(ctx.db, people, input.toPersonId, '接班人')
  return insertAudited(ctx, dutyHandover, '交接班', { ...input, at: ctx.clock.now().toISOString() })
}

/** 交接班 notes of a period, optionally only those whose note contains `text` (as the log is searched). */
export function listHandovers(db: ReadDb, from: string, to: string, text?: string | null) {
  const names = contacts(db)
  const name = (id: number | null) => (id === null ? null : names.get(id)?.name ?? null)
  return db.select().from(dutyHandover).where(and(
    gte(dutyHandover.date, from), lt(dutyHandover.date, addDays(to, 1)),
    text ? sql`${dutyHandover.note} LIKE ${likeText(text)} ESCAPE '\\'` : undefined,
  )).orderBy(asc(dutyHandover.date), asc(dutyHandover.id)).all()
    .map((h) => ({ ...h, fromName: name(h.fromPersonId), toName: name(h.toPersonId) }))
}

export function listExclusions(db: ReadDb, from?: string, to?: string) {
  const names = contacts(db)
  return loadExclusions(db, from, to).map((e) => ({ ...e, name: names.get(e.personId)?.name ?? null }))
}

export function saveExclusion(ctx: ActionContext, input: ExclusionInput) {
  requireById(ctx.db, people, input.personId, '人员')
  const existing = ctx.db.select().from(dutyExclusions).where(and(eq(dutyExclusions.personId, input.personId), eq(dutyExclusions.date, input.date))).get()
  if (existing) throw new AppError('CONFLICT', '该人员当日已登记不排班')
  return insertAudited(ctx, dutyExclusions, '不排班日期', input)
}

export const deleteExclusion = (ctx: ActionContext, id: number) => { deleteAudited(ctx, dutyExclusions, '不排班日期', id) }
