import { describe, expect, it } from 'vitest'
import { parseServerArgs } from '../../src-main/server/cli'
import { DEFAULT_SHARED_ANSWERS } from '../../src-main/core'

const parse = (...argv: string[]) => parseServerArgs(['--data', '/tmp/sanban-cli', ...argv], {})

describe('server mode\'s --shared-answers', () => {
  it('shares register pages and searches by default, and not at all with 0', () => {
    expect(parse().sharedAnswers).toBe(DEFAULT_SHARED_ANSWERS)
    expect(parse('--shared-answers', '0').sharedAnswers).toBe(0)
    expect(parse('--shared-answers', '500').sharedAnswers).toBe(500)
  })

  it('refuses a count that is not a whole number, in Chinese', () => {
    for (const bad of ['-1', '1.5', '很多']) expect(() => parse(`--shared-answers=${bad}`)).toThrow(`共用结果条数无效：${bad}`)
  })
})
