import { z } from 'zod'
import type { Db } from '../db/connection'
import { settings } from './schema'

/** The office's settings: another city changes these here, not in code. */
export const settingsSchema = z.object({
  cityName: z.string().describe('城市名称').trim().min(1).max(20).default('资阳市'),
  governmentName: z.string().describe('政府名称').trim().min(1).max(40).default('资阳市人民政府'),
  officeName: z.string().describe('办公室名称').trim().min(1).max(40).default('资阳市人民政府办公室'),
  sessionIdleMinutes: z.number().describe('无操作自动退出（分钟）').int().min(5, '不能少于5分钟').max(480, '不能超过480分钟').default(30),
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
