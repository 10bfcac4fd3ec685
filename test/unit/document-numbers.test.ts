import { describe, expect, it } from 'vitest'
import { bareProposalNumber, normalizeDocNumber, proposalNumberText } from '../../src-main/common/documents'

// Issue 16: a 来文字号 typed with square or round brackets is the same number as the one printed with 六角括号
// (GB/T 9704 7.2.4), and a 建议/提案 number typed with its own 第…号 is not printed twice over (R-D8).

describe('来文字号 written with 六角括号', () => {
  it.each([
    ['资交[2026]45号', '资交〔2026〕45号'],
    ['资交［2026］45号', '资交〔2026〕45号'],
    ['资交【2026】45号', '资交〔2026〕45号'],
    ['资交（2026）45号', '资交〔2026〕45号'],
    ['资交(2026)45号', '资交〔2026〕45号'],
    ['资交 [ 2026 ] 45号', '资交 〔2026〕 45号'],
    ['资交〔2026〕45号', '资交〔2026〕45号'],
    ['关于（2026年）工作的通知', '关于（2026年）工作的通知'],
    ['川府函（20260）1号', '川府函（20260）1号'],
  ])('%s → %s', (typed, stored) => {
    expect(normalizeDocNumber(typed)).toBe(stored)
  })
})

describe('R-D8 建议/提案 numbers printed once', () => {
  it.each([
    [2026, '3-028', '2026年第3-028号'],
    [2026, '第3-028号', '2026年第3-028号'],
    [2026, ' 第12号 ', '2026年第12号'],
    [2025, '40', '2025年第40号'],
    [2026, '2026年第3-028号', '2026年第3-028号'],
  ])('%i, %s → %s', (year, typed, text) => {
    expect(proposalNumberText(year, typed)).toBe(text)
  })
})

describe('R-D8 建议/提案 numbers stored bare', () => {
  it.each([
    ['第3-028号', '3-028'],
    ['3-028', '3-028'],
    ['2026年第3-028号', '3-028'],
    [' 第 12 号 ', '12'],
    ['第号', ''],
  ])('%s is kept as %s', (typed, stored) => {
    expect(bareProposalNumber(typed)).toBe(stored)
  })
})
