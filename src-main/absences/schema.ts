import { sqliteTable, integer, text, index, primaryKey } from 'drizzle-orm/sqlite-core'
import { people } from '../org/schema'
import { ABSENCE_KINDS, APPROVAL_STATES } from '../common/absences'

export const absences = sqliteTable('absences', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ABSENCE_KINDS }).notNull(),
  startDate: text('start_date').notNull(),
  endDate: text('end_date').notNull(),
  destination: text('destination'),
  reason: text('reason'),
  /** 代行人 as filed with the office (R-P5); empty means "by the rules". */
  actingPersonId: integer('acting_person_id').references(() => people.id, { onDelete: 'set null' }),
  approval: text('approval', { enum: APPROVAL_STATES }).notNull().default('待批'),
  approvedById: integer('approved_by_id').references(() => people.id, { onDelete: 'set null' }),
  approvedOn: text('approved_on'),
  note: text('note'),
  createdAt: text('created_at').notNull(),
}, (t) => [index('absences_period_idx').on(t.startDate, t.endDate), index('absences_person_idx').on(t.personId)])

/** Whom the leader reported to or asked (R-P5). */
export const absenceReports = sqliteTable('absence_reports', {
  absenceId: integer('absence_id').notNull().references(() => absences.id, { onDelete: 'cascade' }),
  personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.absenceId, t.personId] })])
