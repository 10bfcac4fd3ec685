/** The pure rules of issue 16 part 2, by tables of cases: who may void, a typed 收文号, the day a 传阅 reached a leader. */
import { describe, expect, it } from 'vitest'
import { voiderProblem } from '../../src-main/common/voiding'
import { typedIncomingNumber } from '../../src-main/documents/outgoing/reply-link'
import { arrivedOn } from '../../src-main/documents/incoming/rules'

describe('作废: only the roles designated in 设置', () => {
  it.each([
    ['科长', ['科长'], null],
    ['文秘', ['科长'], '公文作废由科长办理（设置—公文作废人员），当前账户（文秘）不能作废。'],
    ['文秘', ['科长', '文秘'], null],
    ['查阅', ['科长', '文秘'], '公文作废由科长、文秘办理（设置—公文作废人员），当前账户（查阅）不能作废。'],
  ])('%s with %j designated', (role, designated, answer) => {
    expect(voiderProblem(role, designated)).toBe(answer)
  })
})

describe('a 收文号 typed to find the 请示 a 批复 answers', () => {
  it.each([
    ['收〔2026〕5号', { year: 2026, seq: 5 }],
    ['收[2026]5号', { year: 2026, seq: 5 }],
    ['2026-5', { year: 2026, seq: 5 }],
    [' 2026年第12号 ', { year: 2026, seq: 12 }],
    ['（2026）123', { year: 2026, seq: 123 }],
    ['污水处理厂', null],
    ['2026', null],
    ['资住建〔2026〕88号', null],
    ['收2026-5', { year: 2026, seq: 5 }],
    ['12', null],
  ])('%s', (typed, answer) => {
    expect(typedIncomingNumber(typed)).toEqual(answer)
  })
})

describe('传阅 in turn: the day the paper reached each leader', () => {
  const turn = (n: number, sentOn: string, instructedOn: string | null) => ({ turn: n, leaderId: n, sentOn, instructedOn })
  it.each([
    ['the first leader, on the 送批 day', [turn(1, '2026-12-01', null), turn(2, '2026-12-01', null)], 0, '2026-12-01'],
    ['a later leader the paper has not reached: no date', [turn(1, '2026-12-01', null), turn(2, '2026-12-01', null)], 1, null],
    ['a later leader, on the day the one before instructed', [turn(1, '2026-12-01', '2026-12-03'), turn(2, '2026-12-01', null)], 1, '2026-12-03'],
    ['a leader added later than the last 批示, on the day sent', [turn(1, '2026-12-01', '2026-12-02'), turn(2, '2026-12-05', null)], 1, '2026-12-05'],
  ])('%s', (_, rows, i, answer) => {
    expect(arrivedOn(rows, rows[i])).toBe(answer)
  })
})
