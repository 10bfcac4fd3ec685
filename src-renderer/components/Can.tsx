import type { ReactNode } from 'react'
import type { ProcedureName } from '../api/client'
import { useCan } from '../lib/session'

/**
 * Shows an action only to an account that may take it (`auth.allowed`): a 查阅 reader sees no 登记/撤回/删除 at
 * all, rather than a button the server refuses. `otherwise` says who acts instead (如“待科长初审”).
 */
export function Can({ do: procedure, children, otherwise = null }: { do: ProcedureName; children: ReactNode; otherwise?: ReactNode }) {
  return <>{useCan()(procedure) ? children : otherwise}</>
}
