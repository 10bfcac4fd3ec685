import { z } from 'zod'

/** 标为已读: the reminders' keys (kind|subject|date as listed), or none for every unread one. */
export const markReadInput = z.object({
  keys: z.array(z.string().describe('提醒').min(1).max(200)).describe('提醒').max(500).optional(),
})
export type MarkReadInput = z.output<typeof markReadInput>
