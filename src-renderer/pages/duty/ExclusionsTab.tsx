import { useState } from 'react'
import { Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert, Feedback } from '../../components/Feedback'
import { fieldError } from '../../components/FormModal'
import { Loading } from '../../components/Loading'
import { formatDateWithWeekday } from '../../lib/format'
import { PersonSelect } from '../../components/PersonSelect'
import { DUTY_CHANGES, NOWRAP } from './model'
import { useCan } from '../../lib/session'
import { OfficeDateInput } from '../../components/OfficeDateInput'

type Exclusion = { id: number; name: string | null; date: string; reason?: string | null }

/** 不排班日期: dates a person asked not to be put on duty; the generator skips them. */
export function ExclusionsTab({ today }: { today: string }) {
  const org = useQuery('org.overview', {})
  const can = useCan()
  const list = useQuery('duty.listExclusions', { from: today })
  const [personId, setPersonId] = useState<number | null>(null)
  const [date, setDate] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [pending, setPending] = useState<Exclusion | null>(null)
  const save = useMutation('duty.saveExclusion', { invalidates: DUTY_CHANGES, success: '已登记。' })
  const remove = useMutation('duty.deleteExclusion', { invalidates: DUTY_CHANGES, success: '已删除。' })

  async function submit() {
    const ok = await save.mutate({ personId: personId ?? 0, date: date ?? '', reason: reason.trim() || undefined })
    if (ok) { setDate(null); setReason('') }
  }
  async function doDelete() {
    if (!pending) return
    await remove.mutate({ id: pending.id })
    setPending(null)
  }
  const err = (k: string) => fieldError(save.error, k)
  const shownAtField = !!save.error?.field && ['personId', 'date', 'reason'].includes(save.error.field)

  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" mb="xs">
        <Title order={3}>不排班日期</Title>
        <Text size="xs" c="dimmed">本人申请当日不排值班；生成排班时自动避开，已外出登记的人员不必再登记</Text>
      </Group>
      {can('duty.saveExclusion') && <form onSubmit={(e) => { e.preventDefault(); submit() }} noValidate aria-label="登记不排班日期">
        <Group gap="xs" align="flex-start" mb="xs">
          <PersonSelect size="xs" org={org.data} scope="all" label="人员" required value={personId} onChange={setPersonId} error={err('personId')} w={240} />
          <OfficeDateInput size="xs" label="日期" required value={date} onChange={setDate} error={err('date')} w={160} placeholder="选择日期" />
          <TextInput size="xs" label="原因" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={err('reason')} w={260} />
          <Button size="xs" type="submit" loading={save.busy} mt={22}>登记</Button>
        </Group>
      </form>}
      {!shownAtField && <Feedback state={save} />}
      <Feedback state={remove} />
      <ErrorAlert error={list.error} />
      {!list.data ? <Loading /> : (
        <Table withTableBorder striped verticalSpacing={4} aria-label="不排班日期">
          <Table.Thead><Table.Tr><Table.Th w={200}>日期</Table.Th><Table.Th w={120}>人员</Table.Th><Table.Th>原因</Table.Th><Table.Th w={70} /></Table.Tr></Table.Thead>
          <Table.Tbody>
            {list.data.map((x) => (
              <Table.Tr key={x.id}>
                <Table.Td style={NOWRAP}>{formatDateWithWeekday(x.date)}</Table.Td>
                <Table.Td style={NOWRAP}>{x.name ?? ''}</Table.Td>
                <Table.Td>{x.reason ?? ''}</Table.Td>
                <Table.Td>{can('duty.deleteExclusion') && <Button size="compact-xs" variant="subtle" color="red" onClick={() => setPending(x)}>删除</Button>}</Table.Td>
              </Table.Tr>
            ))}
            {list.data.length === 0 && <Table.Tr><Table.Td colSpan={4}><Text size="sm" c="dimmed" ta="center" py="xs">今天以后没有登记不排班的日期。</Text></Table.Td></Table.Tr>}
          </Table.Tbody>
        </Table>
      )}
      <ConfirmDialog opened={!!pending} title="删除不排班日期" confirmLabel="删除" danger busy={remove.busy} onConfirm={doDelete} onCancel={() => setPending(null)}>
        <Text size="sm">删除{pending?.name ?? ''}{pending ? formatDateWithWeekday(pending.date) : ''}的不排班登记？</Text>
      </ConfirmDialog>
    </Paper>
  )
}
