import { useEffect, useRef, useState, type ComponentType } from 'react'
import { api, onSignedOut, prefetch, type OutputOf } from './api/client'
import { Loading } from './components/Loading'
import { currentRoute, navigate } from './lib/route'
import { type CurrentUser } from './lib/session'
import { AUDITOR, CLERKS, READERS, REVIEWERS, SECURITY_ADMIN, SYSTEM_ADMIN } from '../src-main/common/roles'
import { LoginPage } from './pages/auth/LoginPage'
import { lazyPage, preload } from './lib/lazy-page'

export interface Entry {
  route: string; label: string; page: ComponentType; roles: readonly CurrentUser['role'][]
  /** Of those roles, the ones the office designates in 设置 (导入人员); the entry waits for the settings to show. */
  designated?: (settings: OutputOf<'settings.get'>) => readonly string[]
}

/**
 * The signed-in application (header, navigation, screen lock, reminders): the sign-in page needs none of it.
 * Once the user is known, it and the page of the address are fetched side by side rather than one after the other.
 */
const Shell = lazyPage(() => import('./Shell'), 'Shell')
function preloadSignedIn(): void {
  // The frame's own questions travel with its script, not one round trip after it (issue 20: reload to rows).
  prefetch('settings.get', {})
  prefetch('auth.allowed', {})
  preload(Shell)
  const route = currentRoute() || 'home'
  const entry = ENTRIES.find((e) => e.route === route)
  if (entry) preload(entry.page)
}

// The forced password change is seldom shown.
const ChangePasswordPage = lazyPage(() => import('./pages/auth/ChangePasswordPage'), 'ChangePasswordPage')

/**
 * Each page is a chunk of its own, fetched the first time its route opens (lib/lazy-page.tsx): the sign-in and 首页
 * then load only what they need (FullCalendar, the registers, the editors come with their pages). To add a page:
 * `page: lazyPage(() => import('./pages/x/XPage'), 'XPage')`.
 */
/** The navigation, in the office's order; each role sees only its own work (三员, X-5). */
export const ENTRIES: Entry[] = [
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
  { route: 'imports', label: '导入', page: lazyPage(() => import('./pages/imports/ImportsPage'), 'ImportsPage'), roles: CLERKS, designated: (s) => s.importRoles },
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
    api.call('auth.me', {}).then((u) => { if (u) preloadSignedIn(); setUser(u) }, () => setUser(null))
    return onSignedOut(() => {
      if (signedIn.current) setNotice('登录已失效（长时间未操作或账户已被管理员调整），请重新登录。')
      setUser(null)
    })
  }, [])

  async function signOut() {
    await api.call('auth.logout', {}).catch(() => undefined)
    setNotice(null)
    setUser(null)
    navigate('home')
  }

  if (user === undefined) return <Loading label="正在连接…" />
  if (user === null) return <LoginPage notice={notice} onSignedIn={(u) => { setNotice(null); setUser(u) }} />
  if (user.mustChangePassword) {
    return <ChangePasswordPage displayName={user.displayName} onDone={() => setUser({ ...user, mustChangePassword: false })} onSignOut={signOut} />
  }
  return <Shell user={user} onSignOut={signOut} />
}
