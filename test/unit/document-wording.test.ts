import { describe, expect, it } from 'vitest'
import { incomingStatusText, quotedSentence, urgencyText } from '../../src-main/common/documents'
import { classificationText } from '../../src-main/common/classification'

// Issue 16: the words a document's fields and states show are computed once, and read the same on its page, in the
// registers, in Excel and in the prints.

describe('the words a 收文 or 发文 shows', () => {
  it.each([
    ['无', null, '非涉密'], ['秘密', null, '秘密'], ['机密', '1年', '机密★1年'], [null, null, '非涉密'],
  ] as const)('密级 %s (%s) reads %s', (c, period, text) => {
    expect(classificationText(c, period)).toBe(text)
  })

  it.each([['无', '一般'], ['加急', '加急'], ['特急', '特急'], [null, '一般']] as const)('紧急程度 %s reads %s', (u, text) => {
    expect(urgencyText(u)).toBe(text)
  })

  it.each([
    ['批示中', true, '批示中'], ['批示中', false, '待交办'], ['承办中', false, '承办中'], ['已登记', false, '已登记'],
  ] as const)('a 收文 %s, a leader still to instruct: %s → %s', (status, awaiting, text) => {
    expect(incomingStatusText(status, awaiting)).toBe(text)
  })

  it.each([['同意。', '“同意。”'], ['同意', '“同意”。'], ['请抓紧办理！', '“请抓紧办理！”']])('签发意见 %s closes a sentence as %s, never “…。”。', (opinion, text) => {
    expect(quotedSentence(opinion)).toBe(text)
  })
})
