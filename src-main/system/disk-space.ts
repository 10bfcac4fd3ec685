/**
 * The disk the office's data lives on. A full disk is the commonest fault of an office PC that has run for
 * years, and SQLite, Node and the backup worker each say it differently ("database or disk is full",
 * SQLITE_FULL, ENOSPC, a cloned object from a worker thread): one place recognises it and names it in the
 * office's words, with the free space, for writes, backups and start-up alike.
 */
import { statfsSync, statSync, type StatsFs } from 'node:fs'
import { dirname, resolve } from 'node:path'

const MB = 1024 * 1024

/** Below this the 系统管理员 is warned: a day's backup of a large office no longer fits. */
export const LOW_DISK_MB = 1024

/**
 * The file system that holds `path` (or would hold it: the nearest existing folder above it is asked, so a
 * data folder not yet created still gets an answer). Null where the system cannot say.
 */
function statfsOf(path: string): StatsFs | null {
  return nearest(path, (at) => statfsSync(at))
}

/** `read` of the nearest existing folder at or above `path`; null where the system cannot say. */
function nearest<T>(path: string, read: (at: string) => T): T | null {
  let at = resolve(path)
  for (;;) {
    try {
      return read(at)
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      const parent = dirname(at)
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === at) return null
      at = parent
    }
  }
}

/** Free space for an ordinary user, in whole MB (bavail, not bfree: root's reserve is no use to the office); null if unknown, so a message never shows a made-up figure. */
export function freeSpaceMb(path: string): number | null {
  const s = statfsOf(path)
  return s && Math.floor((s.bavail * s.bsize) / MB)
}

export interface DiskSpace {
  freeMb: number | null
  totalMb: number | null
  low: boolean
}

export function diskSpace(path: string): DiskSpace {
  const s = statfsOf(path)
  const freeMb = s && Math.floor((s.bavail * s.bsize) / MB)
  return { freeMb, totalMb: s && Math.floor((s.blocks * s.bsize) / MB), low: freeMb !== null && freeMb < LOW_DISK_MB }
}

/** Whether two folders live on one disk (the data folder and the backup folder, most often). */
export function onSameDisk(a: string, b: string): boolean {
  const device = (p: string) => nearest(p, (at) => statSync(at).dev)
  return device(a) !== null && device(a) === device(b)
}

const FULL_CODES = new Set(['SQLITE_FULL', 'ENOSPC'])

/** Whether an error of any origin means the disk is full (errors from a worker thread arrive as plain objects). */
export function isDiskFull(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false
  const { code, message, errno } = e as { code?: unknown; message?: unknown; errno?: unknown }
  if (typeof code === 'string' && FULL_CODES.has(code)) return true
  if (errno === -28) return true
  return typeof message === 'string' && /database or disk is full|ENOSPC|no space left on device/i.test(message)
}

/** "磁盘空间不足（剩余 3 MB）": what every refusal caused by a full disk begins with. */
export function diskFullMessage(path: string): string {
  const free = freeSpaceMb(path)
  return free === null ? '磁盘空间不足' : `磁盘空间不足（剩余 ${free} MB）`
}
