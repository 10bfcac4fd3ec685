import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { readFileSync } from 'node:fs'
import { sql } from 'drizzle-orm'
import { charPairs, gramsOf, indexForSearch, matchQuery, searchIds, searchRowid, visibleMatch, type SearchEntry } from '../../src-main/documents/registers/search'

const incoming = (docId: number, at = '2026-03-01 09:00'): SearchEntry => ({ kind: '收文', docId, at, classification: '无' })

const fts = () => {
  const sqlite = new Database(':memory:')
  const ddl = readFileSync(new URL('../../drizzle/0003_documents.sql', import.meta.url), 'utf8').split('--> statement-breakpoint').find((s) => s.includes('document_search'))!
  sqlite.exec(ddl)
  return drizzle(sqlite)
}

describe('Chinese search finds two-character words, not only three or more', () => {
  it.each([
    ['防汛抗旱', ['防汛', '汛抗', '抗旱']],
    ['土地', ['土地']],
    ['〔2026〕', ['〔2', '20', '02', '26', '6〕']],
    ['市', ['市']],
  ])('splits %s into its character pairs', (word, pairs) => {
    expect(charPairs(word)).toEqual(pairs)
  })

  it('quotes every pair so brackets and quotes are literal, and requires them all', () => {
    expect(matchQuery('资府发〔2026〕')).toBe('"资府" AND "府发" AND "发〔" AND "〔2" AND "20" AND "02" AND "26" AND "6〕"')
    expect(matchQuery('  ')).toBeNull()
    expect(matchQuery('a"b')).toBe('"a""" AND """b"')
  })

  it('finds 防汛, 土地, a number and a sender, and not a document lacking one of the words', () => {
    const db = fts()
    indexForSearch(db, incoming(1), ['关于做好2026年防汛抗旱工作的通知', '资府办发〔2026〕12号', '四川省人民政府办公厅'])
    indexForSearch(db, incoming(2), ['关于土地征收补偿标准的请示', '资自然资发〔2026〕3号', '市自然资源和规划局'])
    indexForSearch(db, { kind: '发文', docId: 1, at: '2026-03-01T01:00:00.000Z', classification: '无' }, ['关于防汛工作的报告', '资府〔2026〕1号', '资阳市人民政府'])
    expect(searchIds(db, '收文', '防汛')).toEqual([1])
    expect(searchIds(db, '收文', '土地')).toEqual([2])
    expect(searchIds(db, '收文', '〔2026〕12号')).toEqual([1])
    expect(searchIds(db, '收文', '自然资源')).toEqual([2])
    expect(searchIds(db, '收文', '防汛 请示')).toEqual([])
    expect(searchIds(db, '收文', '地')).toEqual([2])
    expect(searchIds(db, '发文', '防汛')).toEqual([1])
  })

  it('replaces a document\'s entry when its texts change', () => {
    const db = fts()
    indexForSearch(db, incoming(7), ['关于防汛工作的通知'])
    indexForSearch(db, incoming(7), ['关于安全生产工作的通知'])
    expect(searchIds(db, '收文', '防汛')).toEqual([])
    expect(searchIds(db, '收文', '安全')).toEqual([7])
    expect(gramsOf(['ab'])).toBe('ab a b')
  })

  it('replaces the entry when the 签收时间 is corrected, leaving no second entry under the old time', () => {
    const db = fts()
    indexForSearch(db, incoming(7, '2026-03-01 09:00'), ['关于防汛工作的通知'])
    indexForSearch(db, incoming(7, '2026-02-27 16:30'), ['关于防汛工作的通知'], '2026-03-01 09:00')
    expect(db.all(sql`SELECT rowid FROM document_search`)).toEqual([{ rowid: searchRowid('收文', '2026-02-27 16:30', 7) }])
  })
})

describe('the search index sorts and counts as the registers do (ten years: issue 7)', () => {
  it('orders entries newest first by 签收时间 then 收文 id, and 发文 by drafting time then id, in separate ranges', () => {
    const incomingOrder = [['2026-03-01 09:00', 9], ['2026-03-01 09:00', 4], ['2026-02-28 17:59', 12], ['2016-01-04 08:00', 1], ['1995-06-01 10:00', 2]] as const
    const keys = incomingOrder.map(([at, id]) => searchRowid('收文', at, id))
    expect([...keys].sort((a, b) => b - a)).toEqual(keys)
    const outgoingOrder = [['2026-03-01T01:00:00.900Z', 3], ['2026-03-01T01:00:00.100Z', 2], ['2025-12-31T23:59:59.000Z', 40]] as const
    const out = outgoingOrder.map(([at, id]) => searchRowid('发文', at, id))
    expect([...out].sort((a, b) => b - a)).toEqual(out)
    expect(Math.min(...out)).toBeGreaterThan(Math.max(...keys))
    expect(Math.max(searchRowid('发文', '2099-12-31T15:59:59.000Z', 2 ** 20 - 1), searchRowid('收文', '2099-12-31 23:59', 2 ** 24 - 1))).toBeLessThan(Number.MAX_SAFE_INTEGER)
  })

  it('counts only what a reader may see: 内部 readers do not count 秘密 or 机密 entries', () => {
    const db = fts()
    const levels = ['无', '秘密', '机密', '无'] as const
    levels.forEach((classification, i) => indexForSearch(db, { ...incoming(i + 1), classification }, ['关于防汛工作的通知']))
    const count = (clearance: '内部' | '秘密' | '机密') =>
      db.get<{ n: number }>(sql`SELECT count(*) AS n FROM document_search WHERE document_search MATCH ${visibleMatch(matchQuery('防汛')!, clearance)}`)!.n
    expect([count('内部'), count('秘密'), count('机密')]).toEqual([2, 3, 4])
  })
})
