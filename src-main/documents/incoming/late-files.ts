/**
 * Files added to a 收文 after its registration (issue 16): the scan forgotten at 签收登记, an annex sent on later. An
 * audited act of the 文秘 or 科长 with its reason; the files join the document's list like those registered with it.
 */
import { z } from 'zod'
import { mutation } from '../../kernel/procedure'
import type { ActionContext } from '../../kernel/procedure'
import { id, text } from '../../kernel/fields'
import { AppError } from '../../kernel/errors'
import { storeFile, uploadSchema } from '../../files/service'
import { CLERKS } from '../../common/roles'
import { INCOMING_FILE_KINDS } from '../../common/documents'
import { incomingFiles } from '../schema'
import { requireIncoming } from './service'
import { getIncoming } from './view'

export const addFilesInput = z.object({
  id: id('收文'),
  files: z.array(z.object({ kind: z.enum(INCOMING_FILE_KINDS).describe('文件类别'), file: uploadSchema })).describe('补充的文件')
    .min(1, '请选择要补充的文件').max(20, '一次不能超过20个'),
  reason: text('补充理由', 200),
})
export type AddFilesInput = z.output<typeof addFilesInput>

export function addIncomingFiles(ctx: ActionContext, input: AddFilesInput): void {
  const doc = requireIncoming(ctx, input.id)
  if (doc.status === '已作废') throw new AppError('CONFLICT', `本件已作废（${doc.voidReason ?? ''}），不能再补充文件`)
  const added = input.files.map((f) => {
    const file = storeFile(ctx, f.file)
    ctx.db.insert(incomingFiles).values({ documentId: doc.id, fileId: file.id, kind: f.kind }).onConflictDoNothing().run()
    return `${f.kind}：${file.name}`
  })
  ctx.audit.record({ entity: '收文', id: doc.id, fields: { 补充文件: added.join('；'), 理由: input.reason } })
}

export const incomingFileProcedures = {
  'incoming.addFiles': mutation({
    summary: '收文补充文件（登记后补扫描件、附件等，须写明理由）',
    access: CLERKS,
    input: addFilesInput,
    handler: (ctx, input) => {
      addIncomingFiles(ctx, input)
      return getIncoming(ctx, input.id, ctx.clock.today())
    },
  }),
}
