/**
 * Where and when backups are taken. Kept in the data folder beside the database, not in it: a restore
 * must not move the backup folder or the schedule back in time, and a whole-office import onto a new
 * PC must not carry over the old PC's drive letters.
 */
import { existsSync, readFileSync } from 'node:fs'
import { isAbsolute, join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomically } from './disk'

export const backupSettingsSchema = z.object({
  scheduleEnabled: z.boolean().describe('每日定时备份').default(true),
  scheduleTime: z.string().describe('定时备份时间').regex(/^([01]\d|2[0-3]):[0-5]\d$/, '请按“时:分”填写，如 12:30').default('12:30'),
  keepDaily: z.number().describe('保留每日备份（天）').int().min(1, '至少保留1天').max(60, '不能超过60天').default(7),
  keepWeekly: z.number().describe('保留每周备份（周）').int().min(0).max(52, '不能超过52周').default(4),
  /** Empty: the data folder's backups/. Otherwise an absolute folder on this PC, e.g. a removable drive. */
  folder: z.string().describe('备份文件夹').trim().max(400)
    .refine((f) => f === '' || isAbsolute(f), '请填写完整路径（如 D:\\三办备份 或 /media/备份盘），留空为数据目录下的 backups').default(''),
})
export type BackupSettings = z.output<typeof backupSettingsSchema>

const FILE = 'backup-settings.json'

/** A missing or unreadable file means the defaults: backups must not stop because of a settings file. */
export function readBackupSettings(dataDir: string): BackupSettings {
  const file = join(dataDir, FILE)
  try {
    return backupSettingsSchema.parse(existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {})
  } catch {
    return backupSettingsSchema.parse({})
  }
}

export function writeBackupSettings(dataDir: string, settings: BackupSettings): void {
  writeFileAtomically(join(dataDir, FILE), JSON.stringify(settings, null, 2))
}

export const backupFolderOf = (dataDir: string, settings: BackupSettings): string => settings.folder || join(dataDir, 'backups')
