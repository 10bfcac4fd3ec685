import { Badge, type BadgeProps } from '@mantine/core'
import type { DeadlineTiming } from '../../src-main/calendar/deadline'

const COLOR: Record<DeadlineTiming['state'], string> = { 逾期: 'red', 临期: 'orange', 正常: 'blue', 已完成: 'gray' }

/**
 * How far a deadline is — 剩余3个工作日, 逾期2个工作日, 按期完成 — as the server counted it (calendar/deadline.ts),
 * the same badge on the document's page, its 承办 rows, the registers and the due list.
 */
export function TimingBadge({ timing, ...props }: { timing: Pick<DeadlineTiming, 'state' | 'label'> } & BadgeProps) {
  return <Badge size="sm" radius="sm" variant={timing.state === '逾期' ? 'filled' : 'light'} color={COLOR[timing.state]} {...props}>{timing.label}</Badge>
}
