import { query, mutation } from '../rpc/procedure'
import { readSettings, writeSettings, settingsSchema } from './service'
import { z } from 'zod'

export const settingsProcedures = {
  'settings.get': query({
    summary: '查看系统设置',
    input: z.object({}),
    handler: ({ db }) => readSettings(db),
  }),
  'settings.update': mutation({
    summary: '修改系统设置',
    access: ['管理员'],
    input: settingsSchema.partial(),
    handler: ({ db, audit }, patch) => {
      const { before, after } = writeSettings(db, patch)
      audit.record({ entity: '系统设置', id: 'settings', before, after })
      return after
    },
  }),
}
