import { useState } from 'react'
import { Alert, Button, Select, Text } from '@mantine/core'
import { useMutation, useQuery } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { FormModal } from '../../components/FormModal'
import { Section } from '../../components/Section'
import type { UserRow } from '../settings/UserDialog'
import { UsersTable, isAdministratorAccount, isLockedNow } from '../settings/UsersTable'

const CLEARANCES = [{ value: '内部', label: '内部（非涉密人员）' }, { value: '秘密', label: '秘密' }, { value: '机密', label: '机密' }]

/** 人员密级 (安全保密管理员): approving new accounts, setting clearances, lifting lockouts. */
export function ClearanceSection() {
  const users = useQuery('users.list', {})
  const [editing, setEditing] = useState<UserRow | null>(null)
  const [clearance, setClearance] = useState('内部')
  const [notice, setNotice] = useState<string | null>(null)
  const save = useMutation('users.setClearance', { invalidates: ['users.list'] })
  const unlock = useMutation('users.unlock', { invalidates: ['users.list'] })
  const confirm = useMutation('users.confirm', { invalidates: ['users.list'] })

  const open = (u: UserRow) => { setNotice(null); save.reset(); setClearance(u.clearance); setEditing(u) }
  async function submit() {
    if (editing && (await save.mutate({ id: editing.id, clearance: clearance as UserRow['clearance'] }))) {
      setNotice(`已将“${editing.displayName}”的密级设为${clearance}${editing.approved ? '' : '，该账户现在可以登录'}。`)
      setEditing(null)
    }
  }
  async function confirmReset(u: UserRow) {
    if (await confirm.mutate({ id: u.id })) { setNotice(`已确认“${u.displayName}”的密码重置，该账户现在可以登录。`) }
  }
  async function lift(u: UserRow) {
    if (await unlock.mutate({ id: u.id })) { setNotice(`已解除“${u.displayName}”的锁定。`) }
  }

  return (
    <Section title="人员密级" description="人员只能看到不高于本人密级的文件和议题。系统管理员新建的账户须在此审核密级后才能登录；系统管理员重置了密码的账户，须在此确认后才能登录（防止他人重置密码后冒用账户）。">
      {notice && <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} mb="sm" py="xs">{notice}</Alert>}
      <ErrorAlert error={users.error ?? unlock.error ?? confirm.error} />
      <UsersTable users={users.data ?? []} actions={(u) => (
        <>
          {u.awaiting === '重置密码待确认' && <Button size="compact-xs" onClick={() => confirmReset(u)}>确认重置</Button>}
          {!isAdministratorAccount(u) && u.awaiting !== '重置密码待确认' && (
            <Button size="compact-xs" variant={u.approved ? 'default' : 'filled'} onClick={() => open(u)}>{u.approved ? '设置密级' : '审核密级'}</Button>
          )}
          {isLockedNow(u) && <Button size="compact-xs" variant="default" onClick={() => lift(u)}>解除锁定</Button>}
        </>
      )} />
      <FormModal opened={editing !== null} title="设置人员密级" onClose={() => setEditing(null)} onSubmit={submit} busy={save.busy} error={save.error}
        submitLabel={editing?.approved ? '保存' : '审核通过'}>
        <Text size="sm">{editing?.displayName}（{editing?.username}，{editing?.role}）</Text>
        <Select label="密级" data={CLEARANCES} value={clearance} allowDeselect={false} onChange={(v) => v && setClearance(v)} />
      </FormModal>
    </Section>
  )
}
