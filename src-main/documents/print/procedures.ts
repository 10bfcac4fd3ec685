/**
 * The Word prints of 办文 as downloads: the 公文 itself (GB/T 9704), the 发文稿纸 and the 收文处理笺. What each shows is
 * built in ./prints, laid out in ./docx and ./forms.
 */
import { z } from 'zod'
import { download, DOCX_MIME } from '../../files/download'
import { query } from '../../kernel/procedure'
import { id } from '../../kernel/fields'
import { requireOutgoing } from '../outgoing/service'
import { readSettings } from '../../settings/service'
import { READERS } from '../../common/roles'
import { officialDocumentDocx } from './docx'
import { routingSlipDocx, signOffSheetDocx } from './forms'
import { officialDocumentPrint, routingSlipPrint, signOffSheetPrint } from './prints'
import { attachmentNamesOf, printSources } from '../outgoing/files'

const byId = (label: string) => z.object({ id: id(label) })

/** A file name without the characters Windows refuses. */
const safe = (s: string) => s.replace(/[\\/:*?"<>|\r\n]+/g, '_').slice(0, 120)

export const printProcedures = {
  'outgoing.exportDocumentDocx': query({
    summary: '导出公文正式文本（Word，GB/T 9704 套红：上传的 .docx 正文排入版头，.docx 附件另页附后；未编号的为草稿，发文字号处印“（编号）”）',
    access: READERS,
    input: byId('发文'),
    handler: async (ctx, { id: outgoingId }) => {
      const { db, clock } = ctx
      const row = requireOutgoing(ctx, outgoingId)
      // 套红: a .docx body and .docx 附件 are read from their stored files and laid into the frame
      const buf = await officialDocumentDocx({ ...officialDocumentPrint(row, readSettings(db), clock.today()), ...printSources(db, ctx.dataDir, row) })
      const filename = row.numberText ? `${row.numberText}${row.title}.docx` : `${row.title}（草稿）.docx`
      return download(safe(filename), DOCX_MIME, buf)
    },
  }),
  'outgoing.exportSignOffSheetDocx': query({
    summary: '导出发文稿纸（Word：签发、会签、核稿记录和发文字号）',
    access: READERS,
    input: byId('发文'),
    handler: async (ctx, { id: outgoingId }) => {
      const { db } = ctx
      const row = requireOutgoing(ctx, outgoingId)
      const buf = await signOffSheetDocx({ ...signOffSheetPrint(db, row, readSettings(db)), attachments: attachmentNamesOf(db, row) })
      return download(safe(`发文稿纸（${row.numberText ?? '未编号'}）${row.title}.docx`), DOCX_MIME, buf)
    },
  }),
  'incoming.exportRoutingSlipDocx': query({
    summary: '导出收文处理笺（Word：登记信息、拟办意见、领导批示和办理记录）',
    access: READERS,
    input: byId('收文'),
    handler: async (ctx, { id: incomingId }) => {
      const data = routingSlipPrint(ctx, incomingId, readSettings(ctx.db))
      return download(safe(`收文处理笺（${data.receiptNumber}）${data.title}.docx`), DOCX_MIME, await routingSlipDocx(data))
    },
  }),
}
