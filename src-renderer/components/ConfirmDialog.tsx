import type { ReactNode } from 'react'
import { Button, Group, Modal, Stack, Text } from '@mantine/core'

/** Asks before an action that cannot simply be undone. */
export function ConfirmDialog({ opened, title, children, confirmLabel, cancelLabel = '取消', danger, busy, onConfirm, onCancel }: {
  opened: boolean
  title: string
  children: ReactNode
  confirmLabel: string
  /** The button that leaves without acting: 返回 where 取消 would read as the act itself (取消会议). */
  cancelLabel?: string
  danger?: boolean
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  return (
    <Modal opened={opened} onClose={onCancel} title={<Text fw={600}>{title}</Text>} size="md">
      <Stack gap="md">
        <div>{children}</div>
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel} disabled={busy}>{cancelLabel}</Button>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} loading={busy}>{confirmLabel}</Button>
        </Group>
      </Stack>
    </Modal>
  )
}
