import { useEffect, useState, type FormEvent } from 'react'
import { Button, Group, Input, Modal, PasswordInput, SegmentedControl, Stack, Switch, Text, TextInput } from '@mantine/core'
import { useMutation, type OutputOf } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { READERS } from '../../../src-main/common/roles'

export type UserRow = OutputOf<'users.list'>[number]
type Role = UserRow['role']
/** Business roles only: the three administrators' accounts are not made here (X-5). */
const ROLES: { value: Role; label: string }[] = READERS.map((r) => ({ value: r, label: r }))

/** 新建账户 (user null) or 修改账户. */
export function UserDialog({ opened, user, onClose, onSaved }: { opened: boolean; user: UserRow | null; onClose: () => void; onSaved: (message: string) => void }) {
  const [username, setUsername] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [role, setRole] = useState<Role>('文秘')
  const [password, setPassword] = useState('')
  const [disabled, setDisabled] = useState(false)
  const create = useMutation('users.create', { invalidates: ['users.list'] })
  const update = useMutation('users.update', { invalidates: ['users.list'] })
  const { reset: resetCreate } = create
  const { reset: resetUpdate } = update

  useEffect(() => {
    if (!opened) return
    setUsername(user?.username ?? ''); setDisplayName(user?.displayName ?? ''); setRole(user?.role ?? '文秘')
    setPassword(''); setDisabled(user?.disabled ?? false); resetCreate(); resetUpdate()
  }, [opened, user, resetCreate, resetUpdate])

  async function submit(e: FormEvent) {
    e.preventDefault()
    if (user) {
      if (await update.mutate({ id: user.id, displayName, role, disabled })) onSaved(`已修改账户“${displayName}”。`)
    } else if (await create.mutate({ username, displayName, role, password })) {
      onSaved(`已新建账户“${displayName}”（${username}）。请安全保密管理员审核其密级后方可登录；首次登录时须修改初始密码。`)
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>{user ? '修改账户' : '新建账户'}</Text>} size="md">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <ErrorAlert error={user ? update.error : create.error} />
          <TextInput label="用户名" value={username} onChange={(e) => setUsername(e.currentTarget.value)} disabled={!!user} required
            description={user ? '用户名不能修改' : '2至32位字母、数字、下划线、点或减号，如 zhangmin'} />
          <TextInput label="姓名" value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} required />
          <Input.Wrapper label="角色" description="文秘登记和流转；科长另可初审、核稿、复核并设置业务规则；查阅只能查看">
            <div><SegmentedControl value={role} onChange={(v) => setRole(v as Role)} data={ROLES} mt={4} /></div>
          </Input.Wrapper>
          {user ? (
            <Switch label="停用此账户（停用后不能登录，已登录的会被退出）" checked={disabled} onChange={(e) => setDisabled(e.currentTarget.checked)} />
          ) : (
            <PasswordInput label="初始密码" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required autoComplete="new-password"
              description="须符合安全保密管理员设定的密码规则；本人首次登录时须修改" />
          )}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>取消</Button>
            <Button type="submit" loading={create.busy || update.busy}>{user ? '保存' : '新建'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
