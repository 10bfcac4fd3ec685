import { z } from 'zod'
import { mutation, query } from '../../kernel/procedure'
import type { ActionContext } from '../../kernel/procedure'
import { id, isoDate } from '../../kernel/fields'
import { readStoredFile } from '../../files/service'
import { acceptIncoming, reclassifyIncoming, registerIncoming, returnIncoming, updateIncoming } from './service'
import { proposeHandling, recordConsultation, recordInstruction, routeFor, sendToLeaders } from './handling'
import { assignDepartments, closeIncoming, recordChase, recordFeedback } from './tasks'
import { getIncoming, isIncomingFileSeen } from './view'
import { dueSoon } from './due-soon'
import { voidCheck, voidIncoming } from './void'
import { chaseNotice, chaseNoticeDocx } from './chase-notice'
import { download, DOCX_MIME } from '../../files/download'
import { unseen } from '../../security/clearance'
import { reclassifyInput } from '../../security/reclassify'
import { CLERKS, READERS, REVIEWERS } from '../../common/roles'
import { voidInput, assignInput, consultInput, instructInput, proposeInput, receiveInput, updateInput, chaseInput, closeInput, feedbackInput, returnInput, reviewInput, sendInput } from './contract'

/** Every 收文 action answers with the whole document as the page shows it, plus what the action adds. */
const detail = <E extends object>(ctx: ActionContext, id: number, extra?: E) => ({ ...getIncoming(ctx, id, ctx.clock.today()), ...extra }) as ReturnType<typeof getIncoming> & E

export const incomingProcedures = {
  'incoming.receive': mutation({
    summary: '签收登记收文（按年度编收文号）',
    access: CLERKS,
    input: receiveInput,
    handler: (ctx, input) => detail(ctx, registerIncoming(ctx, input).id),
  }),
  'incoming.update': mutation({
    summary: '修改收文登记信息（尚未拟办时；密级和保密期限只能经定密变更改变）',
    access: CLERKS,
    input: updateInput,
    handler: (ctx, input) => detail(ctx, updateIncoming(ctx, input).id),
  }),
  'incoming.reclassify': mutation({
    summary: '定密变更：变更收文的密级或保密期限（须写明理由并经领导批准）',
    access: CLERKS,
    input: reclassifyInput('收文'),
    handler: (ctx, input) => detail(ctx, reclassifyIncoming(ctx, input).id),
  }),
  'incoming.review': mutation({
    summary: '收文初审通过',
    access: REVIEWERS,
    input: reviewInput,
    handler: (ctx, input) => detail(ctx, acceptIncoming(ctx, input).id),
  }),
  'incoming.return': mutation({
    summary: '初审不合要求，退回来文单位并说明理由',
    access: REVIEWERS,
    input: returnInput,
    handler: (ctx, input) => detail(ctx, returnIncoming(ctx, input).id),
  }),
  'incoming.proposeRoute': query({
    summary: '按规则建议批示领导（分管副市长、市长或秘书长，含当日代行）',
    access: READERS,
    input: z.object({
      id: id('收文'),
      major: z.boolean().describe('重大事项').optional(),
      withinOneDepartment: z.boolean().describe('属一个部门职责范围').optional(),
      secretaryPostId: id('秘书长或副秘书长岗位').nullable().optional(),
      date: isoDate('日期').optional(),
    }),
    handler: (ctx, input) => routeFor(ctx, ctx.clock.today(), input),
  }),
  'incoming.propose': mutation({
    summary: '填写拟办意见（确定批示领导和办结时限）',
    access: CLERKS,
    input: proposeInput,
    handler: (ctx, input) => {
      const r = proposeHandling(ctx, input)
      return detail(ctx, input.id, { routeProposal: r.route, workingDays: r.workingDays })
    },
  }),
  'incoming.send': mutation({
    summary: '送领导批示或传阅（可依次送多位领导）',
    access: CLERKS,
    input: sendInput,
    handler: (ctx, input) => {
      const r = sendToLeaders(ctx, input)
      return detail(ctx, input.id, { warnings: r.warnings })
    },
  }),
  'incoming.instruct': mutation({
    summary: '登记领导批示或圈阅（意见、姓名、日期）',
    access: CLERKS,
    input: instructInput,
    handler: (ctx, input) => { recordInstruction(ctx, input); return detail(ctx, input.id) },
  }),
  'incoming.consult': mutation({
    summary: '登记有关单位对请示的意见及分歧协调情况',
    access: CLERKS,
    input: consultInput,
    handler: (ctx, input) => detail(ctx, input.id, { missing: recordConsultation(ctx, input).missing }),
  }),
  'incoming.assign': mutation({
    summary: '交办承办单位（一个主办、若干协办，按工作日计时限）',
    access: CLERKS,
    input: assignInput,
    handler: (ctx, input) => {
      const r = assignDepartments(ctx, input)
      return detail(ctx, input.id, { warnings: r.warnings })
    },
  }),
  'incoming.feedback': mutation({
    summary: '登记承办单位反馈（须附佐证材料）',
    access: CLERKS,
    input: feedbackInput,
    handler: (ctx, input) => detail(ctx, recordFeedback(ctx, input).documentId),
  }),
  'incoming.chase': mutation({
    summary: '催办（方式、对方接洽人、答复和承诺办结日期）',
    access: CLERKS,
    input: chaseInput,
    handler: (ctx, input) => detail(ctx, input.id, { warnings: recordChase(ctx, input).warnings }),
  }),
  'incoming.exportChaseNoticeDocx': query({
    summary: '导出催办通知单（Word，信函格式：收文号、标题、承办单位、办理时限、逾期工作日和联系人）',
    access: READERS,
    input: z.object({ id: id('收文'), assignmentId: id('承办记录') }),
    handler: async (ctx, input) => {
      const notice = chaseNotice(ctx, input)
      return download(`催办通知单（${notice.numberText}，${notice.department}）.docx`.replace(/[\\/:*?"<>|]+/g, '_'), DOCX_MIME, await chaseNoticeDocx(notice))
    },
  }),
  'incoming.voidCheck': query({
    summary: '作废收文前的提示（能否作废，作废后哪些环节停止）',
    access: READERS,
    input: z.object({ id: id('收文') }),
    handler: (ctx, { id }) => voidCheck(ctx, id),
  }),
  'incoming.void': mutation({
    summary: '作废收文（重复或错误登记；须写明理由，收文号不再使用，作废后不可恢复）',
    // 文秘 and 科长 may be designated (设置—公文作废人员); the service refuses the others.
    access: CLERKS,
    input: voidInput,
    handler: (ctx, input) => detail(ctx, voidIncoming(ctx, input).id),
  }),
  'incoming.close': mutation({
    summary: '收文办结',
    access: CLERKS,
    input: closeInput,
    handler: (ctx, input) => detail(ctx, closeIncoming(ctx, input).id),
  }),
  'incoming.get': query({
    summary: '收文详情（登记、拟办、批示、会签、承办、催办和办理过程）',
    access: READERS,
    input: z.object({ id: id('收文') }),
    handler: (ctx, { id }) => getIncoming(ctx, id, ctx.clock.today()),
  }),
  'incoming.downloadFile': query({
    summary: '下载收文的正文、附件或承办反馈材料（校验后）',
    access: READERS,
    input: z.object({ fileId: id('文件') }),
    handler: (ctx, { fileId }) => {
      if (!isIncomingFileSeen(ctx, fileId)) throw unseen('收文文件')
      return readStoredFile(ctx.db, ctx.dataDir, fileId)
    },
  }),
  'incoming.dueSoon': query({
    summary: '逾期和三个工作日内到期的收文及承办事项（首页）',
    access: READERS,
    input: z.object({}),
    handler: (ctx) => dueSoon(ctx, ctx.clock.today()),
  }),
}
