/**
 * Why Sanban did not start, in the operator's words: the cause and what to do. The system's own texts
 * ("database disk image is malformed", "EADDRINUSE") tell an office nothing, and some mislead.
 * `startupMessage` is pure (tested with a table of cases); `explainStartupFailure` gathers the facts it
 * needs from the disk.
 */
import { accessSync, constants } from 'node:fs'
import { freeSpaceMb } from './disk-space'

export interface StartupContext {
  dataDir: string
  databaseFile: string
  keyFile?: string
  port?: number
  /** Free space on the data folder's disk; null when unknown. */
  freeMb: number | null
  /** The newest backup's database, to name in the remedy; null when there is none. */
  newestBackup: string | null
  /** Whether the data folder can be written: 'EROFS' a read-only disk, 'EACCES' no permission. */
  dataDirAccess: 'ok' | 'EROFS' | 'EACCES' | 'missing'
}

/** Below this much free space a write error at start-up is a full disk, whatever SQLite called it. */
export const LOW_SPACE_MB = 64

const UNCHANGED = '本次未改动任何文件。'

/** The steps to put a backup in place of a damaged or missing database while Sanban is stopped. */
export function restoreHint(databaseFile: string, newestBackup: string | null): string {
  const which = newestBackup ? `（最近一份：${newestBackup}）` : '（在数据目录的 backups 文件夹或“备份与恢复”设置的备份文件夹中）'
  return `请恢复备份：把 ${databaseFile} 及同名的 -wal、-shm 文件移到别处保存（不要删除），把最近一份备份中的 sanban.sqlite${which}复制为 ${databaseFile}，然后重新启动（见 README“启动失败时”）。${UNCHANGED}`
}

interface Coded { code?: string; syscall?: string; path?: string; message?: string }

const diskFull = (ctx: StartupContext) =>
  `磁盘空间不足（剩余 ${ctx.freeMb ?? '未知'} MB）：数据目录 ${ctx.dataDir} 所在的磁盘已满，数据库无法打开。请删除不需要的文件或把数据目录移到空间更大的磁盘（至少留出 ${LOW_SPACE_MB * 4} MB），然后重新启动。${UNCHANGED}`

const noPermission = (path: string) =>
  `没有读写权限：${path}。请让运行三办的系统用户对数据目录及其中的文件有读写权限（如 chown -R 该用户 数据目录），然后重新启动。${UNCHANGED}`

const readOnlyDisk = (ctx: StartupContext) =>
  `数据目录 ${ctx.dataDir} 所在的磁盘是只读的，三办无法在上面写入。请把该磁盘以可写方式重新挂载，或用 --data 指定可写磁盘上的数据目录，然后重新启动。${UNCHANGED}`

function errnoMessage(e: Coded, ctx: StartupContext): string | null {
  switch (e.code) {
    case 'EADDRINUSE':
      return `端口 ${ctx.port ?? ''} 已被其他程序占用（可能已有一个三办在运行）。请关闭占用该端口的程序，或用 --port 另选端口（如 --port ${(ctx.port ?? 5730) + 1}），然后重新启动。${UNCHANGED}`
    case 'EACCES':
    case 'EPERM':
      if (e.syscall === 'listen' || e.syscall === 'bind') return `没有权限监听端口 ${ctx.port ?? ''}（1024 以下的端口需要管理员权限）。请用 --port 选一个 1024 以上的端口（默认 5730）。${UNCHANGED}`
      return noPermission(e.path ?? ctx.dataDir)
    case 'EADDRNOTAVAIL':
      return `本机没有可监听的地址。请检查网卡设置，或去掉 --intranet 只在本机使用。${UNCHANGED}`
    case 'EROFS':
      return readOnlyDisk(ctx)
    case 'EEXIST':
    case 'ENOTDIR':
      return `数据路径 ${ctx.dataDir} 是一个文件，不是文件夹（或其上级路径中有同名文件）。请用 --data 指定一个文件夹，或把该文件移走，然后重新启动。${UNCHANGED}`
    case 'ENOSPC':
    case 'EDQUOT':
      return diskFull(ctx)
    default:
      return null
  }
}

function sqliteMessage(e: Coded, ctx: StartupContext): string | null {
  const code = e.code ?? ''
  if (!code.startsWith('SQLITE_')) return null
  if (code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && ctx.freeMb !== null && ctx.freeMb < LOW_SPACE_MB)) return diskFull(ctx)
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return `数据库文件 ${ctx.databaseFile} 已损坏，无法读取（文件内容不完整或被写坏）。${restoreHint(ctx.databaseFile, ctx.newestBackup)}`
  }
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_AUTH')) {
    if (ctx.dataDirAccess === 'EROFS') return readOnlyDisk(ctx)
    return noPermission(ctx.dataDirAccess === 'EACCES' ? ctx.dataDir : `${ctx.databaseFile}（或数据目录 ${ctx.dataDir}）`)
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return `读写数据库文件 ${ctx.databaseFile} 时磁盘出错（${code}）。请检查磁盘（是否被拔出、有无坏道，系统日志中的磁盘错误），排除后重新启动；如数据库因此损坏，${restoreHint(ctx.databaseFile, ctx.newestBackup)}`
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return `数据库 ${ctx.databaseFile} 正被其他程序打开（如 sqlite3 或另一个三办）。请关闭它，然后重新启动。${UNCHANGED}`
  }
  return null
}

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s)

/** The operator's message for a failed start (without the “三办启动失败：” prefix). */
export function startupMessage(error: unknown, ctx: StartupContext): string {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as Coded
  const mapped = errnoMessage(e, ctx) ?? sqliteMessage(e, ctx)
  if (mapped) return mapped
  const text = e.message ?? String(error)
  // Sanban's own refusals (wrong key, newer database, folder in use…) already say what happened and what to do.
  if (hasChinese(text)) return text
  return `发生了未预料的错误（${e.code ? `${e.code}：` : ''}${text}）。请把这条信息告诉维护人员。${UNCHANGED}`
}

function accessOf(dir: string): StartupContext['dataDirAccess'] {
  try {
    accessSync(dir, constants.W_OK)
    return 'ok'
  } catch (e) {
    const code = (e as Coded).code
    return code === 'EROFS' ? 'EROFS' : code === 'ENOENT' ? 'missing' : 'EACCES'
  }
}

/** `startupMessage` with the facts read from the disk now, after the failure. */
export function explainStartupFailure(error: unknown, ctx: Omit<StartupContext, 'freeMb' | 'dataDirAccess'>): string {
  return startupMessage(error, { ...ctx, freeMb: freeSpaceMb(ctx.dataDir), dataDirAccess: accessOf(ctx.dataDir) })
}
