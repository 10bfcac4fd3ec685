import { z } from 'zod'
import type { Db, ReadDb } from '../db/connection'
import { settings } from './schema'
import { POST_KINDS } from '../common/org'
import { CLASSIFICATIONS } from '../common/classification'
import { RECLASSIFIER_ROLES } from '../common/reclassification'
import type { Role } from '../common/roles'
import { REVIEWERS, SECURITY_ADMIN, SYSTEM_ADMIN } from '../common/roles'
import { AppError } from '../kernel/errors'
import { fieldLabel } from '../kernel/fields'

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
  /** X-1/R-D6: the 代字 of each series, the body that issues it and its red 机关标志 (函 in the 信函 style). */
  documentSeries: z.array(z.object({
    code: z.string().describe('机关代字').trim().min(2, '不能少于2个字').max(10, '不能超过10个字'),
    issuer: z.string().describe('发文机关').trim().min(2).max(40),
    mark: z.string().describe('发文机关标志').trim().min(2).max(40),
    letter: z.boolean().describe('信函格式'),
    /** R-D5: a department's own series (资水发 for 市水利局), used for its directives to the counties “经市政府同意”. */
    department: z.string().describe('部门').trim().max(40, '不能超过40个字').optional(),
  })).describe('发文字号序列').min(1, '至少设置一个发文字号序列').default([
    { code: '资府发', issuer: '资阳市人民政府', mark: '资阳市人民政府文件', letter: false },
    { code: '资府函', issuer: '资阳市人民政府', mark: '资阳市人民政府', letter: true },
    { code: '资府办发', issuer: '资阳市人民政府办公室', mark: '资阳市人民政府办公室文件', letter: false },
    { code: '资府办函', issuer: '资阳市人民政府办公室', mark: '资阳市人民政府办公室', letter: true },
  ]),
  /** R-D7: working days to finish an incoming document, by urgency (urgent ones are fast-tracked). */
  handlingWorkingDays: z.object({
    无: z.number().describe('一般件办理时限（工作日）').int().min(1).max(60),
    加急: z.number().describe('加急件办理时限（工作日）').int().min(1).max(30),
    特急: z.number().describe('特急件办理时限（工作日）').int().min(1).max(10),
  }).describe('办理时限').default({ 无: 10, 加急: 5, 特急: 2 }),
  /** 提醒 (issue 17): a 收文, 承办 or 督办 is told as 临期 this many working days before its deadline. */
  reminderWorkingDays: z.number().describe('临期提醒提前（工作日）').int().min(1, '不能少于1个工作日').max(15, '不能超过15个工作日').default(3),
  /** 系统最高密级: what this system is approved for (涉密信息系统审批); 绝密 never enters. */
  approvedClassification: z.enum(CLASSIFICATIONS).describe('系统最高密级').default('机密'),
  /** 定密变更 (issue 14): the business roles the office designates to change a record's 密级 or 保密期限. */
  reclassifyRoles: z.array(z.enum(RECLASSIFIER_ROLES)).describe('定密变更人员').min(1, '至少指定一个角色').default(['科长']),
  /** 办会 corrections after the fact (issue 15): reopening a held meeting, correcting attendance or the prior agreement. */
  meetingCorrectionRoles: z.array(z.enum(RECLASSIFIER_ROLES)).describe('会议更正人员').min(1, '至少指定一个角色').default(['科长']),
  /** 作废 of a 收文 registration or a 发文 not yet issued (issue 16). */
  voidRoles: z.array(z.enum(RECLASSIFIER_ROLES)).describe('公文作废人员').min(1, '至少指定一个角色').default(['科长']),
  /** 导入 of the office's past (issue 18): 科长 by default. */
  importRoles: z.array(z.enum(RECLASSIFIER_ROLES)).describe('导入人员').min(1, '至少指定一个角色').default(['科长']),
  screenLockMinutes: z.number().describe('无操作锁屏（分钟）').int().min(1, '不能少于1分钟').max(60, '不能超过60分钟').default(10),
  passwordMinLength: z.number().describe('密码最短位数').int().min(8, '不能少于8位').max(32, '不能超过32位').default(8),
  /** Of 小写字母, 大写字母, 数字 and 符号: how many kinds a password must mix. */
  passwordKinds: z.number().describe('密码至少包含的字符种类').int().min(2, '不能少于2种').max(4, '不能超过4种').default(2),
  passwordMaxAgeDays: z.number().describe('密码有效期（天，0为不限）').int().min(0).max(365, '不能超过365天').default(90),
  lockoutAttempts: z.number().describe('连续输错几次锁定').int().min(3, '不能少于3次').max(10, '不能超过10次').default(5),
  lockoutMinutes: z.number().describe('锁定时长（分钟）').int().min(5, '不能少于5分钟').max(1440, '不能超过1440分钟').default(30),
  /** X-5 (issue 14): no backup younger than this may be deleted, by hand or by the daily rotation (backup/rules.ts). */
  backupRetentionDays: z.number().describe('备份最短保存期限（天）').int().min(30, '不能少于30天').max(3650, '不能超过3650天').default(180),
  dutyPhone: z.string().describe('值班电话').trim().max(40, '不能超过40个字').regex(/^[\d\-—、，, （）()转]*$/, '只能包含数字、短横线和分隔符').default(''),
})
export type Settings = z.output<typeof settingsSchema>

export function readSettings(db: ReadDb): Settings {
  const rows = db.select().from(settings).all()
  return settingsSchema.parse(Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown])))
}

export function writeSettings(db: Db, patch: Partial<Settings>, role?: Role): { before: Settings; after: Settings } {
  const before = readSettings(db)
  if (role) checkSettingOwners(role, before, patch)
  const after = settingsSchema.parse({ ...before, ...patch })
  for (const [key, value] of Object.entries(after)) {
    db.insert(settings).values({ key, value: JSON.stringify(value) })
      .onConflictDoUpdate({ target: settings.key, set: { value: JSON.stringify(value) } }).run()
  }
  return { before, after }
}

/**
 * Each setting has one owner: the 系统管理员 names the office, the 安全保密管理员 sets the
 * security rules, and the office's 科长 set the business rules. Nobody changes another's.
 */
export const SETTING_OWNERS: Record<keyof Settings, readonly Role[]> = {
  cityName: SYSTEM_ADMIN, governmentName: SYSTEM_ADMIN, officeName: SYSTEM_ADMIN,
  sessionIdleMinutes: SECURITY_ADMIN, screenLockMinutes: SECURITY_ADMIN, approvedClassification: SECURITY_ADMIN,
  passwordMinLength: SECURITY_ADMIN, passwordKinds: SECURITY_ADMIN, passwordMaxAgeDays: SECURITY_ADMIN,
  lockoutAttempts: SECURITY_ADMIN, lockoutMinutes: SECURITY_ADMIN, backupRetentionDays: SECURITY_ADMIN,
  dutyLeaderPostKinds: REVIEWERS, dutyLeadPostKinds: REVIEWERS, dutyHolidayWeight: REVIEWERS, dutyPhone: REVIEWERS,
  documentSeries: REVIEWERS, handlingWorkingDays: REVIEWERS, reminderWorkingDays: REVIEWERS, reclassifyRoles: REVIEWERS, meetingCorrectionRoles: REVIEWERS, voidRoles: REVIEWERS,
  importRoles: REVIEWERS,
}

/** Refuses a change to any setting the role does not own (an unchanged value passes, so whole forms can be sent). */
export function checkSettingOwners(role: Role, before: Settings, patch: Partial<Settings>): void {
  for (const key of Object.keys(patch) as (keyof Settings)[]) {
    if (SETTING_OWNERS[key].includes(role) || JSON.stringify(patch[key]) === JSON.stringify(before[key])) continue
    const label = fieldLabel(settingsSchema, [key]) ?? key
    throw new AppError('FORBIDDEN', `「${label}」由${SETTING_OWNERS[key].join('、')}设置，当前账户（${role}）不能修改`, { field: key })
  }
}
