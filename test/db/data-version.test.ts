/**
 * What the shared register pages and the per-call account check are kept against (db/data-version.ts): every
 * write, from this connection or any other, and a reopened database, must drop what was kept.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openConnection, type Connection } from '../../src-main/db/connection'
import { AnswersUntilDataChanges, dataVersionOf, untilDataChanges } from '../../src-main/db/data-version'

let dir: string
let file: string
let conn: Connection

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sanban-version-'))
  file = join(dir, 'sanban.sqlite')
  conn = openConnection(file)
  conn.sqlite.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('甲')")
})
afterEach(() => { conn.sqlite.close(); rmSync(dir, { recursive: true, force: true }) })

/** Reads the notes, counting how often it really read them. */
function notesReader(c: Connection) {
  let reads = 0
  const read = () => { reads++; return (c.sqlite.prepare('SELECT text FROM notes ORDER BY id').pluck().all() as string[]).join('') }
  return { read, reads: () => reads }
}

describe('answers kept until the data changes', () => {
  it('reads once while nothing is written', () => {
    const notes = notesReader(conn)
    const kept = untilDataChanges(dataVersionOf(conn), notes.read)
    expect([kept(), kept(), kept()]).toEqual(['甲', '甲', '甲'])
    expect(notes.reads()).toBe(1)
  })

  it('reads again after a write on the same connection, also inside a transaction that is rolled back', () => {
    const notes = notesReader(conn)
    const kept = untilDataChanges(dataVersionOf(conn), notes.read)
    kept()
    conn.sqlite.exec("INSERT INTO notes (text) VALUES ('乙')")
    expect(kept()).toBe('甲乙')
    expect(() => conn.sqlite.transaction(() => { conn.sqlite.exec("INSERT INTO notes (text) VALUES ('丙')"); throw new Error('撤销') })()).toThrow('撤销')
    expect(kept()).toBe('甲乙')
    expect(notes.reads()).toBe(3)
  })

  it('reads again after another connection (another process) writes to the file', () => {
    const kept = untilDataChanges(dataVersionOf(conn), notesReader(conn).read)
    expect(kept()).toBe('甲')
    const other = openConnection(file)
    other.sqlite.exec("UPDATE notes SET text = '丁'")
    other.sqlite.close()
    expect(kept()).toBe('丁')
  })

  it('reads again after the database is reopened in the same connection object (a restore)', () => {
    const notes = notesReader(conn)
    const kept = untilDataChanges(dataVersionOf(conn), () => notes.read())
    kept()
    const old = conn.sqlite
    old.close()
    Object.assign(conn, openConnection(file))
    kept()
    expect(notes.reads()).toBe(2)
  })
})

describe('shared answers by key', () => {
  it('keeps at most the number asked for, dropping the one used longest ago', () => {
    const answers = new AnswersUntilDataChanges<string>(dataVersionOf(conn), 2)
    let computed = 0
    const get = (key: string) => answers.get(key, () => { computed++; return `${key}的答案` })
    get('一'); get('二'); get('一'); get('三')
    expect(computed).toBe(3)
    expect(get('一')).toBe('一的答案')
    expect(computed).toBe(3)
    get('二')
    expect(computed).toBe(4)
  })

  it('keeps nothing from a computation that wrote', () => {
    const answers = new AnswersUntilDataChanges<number>(dataVersionOf(conn), 10)
    let computed = 0
    const writing = () => { computed++; conn.sqlite.exec("INSERT INTO notes (text) VALUES ('戊')"); return computed }
    expect(answers.get('k', writing)).toBe(1)
    expect(answers.get('k', writing)).toBe(2)
  })
})
