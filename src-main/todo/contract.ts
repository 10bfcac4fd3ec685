import { z } from 'zod'
import { TODO_GROUPS } from './rules'

/** 我的待办: every group of the caller's role, or only the one named. */
export const todoListInput = z.object({
  group: z.enum(TODO_GROUPS).describe('待办类别').optional(),
})
