/**
 * 统计's summary tables (issue 17): counts kept by triggers in the same transaction as the rows they count (migration
 * 0018 writes the triggers and fills them from the rows already there), so a year's figures read a few thousand summary
 * rows instead of 30,000 收文 and 125,000 批示. Each keeps the 密级 of the 收文 it counts, so a reader's clearance still
 * cuts the figures; working days are counted when read, so a change of the holiday calendar changes nothing stored.
 * Rows whose count falls to 0 stay (n = 0) and are read as nothing. Each has an index of its key and count, so a
 * period is read from the index alone, in order (the table's rows lie in the order the triggers wrote them).
 */
import { sqliteTable, integer, text, primaryKey, index } from 'drizzle-orm/sqlite-core'

/** 收文 by 签收 day, 发文 by 拟稿 day (office date), by 文种, 紧急程度 and 密级. */
export const statsDocumentDays = sqliteTable('stats_document_days', {
  kind: text('kind').notNull(),
  day: text('day').notNull(),
  docType: text('doc_type').notNull(),
  urgency: text('urgency').notNull(),
  classification: text('classification').notNull(),
  n: integer('n').notNull(),
}, (t) => [primaryKey({ columns: [t.kind, t.day, t.docType, t.urgency, t.classification] }), index('stats_document_days_read_idx').on(t.kind, t.day, t.docType, t.urgency, t.classification, t.n)])

/**
 * Each step of a 收文 (1 签收→初审, 2 初审→拟办, 3 拟办→批示, 4 批示→办结, 5 签收→办结) done, by the day it was
 * received and the days the step began and ended: the working days are counted from these pairs when read.
 */
export const statsStageDays = sqliteTable('stats_stage_days', {
  stage: integer('stage').notNull(),
  receivedDay: text('received_day').notNull(),
  fromDay: text('from_day').notNull(),
  toDay: text('to_day').notNull(),
  classification: text('classification').notNull(),
  n: integer('n').notNull(),
}, (t) => [primaryKey({ columns: [t.receivedDay, t.stage, t.fromDay, t.toDay, t.classification] }), index('stats_stage_days_read_idx').on(t.receivedDay, t.stage, t.fromDay, t.toDay, t.classification, t.n)])

/** 批示 answered, by the day sent and the day answered, the leader and the title they signed with ('' for none). */
export const statsInstructionDays = sqliteTable('stats_instruction_days', {
  sentDay: text('sent_day').notNull(),
  doneDay: text('done_day').notNull(),
  leaderId: integer('leader_id').notNull(),
  leaderTitle: text('leader_title').notNull(),
  classification: text('classification').notNull(),
  n: integer('n').notNull(),
}, (t) => [primaryKey({ columns: [t.sentDay, t.doneDay, t.leaderId, t.leaderTitle, t.classification] }), index('stats_instruction_days_read_idx').on(t.sentDay, t.doneDay, t.leaderId, t.leaderTitle, t.classification, t.n)])

/** 承办 by 承办时限, department and outcome: 按期 (feedback by the deadline), 超期 (after it), 未反馈. */
export const statsAssignmentDays = sqliteTable('stats_assignment_days', {
  deadline: text('deadline').notNull(),
  departmentId: integer('department_id').notNull(),
  classification: text('classification').notNull(),
  outcome: text('outcome').notNull(),
  n: integer('n').notNull(),
}, (t) => [primaryKey({ columns: [t.deadline, t.departmentId, t.classification, t.outcome] }), index('stats_assignment_days_read_idx').on(t.deadline, t.departmentId, t.classification, t.outcome, t.n)])
