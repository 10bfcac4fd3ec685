import type { ReactNode } from 'react'
import { Badge, Group, Table } from '@mantine/core'
import { formatDateTime } from '../../lib/format'
import { useSession } from '../../lib/session'
import { isAdministratorRole } from '../../../src-main/common/roles'
import { isLocked } from '../../../src-main/common/sign-in-policy'
import type { UserRow } from './UserDialog'

/** An account's state, the most pressing first: what keeps it from signing in. */
export function AccountStatus({ u }: { u: UserRow }) {
  if (u.disabled) return <Badge size="sm" variant="light" color="gray">已停用</Badge>
  if (!u.approved) return <Badge size="sm" variant="light" color="orange">{u.awaiting === '重置密码待确认' ? '重置密码待确认' : '待审核密级'}</Badge>
  if (isLockedNow(u)) return <Badge size="sm" variant="light" color="red">已锁定</Badge>
  if (u.mustChangePassword) return <Badge size="sm" variant="light" color="orange">待改密码</Badge>
  return <Badge size="sm" variant="light" color="green">正常</Badge>
}

export const isAdministratorAccount = (u: UserRow) => isAdministratorRole(u.role)
export const isLockedNow = (u: UserRow) => isLocked(u.lockedUntil, new Date())

/** The accounts, as the 系统管理员 and the 安全保密管理员 both see them; each brings their own buttons. */
export function UsersTable({ users, actions }: { users: UserRow[]; actions: (u: UserRow) => ReactNode }) {
  const me = useSession().user
  return (
    <Table striped highlightOnHover aria-label="账户列表" style={{ whiteSpace: 'nowrap' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>用户名</Table.Th><Table.Th>姓名</Table.Th><Table.Th>角色</Table.Th><Table.Th>密级</Table.Th><Table.Th>状态</Table.Th>
          <Table.Th>最近登录</Table.Th><Table.Th>创建时间</Table.Th><Table.Th w={1}>操作</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {users.map((u) => (
          <Table.Tr key={u.id}>
            <Table.Td>{u.username}</Table.Td>
            <Table.Td>{u.displayName}{u.id === me.id && '（本人）'}</Table.Td>
            <Table.Td>{u.role}</Table.Td>
            <Table.Td>{isAdministratorAccount(u) ? '—' : u.clearance}</Table.Td>
            <Table.Td><AccountStatus u={u} /></Table.Td>
            <Table.Td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : '从未登录'}</Table.Td>
            <Table.Td>{formatDateTime(u.createdAt)}</Table.Td>
            <Table.Td><Group gap={4} wrap="nowrap">{actions(u)}</Group></Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
