import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { Button, Group, Stack } from '@mantine/core'
import { useMutation, type OutputOf } from '../../api/client'
import { Feedback } from '../../components/Feedback'
import { Section } from '../../components/Section'
import { useSession } from '../../lib/session'

export type Settings = OutputOf<'settings.get'>
export type SetSettings = (patch: Partial<Settings>) => void

/** One block of the office's settings: its fields edit a copy, 保存 sends it, the shell and every page showing them update (settings.get is invalidated). */
export function SettingsForm({ title, description, children }: { title: string; description: string; children: (form: Settings, set: SetSettings) => ReactNode }) {
  const { settings } = useSession()
  const [form, setForm] = useState<Settings | undefined>(settings)
  const update = useMutation('settings.update', { invalidates: ['*'], success: `${title}已保存。` })
  useEffect(() => { if (settings) setForm(settings) }, [settings])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (form) await update.mutate(form)
  }
  const set: SetSettings = (patch) => setForm((f) => (f ? { ...f, ...patch } : f))
  return (
    <Section title={title} description={description}>
      {form && (
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Feedback state={update} />
            {children(form, set)}
            <Group justify="flex-end"><Button type="submit" loading={update.busy}>保存设置</Button></Group>
          </Stack>
        </form>
      )}
    </Section>
  )
}
