import { Alert, Button, Stack } from '@mantine/core'
import { AuthFrame } from './AuthFrame'
import { ChangePasswordForm } from './ChangePasswordForm'

/** Shown before anything else while the account still has a password someone else chose. */
export function ChangePasswordPage({ displayName, onDone, onSignOut }: { displayName: string; onDone: () => void; onSignOut: () => void }) {
  return (
    <AuthFrame subtitle="修改初始密码">
      <Stack gap="sm">
        <Alert color="orange" variant="light" py="xs">
          {displayName}，您的密码是管理员设置的初始密码。请先修改密码，再使用本系统。
        </Alert>
        <ChangePasswordForm submitLabel="修改并进入系统" onDone={onDone} />
        <Button variant="subtle" color="gray" size="xs" onClick={onSignOut}>退出登录</Button>
      </Stack>
    </AuthFrame>
  )
}
