import { Suspense, lazy, useEffect, useRef, useState, type ComponentType } from 'react'
import { AppShell, Alert, Badge, Button, Divider, Group, NavLink, Text } from '@mantine/core'
import { api, onSignedOut, useQuery } from './api/client'
import { Loading } from './components/Loading'
import { hrefOf, useHashRoute } from './lib/route'
import { SessionContext, hasRole, type CurrentUser } from './lib/session'
import { AUDITOR, READERS, REVIEWERS, SECURITY_ADMIN, SYSTEM_ADMIN } from '../src-main/common/roles'
import { LoginPage } from './pages/auth/LoginPage'
import { LastSignInNotice } from './pages/auth/LastSignInNotice'
import { ScreenLock } from './pages/auth/ScreenLock'
import { LowDiskAlert } from './pages/backup/DiskSpace'
import { useEventChannel, useOfficeEvents } from './api/events'
import { ReminderBell } from './components/ReminderBell'

interface Entry { route: string; label: string; page: ComponentType; roles: readonly CurrentUser['role'][] }

/**
 * Each page is a chunk of its own, fetched the first time its route opens: the sign-in and 首页 then load only
 * what they need (FullCalendar, the registers, the editors come with their pages). To add a page:
 * `page: lazyPage(() => import('./pages/x/XPage'), 'XPage')`.
 */
function lazyPage<K extends string, P extends object = object>(
  load: () => Promise<Record<K, ComponentType<P>>>, name: K,
): ComponentType<P> {
  return lazy<ComponentType<P>>(() => load().then((m) => ({ default: m[name] })))
}

// The password forms are seldom opened, and their dialog brings the Modal machinery (scroll lock, floating
// positioning) that the sign-in does not need.
const ChangePasswordPage = lazyPage(() => import('./pages/auth/ChangePasswordPage'), 'ChangePasswordPage')
const ChangePasswordDialog = lazyPage(() => import('./pages/auth/ChangePasswordDialog'), 'ChangePasswordDialog')

/** The navigation, in the office's order; each role sees only its own work (三员, X-5). */
const ENTRIES: Entry[] = [
  { route: 'home', label: '首页', page: lazyPage(() => import('./pages/home/HomePage'), 'HomePage'), roles: READERS },
  { route: 'todo', label: '待办', page: lazyPage(() => import('./pages/todo/TodoPage'), 'TodoPage'), roles: READERS },
  { route: 'meetings', label: '会议', page: lazyPage(() => import('./pages/meetings/MeetingsPage'), 'MeetingsPage'), roles: READERS },
  { route: 'documents', label: '公文', page: lazyPage(() => import('./pages/documents/DocumentsPage'), 'DocumentsPage'), roles: READERS },
  { route: 'followups', label: '督办', page: lazyPage(() => import('./pages/followups/FollowUpsPage'), 'FollowUpsPage'), roles: READERS },
  { route: 'duty', label: '值班', page: lazyPage(() => import('./pages/duty/DutyPage'), 'DutyPage'), roles: READERS },
  { route: 'absences', label: '领导外出', page: lazyPage(() => import('./pages/absences/AbsencesPage'), 'AbsencesPage'), roles: READERS },
  { route: 'stats', label: '统计', page: lazyPage(() => import('./pages/stats/StatsPage'), 'StatsPage'), roles: READERS },
  { route: 'org', label: '组织机构', page: lazyPage(() => import('./pages/org/OrgPage'), 'OrgPage'), roles: READERS },
  { route: 'calendar', label: '节假日', page: lazyPage(() => import('./pages/calendar/CalendarPage'), 'CalendarPage'), roles: READERS },
  { route: 'imports', label: '导入', page: lazyPage(() => import('./pages/imports/ImportsPage'), 'ImportsPage'), roles: REVIEWERS },
  { route: 'settings', label: '设置', page: lazyPage(() => import('./pages/settings/SettingsPage'), 'SettingsPage'), roles: [...SYSTEM_ADMIN, ...REVIEWERS] },
  { route: 'backup', label: '备份与恢复', page: lazyPage(() => import('./pages/backup/BackupPage'), 'BackupPage'), roles: SYSTEM_ADMIN },
  { route: 'security', label: '安全保密', page: lazyPage(() => import('./pages/security/SecurityPage'), 'SecurityPage'), roles: SECURITY_ADMIN },
  { route: 'audit', label: '审计日志', page: lazyPage(() => import('./pages/audit/AuditPage'), 'AuditPage'), roles: AUDITOR },
]

/** Who is signed in decides what is shown: the login, the forced password change, or the application. */
export function App() {
  const [user, setUser] = useState<CurrentUser | null | undefined>(undefined)
  const [notice, setNotice] = useState<string | null>(null)
  const signedIn = useRef(false)
  signedIn.current = !!user

  useEffect(() => {
    api.call('auth.me', {}).then(setUser, () => setUser(null))
    return onSignedOut(() => {
      if (signedIn.current) setNotice('登录已失效（长时间未操作或账户已被管理员调整），请重新登录。')
      setUser(null)
    })
  }, [])

  async function signOut() {
    await api.call('auth.logout', {}).catch(() => undefined)
    setNotice(null)
    setUser(null)
    window.location.hash = hrefOf('home')
  }

  if (user === undefined) return <Loading label="正在连接…" />
  if (user === null) return <LoginPage notice={notice} onSignedIn={(u) => { setNotice(null); setUser(u) }} />
  if (user.mustChangePassword) {
    return (
      <Suspense fallback={<Loading />}>
        <ChangePasswordPage displayName={user.displayName} onDone={() => setUser({ ...user, mustChangePassword: false })} onSignOut={signOut} />
      </Suspense>
    )
  }
  return <Shell user={user} onSignOut={signOut} />
}

function Shell({ user, onSignOut }: { user: CurrentUser; onSignOut: () => void }) {
  const settings = useQuery('settings.get', {})
  const allowedNames = useQuery('auth.allowed', {})
  const route = useHashRoute()
  const [changingPassword, setChangingPassword] = useState(false)
  const entries = ENTRIES.filter((e) => hasRole(user, e.roles))
  // An administrator has no business 首页: the start page (or an unknown route) opens the first page of their own.
  const asked = ENTRIES.find((e) => e.route === route && (e.route !== 'home' || hasRole(user, e.roles)))
  const entry = asked ?? entries[0]
  const allowed = hasRole(user, entry.roles)
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
                rightSection={e.route === 'todo' && todoTotal > 0 ? <Badge size="sm" radius="xl" variant="light" color="gray" aria-label={`待办${todoTotal}件`}>{todoTotal > 999 ? '999+' : todoTotal}</Badge> : null}
                variant="filled" fw={500} style={{ borderRadius: 'var(--mantine-radius-sm)' }} mb={2} />
            ))}
          </AppShell.Navbar>

          <AppShell.Main>
            <LastSignInNotice />
            {hasRole(user, SYSTEM_ADMIN) && <LowDiskAlert />}
            {/* A page opens once it is known what this account may do, so no button shows that then disappears. */}
            {!allowedNames.data ? <Loading label="正在载入…" />
              : allowed ? <Suspense fallback={<Loading label="正在载入…" />}><Page /></Suspense> : <Alert color="orange" title="无权访问">当前账户（{user.role}）不能使用“{entry.label}”。</Alert>}
          </AppShell.Main>
        </AppShell>
      </ScreenLock>

      {changingPassword && (
        <Suspense fallback={null}><ChangePasswordDialog opened onClose={() => setChangingPassword(false)} /></Suspense>
      )}
    </SessionContext.Provider>
  )
}
