import { existsSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../src-main/db/connection'
import { ForeignKeyError, migrateDatabase, NewerDatabaseError } from '../../src-main/db/migrate'
import { journal, MIGRATIONS, migrationsPlus, migrationsUpTo } from './harness'
import { searchRowid } from '../../src-main/documents/registers/search'
import { chainHash, GENESIS, RECORD_COLUMNS, recordOf } from '../../src-main/audit/chain'

const freshDir = () => mkdtempSync(join(tmpdir(), 'sanban-db-'))
const tables = (db: Database.Database) => (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)

/**
 * One entry per migration after the first: rows written at the previous migration must
 * survive this one (ARCHITECTURE.md: a table rebuild can cascade-delete silently).
 * Adding a migration without its entry here fails the test below.
 */
const DATA_TESTS: Record<string, { seed: (db: Database.Database) => void; check: (db: Database.Database) => void }> = {
  // 统计's read indexes (issue 17): indexes only; the summaries and the 收文 they count stay as they were.
  '0019_stats_read_indexes': {
    seed: (db) => {
      db.exec(`INSERT INTO incoming_documents (id, year, seq, received_at, sender, title, doc_type, created_at) VALUES (1, 2026, 1, '2026-03-02 09:00', '市财政局', '关于预算的通知', '通知', '2026-03-02T01:00:00Z')`)
    },
    check: (db) => {
      expect(db.prepare('SELECT id, title FROM incoming_documents').all()).toEqual([{ id: 1, title: '关于预算的通知' }])
      expect(db.prepare("SELECT kind, day, n FROM stats_document_days").all()).toEqual([{ kind: '收文', day: '2026-03-02', n: 1 }])
    },
  },
  // 提醒's read marks (issue 17): a new table only; the accounts stay, nobody has read anything yet.
  '0016_reminder_marks': {
    seed: (db) => {
      db.exec(`INSERT INTO users (id, username, display_name, role, password_hash, created_at) VALUES (7, 'wenmi', '王文秘', '文秘', 'scrypt$x', '2026-11-01T00:00:00Z')`)
    },
    check: (db) => {
      expect(db.prepare('SELECT id, username FROM users').all()).toEqual([{ id: 7, username: 'wenmi' }])
      expect(db.prepare('SELECT count(*) AS n FROM reminder_marks').get()).toEqual({ n: 0 })
      db.exec(`INSERT INTO reminder_marks (user_id, kind, subject, on_date, read_at) VALUES (7, '批示已回', '批示1', '2026-12-01', '2026-12-01T02:00:00Z')`)
      expect(() => db.exec(`INSERT INTO reminder_marks (user_id, kind, subject, on_date) VALUES (7, '批示已回', '批示1', '2026-12-01')`)).toThrow(/UNIQUE/)
    },
  },
  // 纪要待签发 (issue 17): an index on the drafts only; minutes, signed or not, stay as they were.
  '0017_minutes_draft_idx': {
    seed: (db) => {
      db.exec(`
        INSERT INTO meeting_types (id, kind, name, config) VALUES (1, '常务会议', '常务会议', '{}');
        INSERT INTO meetings (id, type_id, date, half_day, status, created_at) VALUES (1, 1, '2026-11-20', '上午', '已召开', '2026-11-01T00:00:00Z'), (2, 1, '2026-11-27', '上午', '已召开', '2026-11-01T00:00:00Z');
        INSERT INTO minutes (id, meeting_id, opening, status, updated_at) VALUES (1, 1, '会议听取了……', '已签发', '2026-11-21T00:00:00Z'), (2, 2, '会议研究了……', '草稿', '2026-11-28T00:00:00Z');
      `)
    },
    check: (db) => {
      expect(db.prepare('SELECT id, status FROM minutes ORDER BY id').all()).toEqual([{ id: 1, status: '已签发' }, { id: 2, status: '草稿' }])
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT meeting_id FROM minutes WHERE status = '草稿'").all() as { detail: string }[]
      expect(plan.map((r) => r.detail).join(' ')).toContain('minutes_draft_idx')
    },
  },
  // 统计's summaries (issue 17): filled from the rows already there, then kept by triggers.
  '0018_stats_summaries': {
    seed: (db) => {
      db.exec(`
        INSERT INTO incoming_documents (id, year, seq, received_at, sender, title, doc_type, classification, urgency, status, reviewed_on, proposed_on, closed_on, created_at)
          VALUES (1, 2026, 1, '2026-03-02 09:00', '市财政局', '关于预算的请示', '请示', '秘密', '加急', '已办结', '2026-03-02', '2026-03-03', '2026-03-20', '2026-03-02T01:00:00Z');
        INSERT INTO people (id, name) VALUES (1, '张明远'), (2, '李建国');
        INSERT INTO departments (id, name, kind) VALUES (1, '市财政局', '市政府部门');
        INSERT INTO instructions (document_id, turn, leader_id, leader_title, kind, sent_on, instructed_on) VALUES (1, 1, 1, '市长', '批示', '2026-03-04', '2026-03-05'), (1, 2, 2, NULL, '圈阅', '2026-03-05', '2026-03-09');
        INSERT INTO assignments (document_id, department_id, role, assigned_on, working_days, deadline, feedback_on) VALUES (1, 1, '主办', '2026-03-10', 5, '2026-03-17', '2026-03-18');
        INSERT INTO outgoing_documents (id, doc_type, sign_kind, series, title, created_at) VALUES (1, '通知', '一般', '资府发', '关于印发办法的通知', '2026-02-28T17:00:00.000Z');
      `)
    },
    check: (db) => {
      const all = (t: string) => db.prepare(`SELECT * FROM ${t} WHERE n > 0 ORDER BY 1, 2, 3`).all()
      expect(all('stats_document_days')).toEqual([
        { kind: '发文', day: '2026-03-01', doc_type: '通知', urgency: '无', classification: '无', n: 1 },
        { kind: '收文', day: '2026-03-02', doc_type: '请示', urgency: '加急', classification: '秘密', n: 1 },
      ])
      expect(all('stats_stage_days').map((r: any) => [r.stage, r.from_day, r.to_day, r.classification])).toEqual([
        [1, '2026-03-02', '2026-03-02', '秘密'], [2, '2026-03-02', '2026-03-03', '秘密'], [3, '2026-03-03', '2026-03-09', '秘密'], [4, '2026-03-09', '2026-03-20', '秘密'], [5, '2026-03-02', '2026-03-20', '秘密'],
      ])
      expect(all('stats_instruction_days').map((r: any) => [r.sent_day, r.done_day, r.leader_id, r.leader_title])).toEqual([['2026-03-04', '2026-03-05', 1, '市长'], ['2026-03-05', '2026-03-09', 2, '']])
      expect(all('stats_assignment_days')).toEqual([{ deadline: '2026-03-17', department_id: 1, classification: '秘密', outcome: '超期', n: 1 }])
      // Kept from here on: a 批示 still out takes the 收文's 批示 date away until it is answered.
      db.exec(`INSERT INTO instructions (document_id, turn, leader_id, sent_on) VALUES (1, 3, 1, '2026-03-10')`)
      expect(db.prepare('SELECT count(*) AS n FROM stats_stage_days WHERE stage IN (3, 4) AND n > 0').get()).toEqual({ n: 0 })
      db.exec(`UPDATE instructions SET instructed_on = '2026-03-11' WHERE turn = 3; UPDATE incoming_documents SET classification = '无' WHERE id = 1`)
      expect(db.prepare("SELECT from_day, to_day, classification FROM stats_stage_days WHERE stage = 3 AND n > 0").all()).toEqual([{ from_day: '2026-03-03', to_day: '2026-03-11', classification: '无' }])
      expect(db.prepare("SELECT sum(n) AS n FROM stats_instruction_days WHERE classification = '无'").get()).toEqual({ n: 3 })
      // A voided 收文 (已作废, a duplicate registration) counts nowhere: its rows go under a 密级 no reader has.
      db.exec(`UPDATE incoming_documents SET status = '已作废' WHERE id = 1`)
      for (const t of ['stats_document_days', 'stats_stage_days', 'stats_instruction_days', 'stats_assignment_days']) {
        const onlyIncoming = t === 'stats_document_days' ? "AND kind = '收文'" : ''
        expect(db.prepare(`SELECT total(n) AS n FROM ${t} WHERE classification <> '已作废' ${onlyIncoming}`).get(), t).toEqual({ n: 0 })
      }
    },
  },
  // 发文 files (issue 16): a new table only; a 发文 of before keeps its text body and 附件 names, with no files.
  '0015_outgoing_files': {
    seed: (db) => {
      db.exec(`INSERT INTO outgoing_documents (id, doc_type, sign_kind, series, title, body, attachment_names, created_at) VALUES (1, '通知', '一般', '资府发', '关于印发办法的通知', '现印发给你们。', '["办法"]', '2026-11-25T01:00:00Z');`)
    },
    check: (db) => {
      expect(db.prepare('SELECT id, body, attachment_names FROM outgoing_documents').all()).toEqual([{ id: 1, body: '现印发给你们。', attachment_names: '["办法"]' }])
      expect(db.prepare('SELECT count(*) AS n FROM outgoing_files').get()).toEqual({ n: 0 })
    },
  },
  // 作废, 催办 details and 请示↔批复 (issue 16): nullable columns only; nothing voided, old chases without a method, no link.
  '0014_void_chase_reply': {
    seed: (db) => {
      db.exec(`
        INSERT INTO incoming_documents (id, year, seq, received_at, sender, title, doc_type, created_at) VALUES (1, 2026, 4, '2026-11-02 09:30', '市水利局', '关于防汛物资储备的请示', '请示', '2026-11-02T01:30:00Z');
        INSERT INTO chases (id, document_id, chaser, chased_on, note) VALUES (1, 1, '李文秘', '2026-11-20', '电话催问');
        INSERT INTO outgoing_documents (id, doc_type, sign_kind, series, title, created_at) VALUES (1, '批复', '一般', '资府函', '关于防汛物资储备的批复', '2026-11-25T01:00:00Z');
      `)
    },
    check: (db) => {
      expect(db.prepare('SELECT id, seq, status, voided_on FROM incoming_documents').all()).toEqual([{ id: 1, seq: 4, status: '已登记', voided_on: null }])
      expect(db.prepare('SELECT id, note, method, promised_on FROM chases').all()).toEqual([{ id: 1, note: '电话催问', method: null, promised_on: null }])
      expect(db.prepare('SELECT id, status, reply_to_id, void_reason FROM outgoing_documents').all()).toEqual([{ id: 1, status: '拟稿', reply_to_id: null, void_reason: null }])
    },
  },
  // 会办 units of a 建议/提案 and bare numbers (R-D8, issue 16): 第12号 kept as 12, 3-028 as it was; no 会办 yet.
  // 导入's saved column mappings (issue 18): a new table; the documents already there stay as they were.
  '0013_import_mappings': {
    seed: (db) => {
      db.exec(`INSERT INTO incoming_documents (id, year, seq, received_at, sender, title, doc_type, status, created_at)
        VALUES (1, 2026, 1, '2026-03-02 09:00', '市财政局', '关于预算的通知', '通知', '已办结', '2026-03-02T01:00:00Z')`)
    },
    check: (db) => {
      expect(db.prepare('SELECT id, seq, title FROM incoming_documents').all()).toEqual([{ id: 1, seq: 1, title: '关于预算的通知' }])
      expect(db.prepare('SELECT count(*) AS n FROM import_mappings').get()).toEqual({ n: 0 })
    },
  },
  '0012_proposal_units': {
    seed: (db) => {
      db.exec(`
        INSERT INTO departments (id, name, kind) VALUES (1, '市教育和体育局', '市政府部门');
        INSERT INTO proposals (id, kind, year, number, title, proposer, department_id, deadline, created_at) VALUES
          (1, '人大代表建议', 2026, '第12号', '关于城东学位的建议', '王建华', 1, '2026-07-31', '2026-03-01T01:00:00Z'),
          (2, '政协提案', 2026, ' 3-028 ', '关于防汛预警的提案', '李晓梅', 1, '2026-07-31', '2026-03-01T01:00:00Z');
      `)
    },
    check: (db) => {
      expect(db.prepare('SELECT id, number FROM proposals ORDER BY id').all()).toEqual([{ id: 1, number: '12' }, { id: 2, number: '3-028' }])
      expect(db.prepare('SELECT count(*) AS n FROM proposal_units').get()).toEqual({ n: 0 })
    },
  },
  // 任职记录 and 归档 (issue 15): today's holders carried over as holding since before the records; nobody archived.
  '0011_post_holdings': {
    seed: (db) => {
      db.exec(`
        INSERT INTO people (id, name) VALUES (1, '张明远'), (2, '李建国'), (3, '王小燕');
        INSERT INTO posts (id, title, kind, holder_id, is_executive) VALUES (1, '市长', '市长', 1, 0), (2, '常务副市长', '副市长', 2, 1), (3, '副秘书长', '副秘书长', NULL, 0);
      `)
    },
    check: (db) => {
      expect(db.prepare('SELECT post_id, person_id, from_date, to_date FROM post_holdings ORDER BY post_id').all()).toEqual([
        { post_id: 1, person_id: 1, from_date: null, to_date: null },
        { post_id: 2, person_id: 2, from_date: null, to_date: null },
      ])
      expect(db.prepare('SELECT count(*) AS n FROM people WHERE archived_on IS NOT NULL').get()).toEqual({ n: 0 })
    },
  },
  // Each swapped date's 带班 consent by name (issue 15): a new table; the swaps already recorded keep their one tick.
  '0010_duty_swap_consents': {
    seed: (db) => {
      db.exec(`
        INSERT INTO rosters (id, kind, title, from_date, to_date, status, created_at) VALUES (1, '办公室值班', '2026年12月市政府办公室值班表', '2026-12-01', '2026-12-31', '已发布', '2026-11-25T01:00:00Z');
        INSERT INTO duty_changes (id, roster_id, kind, dates, counterpart_accepted, lead_consented, note, at) VALUES (1, 1, '替班', '2026-12-03', 1, 1, '替班', '2026-12-01T01:00:00Z');
      `)
    },
    check: (db) => {
      expect(db.prepare('SELECT id, kind, lead_consented FROM duty_changes').all()).toEqual([{ id: 1, kind: '替班', lead_consented: 1 }])
      expect(db.prepare('SELECT count(*) AS n FROM duty_change_consents').get()).toEqual({ n: 0 })
    },
  },
  // Meeting corrections (issue 15): a new table and nullable columns; meetings, topics and attendance keep their rows.
  '0009_meeting_corrections': {
    seed: (db) => {
      db.exec(`
        INSERT INTO people (id, name) VALUES (1, '张明远');
        INSERT INTO departments (id, name, kind) VALUES (1, '市财政局', '市政府部门');
        INSERT INTO meeting_types (id, kind, name, config) VALUES (1, '专题会议', '专题会议', '{}');
        INSERT INTO meetings (id, type_id, date, half_day, created_at) VALUES (1, 1, '2026-12-03', '上午', '2026-11-25T00:00:00Z');
        INSERT INTO topics (id, meeting_id, title, department_id, delivered_on, created_at) VALUES (1, 1, '关于城东片区土地收储的议题', 1, '2026-11-16', '2026-11-16T01:00:00Z');
        INSERT INTO attendance (id, meeting_id, person_id, role, status) VALUES (1, 1, 1, '组成人员', '出席');
      `)
    },
    check: (db) => {
      expect(db.prepare('SELECT id, participants, contact_name FROM meetings').all()).toEqual([{ id: 1, participants: '[]', contact_name: null }])
      expect(db.prepare('SELECT id, title, supervisor_reason, withdraw_reason FROM topics').all()).toEqual([{ id: 1, title: '关于城东片区土地收储的议题', supervisor_reason: null, withdraw_reason: null }])
      expect(db.prepare('SELECT id, status, askee_exception FROM attendance').all()).toEqual([{ id: 1, status: '出席', askee_exception: null }])
      expect(db.prepare('SELECT count(*) AS n FROM meeting_corrections').get()).toEqual({ n: 0 })
    },
  },
  // The audit record's 密级 (issue 14): a new column, empty for the records already there, whose hashes still hold.
  '0008_audit_classification': {
    seed: (db) => {
      const record = { at: '2026-11-02T01:00:00.000Z', userId: 2, username: '李科长', procedure: 'incoming.receive', entity: '收文', entityId: '1', changes: '{"新建":{"title":"关于防汛工作的请示"}}', classification: null }
      const hash = chainHash(GENESIS, record)
      db.prepare('INSERT INTO audit_log (id, at, user_id, username, procedure, entity, entity_id, changes, prev_hash, hash) VALUES (1, @at, @userId, @username, @procedure, @entity, @entityId, @changes, @prevHash, @hash)')
        .run({ ...record, prevHash: GENESIS, hash })
    },
    check: (db) => {
      expect(db.prepare('SELECT id, entity, classification FROM audit_log').all()).toEqual([{ id: 1, entity: '收文', classification: null }])
      const stored = recordOf(db.prepare(`SELECT ${RECORD_COLUMNS} FROM audit_log`).raw().get() as unknown[])
      expect(chainHash(GENESIS, stored)).toBe(stored.hash)
    },
  },
  // 定密变更 (issue 14): a new table of its own; the documents and topics whose 密级 it will record stay as they were.
  '0007_reclassifications': {
    seed: (db) => {
      db.exec(`
        INSERT INTO incoming_documents (id, year, seq, received_at, sender, title, doc_type, classification, secrecy_period, urgency, copies, arrival, status, created_at) VALUES
          (1, 2026, 1, '2026-11-02 09:30', '市财政局', '关于防汛救灾资金安排的请示', '请示', '秘密', '1年', '无', 1, '机要交通', '已登记', '2026-11-02T01:30:00Z');
        INSERT INTO outgoing_documents (id, doc_type, sign_kind, series, title, classification, urgency, status, number_year, created_at) VALUES
          (1, '通知', '一般', '资府发', '关于做好冬季防火工作的通知', '机密', '无', '拟稿', 2026, '2026-11-03T01:00:00.000Z');
      `)
    },
    check: (db) => {
      expect(db.prepare('SELECT id, classification, secrecy_period FROM incoming_documents').all()).toEqual([{ id: 1, classification: '秘密', secrecy_period: '1年' }])
      expect(db.prepare('SELECT id, classification FROM outgoing_documents').all()).toEqual([{ id: 1, classification: '机密' }])
      expect(db.prepare('SELECT count(*) AS n FROM reclassifications').get()).toEqual({ n: 0 })
    },
  },
  // Status-and-date indexes for the registers (issue 7): indexes only, the documents and their totals stay as they were.
  '0006_status_newest_first': {
    seed: (db) => {
      db.exec(`
        INSERT INTO incoming_documents (id, year, seq, received_at, sender, title, doc_type, classification, urgency, copies, arrival, status, created_at) VALUES
          (1, 2019, 1, '2019-03-01 09:30', '市财政局', '关于防汛工作的请示', '请示', '无', '无', 1, '机要交通', '承办中', '2019-03-01T01:30:00Z');
        INSERT INTO outgoing_documents (id, doc_type, sign_kind, series, title, classification, urgency, status, number_year, created_at) VALUES
          (1, '通知', '一般', '资府发', '关于做好防汛工作的通知', '无', '无', '已印发', 2019, '2019-03-02T01:00:00.000Z');
      `)
    },
    check: (db) => {
      expect(db.prepare("SELECT id, status FROM incoming_documents WHERE status = '承办中' AND received_at >= '2019-01-01'").all()).toEqual([{ id: 1, status: '承办中' }])
      expect(db.prepare("SELECT id FROM outgoing_documents WHERE status = '已印发'").all()).toEqual([{ id: 1 }])
      expect(db.prepare("SELECT kind, year, status, n FROM register_counts ORDER BY kind").all()).toEqual([
        { kind: '发文', year: 2019, status: '已印发', n: 1 },
        { kind: '收文', year: 2019, status: '承办中', n: 1 },
      ])
    },
  },
  // Register totals and the search index reshaped for ten years (issue 7): the totals are counted from the documents
  // already there, and every search entry is re-keyed to sort newest first and marked with its 密级, keeping its words.
  '0005_register_counts': {
    seed: (db) => {
      db.exec(`
        INSERT INTO incoming_documents (id, year, seq, received_at, sender, title, doc_type, classification, urgency, copies, arrival, status, created_at) VALUES
          (1, 2025, 1, '2025-12-30 09:30', '市财政局', '关于防汛工作的请示', '请示', '无', '无', 1, '机要交通', '已办结', '2025-12-30T01:30:00Z'),
          (2, 2026, 1, '2026-01-05 10:00', '市水务局', '关于防汛物资的报告', '报告', '秘密', '无', 1, '机要交通', '已登记', '2026-01-05T02:00:00Z');
        INSERT INTO outgoing_documents (id, doc_type, sign_kind, series, title, classification, urgency, status, number_year, created_at) VALUES
          (1, '通知', '一般', '资府发', '关于做好防汛工作的通知', '无', '无', '已印发', 2026, '2025-12-31T17:00:00.000Z');
        INSERT INTO document_search (grams, kind, doc_id) VALUES ('防汛 汛工', '收文', 1), ('防汛 汛物', '收文', 2), ('防汛 做好', '发文', 1);
      `)
    },
    check: (db) => {
      expect(db.prepare('SELECT kind, year, status, classification, n FROM register_counts ORDER BY kind, year').all()).toEqual([
        { kind: '发文', year: 2026, status: '已印发', classification: '无', n: 1 },
        { kind: '收文', year: 2025, status: '已办结', classification: '无', n: 1 },
        { kind: '收文', year: 2026, status: '已登记', classification: '秘密', n: 1 },
      ])
      const entries = db.prepare("SELECT rowid, kind, doc_id AS id, grams FROM document_search WHERE document_search MATCH '\"防汛\"' ORDER BY rowid DESC").all()
      expect(entries).toEqual([
        { rowid: searchRowid('发文', '2025-12-31T17:00:00.000Z', 1), kind: '发文', id: 1, grams: '防汛 做好 密级无' },
        { rowid: searchRowid('收文', '2026-01-05 10:00', 2), kind: '收文', id: 2, grams: '防汛 汛物 密级秘密' },
        { rowid: searchRowid('收文', '2025-12-30 09:30', 1), kind: '收文', id: 1, grams: '防汛 汛工 密级无' },
      ])
    },
  },
  // 三员 roles and clearance: the old single 管理员 becomes the 系统管理员; the audit log gains its hash chain
  // columns (existing rows keep theirs empty until the chain is sealed) and can no longer be deleted.
  '0004_security': {
    seed: (db) => {
      db.exec(`
        INSERT INTO users (id, username, display_name, password_hash, role, created_at) VALUES
          (1, 'admin', '管理员', 'x', '管理员', '2026-01-01T00:00:00Z'), (2, 'wang', '王秘书', 'x', '文秘', '2026-01-01T00:00:00Z');
        INSERT INTO audit_log (at, procedure) VALUES ('2026-01-01T00:00:00Z', 'org.savePerson');
      `)
    },
    check: (db) => {
      expect(db.prepare('SELECT id, role, clearance, failed_logins, approved_at FROM users ORDER BY id').all()).toEqual([
        { id: 1, role: '系统管理员', clearance: '内部', failed_logins: 0, approved_at: '2026-01-01T00:00:00Z' },
        { id: 2, role: '文秘', clearance: '内部', failed_logins: 0, approved_at: '2026-01-01T00:00:00Z' },
      ])
      expect(db.prepare('SELECT procedure, hash FROM audit_log').all()).toEqual([{ procedure: 'org.savePerson', hash: null }])
      expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/审计日志不可删除/)
    },
  },
  // Adds the duty tables (rosters, duty_assignments …) only: every existing table keeps its rows.
  '0001_duty': {
    seed: (db) => {
      db.exec(`
        INSERT INTO people (id, name, office_phone, mobile) VALUES (1, '张明远', '028-26610001', '13900000001'), (2, '何振华', NULL, NULL);
        INSERT INTO departments (id, name, kind) VALUES (1, '市政府办公室', '办公室内设');
        INSERT INTO posts (id, title, kind, department_id, holder_id) VALUES (1, '市长', '市长', NULL, 1), (2, '办公室主任', '办公室主任', 1, 2);
        INSERT INTO absences (id, person_id, kind, start_date, end_date, created_at) VALUES (1, 1, '出差', '2026-10-02', '2026-10-03', '2026-09-01T00:00:00Z');
        INSERT INTO absence_reports (absence_id, person_id) VALUES (1, 2);
        INSERT INTO holiday_years (year, source, imported_at) VALUES (2026, '国办发明电〔2025〕7号', '2026-01-01T00:00:00Z');
        INSERT INTO calendar_days (date, year, kind, name) VALUES ('2026-10-01', 2026, '放假', '国庆节');
        INSERT INTO users (id, username, display_name, password_hash, role, created_at) VALUES (1, 'admin', '管理员', 'x', '管理员', '2026-01-01T00:00:00Z');
        INSERT INTO audit_log (at, procedure) VALUES ('2026-01-01T00:00:00Z', 'org.savePerson');
        INSERT INTO settings (key, value) VALUES ('office.name', '"资阳市人民政府办公室"');
      `)
    },
    check: (db) => {
      const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
      expect(Object.fromEntries(['people', 'departments', 'posts', 'absences', 'absence_reports', 'holiday_years', 'calendar_days', 'users', 'audit_log', 'settings'].map((t) => [t, count(t)])))
        .toEqual({ people: 2, departments: 1, posts: 2, absences: 1, absence_reports: 1, holiday_years: 1, calendar_days: 1, users: 1, audit_log: 1, settings: 1 })
      expect(db.prepare('SELECT office_phone FROM people WHERE id = 1').get()).toEqual({ office_phone: '028-26610001' })
      for (const t of ['rosters', 'duty_assignments', 'duty_exclusions', 'duty_changes', 'duty_log', 'duty_handover']) expect(count(t)).toBe(0)
    },
  },
  // Adds meetings, topics, minutes, follow-ups and stored files only: the duty tables keep their rows.
  '0002_meetings': {
    seed: (db) => {
      db.exec(`
        INSERT INTO people (id, name) VALUES (1, '张明远');
        INSERT INTO departments (id, name, kind) VALUES (1, '市政府办公室', '办公室内设');
        INSERT INTO rosters (id, kind, title, from_date, to_date, status, created_at) VALUES (1, '办公室值班', '2026年12月值班表', '2026-12-01', '2026-12-31', '已发布', '2026-11-25T00:00:00Z');
        INSERT INTO duty_assignments (roster_id, date, role, person_id) VALUES (1, '2026-12-01', '主班', 1);
        INSERT INTO duty_log (at, content) VALUES ('2026-12-01 09:30', '市应急局来电');
      `)
    },
    check: (db) => {
      const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
      expect(Object.fromEntries(['people', 'departments', 'rosters', 'duty_assignments', 'duty_log'].map((t) => [t, count(t)])))
        .toEqual({ people: 1, departments: 1, rosters: 1, duty_assignments: 1, duty_log: 1 })
      for (const t of ['meeting_types', 'meetings', 'topics', 'attendance', 'minutes', 'meeting_decisions', 'follow_ups', 'stored_files']) expect(count(t)).toBe(0)
    },
  },
  // Adds the documents tables and the search index only: meetings and follow-ups keep their rows.
  '0003_documents': {
    seed: (db) => {
      db.exec(`
        INSERT INTO people (id, name) VALUES (1, '张明远');
        INSERT INTO departments (id, name, kind) VALUES (1, '市财政局', '市政府部门');
        INSERT INTO meeting_types (id, kind, name, config) VALUES (1, '常务会议', '常务会议', '{}');
        INSERT INTO meetings (id, type_id, date, half_day, created_at) VALUES (1, 1, '2026-12-03', '上午', '2026-11-25T00:00:00Z');
        INSERT INTO follow_ups (id, source, source_title, task, department_id, deadline, created_at) VALUES (1, '领导批示', '批示', '落实', 1, '2026-12-31', '2026-11-25T00:00:00Z');
      `)
    },
    check: (db) => {
      const count = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n
      expect(Object.fromEntries(['people', 'departments', 'meeting_types', 'meetings', 'follow_ups'].map((t) => [t, count(t)])))
        .toEqual({ people: 1, departments: 1, meeting_types: 1, meetings: 1, follow_ups: 1 })
      for (const t of ['incoming_documents', 'instructions', 'assignments', 'outgoing_documents', 'reviews', 'proposals', 'document_search']) expect(count(t)).toBe(0)
    },
  },
}

describe('opening the database', () => {
  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout on every open', () => {
    const { sqlite } = openConnection(join(freshDir(), 'x.sqlite'))
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    sqlite.close()
  })
})

describe('the migration wrapper', () => {
  it('creates every table in a new database without a backup (nothing to lose)', () => {
    const dir = freshDir()
    const { sqlite } = openConnection(join(dir, 'x.sqlite'))
    const report = migrateDatabase(sqlite, MIGRATIONS, join(dir, 'backups'))
    expect(report.applied).toEqual(journal().map((e) => e.tag))
    expect(report.backupFile).toBeNull()
    expect(tables(sqlite)).toEqual(expect.arrayContaining(['people', 'posts', 'departments', 'absences', 'calendar_days', 'users', 'audit_log']))
    expect(migrateDatabase(sqlite, MIGRATIONS, join(dir, 'backups')).applied).toEqual([])
    sqlite.close()
  })

  it('backs up a database with data before applying a new migration, and keeps its rows', () => {
    const dir = freshDir()
    const { sqlite } = openConnection(join(dir, 'x.sqlite'))
    migrateDatabase(sqlite, MIGRATIONS, join(dir, 'backups'))
    sqlite.prepare("INSERT INTO people (name) VALUES ('张明远')").run()
    const next = migrationsPlus('9000_add_people_title', 'ALTER TABLE `people` ADD `title` text;')
    const report = migrateDatabase(sqlite, next, join(dir, 'backups'))
    expect(report.applied).toEqual(['9000_add_people_title'])
    expect(existsSync(report.backupFile!)).toBe(true)
    expect(readdirSync(join(dir, 'backups'))[0]).toMatch(/^升级前备份-.*\.sqlite$/)
    const backup = new Database(report.backupFile!, { readonly: true })
    expect(backup.prepare('SELECT name FROM people').get()).toEqual({ name: '张明远' })
    expect(() => backup.prepare('SELECT title FROM people').get()).toThrow()
    backup.close()
    expect(sqlite.prepare('SELECT name, title FROM people').get()).toEqual({ name: '张明远', title: null })
    sqlite.close()
  })

  it('refuses a database written by a newer version and leaves it untouched', () => {
    const dir = freshDir()
    const { sqlite } = openConnection(join(dir, 'x.sqlite'))
    migrateDatabase(sqlite, migrationsPlus('9000_future', 'CREATE TABLE `future` (`id` integer);'), join(dir, 'backups'))
    const before = tables(sqlite)
    expect(() => migrateDatabase(sqlite, MIGRATIONS, join(dir, 'backups'))).toThrow(NewerDatabaseError)
    expect(() => migrateDatabase(sqlite, MIGRATIONS, join(dir, 'backups'))).toThrow(/较新版本的三办/)
    expect(tables(sqlite)).toEqual(before)
    expect(existsSync(join(dir, 'backups'))).toBe(false)
    sqlite.close()
  })

  it('checks the foreign keys after migrating and names the backup to restore', () => {
    const dir = freshDir()
    const { sqlite } = openConnection(join(dir, 'x.sqlite'))
    migrateDatabase(sqlite, MIGRATIONS, join(dir, 'backups'))
    sqlite.pragma('foreign_keys = OFF')
    sqlite.prepare("INSERT INTO absences (person_id, kind, start_date, end_date, created_at) VALUES (999, '出差', '2026-10-01', '2026-10-02', 'x')").run()
    sqlite.pragma('foreign_keys = ON')
    const next = migrationsPlus('9000_noop', 'CREATE TABLE `noop` (`id` integer);')
    expect(() => migrateDatabase(sqlite, next, join(dir, 'backups'))).toThrow(ForeignKeyError)
    sqlite.close()
  })
})

describe('every migration keeps the data of the one before', () => {
  const later = journal().filter((e) => e.idx > 0)

  it('has a data test for every migration after the first', () => {
    expect(later.map((e) => e.tag).filter((tag) => !DATA_TESTS[tag])).toEqual([])
  })

  it.each(later.map((e) => [e.tag, e.idx] as const))('%s keeps the rows written at the previous migration', (tag, idx) => {
    const dir = freshDir()
    const { sqlite } = openConnection(join(dir, 'x.sqlite'))
    migrateDatabase(sqlite, migrationsUpTo(idx - 1), join(dir, 'backups'))
    DATA_TESTS[tag].seed(sqlite)
    migrateDatabase(sqlite, migrationsUpTo(idx), join(dir, 'backups'))
    DATA_TESTS[tag].check(sqlite)
    expect(sqlite.pragma('foreign_key_check')).toEqual([])
    sqlite.close()
  })
})
