/**
 * 定密变更 (issue 14): a record's 密级 or 保密期限 changes only as an act of its own, by the roles the office
 * designates (设置—定密变更人员), with a reason and an approving leader. The rules here are pure and shared: the
 * dialog shows what the server will refuse, and says before a lowering who will be able to read the record.
 */
import { CLEARANCES, canSee, withinApproval, type Classification, type Clearance, classificationText } from './classification'
import { designatedProblem, type Role } from './roles'

export const RECLASSIFIED_KINDS = ['收文', '发文', '议题'] as const
export type ReclassifiedKind = (typeof RECLASSIFIED_KINDS)[number]

/** Who may be designated: business roles only (the 三员 never touch business records, X-5). */
export const RECLASSIFIER_ROLES = ['科长', '文秘'] as const

/** 密级 and 保密期限 of a record; `period` is null for 非涉密 and for records without one (议题). */
export interface Marking { classification: Classification; period: string | null }

/** 机密★1年, 秘密, or 非涉密: the mark text, and a word for 无. */
export const markingText = (m: Marking): string => classificationText(m.classification, m.period)

/** The clearances that may read the record after the change and could not before (empty unless it is lowered). */
export const newlyVisibleTo = (before: Classification, after: Classification): Clearance[] =>
  CLEARANCES.filter((c) => canSee(c, after) && !canSee(c, before))

/** The warning shown before a lowering, or null when no one new will read the record. */
export function loweringNotice(before: Classification, after: Classification, what: string): string | null {
  const who = newlyVisibleTo(before, after)
  if (!who.length) return null
  return `降低密级后，涉密等级为${who.map((c) => `“${c}”`).join('、')}的人员也能查看本${what}及其全部附件（正文、扫描件、材料），请确认已经批准。`
}

export interface ReclassifyRequest {
  before: Marking
  after: Marking
  reason: string | null | undefined
  /** Whether the chosen approver holds a post of a 市政府领导 (市长、副市长、秘书长、副秘书长); null when none was chosen. */
  approverIsLeader: boolean | null
  role: Role
  designated: readonly Role[]
  approved: Classification
  clearance: Clearance
  /** The kind's own rule for 保密期限 (e.g. 收文 must have one when classified); null when fine. */
  periodProblem: string | null
}

export type ReclassifyProblem = { code: 'FORBIDDEN' | 'VALIDATION'; field?: string; message: string }

/** The first reason to refuse a 定密变更, or null when it may be made. */
export function reclassifyProblem(r: ReclassifyRequest): ReclassifyProblem | null {
  const to = r.after.classification
  const undesignated = designatedProblem(r.role, r.designated, { name: '定密变更', setting: '定密变更人员', cannot: '变更密级或保密期限' })
  if (undesignated) return { code: 'FORBIDDEN', message: undesignated }
  if (r.before.classification === to && (r.before.period ?? null) === (r.after.period ?? null)) {
    return { code: 'VALIDATION', field: 'classification', message: `密级和保密期限均未改变（现为${markingText(r.before)}）` }
  }
  if (!withinApproval(r.approved, to)) {
    const limit = r.approved === '无' ? '非涉密' : r.approved
    return { code: 'VALIDATION', field: 'classification', message: `本系统批准的最高密级为${limit}（设置—系统最高密级），不能将密级变更为${to}` }
  }
  if (!canSee(r.clearance, to)) return { code: 'FORBIDDEN', field: 'classification', message: `您的涉密等级为${r.clearance}，不能将密级变更为${to}` }
  if (r.periodProblem) return { code: 'VALIDATION', field: 'secrecyPeriod', message: r.periodProblem }
  if (!r.reason?.trim()) return { code: 'VALIDATION', field: 'reason', message: '「变更理由」请写明为何变更密级或保密期限' }
  if (r.approverIsLeader === null) return { code: 'VALIDATION', field: 'approverId', message: '「批准人」请选择批准本次变更的市政府领导' }
  if (!r.approverIsLeader) return { code: 'VALIDATION', field: 'approverId', message: '「批准人」须为市长、副市长、秘书长或副秘书长' }
  return null
}

/** What an edit form is told when it sends another 密级 or 保密期限: the change has its own act. */
export const EDIT_CANNOT_RECLASSIFY = '密级和保密期限不能在修改时改变：请在详情页点“定密变更”，写明理由并选择批准人（只有设置—定密变更人员中的角色可以办理）'
