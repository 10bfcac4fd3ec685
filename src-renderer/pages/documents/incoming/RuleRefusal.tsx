import { Alert, Group, Text } from '@mantine/core'
import type { ApiError } from '../../../api/client'
import { ErrorAlert } from '../../../components/Feedback'
import { RuleBadge } from '../../../components/RuleBadge'

/** A refusal: under a rule (R-D3, X-2, X-3 …) with its badge and the server's words; any other error as it came. */
export function RuleRefusal({ error, onClose }: { error: ApiError | null | undefined; onClose?: () => void }) {
  if (!error) return null
  if (!error.rule) return <ErrorAlert error={error} onClose={onClose} />
  return (
    <Alert color="red" variant="light" py="xs" role="alert" title="操作未完成" withCloseButton={!!onClose} onClose={onClose}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <RuleBadge rule={error.rule} color="red" />
        <Text size="sm" lh={1.5}>{error.message}</Text>
      </Group>
    </Alert>
  )
}

/** A warning the server returned with a successful step ('R-D7：…'), with its rule as a badge. */
export function RuleWarning({ text }: { text: string }) {
  const m = /^(R-[A-Z]\d+|X-\d+)：(.*)$/s.exec(text)
  return (
    <Alert color="orange" variant="light" py="xs">
      <Group gap={6} wrap="nowrap" align="flex-start">
        {m && <RuleBadge rule={m[1]} color="orange" />}
        <Text size="sm" lh={1.5}>{m ? m[2] : text}</Text>
      </Group>
    </Alert>
  )
}
