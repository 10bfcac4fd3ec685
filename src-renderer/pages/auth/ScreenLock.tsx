import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { Box, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core'
import { useIdle } from '@mantine/hooks'
import { useMutation } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import type { CurrentUser } from '../../lib/session'

/**
 * 锁屏: after `minutes` without keyboard or mouse the screen is covered until the same user
 * types their password again. The page stays mounted underneath (inert), so a half-written
 * draft survives; wrong passwords count towards the lockout like any sign-in.
 */
export function ScreenLock({ user, minutes, onSignOut, children }: { user: CurrentUser; minutes: number; onSignOut: () => void; children: ReactNode }) {
  const idle = useIdle(minutes * 60_000, { initialState: false })
  const [locked, setLocked] = useState(false)
  const [password, setPassword] = useState('')
  const unlock = useMutation('auth.login')
  useEffect(() => { if (idle) setLocked(true) }, [idle])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (await unlock.mutate({ username: user.username, password })) { setLocked(false); setPassword(''); unlock.reset() }
  }

  return (
    <>
      <div inert={locked} aria-hidden={locked}>{children}</div>
      {locked && (
        <Box pos="fixed" inset={0} bg="zhengwu.8" style={{ zIndex: 1000 }} role="dialog" aria-label="屏幕已锁定">
          <Center h="100%">
            <Paper w={380} p="xl" radius="sm" shadow="md">
              <form onSubmit={submit}>
                <Stack gap="sm">
                  <Title order={3} ta="center">屏幕已锁定</Title>
                  <Text size="sm" c="dimmed" ta="center">{minutes}分钟无操作，已自动锁屏。请{user.displayName}输入密码解锁。</Text>
                  <ErrorAlert error={unlock.error} />
                  <PasswordInput label="密码" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" autoFocus required withAsterisk={false} />
                  <Button type="submit" loading={unlock.busy}>解锁</Button>
                  <Button variant="subtle" color="gray" onClick={onSignOut}>退出登录</Button>
                </Stack>
              </form>
            </Paper>
          </Center>
        </Box>
      )}
    </>
  )
}
