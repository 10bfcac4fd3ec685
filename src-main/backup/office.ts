/**
 * The backup work of one open database: one job at a time (backup, restore, export, import) running in
 * the background while the office works, its progress for the progress bar, the daily schedule, and an
 * audit row for every outcome. Mutations only start a job: they must stay synchronous (rpc/router.ts).
 */
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { connectionKey, type Connection } from '../db/connection'
import { writeGateOf } from '../db/write-gate'
import { latestMigrationIn } from '../db/migrate'
import type { Clock } from '../kernel/clock'
import type { SessionUser } from '../kernel/procedure'
import { writeAudit } from '../audit/trail'
import { AuditTrail } from '../kernel/audit-trail'
import { AppError } from '../kernel/errors'
import { diskFullMessage, isDiskFull } from '../system/disk-space'
import { readTar, writeTar } from './archive'
import { backupFolderOf, readBackupSettings, type BackupSettings } from './settings'
import { deleteBackup, backupPath, createBackup, freeName, listBackups, openCopy, removeUnfinished, rotateBackups, verifyBackup, type Progress } from './service'
import { DATABASE_ENTRY, exportFileName, MANIFEST_ENTRY, scheduledBackupDue, unfinishedName, type BackupKind, deletionRefused, parseBackupFolderName } from './rules'
import { stageRestore, swapDatabaseFile } from './restore'
import { appendCarried, auditToCarry, type Carry } from './audit-carry'
import { readSettings } from '../settings/service'

/** What the office needs of the core: its live connection and a safe way to replace the database file. */
export interface BackupHost {
  conn: Connection
  clock: Clock
  dataDir: string
  databaseFile: string
  /** Closes the connection, runs `replace`, reopens (migrating) and ends every session. */
  reopenDatabase(replace: () => void): void
}

export const JOB_ACTIONS = ['备份', '恢复', '导出', '导入'] as const
export type JobAction = (typeof JOB_ACTIONS)[number]

export interface BackupJob {
  id: string
  action: JobAction
  state: 'running' | 'done' | 'failed'
  percent: number
  phase: string
  startedAt: string
  finishedAt: string | null
  /** Who started it; null for the daily backup. */
  by: string | null
  /** The outcome in the administrator's words. */
  message: string | null
}

interface Outcome { message: string; record: Record<string, unknown>; entityId: string }

/** Runs a job's start: at once, or (from a mutation) once its transaction has committed. */
type Later = (effect: () => void) => void
const now: Later = (effect) => effect()

const within = (progress: Progress, from: number, to: number): Progress => (f, phase) => progress(from + (to - from) * f, phase)

/** The newest migration this version knows: a backup from a newer one cannot be restored here. */
export const latestKnownMigration = (root: string): number => latestMigrationIn(join(root, 'drizzle'))

const offices = new Map<string, BackupOffice>()

export class BackupOffice {
  private running: { job: BackupJob; done: Promise<void> } | null = null
  private last: BackupJob | null = null
  private timer: NodeJS.Timeout | null = null
  private readonly appVersion: string
  private readonly latestMigration: number

  constructor(private readonly host: BackupHost, root: string) {
    this.appVersion = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version
    this.latestMigration = latestKnownMigration(root)
  }

  settings(): BackupSettings { return readBackupSettings(this.host.dataDir) }
  folder(): string { return backupFolderOf(this.host.dataDir, this.settings()) }
  list() { return listBackups(this.folder()) }
  status() { return { running: this.running?.job ?? null, last: this.last } }

  /** Resolves when the running job (if any) has finished; for the daily schedule and tests. */
  async idle(): Promise<void> { await this.running?.done }

  startBackup(user: SessionUser | null, kind: BackupKind = '手动', later: Later = now) {
    return this.run('备份', user, user ? 'backup.start' : 'backup.scheduled', later, async (progress) => {
      const name = await this.backup(kind, progress)
      const rotated = rotateBackups(this.folder(), this.rotation())
      const more = rotated.length ? `；按保留规则删除了 ${rotated.length} 个较早的定时备份` : ''
      return { message: `已完成备份「${name}」，校验通过${more}`, entityId: name, record: { 结果: '成功', 备份: name, 类型: kind, 轮换删除: rotated } }
    })
  }

  startRestore(user: SessionUser, name: string, later: Later = now) {
    const backup = backupPath(this.folder(), name)
    return this.run('恢复', user, 'backup.restore', later, (progress) => this.restoreFrom(backup, name, '恢复前', progress))
  }

  startExport(user: SessionUser, target: string | undefined, later: Later = now) {
    return this.run('导出', user, 'backup.export', later, async (progress) => {
      const folder = target || this.folder()
      const file = await this.exportTo(folder, progress)
      return { message: `已导出全部数据：${join(folder, file)}。把这个文件带到新电脑，安装三办后在“备份与恢复”中导入。`, entityId: file, record: { 结果: '成功', 文件: join(folder, file) } }
    })
  }

  startImport(user: SessionUser, file: string, later: Later = now) {
    return this.run('导入', user, 'backup.import', later, async (progress) => {
      const name = await this.unpack(file, within(progress, 0, 0.3))
      return this.restoreFrom(join(this.folder(), name), name, '导入前', within(progress, 0.3, 1))
    })
  }

  /** The daily backup, when due (rules.ts); the timer calls this every minute. */
  async tick(): Promise<void> {
    if (this.running) return
    const lastScheduled = this.list().find((b) => b.kind === '定时' && b.checked)
    if (!scheduledBackupDue(this.host.clock.now(), { enabled: this.settings().scheduleEnabled, time: this.settings().scheduleTime }, lastScheduled ? new Date(lastScheduled.createdAt) : null)) return
    this.startBackup(null, '定时')
    await this.idle()
  }

  startTimer(everyMs = 60_000): void {
    this.timer = setInterval(() => { void this.tick() }, everyMs)
    this.timer.unref()
  }

  /** Stops the timer and lets a running job finish (the core closes the database afterwards). */
  async stop(): Promise<void> {
    if (offices.get(this.host.dataDir) === this) offices.delete(this.host.dataDir)
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.idle()
  }

  private key() { return connectionKey(this.host.conn.sqlite) }

  /** The 安全保密管理员's retention (设置—安全保密), read from the live database. */
  retentionDays(): number { return readSettings(this.host.conn.db).backupRetentionDays }

  /** Deletes a backup unless the rules keep it (rules.ts deletionRefused): the refusal says why, in Chinese. */
  delete(name: string): void {
    if (this.running) throw new AppError('CONFLICT', '备份或恢复正在进行，请等它完成后再删除')
    backupPath(this.folder(), name)
    const info = this.list().find((b) => b.name === name)
    const kind = info?.kind ?? parseBackupFolderName(name)!.kind
    const refused = deletionRefused({ name, kind, createdAt: new Date(info?.createdAt ?? 0) }, this.retentionDays(), this.host.clock.now())
    if (refused) throw new AppError('RULE', refused, { rule: 'X-5' })
    deleteBackup(this.folder(), name)
  }

  private rotation() {
    const s = this.settings()
    return { keepDaily: s.keepDaily, keepWeekly: s.keepWeekly, retentionDays: this.retentionDays(), now: this.host.clock.now() }
  }

  private backup(kind: BackupKind, progress: Progress, folder = this.folder()): Promise<string> {
    removeUnfinished(folder)
    return createBackup({ sqlite: this.host.conn.sqlite, dataDir: this.host.dataDir, folder, kind, at: this.host.clock.now(), appVersion: this.appVersion, progress })
  }

  /** Checks the backup, keeps the current data as a backup first, then swaps the backup in. */
  private async restoreFrom(backup: string, name: string, keptAs: BackupKind, progress: Progress): Promise<Outcome> {
    const manifest = await verifyBackup(backup, this.key(), this.latestMigration, within(progress, 0, 0.3), name)
    const kept = await this.backup(keptAs, within(progress, 0.3, 0.7))
    const { dataDir, databaseFile } = this.host
    const staged = await stageRestore(backup, manifest, dataDir, databaseFile, within(progress, 0.7, 0.95))
    const key = this.key()
    let carry: Carry = { records: [], rechained: false }
    // Not while an import's worker is writing into the file being replaced (db/write-gate.ts): the swap waits for it.
    const carried = await writeGateOf(this.host.conn).hold(async () => {
      try {
        this.host.reopenDatabase(() => {
          carry = readCarry(databaseFile, staged, key)
          swapDatabaseFile(databaseFile, staged)
        })
      } finally {
        rmSync(staged, { force: true })
      }
      // Synchronously after the reopen: nothing else is written to the restored database before the carried records.
      return appendCarried(this.host.conn.sqlite, carry)
    })
    const note = carried ? `备份之后的 ${carried} 条审计记录已接续保留。` : ''
    return {
      message: `已用备份「${name}」（${manifest.createdAt.slice(0, 10)}）恢复数据和附件。${note}恢复前的数据已另存为备份「${kept}」。所有用户已退出，请重新登录。`,
      entityId: name,
      record: {
        结果: '成功', 恢复自: name, 备份时间: manifest.createdAt, 恢复前备份: kept, 接续的审计记录: `${carried} 条`,
        ...(carry.rechained ? { 说明: '备份来自另一条审计链（另一台电脑），原有记录已按原顺序接续在其后并重新计算校验值' } : {}),
      },
    }
  }

  /** A fresh backup packed into one tar file; the working copy is hidden and removed afterwards. */
  private async exportTo(folder: string, progress: Progress): Promise<string> {
    mkdirSync(folder, { recursive: true })
    removeUnfinished(folder)
    const file = exportFileName(this.host.clock.now())
    const work = join(folder, unfinishedName(`${file}.work`))
    try {
      const name = await this.backup('导出', within(progress, 0, 0.6), work)
      const root = join(work, name)
      const { files } = JSON.parse(readFileSync(join(root, MANIFEST_ENTRY), 'utf8')) as { files: { path: string }[] }
      const temp = join(folder, unfinishedName(file))
      await writeTar(temp, root, [MANIFEST_ENTRY, DATABASE_ENTRY, ...files.map((f) => f.path)], (f) => progress(0.6 + 0.4 * f, '写入导出文件'))
      renameSync(temp, join(folder, file))
      return file
    } finally {
      rmSync(work, { recursive: true, force: true })
    }
  }

  /** Unpacks an export into the backup folder as a backup of kind 导入 (kept there, like any backup). */
  private async unpack(file: string, progress: Progress): Promise<string> {
    const folder = this.folder()
    mkdirSync(folder, { recursive: true })
    removeUnfinished(folder)
    const name = freeName(folder, this.host.clock.now(), '导入')
    const temp = join(folder, unfinishedName(name))
    mkdirSync(temp)
    try {
      await readTar(file, temp, (f) => progress(f, '读取导入文件'))
      await verifyBackup(temp, this.key(), this.latestMigration, () => {}, `导入文件`)
    } catch (e) {
      rmSync(temp, { recursive: true, force: true })
      throw e
    }
    renameSync(temp, join(folder, name))
    return name
  }

  /** The job begins once `later` runs it: after the starting mutation (and its audit row) has committed. */
  private run(action: JobAction, user: SessionUser | null, procedure: string, later: Later, work: (progress: Progress) => Promise<Outcome>): BackupJob {
    if (this.running) throw new AppError('CONFLICT', `正在${this.running.job.action}，请等它完成后再试`)
    const job: BackupJob = {
      id: randomUUID(), action, state: 'running', percent: 0, phase: '准备', startedAt: this.host.clock.now().toISOString(),
      finishedAt: null, by: user?.displayName ?? null, message: null,
    }
    const progress: Progress = (f, phase) => { job.percent = Math.min(100, Math.round(f * 100)); job.phase = phase }
    later(() => {
      const done = new Promise<void>((resolve) => setImmediate(resolve))
        .then(() => work(progress))
        .then((outcome) => this.finish(job, user, procedure, 'done', outcome.message, outcome.entityId, outcome.record),
          (e: unknown) => {
            const message = e instanceof AppError ? e.message : `${action}失败：${this.cause(e)}`
            if (!(e instanceof AppError)) console.error(`[backup] ${action}失败`, e)
            this.finish(job, user, procedure, 'failed', message, job.id, { 结果: '失败', 原因: message })
          })
      this.running = { job, done }
    })
    return job
  }

  /** Why a job failed, in words: a full disk by name (its errors come from a worker thread as plain objects). */
  private cause(e: unknown): string {
    if (isDiskFull(e)) return `${diskFullMessage(this.folder())}。请清理磁盘，或在“备份设置”中把备份文件夹改到空间充足的磁盘后重试。`
    // Other failures speak SQLite's or Node's English: the administrator reads what to do, the detail goes to the log.
    return '过程中出错，数据未改动（详情已记入服务器日志）。请重试；再次失败请联系技术支持。'
  }

  private finish(job: BackupJob, user: SessionUser | null, procedure: string, state: BackupJob['state'], message: string, entityId: string, record: Record<string, unknown>): void {
    Object.assign(job, { state, message, finishedAt: this.host.clock.now().toISOString() }, state === 'done' ? { percent: 100, phase: '完成' } : {})
    this.last = job
    this.running = null
    const trail = new AuditTrail()
    trail.record({ entity: job.action === '备份' ? '备份' : `数据${job.action}`, id: entityId, after: record })
    const at = this.host.clock.now()
    // After any import's write (db/write-gate.ts): waiting for it inside SQLite would hold the request thread.
    void writeGateOf(this.host.conn).whenFree().then(() => {
      try {
        const { sqlite, db } = this.host.conn
        sqlite.transaction(() => writeAudit(db, at, user, procedure, trail)).immediate()
      } catch (e) {
        console.error('[backup] 审计记录写入失败', e)
      }
    })
  }
}

/**
 * The audit records of the database being replaced that the restored one lacks (audit-carry.ts), read with the
 * office's connection closed. The live file is opened writable so that closing it removes its empty WAL again.
 */
function readCarry(databaseFile: string, staged: string, key: Buffer | undefined): Carry {
  const live = openCopy(databaseFile, false, key)
  try {
    const restored = openCopy(staged, true, key)
    try { return auditToCarry(live, restored) } finally { restored.close() }
  } finally {
    live.close()
  }
}

/** The backup office of the database open on `dataDir`; procedures find it by their context's data folder. */
export function backupOfficeFor(dataDir: string): BackupOffice {
  const office = offices.get(dataDir)
  if (!office) throw new AppError('INTERNAL', '备份功能未启动')
  return office
}

/** Starts the backup office of a core; `schedule` runs the daily backup on a timer. */
export function openBackupOffice(host: BackupHost, root: string, schedule: boolean): BackupOffice {
  const office = new BackupOffice(host, root)
  offices.set(host.dataDir, office)
  if (schedule) office.startTimer()
  return office
}
