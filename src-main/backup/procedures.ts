import { existsSync, statSync } from 'node:fs'
import { isAbsolute } from 'node:path'
import { z } from 'zod'
import { query, mutation } from '../kernel/procedure'
import { SYSTEM_ADMIN } from '../common/roles'
import { AppError } from '../kernel/errors'
import { backupOfficeFor } from './office'
import { deletionRefused } from './rules'
import { backupSettingsSchema, readBackupSettings, writeBackupSettings } from './settings'
import { diskSpace, onSameDisk } from '../system/disk-space'

/*
 * 备份与恢复 belongs to the 系统管理员. Long work runs as a job: the mutation starts it (and writes
 * the audit row of who asked), `backup.status` reports its progress, and its outcome is audited too.
 */

const office = (ctx: { dataDir: string }) => backupOfficeFor(ctx.dataDir)
const backupName = z.string().describe('备份').min(1).max(200)

/** A path on the server's PC (a removable drive, a folder); the browser cannot hand over gigabytes. */
const serverPath = (label: string) => z.string().describe(label).trim().min(1, `请填写${label}`).max(400)
  .refine((p) => isAbsolute(p), '请填写完整路径（如 E:\\三办全部数据-20261125-120000.tar 或 /media/u盘/…）')

export const backupProcedures = {
  'backup.list': query({
    summary: '查看备份列表和备份设置',
    access: SYSTEM_ADMIN,
    input: z.object({}),
    handler: (ctx) => {
      const o = office(ctx)
      const retentionDays = o.retentionDays()
      const now = ctx.clock.now()
      // Each backup says whether it may be deleted and why not, so the page offers 删除 only where it is allowed.
      const backups = o.list().map((b) => ({ ...b, keptBecause: deletionRefused({ ...b, createdAt: new Date(b.createdAt) }, retentionDays, now) }))
      return { folder: o.folder(), settings: readBackupSettings(ctx.dataDir), retentionDays, backups }
    },
  }),
  'backup.disk': query({
    summary: '查看数据目录和备份文件夹所在磁盘的剩余空间',
    access: SYSTEM_ADMIN,
    input: z.object({}),
    handler: (ctx) => ({
      data: { folder: ctx.dataDir, ...diskSpace(ctx.dataDir) },
      backups: { folder: office(ctx).folder(), ...diskSpace(office(ctx).folder()) },
      sameDisk: onSameDisk(ctx.dataDir, office(ctx).folder()),
    }),
  }),
  'backup.status': query({
    summary: '查看备份或恢复的进度',
    access: SYSTEM_ADMIN,
    input: z.object({}),
    handler: (ctx) => office(ctx).status(),
  }),
  'backup.start': mutation({
    summary: '立即备份',
    access: SYSTEM_ADMIN,
    input: z.object({}),
    handler: (ctx) => {
      const job = office(ctx).startBackup(ctx.user, '手动', ctx.afterCommit)
      ctx.audit.record({ entity: '备份', id: job.id, after: { 操作: '开始备份', 备份文件夹: office(ctx).folder() } })
      return job
    },
  }),
  'backup.restore': mutation({
    summary: '用备份恢复数据',
    access: SYSTEM_ADMIN,
    input: z.object({ name: backupName }),
    handler: (ctx, { name }) => {
      const job = office(ctx).startRestore(ctx.user!, name, ctx.afterCommit)
      ctx.audit.record({ entity: '数据恢复', id: name, after: { 操作: '开始恢复', 备份: name } })
      return job
    },
  }),
  'backup.delete': mutation({
    summary: '删除备份（恢复前、导入前的备份和未满最短保存期限的备份不能删除）',
    access: SYSTEM_ADMIN,
    input: z.object({ name: backupName }),
    handler: (ctx, { name }) => {
      office(ctx).delete(name)
      ctx.audit.record({ entity: '备份', id: name, before: { 备份: name }, after: null })
      return { deleted: name }
    },
  }),
  'backup.updateSettings': mutation({
    summary: '修改备份设置',
    access: SYSTEM_ADMIN,
    input: backupSettingsSchema,
    handler: (ctx, settings) => {
      if (settings.folder && existsSync(settings.folder) && !statSync(settings.folder).isDirectory()) {
        throw new AppError('VALIDATION', '备份文件夹填写的是一个文件，请填写文件夹', { field: 'folder' })
      }
      const before = readBackupSettings(ctx.dataDir)
      ctx.audit.record({ entity: '备份设置', id: 'backup', before, after: settings })
      writeBackupSettings(ctx.dataDir, settings)
      return settings
    },
  }),
  'backup.export': mutation({
    summary: '导出全部数据',
    access: SYSTEM_ADMIN,
    input: z.object({ folder: serverPath('导出到的文件夹').optional() }),
    handler: (ctx, { folder }) => {
      const job = office(ctx).startExport(ctx.user!, folder, ctx.afterCommit)
      ctx.audit.record({ entity: '数据导出', id: job.id, after: { 操作: '开始导出', 导出到: folder ?? office(ctx).folder() } })
      return job
    },
  }),
  'backup.import': mutation({
    summary: '导入全部数据',
    access: SYSTEM_ADMIN,
    input: z.object({ file: serverPath('导入文件') }),
    handler: (ctx, { file }) => {
      if (!existsSync(file) || !statSync(file).isFile()) throw new AppError('NOT_FOUND', `找不到文件：${file}`, { field: 'file' })
      const job = office(ctx).startImport(ctx.user!, file, ctx.afterCommit)
      ctx.audit.record({ entity: '数据导入', id: job.id, after: { 操作: '开始导入', 文件: file } })
      return job
    },
  }),
}
