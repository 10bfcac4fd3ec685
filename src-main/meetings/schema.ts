import { sql } from 'drizzle-orm'
import { sqliteTable, integer, text, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core'
import { departments, people, posts } from '../org/schema'
import { storedFiles } from '../files/schema'
import { MEETING_KINDS, HALF_DAYS, MEETING_STATES, TOPIC_FILE_KINDS, ATTENDANCE_ROLES, ATTENDANCE_STATES, LEAVE_ANSWERS, MINUTES_STATES } from '../common/meetings'
import { CLASSIFICATIONS } from '../common/classification'

/** 会议类别 as settings: the JSON is a MeetingType (./types), edited by the office, never hard-coded. */
export const meetingTypes = sqliteTable('meeting_types', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: MEETING_KINDS }).notNull(),
  name: text('name').notNull().unique(),
  config: text('config').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
})

export const meetings = sqliteTable('meetings', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  typeId: integer('type_id').notNull().references(() => meetingTypes.id, { onDelete: 'restrict' }),
  /** 第N次 (e.g. 市政府第12次常务会议); empty for meetings that are not counted. */
  session: integer('session'),
  /** 专题会议 and 全市性会议: what it is about. */
  subject: text('subject'),
  date: text('date').notNull(),
  halfDay: text('half_day', { enum: HALF_DAYS }).notNull(),
  startTime: text('start_time'),
  place: text('place'),
  chairPostId: integer('chair_post_id').references(() => posts.id, { onDelete: 'set null' }),
  /** 专题会议 held on a leader's behalf (R-M5: that leader may sign the minutes). */
  entrustingPostId: integer('entrusting_post_id').references(() => posts.id, { onDelete: 'set null' }),
  /** R-M8: the department holding a city-wide meeting. */
  departmentId: integer('department_id').references(() => departments.id, { onDelete: 'restrict' }),
  status: text('status', { enum: MEETING_STATES }).notNull().default('筹备'),
  /** 议程确定: after this a new topic needs the 市长's consent (R-M3). */
  agendaFixedOn: text('agenda_fixed_on'),
  /** R-M5: 资金、土地、规划、国有资产、人事编制 touched by a 专题会议, as a JSON array. */
  reservedMatters: text('reserved_matters').notNull().default('[]'),
  /** R-M5: 会前与相关领导协商一致 — when, and a note of with whom. */
  priorAgreementOn: text('prior_agreement_on'),
  priorAgreementNote: text('prior_agreement_note'),
  cancelReason: text('cancel_reason'),
  note: text('note'),
  /** 会务联系人 and 电话, printed on the 通知 and 议程. */
  contactName: text('contact_name'),
  contactPhone: text('contact_phone'),
  /** People added by hand beyond the type's list (a 专题会议's 参会人员 and 列席), as JSON [{ personId, role }]. */
  participants: text('participants').notNull().default('[]'),
  createdAt: text('created_at').notNull(),
}, (t) => [index('meetings_date_idx').on(t.date), index('meetings_type_date_idx').on(t.typeId, t.date)])

/** 议题 (R-M3): submitted by a department through its 分管副市长. */
export const topics = sqliteTable('topics', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  meetingId: integer('meeting_id').notNull().references(() => meetings.id, { onDelete: 'restrict' }),
  sortOrder: integer('sort_order').notNull().default(0),
  title: text('title').notNull(),
  departmentId: integer('department_id').notNull().references(() => departments.id, { onDelete: 'restrict' }),
  supervisorPostId: integer('supervisor_post_id').references(() => posts.id, { onDelete: 'set null' }),
  reporter: text('reporter'),
  deliveredOn: text('delivered_on').notNull(),
  /** 市长同意 for a late or unscheduled topic (R-M3): who and when. */
  consentBy: text('consent_by'),
  consentOn: text('consent_on'),
  /** Why the topic goes through a 副市长 other than the department's 分管 leader (recorded exception). */
  supervisorReason: text('supervisor_reason'),
  withdrawn: integer('withdrawn', { mode: 'boolean' }).notNull().default(false),
  withdrawReason: text('withdraw_reason'),
  /** 密级 of the topic's material: hidden from anyone whose clearance is lower. */
  classification: text('classification', { enum: CLASSIFICATIONS }).notNull().default('无'),
  createdAt: text('created_at').notNull(),
}, (t) => [index('topics_meeting_idx').on(t.meetingId, t.sortOrder)])

/** Departments and counties a topic involves: their heads attend as 列席 for it (R-M2). */
export const topicUnits = sqliteTable('topic_units', {
  topicId: integer('topic_id').notNull().references(() => topics.id, { onDelete: 'cascade' }),
  departmentId: integer('department_id').notNull().references(() => departments.id, { onDelete: 'restrict' }),
}, (t) => [primaryKey({ columns: [t.topicId, t.departmentId] })])

export const topicFiles = sqliteTable('topic_files', {
  topicId: integer('topic_id').notNull().references(() => topics.id, { onDelete: 'cascade' }),
  fileId: integer('file_id').notNull().references(() => storedFiles.id, { onDelete: 'restrict' }),
  kind: text('kind', { enum: TOPIC_FILE_KINDS }).notNull(),
}, (t) => [primaryKey({ columns: [t.topicId, t.fileId] })])

/** A topic moved to a later meeting keeps where it was and why. */
export const topicMoves = sqliteTable('topic_moves', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  topicId: integer('topic_id').notNull().references(() => topics.id, { onDelete: 'cascade' }),
  fromMeetingId: integer('from_meeting_id').notNull().references(() => meetings.id, { onDelete: 'restrict' }),
  toMeetingId: integer('to_meeting_id').notNull().references(() => meetings.id, { onDelete: 'restrict' }),
  reason: text('reason'),
  at: text('at').notNull(),
}, (t) => [index('topic_moves_topic_idx').on(t.topicId)])

export const attendance = sqliteTable('attendance', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  meetingId: integer('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  personId: integer('person_id').notNull().references(() => people.id, { onDelete: 'restrict' }),
  role: text('role', { enum: ATTENDANCE_ROLES }).notNull(),
  status: text('status', { enum: ATTENDANCE_STATES }).notNull(),
  leaveReason: text('leave_reason'),
  /** R-M4: whom they asked (the 市长, or the chair), resolved with the acting rules on the day. */
  askedPersonId: integer('asked_person_id').references(() => people.id, { onDelete: 'set null' }),
  answer: text('answer', { enum: LEAVE_ANSWERS }),
  /** R-M4: why the leave was asked of someone other than the rule's person (a recorded exception). */
  askeeException: text('askee_exception'),
  substitute: text('substitute'),
  note: text('note'),
}, (t) => [uniqueIndex('attendance_meeting_person_idx').on(t.meetingId, t.personId)])

/** 纪要 (R-M5): drafted, signed off by the person the rule names, then numbered in the type's series. */
export const minutes = sqliteTable('minutes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  meetingId: integer('meeting_id').notNull().unique().references(() => meetings.id, { onDelete: 'restrict' }),
  opening: text('opening').notNull(),
  /** 出席/请假/列席 as printed: filled from attendance, editable (JSON). */
  attendanceText: text('attendance_text').notNull().default('{}'),
  distribution: text('distribution'),
  status: text('status', { enum: MINUTES_STATES }).notNull().default('草稿'),
  /** R-M5 专题会议 on reserved matters: the 市长's consent before sign-off. */
  mayorConsentPersonId: integer('mayor_consent_person_id').references(() => people.id, { onDelete: 'set null' }),
  mayorConsentOn: text('mayor_consent_on'),
  signerPersonId: integer('signer_person_id').references(() => people.id, { onDelete: 'restrict' }),
  /** The signer's name and whom they acted for, as on the day (names can change later). */
  signerName: text('signer_name'),
  actingFor: text('acting_for'),
  signOpinion: text('sign_opinion'),
  signedOn: text('signed_on'),
  /** The series is the type's name; one counter per series per year, no gaps. */
  series: text('series'),
  numberYear: integer('number_year'),
  numberSeq: integer('number_seq'),
  numberText: text('number_text'),
  printedOn: text('printed_on'),
  updatedAt: text('updated_at').notNull(),
}, (t) => [
  uniqueIndex('minutes_number_idx').on(t.series, t.numberYear, t.numberSeq),
  // 待办 纪要待签发 (issue 17): the few drafts, without reading ten years of signed minutes and their long texts.
  index('minutes_draft_idx').on(t.meetingId).where(sql`status = '草稿'`),
])

/**
 * Corrections of a meeting after the fact (issue 15): reopening a held meeting, correcting attendance, leave or the
 * prior agreement, recording a consent late. Each names the act, what changed, the reason and who did it.
 */
export const meetingCorrections = sqliteTable('meeting_corrections', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  meetingId: integer('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  act: text('act').notNull(),
  detail: text('detail').notNull(),
  reason: text('reason').notNull(),
  by: text('by').notNull(),
  at: text('at').notNull(),
}, (t) => [index('meeting_corrections_meeting_idx').on(t.meetingId)])

/** 议定事项: one section of the minutes, usually one per topic. */
export const meetingDecisions = sqliteTable('meeting_decisions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  minutesId: integer('minutes_id').notNull().references(() => minutes.id, { onDelete: 'cascade' }),
  topicId: integer('topic_id').references(() => topics.id, { onDelete: 'set null' }),
  sortOrder: integer('sort_order').notNull().default(0),
  heading: text('heading').notNull(),
  text: text('text').notNull(),
}, (t) => [index('meeting_decisions_minutes_idx').on(t.minutesId, t.sortOrder)])
