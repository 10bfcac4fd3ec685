import { useMemo, useState } from 'react'
import { Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { ApiError, useMutation } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { formatMonthDay, weekdayOf } from '../../lib/format'
import { DUTY_CHANGES, type RosterDetail } from './model'

const dayText = (d: string) => `${formatMonthDay(d)}（${weekdayOf(d)}）`

/** 换班 / 替班: the requester's duty, the counterpart, optionally the date taken back, and both consents. */
export function SwapModal({ roster, onClose, onDone }: { roster: RosterDetail; onClose: () => void; onDone: (record: string) => void }) {
  const duties = useMemo(() => roster.days.flatMap((d) => d.duties), [roster])
  const people = useMemo(() => {
    const m = new Map<number, string>()
    for (const d of duties) m.set(d.personId, d.person?.name ?? `人员${d.personId}`)
    for (const f of roster.fairness) if (!m.has(f.personId)) m.set(f.personId, f.name)
    return [...m.entries()].map(([value, label]) => ({ value: String(value), label }))
  }, [duties, roster.fairness])

  const [dutyKey, setDutyKey] = useState<string | null>(null)
  const [counterpart, setCounterpart] = useState<string | null>(null)
  const [returnDate, setReturnDate] = useState<string | null>(null)
  const [accepted, setAccepted] = useState(false)
  const [consented, setConsented] = useState(false)
  const [note, setNote] = useState('')
  const [missing, setMissing] = useState<ApiError | null>(null)
  const swap = useMutation('duty.swap', { invalidates: DUTY_CHANGES })
  const error = missing ?? swap.error

  const given = duties.find((d) => `${d.date}|${d.role}` === dutyKey)
  const cpId = counterpart ? Number(counterpart) : null
  const returnOptions = cpId ? duties.filter((d) => d.personId === cpId && d.date !== given?.date).map((d) => ({ value: d.date, label: `${dayText(d.date)} ${d.role}` })) : []

  async function submit() {
    const need = !given ? ['date', '请选择换出的值班'] : !cpId ? ['counterpartId', '请选择对方'] : null
    setMissing(need ? new ApiError({ code: 'VALIDATION', field: need[0], message: need[1] }) : null)
    if (need || !given || !cpId) return
    const result = await swap.mutate({
      rosterId: roster.roster.id, requesterId: given.personId, counterpartId: cpId, date: given.date,
      ...(returnDate ? { returnDate } : {}), counterpartAccepted: accepted, leadConsented: consented, note: note.trim() || undefined,
    })
    if (result) onDone(result.record)
  }

  return (
    <FormModal opened size={620} title="换班" onClose={onClose} onSubmit={submit} busy={swap.busy} error={error} submitLabel="登记换班"
      fields={['date', 'counterpartId', 'returnDate', 'note']}>
      <Select label="申请人的值班（换出）" required searchable placeholder="选择日期和班次" value={dutyKey} onChange={setDutyKey}
        data={duties.map((d) => ({ value: `${d.date}|${d.role}`, label: `${dayText(d.date)} ${d.role} ${d.person?.name ?? ''}` }))}
        error={fieldError(error, 'date')} data-autofocus />
      <Group grow gap="sm" align="flex-start">
        <Select label="对方（接替的人）" required searchable value={counterpart} onChange={(v) => { setCounterpart(v); setReturnDate(null) }}
          data={people.filter((p) => Number(p.value) !== given?.personId)} error={fieldError(error, 'counterpartId')} />
        <Select label="换回日期" clearable placeholder="不选为替班" value={returnDate} onChange={setReturnDate}
          data={returnOptions} error={fieldError(error, 'returnDate')} disabled={!cpId} />
      </Group>
      <Stack gap={6}>
        <Checkbox label="对方已同意" checked={accepted} onChange={(e) => setAccepted(e.currentTarget.checked)} />
        <Checkbox label="带班已同意" checked={consented} onChange={(e) => setConsented(e.currentTarget.checked)} />
        <Text size="xs" c="dimmed">换班、替班须经对方同意并报带班同意，登记后留有记录（X-4）。</Text>
      </Stack>
      <TextInput label="说明" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError(error, 'note')} />
    </FormModal>
  )
}
