import { z } from 'zod'
import { mutation, query } from '../kernel/procedure'
import { READERS } from '../common/roles'
import { markReadInput } from './contract'
import { deliverReminders, listReminders, markRead } from './service'

export const reminderProcedures = {
  'reminders.list': query({
    summary: '提醒：与本人有关的事件（批示已回、临期逾期、议题截止、明日会议、值班缺口、督办期限），未读在前',
    access: READERS,
    input: z.object({}),
    handler: (ctx) => listReminders(ctx, ctx.clock),
  }),
  'reminders.markRead': mutation({
    summary: '提醒标为已读（指定的几条，或全部未读）',
    access: READERS,
    input: markReadInput,
    handler: markRead,
  }),
  'reminders.deliver': mutation({
    summary: '桌面程序显示系统通知：取出尚未通知过的未读提醒并记为已通知（每人每条只通知一次）',
    access: READERS,
    input: z.object({}),
    handler: (ctx) => deliverReminders(ctx),
  }),
}
