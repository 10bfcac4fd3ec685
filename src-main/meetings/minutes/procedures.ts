import { z } from 'zod'
import { download, DOCX_MIME } from '../../files/download'
import { query, mutation } from '../../kernel/procedure'
import { id, isoDate } from '../../kernel/fields'
import { readSettings } from '../../settings/service'
import { AppError } from '../../kernel/errors'
import { getMinutes, minutesSignerOn, recordMinutesConsent, saveMinutes, signMinutes } from './service'
import { minutesDocx } from '../docx'
import { minutesPrint } from '../prints'
import { CLERKS, READERS } from '../../common/roles'
import { minutesInput, minutesConsentInput, signMinutesInput } from '../contract'

export const minutesProcedures = {
  'minutes.get': query({
    summary: '会议纪要（已保存的草稿或已签发的纪要；尚未起草时给出按会议生成的建议稿）',
    access: READERS,
    input: z.object({ meetingId: id('会议') }),
    handler: (ctx, { meetingId }) => getMinutes(ctx, meetingId, ctx.clock.today()),
  }),
  'minutes.save': mutation({
    summary: '保存会议纪要草稿',
    access: CLERKS,
    input: minutesInput,
    handler: saveMinutes,
  }),
  'minutes.signer': query({
    summary: '纪要应由谁签发（含代行，第四十、四十二条、第八条、第五十七条）',
    access: READERS,
    input: z.object({ meetingId: id('会议'), date: isoDate('签发日期') }),
    handler: ({ db }, { meetingId, date }) => minutesSignerOn(db, meetingId, date),
  }),
  'minutes.recordConsent': mutation({
    summary: '记录市长同意签发专题会议纪要（涉及资金、土地、规划、国有资产、人事编制，第四十、四十二条）',
    access: CLERKS,
    input: minutesConsentInput,
    handler: recordMinutesConsent,
  }),
  'minutes.sign': mutation({
    summary: '签发会议纪要并编号（第四十、四十二条；签发后编号）',
    access: CLERKS,
    input: signMinutesInput,
    handler: signMinutes,
  }),
  'minutes.exportDocx': query({
    summary: '导出会议纪要（Word，GB/T 9704；未签发的为草稿，不编号）',
    access: READERS,
    input: z.object({ meetingId: id('会议') }),
    handler: async (ctx, { meetingId }) => {
      const { db, clock } = ctx
      const m = getMinutes(ctx, meetingId, clock.today())
      if (!m.saved) throw new AppError('CONFLICT', '纪要尚未起草：请先保存纪要草稿，再导出')
      const buf = await minutesDocx(minutesPrint(m, readSettings(db), clock.today()))
      const filename = `${m.title}${m.numberText ?? '（草稿）'}.docx`
      return download(filename, DOCX_MIME, buf)
    },
  }),
}
