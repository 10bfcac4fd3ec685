import { query, mutation } from '../kernel/procedure'
import { readSettings, writeSettings, settingsSchema } from './service'
import { z } from 'zod'
import { REVIEWERS, SECURITY_ADMIN, SYSTEM_ADMIN } from '../common/roles'

const SETTINGS_EDITORS = [...SYSTEM_ADMIN, ...SECURITY_ADMIN, ...REVIEWERS]

export const settingsProcedures = {
  'settings.get': query({
    summary: '查看系统设置',
    access: 'signedIn',
    input: z.object({}),
    handler: ({ db }) => readSettings(db),
  }),
  'settings.update': mutation({
    summary: '修改系统设置',
    access: SETTINGS_EDITORS,
    input: settingsSchema.partial(),
    handler: ({ db, audit, user }, patch) => {
      const { before, after } = writeSettings(db, patch, user!.role)
      audit.record({ entity: '系统设置', id: 'settings', before, after })
      return after
    },
  }),
}
