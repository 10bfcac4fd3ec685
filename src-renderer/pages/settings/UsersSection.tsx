import { useState } from 'react'
import { Alert, Button } from '@mantine/core'
import { useQuery } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { Section } from '../../components/Section'
import { ResetPasswordDialog } from './ResetPasswordDialog'
import { UserDialog, type UserRow } from './UserDialog'
import { UsersTable, isAdministratorAccount } from './UsersTable'

/** 账户管理 (系统管理员): who may sign in, and as what; the other administrators' accounts are out of reach (X-5). */
export function UsersSection() {
  const users = useQuery('users.list', {})
  const [editing, setEditing] = useState<{ user: UserRow | null } | null>(null)
  const [resetting, setResetting] = useState<UserRow | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const done = (message: string) => { setEditing(null); setResetting(null); setNotice(message) }

  return (
    <Section title="账户管理" description="新建的账户须由安全保密管理员审核密级后才能登录。三员账户（系统管理员、安全保密管理员、安全审计员）不能在此修改，须在服务器上用命令行办理。"
      actions={<Button size="xs" onClick={() => { setNotice(null); setEditing({ user: null }) }}>新建账户</Button>}>
      {notice && <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} mb="sm" py="xs">{notice}</Alert>}
      <ErrorAlert error={users.error} />
      <UsersTable users={users.data ?? []} actions={(u) => !isAdministratorAccount(u) && (
        <>
          <Button size="compact-xs" variant="default" onClick={() => { setNotice(null); setEditing({ user: u }) }}>修改</Button>
          <Button size="compact-xs" variant="default" onClick={() => { setNotice(null); setResetting(u) }}>重置密码</Button>
        </>
      )} />
      <UserDialog opened={editing !== null} user={editing?.user ?? null} onClose={() => setEditing(null)} onSaved={done} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} onDone={done} />
    </Section>
  )
}
