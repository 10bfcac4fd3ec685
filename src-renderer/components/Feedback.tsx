import { Alert } from '@mantine/core'
import type { ApiError } from '../api/client'

/** The server's Chinese message, as it came. */
export function ErrorAlert({ error, onClose }: { error: ApiError | null | undefined; onClose?: () => void }) {
  if (!error) return null
  return (
    <Alert color="red" variant="light" title="操作未完成" withCloseButton={!!onClose} onClose={onClose} role="alert" py="xs">
      {error.message}
    </Alert>
  )
}

/** The outcome of a mutation (see useMutation): its error, or its success message. */
export function Feedback({ state }: { state: { error: ApiError | null; notice: string | null; reset: () => void } }) {
  if (state.error) return <ErrorAlert error={state.error} onClose={state.reset} />
  if (!state.notice) return null
  return (
    <Alert color="green" variant="light" withCloseButton onClose={state.reset} role="status" py="xs">
      {state.notice}
    </Alert>
  )
}
