import { createContext, useContext } from 'react'
import type { OutputOf, ProcedureName } from '../api/client'

export type CurrentUser = NonNullable<OutputOf<'auth.me'>>
export type OfficeSettings = OutputOf<'settings.get'>

export interface Session {
  user: CurrentUser
  /** The office's settings (names shown in the header and on documents). */
  settings: OfficeSettings | undefined
  /** The procedures this account may call (`auth.allowed`, by the router's own access rule); empty while loading. */
  allowed: ReadonlySet<string>
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

/**
 * Whether the signed-in account may do something: a page shows a button only when its procedure is allowed
 * (each role sees only what it can do); the server still checks every call.
 */
export function useCan(): (procedure: ProcedureName) => boolean {
  const { allowed } = useSession()
  return (procedure) => allowed.has(procedure)
}
