import { useEffect, useState } from 'react'
import { Button, Group, NumberInput, SimpleGrid, Stack, Switch, Text, TextInput } from '@mantine/core'
import { useMutation, type InputOf } from '../../api/client'
import { Feedback } from '../../components/Feedback'
import { Section } from '../../components/Section'

type Settings = InputOf<'backup.updateSettings'>
const num = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0)

/** When the daily backup runs, how many are kept, and where backups go. */
export function ScheduleForm({ settings, folder, onSaved }: { settings: Settings; folder: string; onSaved: () => void }) {
  const [form, setForm] = useState(settings)
  useEffect(() => setForm(settings), [settings])
  const set = (patch: Partial<Settings>) => setForm((f) => ({ ...f, ...patch }))
  const save = useMutation('backup.updateSettings', { success: '备份设置已保存' })
  return (
    <Section title="定时备份与保留" description="服务器运行期间每天到点自动备份；错过的（例如当时没有开机）在下次运行时补做。">
      <Stack gap="sm">
        <Switch label="每日定时备份" checked={form.scheduleEnabled ?? true} onChange={(e) => set({ scheduleEnabled: e.currentTarget.checked })} />
        <SimpleGrid cols={3} spacing="sm">
          <TextInput label="定时备份时间" description="时:分，如 12:30" value={form.scheduleTime ?? ''} onChange={(e) => set({ scheduleTime: e.currentTarget.value })} />
          <NumberInput label="保留每日备份（天）" min={1} max={60} allowDecimal={false} value={form.keepDaily} onChange={(v) => set({ keepDaily: num(v) })} />
          <NumberInput label="保留每周备份（周）" min={0} max={52} allowDecimal={false} value={form.keepWeekly} onChange={(v) => set({ keepWeekly: num(v) })} />
        </SimpleGrid>
        <TextInput label="备份文件夹" description={`本机上的完整路径，可以是移动硬盘；留空为数据目录下的 backups。当前：${folder}`}
          value={form.folder ?? ''} onChange={(e) => set({ folder: e.currentTarget.value })} />
        <Text size="sm" c="dimmed">
          定时备份保留最近 {form.keepDaily} 天每天一份、最近 {form.keepWeekly} 周每周一份，更早的自动删除。
          手动备份、恢复前和导入前的备份不会自动删除；手动备份满“备份最短保存期限”（安全保密管理员设置）后可在列表中删除，恢复前和导入前的备份不能删除。
        </Text>
        <Feedback state={save} />
        <Group justify="flex-end">
          <Button loading={save.busy} onClick={() => void save.mutate(form).then((r) => { if (r) onSaved() })}>保存备份设置</Button>
        </Group>
      </Stack>
    </Section>
  )
}
