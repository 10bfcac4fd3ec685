import { createContext, useContext } from 'react'
import type { OutputOf } from '../api/client'

export type CurrentUser = NonNullable<OutputOf<'auth.me'>>
export type OfficeSettings = OutputOf<'settings.get'>

export interface Session {
  user: CurrentUser
  /** The office's settings (names shown in the header and on documents). */
  settings: OfficeSettings | undefined
}

export const SessionContext = createContext<Session | null>(null)

/** The signed-in user and the office's settings; only inside the signed-in application. */
export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside the signed-in application')
  return session
}

type Role = CurrentUser['role']

/** Whether the signed-in user's role is in a group of auth/roles.ts (the server enforces the same groups). */
export const hasRole = (user: CurrentUser, roles: readonly Role[]) => roles.includes(user.role)
