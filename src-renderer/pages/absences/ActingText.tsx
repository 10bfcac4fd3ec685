import { Group, Text } from '@mantine/core'
import { RuleBadge } from '../../components/RuleBadge'
import type { ActingAnswer } from './model'

/**
 * Who answers for a post while its holder is away, on what rule and why (R-P2, R-P3; R-P5 when
 * the acting person was filed). When nobody can act, the reason is the warning.
 */
export function ActingText({ acting, compact }: { acting: ActingAnswer | null; compact?: boolean }) {
  if (!acting || !acting.away) return <Text span size="sm" c="dimmed">—</Text>
  if (!acting.actorName) {
    return <Text size="xs" c="red.8" fw={500} lh={1.45}>无人代行：{acting.reason}</Text>
  }
  return (
    <div>
      <Group gap={6} wrap="nowrap">
        <Text span size="sm" fw={600}>{acting.actorName}</Text>
        <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>代行</Text>
        {acting.rule && <RuleBadge rule={acting.rule} />}
      </Group>
      {!compact && <Text size="xs" c="dimmed" lh={1.45} mt={2}>{acting.reason}</Text>}
    </div>
  )
}
