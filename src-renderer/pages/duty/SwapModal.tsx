import { useMemo, useState } from 'react'
import { Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { ApiError, useMutation } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { formatMonthDay, weekdayOf } from '../../lib/format'
import { DUTY_CHANGES, type RosterDetail } from './model'

const dayText = (d: string) => `${formatMonthDay(d)}（${weekdayOf(d)}）`

/**
 * 换班 / 替班: the requester's duty, the counterpart, optionally the date taken back, the counterpart's acceptance
 * and, for each date involved, the consent of that date's 带班 by name. Only shifts from today (the office's date, as
 * the server counts it) are offered: a shift already past cannot be rewritten.
 */
export function SwapModal({ roster, onClose, onDone }: { roster: RosterDetail; onClose: () => void; onDone: (record: string) => void }) {
  const duties = useMemo(() => roster.days.filter((d) => d.date >= roster.today).flatMap((d) => d.duties), [roster])
  const people = useMemo(() => {
    const m = new Map<number, string>()
    // Nobody who has left (归档) is offered to take a duty.
    for (const d of duties) if (!d.person?.archivedOn) m.set(d.personId, d.person?.name ?? `人员${d.personId}`)
    for (const f of roster.fairness) if (!m.has(f.personId) && !f.archivedOn) m.set(f.personId, f.name)
    return [...m.entries()].map(([value, label]) => ({ value: String(value), label }))
  }, [duties, roster.fairness])

  const [dutyKey, setDutyKey] = useState<string | null>(null)
  const [counterpart, setCounterpart] = useState<string | null>(null)
  const [returnDate, setReturnDate] = useState<string | null>(null)
  const [accepted, setAccepted] = useState(false)
  const [consented, setConsented] = useState<ReadonlySet<string>>(new Set())
  const [note, setNote] = useState('')
  const [missing, setMissing] = useState<ApiError | null>(null)
  const swap = useMutation('duty.swap', { invalidates: DUTY_CHANGES })
  const error = missing ?? swap.error

  const given = duties.find((d) => `${d.date}|${d.role}` === dutyKey)
  const cpId = counterpart ? Number(counterpart) : null
  const returnOptions = cpId ? duties.filter((d) => d.personId === cpId && d.date !== given?.date).map((d) => ({ value: d.date, label: `${dayText(d.date)} ${d.role}` })) : []
  const leads = leadsOf(roster, [given?.date, returnDate])

  async function submit() {
    const need = !given ? ['date', '请选择换出的值班'] : !cpId ? ['counterpartId', '请选择对方'] : null
    setMissing(need ? new ApiError({ code: 'VALIDATION', field: need[0], message: need[1] }) : null)
    if (need || !given || !cpId) return
    const result = await swap.mutate({
      rosterId: roster.roster.id, requesterId: given.personId, counterpartId: cpId, date: given.date,
      ...(returnDate ? { returnDate } : {}), counterpartAccepted: accepted,
      leadConsents: leads.filter((l) => l.personId !== null && consented.has(l.date)).map((l) => ({ date: l.date, personId: l.personId! })),
      note: note.trim() || undefined,
    })
    if (result) onDone(result.record)
  }
  const toggle = (date: string, on: boolean) => setConsented((s) => { const n = new Set(s); if (on) n.add(date); else n.delete(date); return n })

  return (
    <FormModal opened size={620} title="换班" onClose={onClose} onSubmit={submit} busy={swap.busy} error={error} submitLabel="登记换班"
      fields={['date', 'counterpartId', 'returnDate', 'note']}>
      <Select label="申请人的值班（换出）" required searchable placeholder={duties.length ? '选择日期和班次' : '本表已没有今天及以后的值班'} value={dutyKey}
        onChange={(v) => { setDutyKey(v); setConsented(new Set()) }}
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
        {leads.map((l) => (
          <Checkbox key={l.date} label={l.personId === null ? `${dayText(l.date)}尚未安排带班` : `${dayText(l.date)}带班${l.name}已同意`}
            disabled={l.personId === null} checked={consented.has(l.date)} onChange={(e) => toggle(l.date, e.currentTarget.checked)} />
        ))}
        <Text size="xs" c="dimmed">
          {roster.roster.kind === '领导带班'
            ? '领导带班调整须经对方同意，登记后留有记录（办公室工作惯例）。只能调换今天及以后的带班。'
            : '换班、替班须经对方同意，并经所涉每一天的带班本人同意，登记后留有记录（办公室工作惯例）。只能调换今天及以后的值班。'}
        </Text>
      </Stack>
      <TextInput label="说明" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={fieldError(error, 'note')} />
    </FormModal>
  )
}

/** The 带班 of each chosen date on this roster (none on the leaders' own roster: they are the day's 带班 themselves). */
function leadsOf(roster: RosterDetail, dates: readonly (string | null | undefined)[]) {
  if (roster.roster.kind === '领导带班') return []
  return dates.filter((d): d is string => !!d).map((date) => {
    const lead = roster.days.find((d) => d.date === date)?.duties.find((x) => x.role === '带班')
    return { date, personId: lead?.personId ?? null, name: lead?.person?.name ?? (lead ? `人员${lead.personId}` : '') }
  })
}
