import { useState, type ReactNode } from 'react'
import { Text, TextInput } from '@mantine/core'
import type { ApiError } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'

/** An act that needs a reason (撤销任职变更, 恢复人员): what it does, the reason, and the server's answer. */
export function ReasonModal({ title, message, label, submitLabel, busy, error, onSubmit, onClose }: {
  title: string
  message: ReactNode
  label: string
  submitLabel: string
  busy: boolean
  error: ApiError | null
  onSubmit: (reason: string) => void
  onClose: () => void
}) {
  const [reason, setReason] = useState('')
  return (
    <FormModal opened title={title} onClose={onClose} onSubmit={() => onSubmit(reason)} busy={busy} error={error} submitLabel={submitLabel} fields={['reason']}>
      <Text size="sm">{message}</Text>
      <TextInput label={label} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} error={fieldError(error, 'reason')} data-autofocus />
    </FormModal>
  )
}
