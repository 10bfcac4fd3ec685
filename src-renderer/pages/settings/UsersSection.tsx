import { useState } from 'react'
import { Alert, Badge, Button, Group, Table } from '@mantine/core'
import { useQuery } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { Section } from '../../components/Section'
import { formatDateTime } from '../../lib/format'
import { useSession } from '../../lib/session'
import { ResetPasswordDialog } from './ResetPasswordDialog'
import { UserDialog, type UserRow } from './UserDialog'

function Status({ u }: { u: UserRow }) {
  if (u.disabled) return <Badge size="sm" variant="light" color="gray">已停用</Badge>
  if (u.mustChangePassword) return <Badge size="sm" variant="light" color="orange">待改初始密码</Badge>
  return <Badge size="sm" variant="light" color="green">正常</Badge>
}

/** 账户管理: who may sign in, and as what. */
export function UsersSection() {
  const me = useSession().user
  const users = useQuery('users.list', {})
  const [editing, setEditing] = useState<{ user: UserRow | null } | null>(null)
  const [resetting, setResetting] = useState<UserRow | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const done = (message: string) => { setEditing(null); setResetting(null); setNotice(message); users.reload() }

  return (
    <Section title="账户管理" description="管理员可管理账户和系统设置；文秘办理日常业务。"
      actions={<Button size="xs" onClick={() => { setNotice(null); setEditing({ user: null }) }}>新建账户</Button>}>
      {notice && <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} mb="sm" py="xs">{notice}</Alert>}
      <ErrorAlert error={users.error} />
      <Table striped highlightOnHover aria-label="账户列表" style={{ whiteSpace: 'nowrap' }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>用户名</Table.Th><Table.Th>姓名</Table.Th><Table.Th>角色</Table.Th><Table.Th>状态</Table.Th>
            <Table.Th>最近登录</Table.Th><Table.Th>创建时间</Table.Th><Table.Th w={1}>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(users.data ?? []).map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.username}</Table.Td>
              <Table.Td>{u.displayName}{u.id === me.id && '（本人）'}</Table.Td>
              <Table.Td>{u.role}</Table.Td>
              <Table.Td><Status u={u} /></Table.Td>
              <Table.Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '从未登录'}</Table.Td>
              <Table.Td>{formatDateTime(u.createdAt)}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="default" onClick={() => { setNotice(null); setEditing({ user: u }) }}>修改</Button>
                  {u.id !== me.id && <Button size="compact-xs" variant="default" onClick={() => { setNotice(null); setResetting(u) }}>重置密码</Button>}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <UserDialog opened={editing !== null} user={editing?.user ?? null} onClose={() => setEditing(null)} onSaved={done} />
      <ResetPasswordDialog user={resetting} onClose={() => setResetting(null)} onDone={done} />
    </Section>
  )
}
