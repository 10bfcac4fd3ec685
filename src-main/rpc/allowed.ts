import { z } from 'zod'
import { query, type Procedure } from '../kernel/procedure'
import type { Role } from '../common/roles'

/** Whether a role may call a procedure, by the same `access` the router checks (rpc/router.ts). */
export const mayCall = (p: Procedure, role: Role): boolean => p.access === 'public' || p.access === 'signedIn' || p.access.includes(role)

/**
 * The procedures the signed-in role may call: the renderer shows only the buttons behind them ("each role sees
 * only what it can do"), while the router still checks every call. Built over the whole list, so it lives on the wire.
 */
export function allowedProcedure(all: Readonly<Record<string, Procedure>>) {
  return query({
    summary: '当前账户可以使用的功能',
    access: 'signedIn',
    input: z.object({}),
    handler: ({ user }): string[] => Object.entries(all).filter(([, p]) => mayCall(p, user!.role)).map(([name]) => name),
  })
}
