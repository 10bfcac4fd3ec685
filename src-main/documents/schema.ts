import { sql } from 'drizzle-orm'
import { sqliteTable, integer, text, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core'
import { departments, people, posts } from '../org/schema'
import { storedFiles } from '../files/schema'
import { CLASSIFICATIONS } from '../security/classification'

/** The 15 kinds of 公文 (《党政机关公文处理工作条例》第八条). */
export const DOCUMENT_TYPES = ['决议', '决定', '命令（令）', '公报', '公告', '通告', '意见', '通知', '通报', '报告', '请示', '批复', '议案', '函', '纪要'] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]

export { CLASSIFICATIONS } from '../security/classification'
export const URGENCIES = ['无', '加急', '特急'] as const
export const ARRIVALS = ['机要交通', '邮寄', '专人送达', '电子公文', '传真', '其他'] as const
/** R-D1 (第四十五条): the reasons a document may go straight to a leader. */
export const DIRECT_EXCEPTIONS = ['领导交办', '涉密敏感', '紧急重大事项', '突发事件', '外事'] as const

/** X-2 收文: 签收/登记 → 初审 (退回) → 拟办 → 批示/传阅 → 承办 → 办结. */
export const INCOMING_STATES = ['已登记', '已退回', '已拟办', '批示中', '承办中', '已办结'] as const
export type IncomingState = (typeof INCOMING_STATES)[number]

/** R-D3: whom the 拟办意见 sends it to. */
export const ROUTES = ['分管副市长', '市长', '秘书长'] as const

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

export const INCOMING_FILE_KINDS = ['正文', '附件', '扫描件'] as const
export const incomingFiles = sqliteTable('incoming_files', {
  documentId: integer('document_id').notNull().references(() => incomingDocuments.id, { onDelete: 'cascade' }),
  fileId: integer('file_id').notNull().references(() => storedFiles.id, { onDelete: 'restrict' }),
  kind: text('kind', { enum: INCOMING_FILE_KINDS }).notNull(),
}, (t) => [primaryKey({ columns: [t.documentId, t.fileId] })])

/**
 * 批示 and 传阅 (R-D4, X-2): one row per leader the document goes to, in turn. A row without a date is
 * where the document is now. 圈阅 counts as consent, or as "read" on a 报告.
 */
export const INSTRUCTION_KINDS = ['批示', '圈阅'] as const
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

/** 承办 (R-D7, X-3): a 主办 department and 协办 ones, each with its time limit and feedback. */
export const ASSIGNMENT_ROLES = ['主办', '协办'] as const
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

/** 发文: 拟稿 → 核稿 → 签发 → 编号 → 复核 → 印发 → 核发. */
export const OUTGOING_STATES = ['拟稿', '核稿中', '待签发', '已签发', '已编号', '已印发'] as const
export type OutgoingState = (typeof OUTGOING_STATES)[number]
/** R-D4 (第四十八条): the kinds the 市长 signs; other documents the 分管副市长; routine ones the 秘书长. */
export const SIGN_KINDS = ['报省政府', '党组报市委', '提请人大议案', '规章', '规范性文件', '重大工作部署', '人事任免', '请求支持重大事项', '一般', '事务性'] as const
export const PUBLICITY = ['主动公开', '依申请公开', '不予公开'] as const

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
}, (t) => [
  uniqueIndex('outgoing_number_idx').on(t.series, t.numberYear, t.numberSeq),
  index('outgoing_created_idx').on(t.createdAt, t.id),
  index('outgoing_status_created_idx').on(t.status, t.createdAt, t.id),
  index('outgoing_classification_idx').on(t.classification),
])

/** 核稿: department head, office secretary, office head — each opinion, name and date. */
export const REVIEW_STEPS = ['部门负责人', '办公室秘书', '办公室负责人'] as const
export const reviews = sqliteTable('reviews', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  outgoingId: integer('outgoing_id').notNull().references(() => outgoingDocuments.id, { onDelete: 'cascade' }),
  step: text('step', { enum: REVIEW_STEPS }).notNull(),
  reviewer: text('reviewer').notNull(),
  opinion: text('opinion').notNull(),
  reviewedOn: text('reviewed_on').notNull(),
}, (t) => [index('reviews_outgoing_idx').on(t.outgoingId)])

/** R-D8 (第五十九条): 人大代表建议 and 政协提案, with the leading leader, the department, the deadline and the reply. */
export const PROPOSAL_KINDS = ['人大代表建议', '政协提案'] as const
export const SATISFACTION = ['满意', '基本满意', '不满意'] as const
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

/**
 * Chinese search: SQLite's trigram tokenizer cannot find two-character words (防汛, 土地), so titles,
 * numbers and senders are indexed as overlapping character pairs, space-separated, in an FTS5 table
 * created by the migration (drizzle has no FTS5). See ./search.ts.
 */
export const SEARCH_KINDS = ['收文', '发文'] as const

/**
 * How many 收文 or 发文 there are per 年度, state and 密级, kept by triggers (migration 0005) on every insert,
 * update and delete: the register's total for those filters is a sum over a few hundred rows instead of a
 * count over 300,000 documents. `year` is the 收文号 year, and for 发文 the 文号 year or else the office
 * year it was drafted in, as the registers filter them.
 */
export const REGISTER_KINDS = ['收文', '发文'] as const
export const registerCounts = sqliteTable('register_counts', {
  kind: text('kind', { enum: REGISTER_KINDS }).notNull(),
  year: integer('year').notNull(),
  status: text('status').notNull(),
  classification: text('classification').notNull(),
  n: integer('n').notNull(),
}, (t) => [primaryKey({ columns: [t.kind, t.year, t.status, t.classification] })])
