/**
 * 牵头市领导 / 督办领导 read from an office's table (issue 18): by name, name with title, or a title only one post has,
 * against who held which 市领导 post when (people and posts change: a 2023 row names the post its leader held then).
 */
import { describe, expect, it } from 'vitest'
import { parseLeader, type LeaderHolding } from '../../src-main/imports/leaders'

const H: LeaderHolding[] = [
  { postId: 1, title: '市长', name: '张明远', from: null, to: null },
  { postId: 2, title: '常务副市长', name: '王建华', from: null, to: '2024-06-30' },
  { postId: 2, title: '常务副市长', name: '李建国', from: '2024-07-01', to: null },
  // 李建国 was a 副市长 before he became 常务副市长.
  { postId: 3, title: '副市长', name: '李建国', from: null, to: '2024-06-30' },
  { postId: 3, title: '副市长', name: '刘芳', from: '2024-07-01', to: null },
  { postId: 4, title: '副市长', name: '杨帆', from: null, to: null },
]

describe('parseLeader', () => {
  it.each([
    ['a name', '杨帆', '2025-05-01', 4],
    ['a name with the title after it', '杨帆副市长', '2025-05-01', 4],
    ['a name with the title before it, spaced', '副市长 刘芳', '2025-05-01', 3],
    ['a title only one post has', '市长', '2025-05-01', 1],
    ['a name no longer in office names the post held then', '王建华', '2023-03-01', 2],
    ['a leader who held two posts: the one held on the row\'s day (before)', '李建国', '2023-03-01', 3],
    ['a leader who held two posts: the one held on the row\'s day (after)', '李建国同志', '2025-03-01', 2],
    ['an empty cell leaves the default', '', '2025-05-01', null],
  ])('%s: “%s” → post %s', (_, cell, day, post) => {
    expect(parseLeader(cell, H, day)).toEqual({ ok: true, value: post })
  })

  it.each([
    ['an unknown name', '钱多多', '2025-05-01', '组织机构中没有名为“钱多多”的市领导，请写市领导的姓名，或先在组织机构中录入'],
    ['a title several posts have', '副市长', '2025-05-01', '“副市长”不止一个岗位，请写市领导的姓名'],
  ])('%s is refused with what to write', (_, cell, day, reason) => {
    expect(parseLeader(cell, H, day)).toEqual({ ok: false, reason })
  })

  it('a leader with two posts and no holding on the day is refused, naming both posts', () => {
    const gap: LeaderHolding[] = [
      { postId: 2, title: '常务副市长', name: '李建国', from: '2024-07-01', to: null },
      { postId: 3, title: '副市长', name: '李建国', from: '2022-01-01', to: '2023-12-31' },
    ]
    expect(parseLeader('李建国', gap, '2024-03-01')).toEqual({ ok: false, reason: '李建国担任过多个市领导岗位（常务副市长、副市长），按任职记录无法确定2024年3月1日所任岗位，请核对组织机构中的任职时间' })
  })
})
