import { useEffect, useMemo, useState } from 'react'
import { Alert, Anchor, Group, Input, SegmentedControl, Select, Text, TextInput } from '@mantine/core'
import { ApiError, useMutation, useQuery } from '../../api/client'
import { FormModal, fieldError } from '../../components/FormModal'
import { DUTY_CHANGES, monthEndIso, periodLabel, type Generated, type RosterKind } from './model'
import { hrefOf } from '../../lib/route'
import { OfficeDateInput } from '../../components/OfficeDateInput'
import { cite } from '../../../src-main/common/rules'

interface HolidayPeriod { name: string; from: string; to: string }

/** 生成排班: 办公室值班 by month; 领导带班 over a holiday (or any period — only its 法定节假日 are staffed, R-W1). */
export function GenerateModal({ today, onClose, onGenerated }: {
  today: string
  onClose: () => void
  onGenerated: (result: Generated & { kind: RosterKind; from: string; to: string }) => void
}) {
  const [kind, setKind] = useState<RosterKind>('办公室值班')
  const thisYear = Number(today.slice(0, 4))
  const nextMonth = new Date(Date.UTC(thisYear, Number(today.slice(5, 7)), 1))
  const [year, setYear] = useState(String(nextMonth.getUTCFullYear()))
  const [month, setMonth] = useState(String(nextMonth.getUTCMonth() + 1))
  const [holiday, setHoliday] = useState<string | null>(null)
  const [from, setFrom] = useState<string | null>(null)
  const [to, setTo] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [missing, setMissing] = useState<ApiError | null>(null)
  const generate = useMutation('duty.generate', { invalidates: DUTY_CHANGES })
  const error = missing ?? generate.error

  const calendar = useQuery('calendar.year', { year: Number(year) })
  const holidays = useMemo<HolidayPeriod[]>(() => {
    const out: HolidayPeriod[] = []
    if (!calendar.data?.known) return out
    for (const d of calendar.data.days) {
      if (d.type !== '法定节假日') continue
      const last = out[out.length - 1]
      const name = d.name ?? '法定节假日'
      const prev = new Date(Date.parse(`${d.date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
      if (last && last.name === name && last.to === prev) last.to = d.date
      else out.push({ name, from: d.date, to: d.date })
    }
    return out
  }, [calendar.data])

  useEffect(() => { setHoliday(null) }, [year])

  const monthValue = `${year}-${month.padStart(2, '0')}`
  const period = kind === '办公室值班' ? { from: `${monthValue}-01`, to: monthEndIso(monthValue) } : { from, to }
  const years = [thisYear - 1, thisYear, thisYear + 1].map(String)

  function chooseHoliday(key: string | null) {
    setHoliday(key)
    const h = holidays.find((x) => `${x.name}|${x.from}` === key)
    if (h) { setFrom(h.from); setTo(h.to) }
  }

  async function submit() {
    const need = !period.from ? ['from', '请选择开始日期'] : !period.to ? ['to', '请选择结束日期'] : null
    setMissing(need ? new ApiError({ code: 'VALIDATION', field: need[0], message: need[1] }) : null)
    if (need) return
    const result = await generate.mutate({ kind, from: period.from!, to: period.to!, title: title.trim() || undefined })
    if (result) onGenerated({ ...result, kind, from: period.from!, to: period.to! })
  }

  return (
    <FormModal opened size={620} title="生成排班" onClose={onClose} onSubmit={submit} busy={generate.busy} error={error}
      submitLabel="生成草稿" fields={['kind', 'from', 'to', 'title']}>
      <Input.Wrapper label="值班类别" required error={fieldError(error, 'kind')}>
        <SegmentedControl fullWidth data={ROSTER_KIND_OPTIONS} value={kind} onChange={(v) => setKind(v as RosterKind)} size="sm" />
      </Input.Wrapper>
      <Group grow gap="sm" align="flex-start">
        <Select label="年份" data={years.map((y) => ({ value: y, label: `${y}年` }))} value={year} onChange={(v) => v && setYear(v)} allowDeselect={false} />
        {kind === '办公室值班' ? (
          <Select label="月份" data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }))}
            value={month} onChange={(v) => v && setMonth(v)} allowDeselect={false} />
        ) : (
          <Select label="节假日" placeholder={calendar.data && !calendar.data.known ? '该年节假日安排尚未录入' : '选择节假日'}
            data={holidays.map((h) => ({ value: `${h.name}|${h.from}`, label: `${h.name}（${periodLabel(h.from, h.to).replace(/^\d+年/, '')}）` }))}
            value={holiday} onChange={chooseHoliday} />
        )}
      </Group>
      {kind === '领导带班' && (
        <Group grow gap="sm" align="flex-start">
          <OfficeDateInput label="开始日期" required value={from} defaultDate={from ?? `${year}-01-01`} placeholder="选择日期"
            error={fieldError(error, 'from')} onChange={(d) => { setFrom(d); setHoliday(null); if (d && (!to || to < d)) setTo(d) }} />
          <OfficeDateInput label="结束日期" required value={to} defaultDate={to ?? from ?? `${year}-01-01`} minDate={from ?? undefined}
            placeholder="选择日期" error={fieldError(error, 'to')} onChange={(d) => { setTo(d); setHoliday(null) }} />
        </Group>
      )}
      {calendar.data && !calendar.data.known && <UnknownYearNotice year={year} kind={kind} />}
      <Text size="xs" c="dimmed">
        {kind === '办公室值班'
          ? `${year}年${month}月每天安排带班（办公室主任、副主任）、主班和副班各一人，按平日、节假日折算轮换；外出和登记不排班的人员自动避开。`
          : `只安排期间内的法定节假日（调休上班日不算，${cite('R-W1')}），由市长、副市长、秘书长轮流带班。`}
      </Text>
      <TextInput label="标题" placeholder="不填则自动生成，如“2026年12月市政府办公室值班表”" value={title}
        onChange={(e) => setTitle(e.currentTarget.value)} error={fieldError(error, 'title')} />
    </FormModal>
  )
}

/**
 * A year whose 节假日 are not entered (R-W2, X-6): the office's roster can still be drafted, its days provisional by
 * weekends; the leaders' roster needs the statutory holidays. Says who enters the year and where, so nobody is stuck.
 */
function UnknownYearNotice({ year, kind }: { year: string; kind: RosterKind }) {
  return (
    <Alert color="orange" variant="light" p="xs" role="status" title={`${year}年的节假日安排尚未录入`}>
      <Text size="sm">
        {kind === '办公室值班'
          ? '可以先生成值班表：日期按周末暂定，法定节假日暂按平日、周末排，录入后请核对调整。'
          : '尚不知道哪些天是法定节假日，暂不能安排领导带班。'}
        请文秘或科长在<Anchor href={hrefOf('calendar')} size="sm">“节假日”</Anchor>中按国务院办公厅通知录入{year}年的安排（{cite('R-W2')}）。
      </Text>
    </Alert>
  )
}

const ROSTER_KIND_OPTIONS = [{ value: '办公室值班', label: '办公室值班' }, { value: '领导带班', label: '领导带班（节假日）' }]
