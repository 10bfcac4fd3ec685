import { Group, Stack, Text } from '@mantine/core'
import { RuleBadge } from '../../components/RuleBadge'
import { dayRange, type ActingAnswer, type AbsenceRow } from './model'

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

/**
 * Who acts on each day of the trip (R-P2, R-P3): one answer when it is the same throughout, else each run of days
 * with its own — the person the rules name may be away on some of the days himself.
 */
export function ActingByDay({ spans }: { spans: AbsenceRow['actingSpans'] }) {
  if (spans.length <= 1) return <ActingText acting={spans[0]?.acting ?? null} />
  return (
    <Stack gap={6} aria-label="按日代行">
      {spans.map((s) => (
        <div key={s.startDate}>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>{dayRange(s.startDate, s.endDate)}</Text>
          <ActingText acting={s.acting} compact={!!s.acting.actorName} />
        </div>
      ))}
    </Stack>
  )
}
