import type { QueryContext } from '../kernel/procedure'
import { byId } from './contract'
import { download, DOCX_MIME } from '../files/download'
import { query } from '../kernel/procedure'
import { READERS } from '../common/roles'

/** A meeting's Word file (议程, 出席情况, 通知): its print model, laid out by its builder, named by its title. */
export function meetingWord<P extends { title: string }>(summary: string, print: (ctx: QueryContext, meetingId: number) => P, docx: (data: P) => Promise<Buffer>) {
  return query({
    summary,
    access: READERS,
    input: byId('会议'),
    handler: async (ctx, { id }) => {
      const data = print(ctx, id)
      return download(`${data.title}.docx`, DOCX_MIME, await docx(data))
    },
  })
}
