import { Alert, Text } from '@mantine/core'
import type { ApiError } from '../../../api/client'
import { ErrorAlert } from '../../../components/Feedback'

/** A refusal under a rule in the server's words, which cite its article (按第四十七条，…); any other error as it came. */
export function RuleRefusal({ error, onClose }: { error: ApiError | null | undefined; onClose?: () => void }) {
  if (!error) return null
  if (!error.rule) return <ErrorAlert error={error} onClose={onClose} />
  return (
    <Alert color="red" variant="light" py="xs" role="alert" title="操作未完成" withCloseButton={!!onClose} onClose={onClose}>
      <Text size="sm" lh={1.5}>{error.message}</Text>
    </Alert>
  )
}

/** A warning the server returned with a successful step, citing its article (第五十一条：…). */
export function RuleWarning({ text }: { text: string }) {
  return (
    <Alert color="orange" variant="light" py="xs">
      <Text size="sm" lh={1.5}>{text}</Text>
    </Alert>
  )
}
