import { sqliteTable, integer, text, index, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { POST_KINDS, DEPARTMENT_KINDS } from '../common/org'

export const people = sqliteTable('people', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  officePhone: text('office_phone'),
  mobile: text('mobile'),
  note: text('note'),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  /** 归档 (turnover, staff leaving): gone from pickers, kept by name on every past record. */
  archivedOn: text('archived_on'),
  archiveReason: text('archive_reason'),
})

export const departments = sqliteTable('departments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: DEPARTMENT_KINDS }).notNull(),
  /** 分管领导岗位: the post whose portfolio covers this department (R-D3). */
  supervisorPostId: integer('supervisor_post_id').references((): AnySQLiteColumn => posts.id, { onDelete: 'set null' }),
  phone: text('phone'),
  sortOrder: integer('sort_order').notNull().default(0),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
}, (t) => [index('departments_supervisor_idx').on(t.supervisorPostId)])

export const posts = sqliteTable('posts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  title: text('title').notNull(),
  kind: text('kind', { enum: POST_KINDS }).notNull(),
  departmentId: integer('department_id').references(() => departments.id, { onDelete: 'cascade' }),
  holderId: integer('holder_id').references(() => people.id, { onDelete: 'set null' }),
  /** 负责常务工作的副市长 (R-P1). */
  isExecutive: integer('is_executive', { mode: 'boolean' }).notNull().default(false),
  /** 分管领域, in the office's words. */
  portfolio: text('portfolio'),
  sortOrder: integer('sort_order').notNull().default(0),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
}, (t) => [index('posts_holder_idx').on(t.holderId), index('posts_department_idx').on(t.departmentId)])

/** AB角 (R-P3): a post belongs to at most one pair. */
export const abPairs = sqliteTable('ab_pairs', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  postAId: integer('post_a_id').notNull().unique().references(() => posts.id, { onDelete: 'cascade' }),
  postBId: integer('post_b_id').notNull().unique().references(() => posts.id, { onDelete: 'cascade' }),
})

/**
 * 任职记录: who held a post from which day to which day, so a past record (minutes, 批示, signatures, rosters) and the
 * rules on a past day read the holder of that day. from_date null: since before the records began; to_date null: still
 * in office. posts.holder_id is kept equal to today's holder (changes are recorded on or before the day they are made).
 */
export const postHoldings = sqliteTable('post_holdings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  postId: integer('post_id').notNull().references(() => posts.id, { onDelete: 'cascade' }),
  // No cascade: a person who ever held a post is archived, never deleted.
  personId: integer('person_id').notNull().references(() => people.id),
  fromDate: text('from_date'),
  toDate: text('to_date'),
  /** 任职依据 (e.g. 市人大常委会任命), as entered. */
  reason: text('reason'),
  /** 离任依据, when the post fell vacant or its holder was archived (a successor's own 依据 explains the rest). */
  endReason: text('end_reason'),
}, (t) => [index('post_holdings_post_idx').on(t.postId, t.fromDate), index('post_holdings_person_idx').on(t.personId)])
