import { z } from 'zod'
import { mutation, type Procedure } from '../kernel/procedure'
import type { AdjustableClock, Clock } from '../kernel/clock'

const isAdjustable = (clock: Clock): clock is AdjustableClock => 'set' in clock

/** Only a server started with --test-clock has this: end-to-end tests move time instead of sleeping. */
export function systemProcedures(clock: Clock): Record<string, Procedure> {
  if (!isAdjustable(clock)) return {}
  return {
    'system.setClock': mutation({
      summary: '调整系统时间（仅测试模式）',
      access: 'public',
      input: z.object({ at: z.iso.datetime({ offset: true }).max(40).describe('时间') }),
      handler: (_ctx, { at }) => { clock.set(new Date(at)); return { now: clock.now().toISOString() } },
    }),
  }
}
