import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core'
import type { ApiError } from '../../../api/client'
import { ErrorAlert } from '../../../components/Feedback'
import { RuleBadge } from '../../../components/RuleBadge'
import type { Sheet } from './model'
import { cite } from '../../../../src-main/common/rules'

/** "组成人员8人，到会5人，须至少5人（过半数，第三十八条）": green when met, red with the rule's words when not. */
export function QuorumPanel({ sheet, editable, busy, heldError, onRestPresent, onMarkHeld }: {
  sheet: Sheet
  editable: boolean
  busy: 'rest' | 'held' | null
  heldError: ApiError | null
  onRestPresent: () => void
  onMarkHeld: () => void
}) {
  const q = sheet.quorum
  const withRule = !!q.rule
  const color = !withRule ? 'gray' : q.met ? 'green' : 'red'
  const unrecorded = sheet.unrecordedMembers
  return (
    <Paper withBorder p="md" radius="sm" style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }} aria-label="到会人数">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Text fw={600} c={withRule ? `${color}.8` : undefined}>
              {withRule
                ? `组成人员${q.total}人，到会${q.present}人，须至少${q.needed}人（过半数，${cite(q.rule ?? 'R-M2')}）`
                : `组成人员${q.total}人，到会${q.present}人；本类会议不设到会人数要求`}
            </Text>
            {withRule && <RuleBadge rule={q.rule!} color={color} />}
          </Group>
          {withRule && (q.met
            ? <Text size="sm" c="green.8">已过半数，可以召开。</Text>
            : q.message && !heldError?.rule && <Text size="sm" c="red.8">{q.message}</Text>)}
          {unrecorded.length > 0 && <Text size="sm" c="dimmed">尚未登记（或外出待确认）：{unrecorded.join('、')}</Text>}
        </Stack>
        {editable && (
          <Group gap="xs" wrap="nowrap">
            <Button size="xs" variant="default" onClick={onRestPresent} loading={busy === 'rest'} disabled={busy !== null}>其余人员均出席</Button>
            <Button size="xs" onClick={onMarkHeld} loading={busy === 'held'} disabled={busy !== null}>标记会议已召开</Button>
          </Group>
        )}
      </Group>
      {heldError && (heldError.rule
        ? (
          <Alert color="red" variant="light" mt="sm" py="xs" role="alert" title="会议不能标记为已召开">
            <Group gap={6} wrap="nowrap" align="flex-start"><RuleBadge rule={heldError.rule} color="red" /><Text size="sm" lh={1.5}>{heldError.message}</Text></Group>
          </Alert>
        )
        : <div style={{ marginTop: 8 }}><ErrorAlert error={heldError} /></div>)}
    </Paper>
  )
}
