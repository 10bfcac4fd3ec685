import { useEffect, useState } from 'react'
import { AppShell, Alert, Badge, Button, Divider, Group, NavLink, Text } from '@mantine/core'
import { useQuery } from './api/client'
import { Loading } from './components/Loading'
import { hrefOf, useHashRoute } from './lib/route'
import { SessionContext, hasRole, type CurrentUser } from './lib/session'
import { READERS, SYSTEM_ADMIN } from '../src-main/common/roles'
import { ENTRIES, type Entry } from './App'
import { LastSignInNotice } from './pages/auth/LastSignInNotice'
import { ChangePasswordDialog } from './pages/auth/ChangePasswordDialog'
import { ScreenLock } from './pages/auth/ScreenLock'
import { LowDiskAlert } from './pages/backup/DiskSpace'
import { useEventChannel, useOfficeEvents } from './api/events'
import { ReminderBell } from './components/ReminderBell'

/**
 * The signed-in application: header, navigation (App.tsx ENTRIES), screen lock, reminders and the page of the
 * address. A chunk of its own, loaded once someone has signed in (App.tsx): the sign-in page needs none of it.
 */
export function Shell({ user, onSignOut }: { user: CurrentUser; onSignOut: () => void }) {
  const settings = useQuery('settings.get', {})
  const allowedNames = useQuery('auth.allowed', {})
  const route = useHashRoute()
  const [changingPassword, setChangingPassword] = useState(false)
  // An entry for designated roles (导入人员) shows once the settings say this role is one of them.
  const mayUse = (e: Entry) => hasRole(user, e.roles) && (!e.designated || (!!settings.data && e.designated(settings.data).includes(user.role)))
  const entries = ENTRIES.filter(mayUse)
  // An administrator has no business 首页: the start page (or an unknown route) opens the first page of their own.
  const asked = ENTRIES.find((e) => e.route === route && (e.route !== 'home' || hasRole(user, e.roles)))
  const entry = asked ?? entries[0]
  const allowed = mayUse(entry)
  const Page = entry.page
  const business = hasRole(user, READERS)
  useEventChannel(business)
  const todoTotal = useOfficeEvents().todo?.total ?? 0

  useEffect(() => { document.title = `${entry.label} - 三办` }, [entry.label])

  return (
    <SessionContext.Provider value={{ user, settings: settings.data, allowed: new Set(allowedNames.data ?? []) }}>
      <ScreenLock user={user} minutes={settings.data?.screenLockMinutes ?? 10} onSignOut={onSignOut}>
        <AppShell header={{ height: 50 }} navbar={{ width: 168, breakpoint: 0 }} padding="md">
          <AppShell.Header bg="zhengwu.8" c="white" style={{ borderBottom: '3px solid var(--mantine-color-red-8)' }}>
            <Group h="100%" px="md" justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap">
                <Text fw={700} size="xl" style={{ letterSpacing: '0.15em' }}>三办</Text>
                <Divider orientation="vertical" color="zhengwu.5" />
                <Text size="md" fw={500}>{settings.data?.officeName ?? ''}</Text>
              </Group>
              <Group gap="xs" wrap="nowrap">
                {business && <ReminderBell />}
                <Text size="sm" mr="xs">{user.displayName}（{user.role}）</Text>
                <Button size="compact-sm" variant="subtle" color="gray.0" onClick={() => setChangingPassword(true)}>修改密码</Button>
                <Button size="compact-sm" variant="outline" color="gray.0" onClick={onSignOut}>退出</Button>
              </Group>
            </Group>
          </AppShell.Header>

          <AppShell.Navbar p="xs" aria-label="主导航">
            {entries.map((e) => (
              <NavLink key={e.route} href={hrefOf(e.route)} label={e.label} active={e.route === entry.route}
                title={e.route === 'todo' && todoTotal > 0 ? `共${todoTotal}件待办` : undefined}
                rightSection={e.route === 'todo' && todoTotal > 0
                  ? <Badge size="sm" radius="xl" variant="light" color="gray" className="sb-nav-count" data-count={todoTotal > 999 ? '999+' : todoTotal} aria-hidden /> : null}
                variant="filled" fw={500} style={{ borderRadius: 'var(--mantine-radius-sm)' }} mb={2} />
            ))}
          </AppShell.Navbar>

          <AppShell.Main>
            <LastSignInNotice />
            {hasRole(user, SYSTEM_ADMIN) && <LowDiskAlert />}
            {/* A page opens once it is known what this account may do, so no button shows that then disappears. */}
            {!allowedNames.data ? <Loading label="正在载入…" />
              : allowed ? <Page /> : <Alert color="orange" title="无权访问">当前账户（{user.role}）不能使用“{entry.label}”。</Alert>}
          </AppShell.Main>
        </AppShell>
      </ScreenLock>

      <ChangePasswordDialog opened={changingPassword} onClose={() => setChangingPassword(false)} />
    </SessionContext.Provider>
  )
}
