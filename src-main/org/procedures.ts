import { z } from 'zod'
import { query, mutation } from '../kernel/procedure'
import { id, optionalText, phone, text } from '../kernel/fields'
import { DEPARTMENT_KINDS, POST_KINDS } from '../common/org'
import {
  addPersonToDepartment, deleteAbPair, deleteDepartment, deletePerson, deletePost, orgOverview,
  saveAbPair, saveDepartment, savePerson, savePost, setPortfolio,
} from './service'
import { hasDemoData, loadDemo, removeDemoOrganisation } from './demo'
import { CLERKS, READERS, REVIEWERS } from '../common/roles'

const byId = (label: string) => z.object({ id: id(label) })
const sortOrder = z.number().describe('排序').int().min(0).max(100000).optional()
const person = {
  name: text('姓名', 20),
  officePhone: phone('办公电话'),
  mobile: phone('手机'),
}

export const orgProcedures = {
  'org.overview': query({
    summary: '组织机构（人员、单位、岗位、分管、AB角）',
    access: READERS,
    input: z.object({}),
    handler: ({ db }) => ({ ...orgOverview(db), hasDemo: hasDemoData(db) }),
  }),
  'org.savePerson': mutation({
    summary: '新增或修改人员',
    access: CLERKS,
    input: z.object({ id: id('人员').optional(), ...person, note: optionalText('备注') }),
    handler: savePerson,
  }),
  'org.deletePerson': mutation({
    summary: '删除人员',
    access: CLERKS,
    input: byId('人员'),
    handler: (ctx, { id }) => { deletePerson(ctx, id); return null },
  }),
  'org.addPersonToDepartment': mutation({
    summary: '在单位中添加人员及其岗位',
    access: CLERKS,
    input: z.object({ departmentId: id('单位'), ...person, title: text('职务', 40), kind: z.enum(POST_KINDS).describe('岗位类别') }),
    handler: addPersonToDepartment,
  }),
  'org.saveDepartment': mutation({
    summary: '新增或修改单位',
    access: CLERKS,
    input: z.object({
      id: id('单位').optional(), name: text('单位名称', 40), kind: z.enum(DEPARTMENT_KINDS).describe('单位类别'),
      supervisorPostId: id('分管领导').nullable().optional(), phone: phone('联系电话'), sortOrder,
    }),
    handler: saveDepartment,
  }),
  'org.deleteDepartment': mutation({
    summary: '删除单位',
    access: CLERKS,
    input: byId('单位'),
    handler: (ctx, { id }) => { deleteDepartment(ctx, id); return null },
  }),
  'org.savePost': mutation({
    summary: '新增或修改岗位',
    access: CLERKS,
    input: z.object({
      id: id('岗位').optional(), title: text('职务', 40), kind: z.enum(POST_KINDS).describe('岗位类别'),
      departmentId: id('所在单位').nullable().optional(), holderId: id('任职人员').nullable().optional(),
      isExecutive: z.boolean().describe('负责常务工作').optional(), portfolio: optionalText('分管领域', 500), sortOrder,
    }),
    handler: savePost,
  }),
  'org.deletePost': mutation({
    summary: '删除岗位',
    access: CLERKS,
    input: byId('岗位'),
    handler: (ctx, { id }) => { deletePost(ctx, id); return null },
  }),
  'org.setPortfolio': mutation({
    summary: '设置领导分管领域和分管单位',
    access: CLERKS,
    input: z.object({ postId: id('领导岗位'), portfolio: optionalText('分管领域', 500).transform((v) => v ?? null), departmentIds: z.array(id('分管单位')).describe('分管单位').max(200) }),
    handler: (ctx, input) => { setPortfolio(ctx, input); return null },
  }),
  'org.saveAbPair': mutation({
    summary: '设置AB角',
    access: CLERKS,
    input: z.object({ postAId: id('A角岗位'), postBId: id('B角岗位') }),
    handler: saveAbPair,
  }),
  'org.deleteAbPair': mutation({
    summary: '解除AB角',
    access: CLERKS,
    input: byId('AB角'),
    handler: (ctx, { id }) => { deleteAbPair(ctx, id); return null },
  }),
  'org.removeDemo': mutation({
    summary: '删除演示数据',
    access: REVIEWERS,
    input: z.object({}),
    handler: removeDemoOrganisation,
  }),
  'org.loadDemo': mutation({
    summary: '载入演示数据',
    access: REVIEWERS,
    input: z.object({}),
    handler: (ctx) => { loadDemo(ctx); return null },
  }),
}
