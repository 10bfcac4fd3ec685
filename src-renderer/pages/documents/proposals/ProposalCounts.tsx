import { Badge, Group, Text } from '@mantine/core'
import { useQuery, type InputOf } from '../../../api/client'

/** Counts by state above the list (R-D8): 共, 办理中 (其中逾期), 已答复 and how the proposers rated the replies. */
export function ProposalCounts({ filter }: { filter: InputOf<'proposals.counts'> }) {
  const counts = useQuery('proposals.counts', filter)
  const c = counts.data
  if (!c) return null
  const s = c.satisfaction
  return (
    <Group gap="xs" mb="sm" aria-label="建议提案件数">
      <Text size="sm">共 <b>{c.total}</b> 件</Text>
      <Badge variant="light" color="blue">办理中 {c.办理中}</Badge>
      <Badge variant="light" color={c.逾期 ? 'red' : 'gray'}>其中逾期 {c.逾期}</Badge>
      <Badge variant="light" color="teal">已答复 {c.已答复}</Badge>
      {c.已答复 > 0 && <Text size="xs" c="dimmed">满意 {s.满意} · 基本满意 {s.基本满意} · 不满意 {s.不满意} · 未反馈 {s.未反馈}</Text>}
    </Group>
  )
}
