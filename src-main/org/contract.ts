/**
 * 组织机构's inputs, defined once (R-P1): the procedures check calls against these schemas and the services take
 * their output types, so a field is named, labelled and typed in one place.
 */
import { z } from 'zod'
import { id, isoDate, optionalText, phone, text } from '../kernel/fields'
import { DEPARTMENT_KINDS, POST_KINDS } from '../common/org'

export const byId = (label: string) => z.object({ id: id(label) })
const sortOrder = z.number().describe('排序').int().min(0).max(100000).optional()
const person = {
  name: text('姓名', 20),
  officePhone: phone('办公电话'),
  mobile: phone('手机'),
}

export const personInput = z.object({ id: id('人员').optional(), ...person, note: optionalText('备注') })
export type PersonInput = z.output<typeof personInput>

export const personInDepartmentInput = z.object({ departmentId: id('单位'), ...person, title: text('职务', 40), kind: z.enum(POST_KINDS).describe('岗位类别') })
export type PersonInDepartmentInput = z.output<typeof personInDepartmentInput>

export const departmentInput = z.object({
  id: id('单位').optional(), name: text('单位名称', 40), kind: z.enum(DEPARTMENT_KINDS).describe('单位类别'),
  supervisorPostId: id('分管领导').nullable().optional(), phone: phone('联系电话'), sortOrder,
})
export type DepartmentInput = z.output<typeof departmentInput>

export const postInput = z.object({
  id: id('岗位').optional(), title: text('职务', 40), kind: z.enum(POST_KINDS).describe('岗位类别'),
  departmentId: id('所在单位').nullable().optional(), holderId: id('任职人员').nullable().optional(),
  isExecutive: z.boolean().describe('负责常务工作').optional(), portfolio: optionalText('分管领域', 500), sortOrder,
})
export type PostInput = z.output<typeof postInput>

export const portfolioInput = z.object({
  postId: id('领导岗位'), portfolio: optionalText('分管领域', 500).transform((v) => v ?? null),
  departmentIds: z.array(id('分管单位')).describe('分管单位').max(200),
})
export type PortfolioInput = z.output<typeof portfolioInput>

export const abPairInput = z.object({ postAId: id('A角岗位'), postBId: id('B角岗位') })
export type AbPairInput = z.output<typeof abPairInput>

/** 任职变更 (R-P1 turnover): from the date on, the post is held by the person, or vacant (null). */
export const holderChangeInput = z.object({
  postId: id('岗位'), personId: id('新任职人员').nullable(), fromDate: isoDate('生效日期'), reason: text('任职依据', 200),
})
export type HolderChangeInput = z.output<typeof holderChangeInput>

export const undoHolderChangeInput = z.object({ postId: id('岗位'), reason: text('撤销理由', 200) })
export type UndoHolderChangeInput = z.output<typeof undoHolderChangeInput>

/** 归档: the person left on `date`; their posts fall vacant from then, their name stays on every record. */
export const archivePersonInput = z.object({ id: id('人员'), date: isoDate('离任日期'), reason: text('离任原因', 200) })
export type ArchivePersonInput = z.output<typeof archivePersonInput>

export const restorePersonInput = z.object({ id: id('人员'), reason: text('恢复理由', 200) })
export type RestorePersonInput = z.output<typeof restorePersonInput>
