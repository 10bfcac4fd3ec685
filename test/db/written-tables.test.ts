/**
 * Shared answers kept by the tables they are read from (db/written-tables.ts, issue 20): a write to another
 * table keeps them, and any write they may depend on drops them — by this connection (also through the schema's
 * own triggers, also rolled back), by another connection or process, to a virtual table, or on a reopened database.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openConnection, type Connection } from '../../src-main/db/connection'
import { AnswersUntilWritten, writeStampsOf } from '../../src-main/db/written-tables'

let dir: string
let file: string
let conn: Connection

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanban-written-'))
  file = join(dir, 'sanban.sqlite')
  conn = openConnection(file)
  conn.sqlite.exec(`
    CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT);
    CREATE TABLE note_counts (n INTEGER);
    CREATE TABLE duty_log (id INTEGER PRIMARY KEY, text TEXT);
    CREATE VIRTUAL TABLE note_search USING fts5(text);
    CREATE TRIGGER notes_counted AFTER INSERT ON notes BEGIN UPDATE note_counts SET n = n + 1; END;
    INSERT INTO notes (text) VALUES ('甲'); INSERT INTO note_counts VALUES (1);`)
})
afterEach(() => { conn.sqlite.close(); rmSync(dir, { recursive: true, force: true }) })

/** A page of notes shared under one key, read from `reads`, counting how often it was really read. */
function sharedNotes(reads: string[] | undefined) {
  const answers = new AnswersUntilWritten<string>(writeStampsOf(conn), 10)
  let computed = 0
  const page = () => answers.get('notes', reads, () => {
    computed++
    return (conn.sqlite.prepare('SELECT text FROM notes ORDER BY id').pluck().all() as string[]).join('')
  })
  return { page, computed: () => computed }
}

describe('a shared answer is dropped by a write to a table it is read from, and only then', () => {
  it('is kept while another table is written, and read again once its own table is', () => {
    const notes = sharedNotes(['notes', 'note_counts'])
    expect(notes.page()).toBe('甲')
    conn.sqlite.prepare("INSERT INTO duty_log (text) VALUES ('夜班平安')").run()
    expect(notes.page()).toBe('甲')
    expect(notes.computed()).toBe(1)
    conn.sqlite.prepare("INSERT INTO notes (text) VALUES ('乙')").run()
    expect(notes.page()).toBe('甲乙')
  })

  it('sees a row written by the schema\'s own trigger as a write to that table', () => {
    const counts = new AnswersUntilWritten<number>(writeStampsOf(conn), 10)
    const total = () => counts.get('n', ['note_counts'], () => conn.sqlite.prepare('SELECT n FROM note_counts').pluck().get() as number)
    expect(total()).toBe(1)
    conn.sqlite.prepare("INSERT INTO notes (text) VALUES ('乙')").run()
    expect(total()).toBe(2)
  })

  it('drops the answer after a write that was rolled back (it costs only a recomputation)', () => {
    const notes = sharedNotes(['notes'])
    notes.page()
    expect(() => conn.sqlite.transaction(() => {
      conn.sqlite.prepare("INSERT INTO notes (text) VALUES ('丙')").run()
      throw new Error('撤销')
    })()).toThrow('撤销')
    expect(notes.page()).toBe('甲')
    expect(notes.computed()).toBe(2)
  })

  it('drops every answer after a write to a virtual table, which no trigger can see', () => {
    const notes = sharedNotes(['notes'])
    notes.page()
    conn.sqlite.prepare("INSERT INTO note_search (text) VALUES ('甲')").run()
    notes.page()
    expect(notes.computed()).toBe(2)
  })

  it('shows a write by another connection (another process on the same file) at once, whatever table it wrote', () => {
    const notes = sharedNotes(['notes'])
    notes.page()
    const other = openConnection(file)
    try { other.sqlite.prepare("INSERT INTO duty_log (text) VALUES ('另一进程')").run(); other.sqlite.prepare("UPDATE notes SET text = '甲（改）'").run() } finally { other.sqlite.close() }
    expect(notes.page()).toBe('甲（改）')
  })

  it('drops an answer that names no tables on any write', () => {
    const notes = sharedNotes(undefined)
    notes.page()
    conn.sqlite.prepare("INSERT INTO duty_log (text) VALUES ('夜班平安')").run()
    notes.page()
    expect(notes.computed()).toBe(2)
  })

  it('takes nothing kept on a database reopened in place (a restore) as fresh', () => {
    const notes = sharedNotes(['notes'])
    notes.page()
    conn.sqlite.close()
    const other = openConnection(file)
    try { other.sqlite.prepare("UPDATE notes SET text = '恢复后'").run() } finally { other.sqlite.close() }
    const reopened = openConnection(file)
    Object.assign(conn, reopened)
    expect(notes.page()).toBe('恢复后')
  })
})
