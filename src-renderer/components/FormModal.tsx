import type { FormEvent, ReactNode } from 'react'
import { Button, Group, Modal, Stack, Text, type MantineSize } from '@mantine/core'
import type { ApiError } from '../api/client'
import { ErrorAlert } from './Feedback'

/** The server's message for one field of a form (ApiError.field), shown under that field. */
export function fieldError(error: ApiError | null | undefined, field: string): string | undefined {
  return error?.field && (error.field === field || error.field.startsWith(`${field}.`)) ? error.message : undefined
}

/**
 * A dialog holding one form: its fields, the server's refusal (next to its field when the
 * server names one of `fields`, above the buttons otherwise), 取消 and 保存.
 */
export function FormModal({ opened, title, onClose, onSubmit, busy, error, fields = [], submitLabel = '保存', size = 'md', children, footer }: {
  opened: boolean
  title: ReactNode
  onClose: () => void
  onSubmit: () => void
  busy?: boolean
  error?: ApiError | null
  /** Fields that show their own error. */
  fields?: readonly string[]
  submitLabel?: string
  size?: MantineSize | number
  children: ReactNode
  /** Left of the buttons, e.g. a 删除 button. */
  footer?: ReactNode
}) {
  const shownAtField = !!error?.field && fields.some((f) => fieldError(error, f))
  const submit = (e: FormEvent) => { e.preventDefault(); onSubmit() }
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{title}</Text>} size={size} closeOnClickOutside={false}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {children}
          {!shownAtField && <ErrorAlert error={error} />}
          <Group justify="space-between" gap="xs" mt={4}>
            <Group gap="xs">{footer}</Group>
            <Group gap="xs">
              <Button variant="default" onClick={onClose} disabled={busy}>取消</Button>
              <Button type="submit" loading={busy}>{submitLabel}</Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
