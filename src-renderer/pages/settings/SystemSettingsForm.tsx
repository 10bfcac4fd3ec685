import { useEffect, useState, type FormEvent } from 'react'
import { Button, Group, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useMutation, type OutputOf } from '../../api/client'
import { Feedback } from '../../components/Feedback'
import { Section } from '../../components/Section'
import { useSession } from '../../lib/session'

type Settings = OutputOf<'settings.get'>

/** 系统设置: the names another city changes here rather than in code. */
export function SystemSettingsForm() {
  const { settings, reloadSettings } = useSession()
  const [form, setForm] = useState<Settings | undefined>(settings)
  const update = useMutation('settings.update', { success: '系统设置已保存。' })
  useEffect(() => { if (settings) setForm(settings) }, [settings])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (form && (await update.mutate(form))) reloadSettings()
  }

  const set = (patch: Partial<Settings>) => setForm((f) => (f ? { ...f, ...patch } : f))
  return (
    <Section title="系统设置" description="本单位的名称显示在页面顶部和生成的文件中。">
      {form && (
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Feedback state={update} />
            <SimpleGrid cols={2} spacing="sm">
              <TextInput label="城市名称" value={form.cityName} onChange={(e) => set({ cityName: e.currentTarget.value })} required />
              <TextInput label="政府名称" value={form.governmentName} onChange={(e) => set({ governmentName: e.currentTarget.value })} required />
              <TextInput label="办公室名称" value={form.officeName} onChange={(e) => set({ officeName: e.currentTarget.value })} required />
              <NumberInput label="无操作自动退出（分钟）" value={form.sessionIdleMinutes} min={5} max={480} step={5} allowDecimal={false}
                onChange={(v) => set({ sessionIdleMinutes: typeof v === 'number' ? v : Number(v) || 0 })} required />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={update.busy}>保存设置</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Section>
  )
}
