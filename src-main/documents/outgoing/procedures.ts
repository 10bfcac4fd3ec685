import { z } from 'zod'
import { query, mutation } from '../../kernel/procedure'
import { id, isoDate } from '../../kernel/fields'
import { reclassifyInput } from '../../security/reclassify'
import { draftOutgoing, getOutgoing, reclassifyOutgoing, reviewDraft, templatesFor, updateDraft } from './service'
import { checkOutgoing, dispatchOutgoing, issueOutgoing, numberOutgoing, requiredSignerOn, signOff } from './signoff'
import { CLERKS, READERS, REVIEWERS } from '../../common/roles'
import { AppError } from '../../kernel/errors'
import { reviewStepRoleProblem } from './rules'
import { attachFilesInput, draftEditInput, draftInput, issueInput, checkInput, dispatchInput, outgoingFileInput, reviewInput, signOffInput } from './contract'
import { attachOutgoingFiles, readOutgoingFile, removeOutgoingFile } from './files'

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
    summary: '拟稿：新建发文稿（签发后才编号）',
    access: CLERKS,
    input: draftInput,
    handler: draftOutgoing,
  }),
  'outgoing.updateDraft': mutation({
    summary: '修改发文稿（签发前；密级和保密期限只能经定密变更改变）',
    access: CLERKS,
    input: draftEditInput,
    handler: updateDraft,
  }),
  'outgoing.attachFiles': mutation({
    summary: '上传发文的正文（Word .docx，套红时排入版头）和附件（签发前）',
    access: CLERKS,
    input: attachFilesInput,
    handler: (ctx, input) => {
      attachOutgoingFiles(ctx, input)
      return getOutgoing(ctx, input.id, ctx.clock.today())
    },
  }),
  'outgoing.removeFile': mutation({
    summary: '删除发文稿的正文文件或附件（签发前）',
    access: CLERKS,
    input: outgoingFileInput,
    handler: (ctx, input) => {
      removeOutgoingFile(ctx, input)
      return getOutgoing(ctx, input.id, ctx.clock.today())
    },
  }),
  'outgoing.downloadFile': query({
    summary: '下载发文的正文文件或附件（校验后）',
    access: READERS,
    input: outgoingFileInput,
    handler: (ctx, { id, fileId }) => readOutgoingFile(ctx, id, fileId),
  }),
  'outgoing.reclassify': mutation({
    summary: '定密变更：变更发文的密级或保密期限（须写明理由并经领导批准）',
    access: CLERKS,
    input: reclassifyInput('发文'),
    handler: reclassifyOutgoing,
  }),
  'outgoing.review': mutation({
    summary: '核稿：部门负责人、办公室秘书、办公室负责人依次签署意见（办公室秘书一步由文秘或科长登记，其余由科长登记）',
    access: CLERKS,
    input: reviewInput,
    handler: (ctx, input) => {
      const problem = reviewStepRoleProblem(input.step, ctx.user!.role)
      if (problem) throw new AppError('FORBIDDEN', problem)
      return reviewDraft(ctx, input)
    },
  }),
  'outgoing.requiredSigner': query({
    summary: '发文应由谁签发（第四十八条，含第八条、第五十七条的代行）',
    access: READERS,
    input: z.object({ id: id('发文'), date: isoDate('签发日期') }),
    handler: (ctx, { id, date }) => requiredSignerOn(ctx, id, date),
  }),
  'outgoing.signOff': mutation({
    summary: '签发发文（第四十八条、第四十九条；圈阅视为同意）',
    access: CLERKS,
    input: signOffInput,
    handler: signOff,
  }),
  'outgoing.number': mutation({
    summary: '编发文字号（签发后、印制前，按序列和签发年度，不跳号、不重号）',
    access: CLERKS,
    input: z.object({ id: id('发文') }),
    handler: numberOutgoing,
  }),
  'outgoing.check': mutation({
    summary: '复核已编号的发文',
    access: REVIEWERS,
    input: checkInput,
    handler: checkOutgoing,
  }),
  'outgoing.issue': mutation({
    summary: '印发：印发日期、份数、分送范围；涉密公文按起始份号编份号',
    access: CLERKS,
    input: issueInput,
    handler: issueOutgoing,
  }),
  'outgoing.dispatch': mutation({
    summary: '核发已印发的公文',
    access: CLERKS,
    input: dispatchInput,
    handler: dispatchOutgoing,
  }),
}
