import { sql } from 'drizzle-orm'
import { sqliteTable, integer, text, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core'
import { departments, people, posts } from '../org/schema'
import { storedFiles } from '../files/schema'
import { CLASSIFICATIONS } from '../common/classification'
import { DOCUMENT_TYPES, URGENCIES, ARRIVALS, DIRECT_EXCEPTIONS, INCOMING_STATES, ROUTES, INCOMING_FILE_KINDS, INSTRUCTION_KINDS, ASSIGNMENT_ROLES, OUTGOING_STATES, SIGN_KINDS, PUBLICITY, REVIEW_STEPS, PROPOSAL_KINDS, SATISFACTION, REGISTER_KINDS, CHASE_METHODS } from '../common/documents'

export const incomingDocuments = sqliteTable('incoming_documents', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** 收文号: the office's own yearly series, e.g. 2026-123. */
  year: integer('year').notNull(),
  seq: integer('seq').notNull(),
  receivedAt: text('received_at').notNull(),
  sender: text('sender').notNull(),
  /** The sending department when it is one of ours: the route follows its 分管副市长 (R-D3). */
  senderDepartmentId: integer('sender_department_id').references(() => departments.id, { onDelete: 'set null' }),
  senderNumber: text('sender_number'),
  title: text('title').notNull(),
  docType: text('doc_type', { enum: DOCUMENT_TYPES }).notNull(),
  classification: text('classification', { enum: CLASSIFICATIONS }).notNull().default('无'),
  /** 保密期限, e.g. 1年 (printed 机密★1年). */
  secrecyPeriod: text('secrecy_period'),
  urgency: text('urgency', { enum: URGENCIES }).notNull().default('无'),
  copies: integer('copies').notNull().default(1),
  pages: integer('pages'),
  arrival: text('arrival', { enum: ARRIVALS }).notNull().default('机要交通'),
  /** R-D1: sent straight to a leader — why, and to whom. */
  directException: text('direct_exception', { enum: DIRECT_EXCEPTIONS }),
  directLeaderId: integer('direct_leader_id').references(() => people.id, { onDelete: 'set null' }),
  status: text('status', { enum: INCOMING_STATES }).notNull().default('已登记'),
  /** 初审 passed: when, by whom, with what note. */
  reviewedOn: text('reviewed_on'),
  reviewedBy: text('reviewed_by'),
  reviewNote: text('review_note'),
  returnReason: text('return_reason'),
  /** 拟办意见 (R-D3) and the route it proposes. */
  proposal: text('proposal'),
  proposedBy: text('proposed_by'),
  proposedOn: text('proposed_on'),
  route: text('route', { enum: ROUTES }),
  routePostId: integer('route_post_id').references(() => posts.id, { onDelete: 'set null' }),
  /** 限时办结 (R-D7): the date the whole matter must be finished. */
  deadline: text('deadline'),
  closedOn: text('closed_on'),
  closingNote: text('closing_note'),
  registeredBy: text('registered_by'),
  createdAt: text('created_at').notNull(),
  /** 作废 (issue 16): status 已作废 keeps the row and its 收文号; when, by whom, why. */
  voidedOn: text('voided_on'),
  voidedBy: text('voided_by'),
  voidReason: text('void_reason'),
}, (t) => [
  uniqueIndex('incoming_number_idx').on(t.year, t.seq),
  index('incoming_received_idx').on(t.receivedAt, t.id),
  index('incoming_status_deadline_idx').on(t.status, t.deadline),
  // A status newest first, within a year or not: the register walks it in order, however few its documents.
  index('incoming_status_received_idx').on(t.status, t.receivedAt, t.id),
  index('incoming_sender_idx').on(t.sender, t.receivedAt),
  index('incoming_type_idx').on(t.docType, t.receivedAt),
  index('incoming_classification_idx').on(t.classification),
])

export const incomingFiles = sqliteTable('incoming_files', {
  documentId: integer('document_id').notNull().references(() => incomingDocuments.id, { onDelete: 'cascade' }),
  fileId: integer('file_id').notNull().references(() => storedFiles.id, { onDelete: 'restrict' }),
  kind: text('kind', { enum: INCOMING_FILE_KINDS }).notNull(),
}, (t) => [primaryKey({ columns: [t.documentId, t.fileId] })])

export const instructions = sqliteTable('instructions', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  documentId: integer('document_id').notNull().references(() => incomingDocuments.id, { onDelete: 'cascade' }),
  turn: integer('turn').notNull(),
  leaderId: integer('leader_id').notNull().references(() => people.id, { onDelete: 'restrict' }),
  /** As on the day: the leader's post, and whom they acted for (R-P2/R-P3). */
  leaderTitle: text('leader_title'),
  actingFor: text('acting_for'),
  kind: text('kind', { enum: INSTRUCTION_KINDS }),
  opinion: text('opinion'),
  /** What a 圈阅 means here: 同意 on a draft or 请示, 已阅 on a 报告. */
  meaning: text('meaning'),
  sentOn: text('sent_on').notNull(),
  instructedOn: text('instructed_on'),
}, (t) => [index('instructions_document_idx').on(t.documentId, t.turn), index('instructions_leader_idx').on(t.leaderId, t.instructedOn)])

export const assignments = sqliteTable('assignments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  documentId: integer('document_id').notNull().references(() => incomingDocuments.id, { onDelete: 'cascade' }),
  departmentId: integer('department_id').notNull().references(() => departments.id, { onDelete: 'restrict' }),
  role: text('role', { enum: ASSIGNMENT_ROLES }).notNull(),
  assignedOn: text('assigned_on').notNull(),
  workingDays: integer('working_days').notNull(),
  deadline: text('deadline').notNull(),
  feedback: text('feedback'),
  feedbackOn: text('feedback_on'),
  feedbackFileId: integer('feedback_file_id').references(() => storedFiles.id, { onDelete: 'set null' }),
}, (t) => [
  index('assignments_document_idx').on(t.documentId), index('assignments_department_idx').on(t.departmentId, t.documentId), index('assignments_deadline_idx').on(t.deadline, t.feedbackOn),
  // The few 承办 still awaiting feedback, by deadline, for 首页's due-soon list: ten years hold 600,000 assignments, nearly all answered.
  index('assignments_pending_idx').on(t.deadline).where(sql`feedback_on IS NULL`),
])

/** 催办: a named person chases; every chase is kept. */
export const chases = sqliteTable('chases', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  documentId: integer('document_id').notNull().references(() => incomingDocuments.id, { onDelete: 'cascade' }),
  assignmentId: integer('assignment_id').references(() => assignments.id, { onDelete: 'set null' }),
  chaser: text('chaser').notNull(),
  chasedOn: text('chased_on').notNull(),
  note: text('note'),
  /** How the chase was made (电话/短信/书面/当面), who answered, what they said and the date they promised (issue 16). */
  method: text('method', { enum: CHASE_METHODS }),
  contact: text('contact'),
  answer: text('answer'),
  promisedOn: text('promised_on'),
}, (t) => [index('chases_document_idx').on(t.documentId)])

/** R-D2 (第四十六条): the opinions of the departments a 请示 touches, and the coordination where they disagree. */
export const consultations = sqliteTable('consultations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  documentId: integer('document_id').notNull().references(() => incomingDocuments.id, { onDelete: 'cascade' }),
  departmentId: integer('department_id').notNull().references(() => departments.id, { onDelete: 'restrict' }),
  agrees: integer('agrees', { mode: 'boolean' }).notNull(),
  opinion: text('opinion').notNull(),
  /** Where they disagree: the coordination held, this side's reasons and the proposed decision. */
  coordination: text('coordination'),
  reasons: text('reasons'),
  proposedDecision: text('proposed_decision'),
}, (t) => [index('consultations_document_idx').on(t.documentId)])

export const outgoingDocuments = sqliteTable('outgoing_documents', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  docType: text('doc_type', { enum: DOCUMENT_TYPES }).notNull(),
  signKind: text('sign_kind', { enum: SIGN_KINDS }).notNull(),
  /** The 代字 chosen (资府发, 资府函 …): fixes the issuing body and the series. */
  series: text('series').notNull(),
  title: text('title').notNull(),
  addressee: text('addressee'),
  cc: text('cc'),
  body: text('body').notNull().default(''),
  /** 附件 names, JSON array. */
  attachmentNames: text('attachment_names').notNull().default('[]'),
  classification: text('classification', { enum: CLASSIFICATIONS }).notNull().default('无'),
  secrecyPeriod: text('secrecy_period'),
  urgency: text('urgency', { enum: URGENCIES }).notNull().default('无'),
  draftingDepartmentId: integer('drafting_department_id').references(() => departments.id, { onDelete: 'set null' }),
  drafter: text('drafter'),
  publicity: text('publicity', { enum: PUBLICITY }).notNull().default('主动公开'),
  /** 上行文: the 签发人 line beside the 字号. */
  upward: integer('upward', { mode: 'boolean' }).notNull().default(false),
  /** R-D5: a department's directive to county governments, carried "经市政府同意". */
  countyDirective: integer('county_directive', { mode: 'boolean' }).notNull().default(false),
  note: text('note'),
  status: text('status', { enum: OUTGOING_STATES }).notNull().default('拟稿'),
  signerId: integer('signer_id').references(() => people.id, { onDelete: 'restrict' }),
  signerName: text('signer_name'),
  actingFor: text('acting_for'),
  signOpinion: text('sign_opinion'),
  signedOn: text('signed_on'),
  numberYear: integer('number_year'),
  numberSeq: integer('number_seq'),
  numberText: text('number_text'),
  /** 复核, 印发 (date, copies, distribution), 核发. */
  checkedBy: text('checked_by'),
  issuedOn: text('issued_on'),
  copies: integer('copies'),
  distribution: text('distribution'),
  dispatchedOn: text('dispatched_on'),
  /** The 份号 of the first copy printed, when numbered copies are printed (classified documents). */
  firstCopyNumber: integer('first_copy_number'),
  createdAt: text('created_at').notNull(),
  /** 作废 (issue 16): status 已作废 keeps the row and any 字号 it was given, never reused. */
  voidedOn: text('voided_on'),
  voidedBy: text('voided_by'),
  voidReason: text('void_reason'),
  /**
   * The 收文 (a 请示) this 批复/复函 answers. No REFERENCES clause: SQLite cannot add a column with one without drizzle
   * rebuilding the table, which would drop the register-count triggers of migration 0005; the link is checked on entry.
   */
  replyToId: integer('reply_to_id'),
}, (t) => [
  uniqueIndex('outgoing_number_idx').on(t.series, t.numberYear, t.numberSeq),
  index('outgoing_created_idx').on(t.createdAt, t.id),
  index('outgoing_status_created_idx').on(t.status, t.createdAt, t.id),
  index('outgoing_classification_idx').on(t.classification),
  index('outgoing_reply_idx').on(t.replyToId),
])

/**
 * A 发文's files (issue 16): the body as the drafter's .docx (正文, at most one, laid into the red header when printed)
 * and its 附件 in the order 附件说明 lists them; the bytes are stored files (encrypted, checksummed).
 */
export const outgoingFiles = sqliteTable('outgoing_files', {
  outgoingId: integer('outgoing_id').notNull().references(() => outgoingDocuments.id, { onDelete: 'cascade' }),
  fileId: integer('file_id').notNull().references(() => storedFiles.id, { onDelete: 'restrict' }),
  kind: text('kind', { enum: ['正文', '附件'] }).notNull(),
  /** The 附件's place in 附件说明 among the file 附件 (1, 2 …); 0 for the body. */
  position: integer('position').notNull(),
}, (t) => [primaryKey({ columns: [t.outgoingId, t.fileId] })])

export const reviews = sqliteTable('reviews', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  outgoingId: integer('outgoing_id').notNull().references(() => outgoingDocuments.id, { onDelete: 'cascade' }),
  step: text('step', { enum: REVIEW_STEPS }).notNull(),
  reviewer: text('reviewer').notNull(),
  opinion: text('opinion').notNull(),
  reviewedOn: text('reviewed_on').notNull(),
}, (t) => [index('reviews_outgoing_idx').on(t.outgoingId)])

export const proposals = sqliteTable('proposals', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: PROPOSAL_KINDS }).notNull(),
  year: integer('year').notNull(),
  number: text('number').notNull(),
  title: text('title').notNull(),
  proposer: text('proposer').notNull(),
  leaderPostId: integer('leader_post_id').references(() => posts.id, { onDelete: 'set null' }),
  departmentId: integer('department_id').references(() => departments.id, { onDelete: 'restrict' }),
  deadline: text('deadline').notNull(),
  reply: text('reply'),
  repliedOn: text('replied_on'),
  satisfaction: text('satisfaction', { enum: SATISFACTION }),
  createdAt: text('created_at').notNull(),
}, (t) => [uniqueIndex('proposals_number_idx').on(t.kind, t.year, t.number), index('proposals_deadline_idx').on(t.deadline)])

/** R-D8: the 会办 units of a 建议/提案 (the 主办 is proposals.department_id: one 主办, any number of 会办). */
export const proposalUnits = sqliteTable('proposal_units', {
  proposalId: integer('proposal_id').notNull().references(() => proposals.id, { onDelete: 'cascade' }),
  departmentId: integer('department_id').notNull().references(() => departments.id, { onDelete: 'restrict' }),
}, (t) => [primaryKey({ columns: [t.proposalId, t.departmentId] }), index('proposal_units_department_idx').on(t.departmentId)])

export const registerCounts = sqliteTable('register_counts', {
  kind: text('kind', { enum: REGISTER_KINDS }).notNull(),
  year: integer('year').notNull(),
  status: text('status').notNull(),
  classification: text('classification').notNull(),
  n: integer('n').notNull(),
}, (t) => [primaryKey({ columns: [t.kind, t.year, t.status, t.classification] })])
