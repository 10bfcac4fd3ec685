import { useState } from 'react'
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { ChangePasswordForm } from './ChangePasswordForm'

/** The header's 修改密码: the form, then a plain confirmation. */
export function ChangePasswordDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [done, setDone] = useState(false)
  const close = () => { setDone(false); onClose() }
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={600}>修改密码</Text>} size="sm">
      {done ? (
        <Stack gap="sm">
          <Alert color="green" variant="light" py="xs">密码已修改，下次登录请使用新密码。</Alert>
          <Group justify="flex-end"><Button onClick={close}>关闭</Button></Group>
        </Stack>
      ) : (
        <ChangePasswordForm onDone={() => setDone(true)} onCancel={close} />
      )}
    </Modal>
  )
}
