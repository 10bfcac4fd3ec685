/** 发文's inputs, defined once (R-D4–R-D6, X-1): the procedures check calls against them, the services take their output types. */
import { z } from 'zod'
import { id, isoDate, optionalText, text } from '../../kernel/fields'
import { classificationField } from '../../security/clearance'
import { uploadSchema } from '../../files/service'
import { DOCUMENT_TYPES, PUBLICITY, REVIEW_STEPS, SIGN_KINDS, URGENCIES } from '../../common/documents'

/** The fields of a draft (拟稿), shared by outgoing.draft and outgoing.updateDraft. */
export const draftFields = {
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

/** 拟稿 (不编号, X-1). */
export const draftInput = z.object(draftFields)
export type DraftInput = z.output<typeof draftInput>

/** 修改发文稿: 密级 and 保密期限 may only be repeated (定密变更 changes them). */
export const draftEditInput = z.object({ id: id('发文'), ...draftFields, classification: classificationField().unwrap().optional() })
export type DraftEditInput = z.output<typeof draftEditInput>

/** 印发: 份数, 分送范围, the first 份号 of a classified document. */
export const issueInput = z.object({
  id: id('发文'),
  issuedOn: isoDate('印发日期'),
  copies: z.number().describe('份数').int('应为整数').min(1, '至少1份').max(100_000, '不能超过100000份'),
  distribution: text('分送范围', 2000),
  firstCopyNumber: z.number().describe('起始份号').int('应为整数').min(1, '应为正整数').max(999_999, '不能超过999999').nullable().optional(),
})
export type IssueInput = z.output<typeof issueInput>

/** 上传正文（.docx，替换原正文）和附件 (issue 16). */
export const attachFilesInput = z.object({
  id: id('发文'),
  body: uploadSchema.describe('正文（.docx）').nullable().optional(),
  attachments: z.array(uploadSchema).describe('附件').max(20, '一次不能超过20个').default([]),
})

/** One file of a 发文: to take off a draft, or to download. */
export const outgoingFileInput = z.object({ id: id('发文'), fileId: id('文件') })

/** 核稿, step by step. */
export const reviewInput = z.object({
  id: id('发文'),
  step: z.enum(REVIEW_STEPS).describe('核稿环节'),
  reviewer: text('核稿人', 40),
  opinion: text('核稿意见', 1000),
  date: isoDate('核稿日期'),
})
export type ReviewInput = z.output<typeof reviewInput>

/** 签发 (R-D4). */
export const signOffInput = z.object({ id: id('发文'), signerId: id('签发人'), opinion: text('签发意见', 500), date: isoDate('签发日期') })
export type SignOffInput = z.output<typeof signOffInput>

/** 复核. */
export const checkInput = z.object({ id: id('发文'), checkedBy: text('复核人', 40) })
export type CheckInput = z.output<typeof checkInput>

/** 核发. */
export const dispatchInput = z.object({ id: id('发文'), dispatchedOn: isoDate('核发日期') })
export type DispatchInput = z.output<typeof dispatchInput>
