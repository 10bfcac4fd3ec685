import { useState, type FormEvent } from 'react'
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useMutation } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import type { CurrentUser } from '../../lib/session'
import { AuthFrame } from './AuthFrame'
import { rememberSignIns } from './LastSignInNotice'

export function LoginPage({ notice, onSignedIn }: { notice?: string | null; onSignedIn: (user: CurrentUser) => void }) {
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const login = useMutation('auth.login')

  async function submit(e: FormEvent) {
    e.preventDefault()
    const user = await login.mutate({ username: username.trim(), password })
    if (!user) return
    const { lastSignIns, ...me } = user
    rememberSignIns(lastSignIns)
    onSignedIn(me)
  }

  return (
    <AuthFrame subtitle="登录">
      <form onSubmit={submit}>
        <Stack gap="sm">
          {notice && !login.error && <Alert color="orange" variant="light" py="xs">{notice}</Alert>}
          <ErrorAlert error={login.error} />
          <TextInput label="用户名" value={username} onChange={(e) => setUsername(e.currentTarget.value)} autoComplete="username" autoFocus required withAsterisk={false} />
          <PasswordInput label="密码" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" required withAsterisk={false} />
          <Button type="submit" loading={login.busy} fullWidth mt="xs">登录</Button>
          <Text size="xs" c="dimmed" mt="xs">
            首次使用：系统管理员 admin、安全保密管理员 secadmin、安全审计员 auditor 的初始密码在首次启动时显示，并保存在数据目录的“初始账户密码.txt”里。
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  )
}
