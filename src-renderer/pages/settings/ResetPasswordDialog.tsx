import { useEffect, useState, type FormEvent } from 'react'
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core'
import { useMutation } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import type { UserRow } from './UserDialog'

/** A new first password for someone who forgot theirs; they must change it when they next sign in. */
export function ResetPasswordDialog({ user, onClose, onDone }: { user: UserRow | null; onClose: () => void; onDone: (message: string) => void }) {
  const [password, setPassword] = useState('')
  const reset = useMutation('users.resetPassword', { invalidates: ['users.list'] })
  const { reset: clear } = reset
  useEffect(() => { setPassword(''); clear() }, [user, clear])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (user && (await reset.mutate({ id: user.id, password })) !== undefined) {
      onDone(`已重置“${user.displayName}”的密码。该账户须经安全保密管理员确认后才能登录；请将新密码告知本人，登录后须立即修改。`)
    }
  }

  return (
    <Modal opened={!!user} onClose={onClose} title={<Text fw={600}>重置密码</Text>} size="sm">
      {user && (
        <form onSubmit={submit}>
          <Stack gap="sm">
            <Text size="sm">为“{user.displayName}”（{user.username}）设置新的初始密码。该账户当前的登录将被结束。</Text>
            <ErrorAlert error={reset.error} />
            <PasswordInput label="新密码" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required autoComplete="new-password"
              description="须符合安全保密管理员设定的密码规则" />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>取消</Button>
              <Button type="submit" color="red" loading={reset.busy}>重置密码</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}
