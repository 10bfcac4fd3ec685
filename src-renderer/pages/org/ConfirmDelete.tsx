import { useState, type ReactNode } from 'react'
import { Text } from '@mantine/core'
import { ApiError, invalidate, type Invalidation } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert } from '../../components/Feedback'

export interface PendingDelete {
  title: string
  message: ReactNode
  /** The calls to make; a refusal (e.g. "该人员仍担任…") stays in the dialog. */
  run: () => Promise<unknown>
}

/** Asks before deleting; shows the server's refusal inside the dialog. */
export function ConfirmDelete({ pending, invalidates, onDone, onCancel }: {
  pending: PendingDelete | null
  /** What the deletion alters on screen, asked again before the dialog closes. */
  invalidates: readonly Invalidation[]
  onDone: () => void
  onCancel: () => void
}) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  async function confirm() {
    if (!pending) return
    setBusy(true); setError(null)
    try {
      await pending.run()
      await invalidate(invalidates)
      onDone()
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: '删除未完成，请刷新后重试' }))
    } finally {
      setBusy(false)
    }
  }
  const cancel = () => { setError(null); onCancel() }

  return (
    <ConfirmDialog opened={pending !== null} title={pending?.title ?? ''} confirmLabel="删除" danger busy={busy} onConfirm={confirm} onCancel={cancel}>
      <Text size="sm" mb={error ? 'sm' : 0}>{pending?.message}</Text>
      <ErrorAlert error={error} />
    </ConfirmDialog>
  )
}
