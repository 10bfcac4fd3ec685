import { z } from 'zod'
import { query, mutation } from '../../kernel/procedure'
import { id, isoDate, optionalText, text } from '../../kernel/fields'
import { classificationField } from '../../security/clearance'
import { reclassifyInput } from '../../security/reclassify'
import { DOCUMENT_TYPES, PUBLICITY, REVIEW_STEPS, SIGN_KINDS, URGENCIES } from '../../common/documents'
import { draftOutgoing, getOutgoing, reclassifyOutgoing, reviewDraft, templatesFor, updateDraft } from './service'
import { checkOutgoing, dispatchOutgoing, issueOutgoing, numberOutgoing, requiredSignerOn, signOff } from './signoff'
import { CLERKS, READERS, REVIEWERS } from '../../common/roles'

/** The fields of a draft (拟稿), shared by outgoing.draft and outgoing.updateDraft. */
const draftFields = {
  docType: z.enum(DOCUMENT_TYPES).describe('文种'),
  signKind: z.enum(SIGN_KINDS).describe('签发类别'),
  series: text('发文字号序列', 10),
  title: text('标题', 200),
  addressee: optionalText('主送机关', 1000),
  cc: optionalText('抄送机关', 1000),
  body: z.string().describe('正文').max(100_000, '不能超过100000个字').default(''),
  attachmentNames: z.array(text('附件名称', 200)).max(50, '不能超过50个').describe('附件').default([]),
  classification: classificationField(),
  secrecyPeriod: optionalText('保密期限', 20),
  urgency: z.enum(URGENCIES).describe('紧急程度').default('无'),
  draftingDepartmentId: id('起草单位').nullable().optional(),
  drafter: optionalText('拟稿人', 40),
  publicity: z.enum(PUBLICITY).describe('公开属性').default('主动公开'),
  upward: z.boolean().describe('上行文').default(false),
  countyDirective: z.boolean().describe('向县（区）政府发布的指示性公文').default(false),
  note: optionalText('附注', 500),
}

export const outgoingProcedures = {
  'outgoing.templates': query({
    summary: '发文拟稿模板（按文种：标题格式、主送、正文框架、结束语、默认字号序列和签发类别）',
    access: READERS,
    input: z.object({}),
    handler: ({ db }) => templatesFor(db),
  }),
  'outgoing.get': query({
    summary: '一件发文的全部情况（核稿、应由谁签发、签发、字号、复核、印发、核发和下一步）',
    access: READERS,
    input: z.object({ id: id('发文') }),
    handler: (ctx, { id }) => getOutgoing(ctx, id, ctx.clock.today()),
  }),
  'outgoing.draft': mutation({
    summary: '拟稿：新建发文稿（不编号，X-1）',
    access: CLERKS,
    input: z.object(draftFields),
    handler: draftOutgoing,
  }),
  'outgoing.updateDraft': mutation({
    summary: '修改发文稿（签发前；密级和保密期限只能经定密变更改变）',
    access: CLERKS,
    input: z.object({ id: id('发文'), ...draftFields, classification: classificationField().unwrap().optional() }),
    handler: updateDraft,
  }),
  'outgoing.reclassify': mutation({
    summary: '定密变更：变更发文的密级或保密期限（须写明理由并经领导批准）',
    access: CLERKS,
    input: reclassifyInput('发文'),
    handler: reclassifyOutgoing,
  }),
  'outgoing.review': mutation({
    summary: '核稿：部门负责人、办公室秘书、办公室负责人依次签署意见',
    access: REVIEWERS,
    input: z.object({
      id: id('发文'),
      step: z.enum(REVIEW_STEPS).describe('核稿环节'),
      reviewer: text('核稿人', 40),
      opinion: text('核稿意见', 1000),
      date: isoDate('核稿日期'),
    }),
    handler: reviewDraft,
  }),
  'outgoing.requiredSigner': query({
    summary: '发文应由谁签发（第四十八条，含代行，R-D4、R-P2、R-P3）',
    access: READERS,
    input: z.object({ id: id('发文'), date: isoDate('签发日期') }),
    handler: (ctx, { id, date }) => requiredSignerOn(ctx, id, date),
  }),
  'outgoing.signOff': mutation({
    summary: '签发发文（R-D4、R-D5；圈阅视为同意）',
    access: CLERKS,
    input: z.object({ id: id('发文'), signerId: id('签发人'), opinion: text('签发意见', 500), date: isoDate('签发日期') }),
    handler: signOff,
  }),
  'outgoing.number': mutation({
    summary: '编发文字号（签发后，按序列和签发年度，不跳号、不重号，R-D6、X-1）',
    access: CLERKS,
    input: z.object({ id: id('发文') }),
    handler: numberOutgoing,
  }),
  'outgoing.check': mutation({
    summary: '复核已编号的发文',
    access: REVIEWERS,
    input: z.object({ id: id('发文'), checkedBy: text('复核人', 40) }),
    handler: checkOutgoing,
  }),
  'outgoing.issue': mutation({
    summary: '印发：印发日期、份数、分送范围；涉密公文按起始份号编份号',
    access: CLERKS,
    input: z.object({
      id: id('发文'),
      issuedOn: isoDate('印发日期'),
      copies: z.number().describe('份数').int('应为整数').min(1, '至少1份').max(100_000, '不能超过100000份'),
      distribution: text('分送范围', 2000),
      firstCopyNumber: z.number().describe('起始份号').int('应为整数').min(1, '应为正整数').max(999_999, '不能超过999999').nullable().optional(),
    }),
    handler: issueOutgoing,
  }),
  'outgoing.dispatch': mutation({
    summary: '核发已印发的公文',
    access: CLERKS,
    input: z.object({ id: id('发文'), dispatchedOn: isoDate('核发日期') }),
    handler: dispatchOutgoing,
  }),
}
