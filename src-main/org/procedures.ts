import { z } from 'zod'
import { query, mutation } from '../kernel/procedure'
import {
  abPairInput, archivePersonInput, byId, departmentInput, holderChangeInput, personInDepartmentInput, personInput, portfolioInput, postInput,
  restorePersonInput, undoHolderChangeInput,
} from './contract'
import { archivePerson, changeHolder, restorePerson, undoHolderChange } from './turnover'
import {
  addPersonToDepartment, deleteAbPair, deleteDepartment, deletePerson, deletePost, orgOverview,
  saveAbPair, saveDepartment, savePerson, savePost, setPortfolio,
} from './service'
import { hasDemoData, loadDemo, removeDemoOrganisation } from './demo'
import { CLERKS, READERS, REVIEWERS } from '../common/roles'


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
    input: personInput,
    handler: savePerson,
  }),
  'org.archivePerson': mutation({
    summary: '人员离任归档（所任岗位自离任日起空缺，已有记录保留姓名）',
    access: CLERKS,
    input: archivePersonInput,
    handler: archivePerson,
  }),
  'org.restorePerson': mutation({
    summary: '恢复已归档的人员',
    access: CLERKS,
    input: restorePersonInput,
    handler: restorePerson,
  }),
  'org.changeHolder': mutation({
    summary: '任职变更：岗位自某日起由某人担任或空缺，此前的任职人保留在当时的记录上',
    access: CLERKS,
    input: holderChangeInput,
    handler: changeHolder,
  }),
  'org.undoHolderChange': mutation({
    summary: '撤销岗位最近一次任职变更（登记有误时）',
    access: CLERKS,
    input: undoHolderChangeInput,
    handler: undoHolderChange,
  }),
  'org.deletePerson': mutation({
    summary: '删除人员（仅限没有任何记录的人员；离任请归档）',
    access: CLERKS,
    input: byId('人员'),
    handler: (ctx, { id }) => { deletePerson(ctx, id); return null },
  }),
  'org.addPersonToDepartment': mutation({
    summary: '在单位中添加人员及其岗位',
    access: CLERKS,
    input: personInDepartmentInput,
    handler: addPersonToDepartment,
  }),
  'org.saveDepartment': mutation({
    summary: '新增或修改单位',
    access: CLERKS,
    input: departmentInput,
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
    input: postInput,
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
    input: portfolioInput,
    handler: (ctx, input) => { setPortfolio(ctx, input); return null },
  }),
  'org.saveAbPair': mutation({
    summary: '设置AB角',
    access: CLERKS,
    input: abPairInput,
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
