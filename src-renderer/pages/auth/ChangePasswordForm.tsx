import { useState, type FormEvent } from 'react'
import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core'
import { useMutation } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'

/** 修改密码: the old password, the new one twice. Used by the forced change and the header's dialog. */
export function ChangePasswordForm({ submitLabel = '修改密码', onDone, onCancel }: { submitLabel?: string; onDone: () => void; onCancel?: () => void }) {
  const [oldPassword, setOld] = useState('')
  const [newPassword, setNew] = useState('')
  const [repeat, setRepeat] = useState('')
  const change = useMutation('auth.changePassword')
  const mismatch = repeat !== '' && repeat !== newPassword

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (mismatch) return
    if ((await change.mutate({ oldPassword, newPassword })) !== undefined) onDone()
  }

  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <ErrorAlert error={change.error} />
        <PasswordInput label="原密码" value={oldPassword} onChange={(e) => setOld(e.currentTarget.value)} autoComplete="current-password" required />
        <PasswordInput label="新密码" value={newPassword} onChange={(e) => setNew(e.currentTarget.value)} autoComplete="new-password" required />
        <PasswordInput label="再次输入新密码" value={repeat} onChange={(e) => setRepeat(e.currentTarget.value)} autoComplete="new-password" required
          error={mismatch ? '两次输入的新密码不一致' : undefined} />
        <Text size="xs" c="dimmed">新密码至少8位，须同时包含字母和数字。</Text>
        <Group justify="flex-end" gap="xs">
          {onCancel && <Button variant="default" onClick={onCancel}>取消</Button>}
          <Button type="submit" loading={change.busy} disabled={mismatch}>{submitLabel}</Button>
        </Group>
      </Stack>
    </form>
  )
}
