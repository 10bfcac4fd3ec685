import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { people } from '../org/schema'
import { ROSTER_KINDS, ROSTER_STATES, DUTY_ROLES, DUTY_CHANGE_KINDS } from '../common/duty'

export const rosters = sqliteTable('rosters', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ROSTER_KINDS }).notNull(),
  title: text('title').notNull(),
  fromDate: text('from_date').notNull(),
  toDate: text('to_date').notNull(),
  status: text('status', { enum: ROSTER_STATES }).notNull().default('草稿'),
  publishedAt: text('published_at'),
  createdAt: text('created_at').notNull(),
}, (t) => [index('rosters_period_idx').on(t.fromDate, t.toDate)])

export const dutyAssignments = sqliteTable('duty_assignments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  rosterId: integer('roster_id').notNull().references(() => rosters.id, { onDelete: 'cascade' }),
  date: text('date').notNull(),
  role: text('role', { enum: DUTY_ROLES }).notNull(),
  personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
}, (t) => [
  uniqueIndex('duty_assignments_slot_idx').on(t.rosterId, t.date, t.role),
  index('duty_assignments_date_idx').on(t.date),
  index('duty_assignments_person_idx').on(t.personId),
])

/** Dates a person cannot take a duty (本人申请不排班). */
export const dutyExclusions = sqliteTable('duty_exclusions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  date: text('date').notNull(),
  reason: text('reason'),
}, (t) => [uniqueIndex('duty_exclusions_person_date_idx').on(t.personId, t.date), index('duty_exclusions_date_idx').on(t.date)])

/** every swap, substitute and edit after publishing, with who agreed. */
export const dutyChanges = sqliteTable('duty_changes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  rosterId: integer('roster_id').notNull().references(() => rosters.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: DUTY_CHANGE_KINDS }).notNull(),
  requesterId: integer('requester_id').references(() => people.id, { onDelete: 'set null' }),
  counterpartId: integer('counterpart_id').references(() => people.id, { onDelete: 'set null' }),
  /** The dates concerned, comma-separated (YYYY-MM-DD). */
  dates: text('dates').notNull(),
  counterpartAccepted: integer('counterpart_accepted', { mode: 'boolean' }).notNull().default(false),
  leadConsented: integer('lead_consented', { mode: 'boolean' }).notNull().default(false),
  note: text('note'),
  at: text('at').notNull(),
}, (t) => [index('duty_changes_roster_idx').on(t.rosterId, t.at)])

/**
 * who consented to a swap for each date it touches — the 带班 of that date, by name. One 带班 may not answer for
 * another's day; the name is kept as given so the record reads the same after the person leaves.
 */
export const dutyChangeConsents = sqliteTable('duty_change_consents', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  changeId: integer('change_id').notNull().references(() => dutyChanges.id, { onDelete: 'cascade' }),
  date: text('date').notNull(),
  /** The role the consenting person held that day (带班 on the office's roster). */
  role: text('role', { enum: DUTY_ROLES }).notNull(),
  personId: integer('person_id').references(() => people.id, { onDelete: 'set null' }),
  name: text('name').notNull(),
}, (t) => [index('duty_change_consents_change_idx').on(t.changeId)])

/** 值班记录: one row per call or event during a shift. */
export const dutyLog = sqliteTable('duty_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  callerUnit: text('caller_unit'),
  callerName: text('caller_name'),
  callerPhone: text('caller_phone'),
  content: text('content').notNull(),
  handling: text('handling'),
  notified: text('notified'),
  followUp: text('follow_up'),
  urgent: integer('urgent', { mode: 'boolean' }).notNull().default(false),
  recordedBy: text('recorded_by'),
}, (t) => [index('duty_log_at_idx').on(t.at)])

/** 交接班: the note at the end of each shift. */
export const dutyHandover = sqliteTable('duty_handover', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  date: text('date').notNull(),
  shift: text('shift'),
  note: text('note').notNull(),
  fromPersonId: integer('from_person_id').references(() => people.id, { onDelete: 'set null' }),
  toPersonId: integer('to_person_id').references(() => people.id, { onDelete: 'set null' }),
  at: text('at').notNull(),
}, (t) => [index('duty_handover_date_idx').on(t.date)])
