/** 定密变更's pure rules (common/reclassification.ts), shared by the server and the dialog (issue 14 §1). */
import { describe, expect, it } from 'vitest'
import { loweringNotice, newlyVisibleTo, reclassifyProblem, type ReclassifyRequest } from '../../src-main/common/reclassification'

const base: ReclassifyRequest = {
  before: { classification: '秘密', period: '1年' }, after: { classification: '无', period: null }, reason: '已公开发布', approverIsLeader: true,
  role: '科长', designated: ['科长'], approved: '机密', clearance: '机密', periodProblem: null,
}

describe('定密变更 rules', () => {
  it('allows the designated role with a reason and a leader as approver', () => {
    expect(reclassifyProblem(base)).toBeNull()
  })

  it('refuses, in this order: an undesignated role, no change, above the approval, above the clearance, no reason, no approver, a non-leader', () => {
    expect(reclassifyProblem({ ...base, role: '文秘' })).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('设置—定密变更人员') })
    expect(reclassifyProblem({ ...base, after: base.before })).toMatchObject({ message: '密级和保密期限均未改变（现为秘密★1年）' })
    expect(reclassifyProblem({ ...base, after: { classification: '机密', period: '1年' }, approved: '秘密' }))
      .toMatchObject({ message: '本系统批准的最高密级为秘密（设置—系统最高密级），不能将密级变更为机密' })
    expect(reclassifyProblem({ ...base, after: { classification: '机密', period: '1年' }, clearance: '秘密' })).toMatchObject({ code: 'FORBIDDEN' })
    expect(reclassifyProblem({ ...base, reason: '  ' })).toMatchObject({ field: 'reason' })
    expect(reclassifyProblem({ ...base, approverIsLeader: null })).toMatchObject({ field: 'approverId', message: expect.stringContaining('请选择') })
    expect(reclassifyProblem({ ...base, approverIsLeader: false })).toMatchObject({ field: 'approverId', message: '「批准人」须为市长、副市长、秘书长或副秘书长' })
  })

  it('a change of the 保密期限 alone is a 定密变更', () => {
    expect(reclassifyProblem({ ...base, after: { classification: '秘密', period: '6个月' } })).toBeNull()
  })

  it('says before a lowering which clearances will read the record, and nothing before a raise', () => {
    expect(newlyVisibleTo('机密', '无')).toEqual(['内部', '秘密'])
    expect(newlyVisibleTo('无', '秘密')).toEqual([])
    expect(loweringNotice('秘密', '无', '收文')).toBe('降低密级后，涉密等级为“内部”的人员也能查看本收文及其全部附件（正文、扫描件、材料），请确认已经批准。')
    expect(loweringNotice('秘密', '机密', '议题')).toBeNull()
  })
})
