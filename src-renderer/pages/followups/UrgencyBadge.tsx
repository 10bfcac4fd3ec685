import { Badge } from '@mantine/core'
import type { OutputOf } from '../../api/client'

type Timed = Pick<OutputOf<'followups.list'>[number], 'urgency' | 'label'>
const URGENCY_COLOR: Record<Timed['urgency'], string> = { 逾期: 'red', 临期: 'orange', 办理中: 'blue', 已办结: 'gray' }

/** 逾期3天 / 剩余5天 / 已办结（按期）: how an item stands against its deadline (R-S1). */
export function UrgencyBadge({ item }: { item: Timed }) {
  return <Badge size="sm" variant={item.urgency === '逾期' ? 'filled' : 'light'} color={URGENCY_COLOR[item.urgency]}>{item.label}</Badge>
}
