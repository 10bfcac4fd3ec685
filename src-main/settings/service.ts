import { z } from 'zod'
import type { Db } from '../db/connection'
import { settings } from './schema'
import { POST_KINDS } from '../org/schema'

const postKinds = (label: string, fallback: (typeof POST_KINDS)[number][]) =>
  z.array(z.enum(POST_KINDS)).describe(label).min(1, '至少选择一类岗位').default(fallback)

/** The office's settings: another city changes these here, not in code. */
export const settingsSchema = z.object({
  cityName: z.string().describe('城市名称').trim().min(1).max(20).default('资阳市'),
  governmentName: z.string().describe('政府名称').trim().min(1).max(40).default('资阳市人民政府'),
  officeName: z.string().describe('办公室名称').trim().min(1).max(40).default('资阳市人民政府办公室'),
  sessionIdleMinutes: z.number().describe('无操作自动退出（分钟）').int().min(5, '不能少于5分钟').max(480, '不能超过480分钟').default(30),
  /** R-W1: who takes turns leading the duty on statutory holidays. */
  dutyLeaderPostKinds: postKinds('领导带班的岗位类别', ['市长', '副市长', '秘书长']),
  /** who leads the office's own duty (带班). 主班/副班 are the office's 工作人员. */
  dutyLeadPostKinds: postKinds('办公室值班带班的岗位类别', ['办公室主任', '办公室副主任']),
  /** Fairness: a holiday duty counts as this many ordinary days. */
  dutyHolidayWeight: z.number().describe('节假日值班折算天数').min(1, '不能少于1').max(5, '不能超过5').default(2),
  /** Printed on the roster; empty means the first office unit's phone. */
  dutyPhone: z.string().describe('值班电话').trim().max(40, '不能超过40个字').regex(/^[\d\-—、，, （）()转]*$/, '只能包含数字、短横线和分隔符').default(''),
})
export type Settings = z.output<typeof settingsSchema>

export function readSettings(db: Db): Settings {
  const rows = db.select().from(settings).all()
  return settingsSchema.parse(Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown])))
}

export function writeSettings(db: Db, patch: Partial<Settings>): { before: Settings; after: Settings } {
  const before = readSettings(db)
  const after = settingsSchema.parse({ ...before, ...patch })
  for (const [key, value] of Object.entries(after)) {
    db.insert(settings).values({ key, value: JSON.stringify(value) })
      .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value) } }).run()
  }
  return { before, after }
}
