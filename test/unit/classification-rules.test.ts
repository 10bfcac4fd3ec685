import { describe, expect, it } from 'vitest'
import { canSee, visibleClassifications, withinApproval } from '../../src-main/common/classification'

describe('who may see a 密级 (人员密级)', () => {
  it.each([
    ['内部', '无', true], ['内部', '秘密', false], ['内部', '机密', false],
    ['秘密', '无', true], ['秘密', '秘密', true], ['秘密', '机密', false],
    ['机密', '无', true], ['机密', '秘密', true], ['机密', '机密', true],
  ] as const)('a reader cleared for %s sees a %s record: %s', (clearance, classification, seen) => {
    expect(canSee(clearance, classification)).toBe(seen)
  })

  it.each([
    ['内部', ['无']], ['秘密', ['无', '秘密']], ['机密', ['无', '秘密', '机密']],
  ] as const)('lists for a reader cleared for %s only %j', (clearance, levels) => {
    expect(visibleClassifications(clearance)).toEqual(levels)
  })
})

describe('what the system is approved for (系统最高密级)', () => {
  it.each([
    ['无', '秘密', false], ['秘密', '秘密', true], ['秘密', '机密', false], ['机密', '机密', true],
  ] as const)('a system approved for %s may register a %s document: %s', (approved, classification, ok) => {
    expect(withinApproval(approved, classification)).toBe(ok)
  })
})
