import { Alert, Group, Stack, Text } from '@mantine/core'
import { RuleBadge } from '../../../components/RuleBadge'
import type { MeetingWarning } from './model'

/** Warnings that must be read and those that are a matter of arrangement: 主持人外出 and 非工作日 in red, the rest orange. */
const SEVERE = new Set<MeetingWarning['code']>(['非工作日', '主持人外出', '日历未录入'])

/** One warning: its code as a label, the rule it rests on, and the message. */
export function WarningLine({ warning }: { warning: MeetingWarning }) {
  const color = SEVERE.has(warning.code) ? 'red' : 'orange'
  return (
    <Group gap={6} wrap="nowrap" align="flex-start" data-warning={warning.code}>
      <Text size="sm" fw={600} c={`${color}.8`} style={{ whiteSpace: 'nowrap' }}>{warning.code}</Text>
      {warning.rule && <RuleBadge rule={warning.rule} />}
      <Text size="sm" c={`${color}.9`} lh={1.5}>{warning.message}</Text>
    </Group>
  )
}

/** The rules' warnings about a meeting; none of them stops it being held, each must be seen. */
export function WarningList({ warnings, title, onClose }: { warnings: readonly MeetingWarning[]; title?: string; onClose?: () => void }) {
  if (!warnings.length) return null
  const severe = warnings.some((w) => SEVERE.has(w.code))
  const color = severe ? 'red' : 'orange'
  return (
    <Alert color={color} variant="light" role="alert" title={title ?? `请注意以下${warnings.length}项提醒`} withCloseButton={!!onClose} onClose={onClose}
      styles={{ root: { borderLeft: `4px solid var(--mantine-color-${color}-7)` } }} aria-label="会议提醒">
      <Stack gap={4}>{warnings.map((w) => <WarningLine key={`${w.code}|${w.message}`} warning={w} />)}</Stack>
    </Alert>
  )
}
