import { useState } from 'react'
import { Badge, Button, Checkbox, Grid, Group, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useMutation, useQuery } from '../../api/client'
import { fieldError } from '../../components/FormModal'
import { ErrorAlert, Feedback } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { formatDate } from '../../lib/format'
import { HANDOVER_SHIFTS, type HandoverShift } from '../../../src-main/common/duty'
import { useCan } from '../../lib/session'
import { DUTY_CHANGES, NOWRAP, addDaysIso } from './model'
import { DownloadButton } from '../../components/DownloadButton'
import { OfficeDateInput } from '../../components/OfficeDateInput'

const EMPTY = { at: '', callerUnit: '', callerName: '', callerPhone: '', content: '', handling: '', notified: '', followUp: '', urgent: false }

/** 值班记录: write an entry, search the log (date range and text, urgent in red), and 交接班 notes; the 查阅 account only reads. */
export function LogTab({ today }: { today: string }) {
  const [from, setFrom] = useState<string | null>(addDaysIso(today, -30))
  const [to, setTo] = useState<string | null>(today)
  const [text, setText] = useState('')
  const [filter, setFilter] = useState({ from: addDaysIso(today, -30), to: today, text: '' })
  const log = useQuery('duty.searchLog', { from: filter.from, to: filter.to, text: filter.text || undefined })
  const handovers = useQuery('duty.listHandovers', { from: filter.from, to: filter.to })
  const search = () => setFilter({ from: from ?? filter.from, to: to ?? filter.to, text: text.trim() })
  const can = useCan()

  return (
    <Stack gap="sm">
      <Grid gap="sm">
        {can('duty.addLog') && <Grid.Col span={{ base: 12, lg: 5 }}><LogForm onSaved={(at) => {
          const day = at.slice(0, 10)
          if (day < filter.from || day > filter.to) { setFrom(filter.from < day ? filter.from : day); setTo(filter.to > day ? filter.to : day); setFilter({ ...filter, from: filter.from < day ? filter.from : day, to: filter.to > day ? filter.to : day }) }
        }} /></Grid.Col>}
        <Grid.Col span={{ base: 12, lg: can('duty.addLog') ? 7 : 12 }}><HandoverPanel today={today} list={handovers} /></Grid.Col>
      </Grid>

      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs" align="flex-end">
          <Title order={3}>值班记录</Title>
          <form onSubmit={(e) => { e.preventDefault(); search() }}>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <OfficeDateInput size="xs" label="从" value={from} onChange={setFrom} w={140} />
              <OfficeDateInput size="xs" label="至" value={to} onChange={setTo} minDate={from ?? undefined} w={140} />
              <TextInput size="xs" label="查询文字" placeholder="内容、单位、姓名或电话" value={text} onChange={(e) => setText(e.currentTarget.value)} w={200} />
              <Button size="xs" type="submit">查询</Button>
              <DownloadButton name="duty.exportLogDocx" input={{ from: filter.from, to: filter.to, text: filter.text || undefined }} label="导出Word" />
            </Group>
          </form>
        </Group>
        <ErrorAlert error={log.error} />
        {!log.data ? <Loading /> : (
          <Table withTableBorder striped aria-label="值班记录列表" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>时间</Table.Th>
                <Table.Th w={190}>来电</Table.Th>
                <Table.Th>内容</Table.Th>
                <Table.Th>处理情况</Table.Th>
                <Table.Th w={150}>告知 / 后续跟进</Table.Th>
                <Table.Th w={80}>记录人</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.data.map((e) => (
                <Table.Tr key={e.id} data-urgent={e.urgent || undefined}
                  style={e.urgent ? { background: 'var(--mantine-color-red-0)', boxShadow: 'inset 4px 0 0 var(--mantine-color-red-7)' } : undefined}>
                  <Table.Td style={NOWRAP}>
                    <Text size="sm">{formatDate(e.at.slice(0, 10)).replace(/^\d+年/, '')} {e.at.slice(11)}</Text>
                    {e.urgent && <Badge size="xs" radius="sm" color="red" variant="filled">紧急</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{[e.callerUnit, e.callerName].filter(Boolean).join(' ') || '—'}</Text>
                    {e.callerPhone && <Text size="xs" c="dimmed" style={NOWRAP}>{e.callerPhone}</Text>}
                  </Table.Td>
                  <Table.Td><Text size="sm" c={e.urgent ? 'red.9' : undefined} fw={e.urgent ? 600 : undefined} style={{ whiteSpace: 'pre-wrap' }}>{e.content}</Text></Table.Td>
                  <Table.Td><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{e.handling ?? ''}</Text></Table.Td>
                  <Table.Td>
                    {e.notified && <Text size="sm">告知：{e.notified}</Text>}
                    {e.followUp && <Text size="sm" c="orange.9">跟进：{e.followUp}</Text>}
                  </Table.Td>
                  <Table.Td style={NOWRAP}>{e.recordedBy ?? ''}</Table.Td>
                </Table.Tr>
              ))}
              {log.data.length === 0 && (
                <Table.Tr><Table.Td colSpan={6}><Text size="sm" c="dimmed" ta="center" py="xs">{formatDate(filter.from)}至{formatDate(filter.to)}没有{filter.text ? `含“${filter.text}”的` : ''}值班记录。</Text></Table.Td></Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  )
}

function LogForm({ onSaved }: { onSaved: (at: string) => void }) {
  const [f, setF] = useState(EMPTY)
  const add = useMutation('duty.addLog', { invalidates: DUTY_CHANGES, success: '已记录。' })
  const set = (k: keyof typeof EMPTY) => (e: { currentTarget: { value: string } }) => { const v = e.currentTarget.value; setF((s) => ({ ...s, [k]: v })) }
  async function submit() {
    const result = await add.mutate({ ...f, at: f.at.trim() || undefined })
    if (result) { setF(EMPTY); onSaved(result.at) }
  }
  const err = (k: string) => fieldError(add.error, k)
  const atField = add.error?.field && Object.keys(EMPTY).includes(add.error.field)
  return (
    <Paper withBorder p="sm" h="100%">
      <Title order={3} mb="xs">填写值班记录</Title>
      <form onSubmit={(e) => { e.preventDefault(); submit() }} noValidate aria-label="填写值班记录">
        <Stack gap={6}>
          <Group grow gap="xs" align="flex-start">
            <TextInput size="xs" label="时间" placeholder="不填为现在，如 2026-12-15 09:30" value={f.at} onChange={set('at')} error={err('at')} />
            <TextInput size="xs" label="来电单位" value={f.callerUnit} onChange={set('callerUnit')} error={err('callerUnit')} />
          </Group>
          <Group grow gap="xs" align="flex-start">
            <TextInput size="xs" label="姓名" value={f.callerName} onChange={set('callerName')} error={err('callerName')} />
            <TextInput size="xs" label="电话" value={f.callerPhone} onChange={set('callerPhone')} error={err('callerPhone')} />
          </Group>
          <Textarea size="xs" label="内容" required autosize minRows={2} maxRows={6} value={f.content} onChange={set('content')} error={err('content')} />
          <Textarea size="xs" label="处理情况" autosize minRows={1} maxRows={4} value={f.handling} onChange={set('handling')} error={err('handling')} />
          <Group grow gap="xs" align="flex-start">
            <TextInput size="xs" label="告知何人" value={f.notified} onChange={set('notified')} error={err('notified')} />
            <TextInput size="xs" label="后续跟进" value={f.followUp} onChange={set('followUp')} error={err('followUp')} />
          </Group>
          <Group justify="space-between">
            <Checkbox label="紧急" color="red" checked={f.urgent} onChange={(e) => { const v = e.currentTarget.checked; setF((s) => ({ ...s, urgent: v })) }} />
            <Button size="xs" type="submit" loading={add.busy}>记录</Button>
          </Group>
          {!atField && <Feedback state={add} />}
          {atField && add.notice && <Feedback state={add} />}
        </Stack>
      </form>
    </Paper>
  )
}

/**
 * 交接班: the shift is one of the office's duty roles; who hands over is offered from that day's duty staff and
 * who takes over from the next day's (the rest of the office's duty pool below them). Picking the shift fills both.
 */
function HandoverPanel({ today, list }: { today: string; list: ReturnType<typeof useQuery<'duty.listHandovers'>> }) {
  const can = useCan()
  const [date, setDate] = useState<string | null>(today)
  const [shift, setShift] = useState<HandoverShift | null>(null)
  const [fromId, setFromId] = useState<number | null>(null)
  const [toId, setToId] = useState<number | null>(null)
  const [note, setNote] = useState('')
  const people = useQuery('duty.handoverPeople', date ? { date } : null)
  const add = useMutation('duty.addHandover', { invalidates: DUTY_CHANGES, success: '已记录交接班。' })
  async function submit() {
    const ok = await add.mutate({ date: date ?? '', shift: shift ?? undefined, note, fromPersonId: fromId, toPersonId: toId })
    if (ok) { setNote(''); setShift(null); setFromId(null); setToId(null) }
  }
  function chooseShift(v: string | null) {
    const role = HANDOVER_SHIFTS.find((s) => s === v) ?? null
    setShift(role)
    if (!role || !people.data) return
    setFromId(people.data.today.find((d) => d.role === role)?.personId ?? null)
    setToId(people.data.next.duties.find((d) => d.role === role)?.personId ?? null)
  }
  const err = (k: string) => fieldError(add.error, k)
  const options = (first: { role: string; personId: number; name: string }[], label: string) => {
    const p = people.data
    if (!p) return []
    return [
      ...(first.length ? [{ group: label, items: first.map((d) => ({ value: String(d.personId), label: `${d.name}（${d.role}）` })) }] : []),
      ...(p.others.length ? [{ group: '其他值班人员', items: p.others.map((o) => ({ value: String(o.personId), label: o.name })) }] : []),
    ]
  }
  const personSelect = (label: string, value: number | null, set: (v: number | null) => void, data: ReturnType<typeof options>, field: string) => (
    <Select size="xs" label={label} searchable clearable value={value === null ? null : String(value)} onChange={(v) => set(v ? Number(v) : null)}
      data={data} error={err(field)} nothingFoundMessage="没有这个人" />
  )
  return (
    <Paper withBorder p="sm" h="100%">
      <Title order={3} mb="xs">交接班</Title>
      {can('duty.addHandover') && (
        <form onSubmit={(e) => { e.preventDefault(); submit() }} noValidate aria-label="交接班">
          <Stack gap={6}>
            <Group grow gap="xs" align="flex-start">
              <OfficeDateInput size="xs" label="日期" required value={date} onChange={(d) => { setDate(d); setShift(null); setFromId(null); setToId(null) }} error={err('date')} />
              <Select size="xs" label="班次" placeholder="选择班次" clearable value={shift} onChange={chooseShift} data={[...HANDOVER_SHIFTS]} error={err('shift')} />
              {personSelect('交班人', fromId, setFromId, options(people.data?.today ?? [], '当日值班'), 'fromPersonId')}
              {personSelect('接班人', toId, setToId, options(people.data?.next.duties ?? [], '次日值班'), 'toPersonId')}
            </Group>
            <Group gap="xs" align="flex-end" wrap="nowrap">
              <Textarea size="xs" label="交接内容" required autosize minRows={1} maxRows={4} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={err('note')} style={{ flex: 1 }} />
              <Button size="xs" type="submit" loading={add.busy}>记录</Button>
            </Group>
            {people.data && !people.data.today.length && <Text size="xs" c="dimmed">该日没有已发布的办公室值班表，可从其他值班人员中选择。</Text>}
            {!(add.error?.field && ['date', 'shift', 'note', 'fromPersonId', 'toPersonId'].includes(add.error.field)) && <Feedback state={add} />}
          </Stack>
        </form>
      )}
      <ErrorAlert error={list.error} />
      {list.data && (
        <Table withTableBorder striped mt="xs" verticalSpacing={2} aria-label="交接班记录">
          <Table.Thead><Table.Tr><Table.Th w={110}>日期</Table.Th><Table.Th w={70}>班次</Table.Th><Table.Th w={130}>交班 → 接班</Table.Th><Table.Th>交接内容</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {list.data.map((h) => (
              <Table.Tr key={h.id}>
                <Table.Td style={NOWRAP}>{formatDate(h.date).replace(/^\d+年/, '')}</Table.Td>
                <Table.Td style={NOWRAP}>{h.shift ?? ''}</Table.Td>
                <Table.Td style={NOWRAP}>{h.fromName ?? '—'} → {h.toName ?? '—'}</Table.Td>
                <Table.Td><Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{h.note}</Text></Table.Td>
              </Table.Tr>
            ))}
            {list.data.length === 0 && <Table.Tr><Table.Td colSpan={4}><Text size="sm" c="dimmed" ta="center">查询期间没有交接班记录</Text></Table.Td></Table.Tr>}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  )
}
