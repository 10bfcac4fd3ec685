import type { Invalidation } from '../../api/client'

/** What a change to a 督办事项 alters on screen: the 督办 list, its drawer and counts, and the start page. */
export const FOLLOWUP_CHANGES: readonly Invalidation[] = ['followups.*', 'home.today']
