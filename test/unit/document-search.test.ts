import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import * as schema from '../../src-main/db/schema'
import { readFileSync } from 'node:fs'
import { charPairs, gramsOf, indexForSearch, matchQuery, searchIds } from '../../src-main/documents/search'

const fts = () => {
  const sqlite = new Database(':memory:')
  const ddl = readFileSync(new URL('../../drizzle/0003_documents.sql', import.meta.url), 'utf8').split('--> statement-breakpoint').find((s) => s.includes('document_search'))!
  sqlite.exec(ddl)
  return drizzle(sqlite, { schema })
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
    indexForSearch(db, '收文', 1, ['关于做好2026年防汛抗旱工作的通知', '资府办发〔2026〕12号', '四川省人民政府办公厅'])
    indexForSearch(db, '收文', 2, ['关于土地征收补偿标准的请示', '资自然资发〔2026〕3号', '市自然资源和规划局'])
    indexForSearch(db, '发文', 1, ['关于防汛工作的报告', '资府〔2026〕1号', '资阳市人民政府'])
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
    indexForSearch(db, '收文', 7, ['关于防汛工作的通知'])
    indexForSearch(db, '收文', 7, ['关于安全生产工作的通知'])
    expect(searchIds(db, '收文', '防汛')).toEqual([])
    expect(searchIds(db, '收文', '安全')).toEqual([7])
    expect(gramsOf(['ab'])).toBe('ab a b')
  })
})
