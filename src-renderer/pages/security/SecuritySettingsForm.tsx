import { NumberInput, Select, SimpleGrid } from '@mantine/core'
import { SettingsForm, type SetSettings } from '../settings/SettingsForm'

const whole = (set: SetSettings, key: 'sessionIdleMinutes' | 'screenLockMinutes' | 'passwordMinLength' | 'passwordKinds' | 'passwordMaxAgeDays' | 'lockoutAttempts' | 'lockoutMinutes' | 'backupRetentionDays') =>
  (v: string | number) => set({ [key]: typeof v === 'number' ? v : Number(v) || 0 })

/** 安全保密设置 (安全保密管理员): what the system is approved for, and the sign-in rules. */
export function SecuritySettingsForm() {
  return (
    <SettingsForm title="安全保密设置" description="系统最高密级按涉密信息系统的审批填写：高于该密级的文件和议题一律不能登记；绝密文件不得录入本系统。恢复前、导入前的备份任何人都不能删除，其他备份未满最短保存期限的也不能删除。">
      {(form, set) => (
        <SimpleGrid cols={{ base: 1, md: 2, lg: 4 }} spacing="sm">
          <Select label="系统最高密级" data={[{ value: '无', label: '内部（非涉密）' }, { value: '秘密', label: '秘密' }, { value: '机密', label: '机密' }]}
            value={form.approvedClassification} allowDeselect={false} onChange={(v) => v && set({ approvedClassification: v as typeof form.approvedClassification })} />
          <NumberInput label="无操作锁屏（分钟）" value={form.screenLockMinutes} min={1} max={60} allowDecimal={false} onChange={whole(set, 'screenLockMinutes')} />
          <NumberInput label="无操作自动退出（分钟）" value={form.sessionIdleMinutes} min={5} max={480} step={5} allowDecimal={false} onChange={whole(set, 'sessionIdleMinutes')} />
          <NumberInput label="密码有效期（天，0为不限）" value={form.passwordMaxAgeDays} min={0} max={365} allowDecimal={false} onChange={whole(set, 'passwordMaxAgeDays')} />
          <NumberInput label="密码最短位数" value={form.passwordMinLength} min={8} max={32} allowDecimal={false} onChange={whole(set, 'passwordMinLength')} />
          <NumberInput label="密码至少包含的字符种类" description="小写字母、大写字母、数字、符号" value={form.passwordKinds} min={2} max={4} allowDecimal={false} onChange={whole(set, 'passwordKinds')} />
          <NumberInput label="连续输错几次锁定" value={form.lockoutAttempts} min={3} max={10} allowDecimal={false} onChange={whole(set, 'lockoutAttempts')} />
          <NumberInput label="锁定时长（分钟）" value={form.lockoutMinutes} min={5} max={1440} step={5} allowDecimal={false} onChange={whole(set, 'lockoutMinutes')} />
          <NumberInput label="备份最短保存期限（天）" description="未满期限的备份，系统管理员和定时轮换都不能删除" value={form.backupRetentionDays} min={30} max={3650} step={30}
            allowDecimal={false} onChange={whole(set, 'backupRetentionDays')} />
        </SimpleGrid>
      )}
    </SettingsForm>
  )
}
