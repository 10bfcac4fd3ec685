import { describe, expect, it } from 'vitest'
import { backupFolderName, backupsToRotate, isBackupEntry, parseBackupFolderName, scheduledBackupDue, type BackupKind } from '../../src-main/backup/rules'

const at = (s: string) => new Date(`${s}+08:00`)
const daily = { enabled: true, time: '12:30' }

describe('backup rules', () => {
  it('the daily backup is due after its time, once, and catches up after a day the server was off', () => {
    expect(scheduledBackupDue(at('2026-12-02T12:29:00'), daily, at('2026-12-01T12:30:05'))).toBe(false)
    expect(scheduledBackupDue(at('2026-12-02T12:30:00'), daily, at('2026-12-01T12:30:05'))).toBe(true)
    expect(scheduledBackupDue(at('2026-12-02T18:00:00'), daily, at('2026-12-02T12:30:05'))).toBe(false)
    expect(scheduledBackupDue(at('2026-12-05T08:00:00'), daily, at('2026-12-02T12:30:05'))).toBe(false)
    expect(scheduledBackupDue(at('2026-12-05T13:00:00'), daily, at('2026-12-02T12:30:05'))).toBe(true)
    expect(scheduledBackupDue(at('2026-12-05T13:00:00'), { ...daily, enabled: false }, null)).toBe(false)
  })

  it('rotation keeps the newest 定时 backup of each of the last days and weeks and never touches 手动 or 恢复前 ones', () => {
    const b = (s: string, kind: BackupKind = '定时') => ({ name: s, kind, createdAt: at(s) })
    const list = [b('2026-12-20T12:30:00'), b('2026-12-20T09:00:00', '手动'), b('2026-12-19T12:30:00'), b('2026-12-18T12:30:00'),
      b('2026-12-17T12:30:00'), b('2026-12-13T12:30:00'), b('2026-12-12T12:30:00'), b('2026-12-06T12:30:00'), b('2026-11-01T12:30:00', '恢复前')]
    const removed = backupsToRotate(list, { keepDaily: 2, keepWeekly: 2, retentionDays: 30, now: at('2027-02-01T00:00:00') }).map((x) => x.createdAt.toISOString().slice(0, 10))
    // Kept: 12-20 and 12-19 (days), 12-20 (week of 12-14) and 12-13 (week of 12-07).
    expect(removed).toEqual(['2026-12-18', '2026-12-17', '2026-12-12', '2026-12-06'].map((d) => d))
  })

  it('rotation deletes no backup younger than the retention the 安全保密管理员 set', () => {
    const b = (s: string) => ({ name: s, kind: '定时' as const, createdAt: at(s) })
    const list = [b('2026-12-20T12:30:00'), b('2026-12-19T12:30:00'), b('2026-12-18T12:30:00'), b('2026-06-01T12:30:00')]
    const removed = backupsToRotate(list, { keepDaily: 1, keepWeekly: 0, retentionDays: 180, now: at('2026-12-21T00:00:00') })
    expect(removed.map((x) => x.name)).toEqual(['2026-06-01T12:30:00'])
  })

  it('only names a backup writes are accepted, so a name or an archive entry cannot point elsewhere', () => {
    expect(parseBackupFolderName(backupFolderName(at('2026-12-01T12:30:00'), '定时'))).toEqual({ kind: '定时' })
    expect(backupFolderName(at('2026-12-01T12:30:00'), '手动')).toBe('三办备份-20261201-123000-手动')
    expect(parseBackupFolderName('../三办备份-20261201-123000-手动')).toBeNull()
    expect(parseBackupFolderName('.三办备份-20261201-123000-手动-未完成')).toBeNull()
    expect(isBackupEntry('files/ab/' + 'a'.repeat(64))).toBe(true)
    expect(isBackupEntry('files/../../etc/passwd')).toBe(false)
    expect(isBackupEntry('/sanban.sqlite')).toBe(false)
  })
})
