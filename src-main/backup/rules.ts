/** Backup naming, schedule and rotation: pure functions, tested without a disk. */
import { officeDate, officeInstant, officeStamp } from '../common/office-time'
import { chineseDate } from '../common/dates'
import { cite } from '../common/rules'

/** Why a backup was taken; shown in the list and part of its folder name. */
export const BACKUP_KINDS = ['定时', '手动', '恢复前', '导入前', '导出', '导入'] as const
export type BackupKind = (typeof BACKUP_KINDS)[number]

const PREFIX = '三办备份-'
const EXPORT_PREFIX = '三办全部数据-'
/** A folder being written (or deleted) carries this; it is never listed, so a crash never leaves a "good" half backup. */
const UNFINISHED = '-未完成'

export const backupFolderName = (at: Date, kind: BackupKind, n = 1): string =>
  `${PREFIX}${officeStamp(at)}${n > 1 ? `-${n}` : ''}-${kind}`
export const exportFileName = (at: Date): string => `${EXPORT_PREFIX}${officeStamp(at)}.tar`

/** The temporary name of a folder or file until it is complete and checked. */
export const unfinishedName = (finalName: string): string => `.${finalName}${UNFINISHED}`
export const isUnfinishedName = (name: string): boolean => name.startsWith('.') && name.endsWith(UNFINISHED)

const FOLDER_PATTERN = new RegExp(`^${PREFIX}(\\d{8})-(\\d{6})(?:-\\d+)?-(${BACKUP_KINDS.join('|')})$`)

/** A finished backup folder's name, or null for anything else in the folder (so names cannot point elsewhere). */
export function parseBackupFolderName(name: string): { kind: BackupKind } | null {
  const m = FOLDER_PATTERN.exec(name)
  return m ? { kind: m[3] as BackupKind } : null
}

/** The only paths a backup holds: the manifest, the database and content-addressed attachments. */
export const DATABASE_ENTRY = 'sanban.sqlite'
export const MANIFEST_ENTRY = 'manifest.json'
const FILE_ENTRY = /^files\/[0-9a-f]{2}\/[0-9a-f]{64}$/
export const isAttachmentPath = (path: string): boolean => FILE_ENTRY.test(path)
export const isBackupEntry = (path: string): boolean => path === DATABASE_ENTRY || path === MANIFEST_ENTRY || isAttachmentPath(path)

/**
 * The daily backup is due once the set time has passed today and none was taken since; a server
 * that was off at that time catches up when it next runs.
 */
export function scheduledBackupDue(now: Date, schedule: { enabled: boolean; time: string }, lastScheduledAt: Date | null): boolean {
  if (!schedule.enabled) return false
  const dueAt = officeInstant(officeDate(now), schedule.time)
  return now >= dueAt && (lastScheduledAt === null || lastScheduledAt < dueAt)
}

/**
 * How long every backup is kept at least (设置—安全保密, the 安全保密管理员's): neither the 系统管理员 nor the
 * daily rotation deletes a younger one. Those taken before a restore or an import hold the data the restore
 * replaced, and are never deleted through Sanban.
 */
export interface RotationPolicy { keepDaily: number; keepWeekly: number; retentionDays: number; now: Date }

const DAY_MS = 86_400_000
const KEPT_FOR_GOOD: readonly BackupKind[] = ['恢复前', '导入前']

/** Why a backup may not be deleted, in the administrator's words, or null when it may. */
export function deletionRefused(b: { name: string; kind: BackupKind; createdAt: Date }, retentionDays: number, now: Date): string | null {
  if (KEPT_FOR_GOOD.includes(b.kind)) {
    return `备份「${b.name}」是${b.kind === '恢复前' ? '恢复' : '导入'}数据之前自动留存的，保存着被替换的全部数据和审计记录，任何管理员都不能删除（${cite('X-5')}）`
  }
  const until = new Date(b.createdAt.getTime() + retentionDays * DAY_MS)
  if (now < until) {
    return `备份「${b.name}」未满安全保密管理员设定的最短保存期限（${retentionDays}天），${chineseDate(officeDate(until))}以后才能删除`
  }
  return null
}

/** Monday of the office week of an instant, as YYYY-MM-DD. */
function weekOf(at: Date): string {
  const day = new Date(`${officeDate(at)}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7))
  return day.toISOString().slice(0, 10)
}

/** The newest backup of each of the newest `count` periods. */
function newestPerPeriod<T extends { createdAt: Date }>(newestFirst: T[], period: (at: Date) => string, count: number): T[] {
  const seen = new Set<string>()
  return newestFirst.filter((b) => {
    const key = period(b.createdAt)
    if (seen.has(key) || seen.size >= count) return false
    seen.add(key)
    return true
  })
}

/**
 * Rotation applies to 定时 backups only: the newest of each of the last `keepDaily` days and of each of
 * the last `keepWeekly` weeks stay, and none younger than the retention goes. Backups an administrator took (手动)
 * stay until the administrator deletes them (after the retention); those taken before a restore or an import stay.
 */
export function backupsToRotate<T extends { name: string; kind: BackupKind; createdAt: Date }>(backups: T[], policy: RotationPolicy): T[] {
  const scheduled = backups.filter((b) => b.kind === '定时').sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
  const keep = new Set([
    ...newestPerPeriod(scheduled, (at) => officeDate(at), policy.keepDaily),
    ...newestPerPeriod(scheduled, weekOf, policy.keepWeekly),
  ])
  return scheduled.filter((b) => !keep.has(b) && deletionRefused(b, policy.retentionDays, policy.now) === null)
}
