import { useEffect, useMemo, useState } from 'react'
import { Alert, Button, Checkbox, Group, Input, Modal, NumberInput, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import dayjs from 'dayjs'
import { api, ApiError, useQuery, invalidate } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { RuleBadge } from '../../components/RuleBadge'
import { formatDate, formatDateWithWeekday, formatMonthDay } from '../../lib/format'
import { type HalfDay, type MeetingWarning } from './calendar/model'
import { HALF_DAYS } from '../../../src-main/common/meetings'
import { WarningLine } from './calendar/Warnings'
import { withoutRule } from './ScheduleModal'
import { MEETING_CHANGES } from './model'
import { cite } from '../../../src-main/common/rules'

interface Outcome { date: string; session: number; meetingId?: number; warnings: MeetingWarning[]; error?: ApiError }

/**
 * 按周期安排: the planner proposes dates at the type's cadence from its last meeting, moved off holidays
 * (R-M1, R-M2); the office ticks the ones it wants and they are scheduled one by one, each with its warnings.
 */
export function PlanModal({ onClose, onDone }: { onClose: () => void; onDone: (created: number) => void }) {
  const types = useQuery('meetingTypes.list', {})
  const cyclic = useMemo(() => (types.data ?? []).filter((t) => t.cadenceDays), [types.data])
  const [typeId, setTypeId] = useState<number | null>(null)
  const [count, setCount] = useState(4)
  const [halfDay, setHalfDay] = useState<HalfDay>('上午')
  const [place, setPlace] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [outcomes, setOutcomes] = useState<Outcome[] | null>(null)

  useEffect(() => { if (typeId === null && cyclic.length) setTypeId((cyclic.find((t) => t.kind === '常务会议') ?? cyclic[0]).id) }, [cyclic, typeId])
  const type = cyclic.find((t) => t.id === typeId)
  const plan = useQuery('meetings.plan', typeId ? { typeId, count } : null)
  const proposals = plan.data?.proposals ?? []
  useEffect(() => { setChosen(plan.data?.proposals.slice(0, 1).map((p) => p.date) ?? []) }, [plan.data])

  // The holidays the proposals were moved off, to say why a date is not at the exact cadence.
  const span = plan.data && proposals.length
    ? { from: plan.data.from, to: minIso(proposals.at(-1)!.date, dayjs(plan.data.from).add(1, 'year').subtract(1, 'day').format('YYYY-MM-DD')) }
    : null
  const cal = useQuery('meetings.calendar', span)
  const dayName = useMemo(() => new Map((cal.data?.days ?? []).map((d) => [d.date, d])), [cal.data])

  function moved(index: number, date: string): string | null {
    if (!plan.data) return null
    const nominal = dayjs(plan.data.from).add((index + 1) * plan.data.cadenceDays, 'day').format('YYYY-MM-DD')
    if (nominal === date) return null
    const d = dayName.get(nominal)
    const why = d?.kind === '放假' ? `${d.name ?? '法定节假日'}放假` : [0, 6].includes(dayjs(nominal).day()) ? '周末' : null
    return why ? `避开${formatMonthDay(nominal)}（${why}）` : `按上次会议的星期几，由${formatMonthDay(nominal)}调整`
  }

  async function create() {
    if (!typeId) return
    setBusy(true)
    const out: Outcome[] = []
    for (const p of proposals.filter((x) => chosen.includes(x.date))) {
      try {
        const r = await api.call('meetings.schedule', { typeId, session: p.session, date: p.date, halfDay, place: place.trim() || null })
        out.push({ date: p.date, session: p.session, meetingId: r.meeting.id, warnings: r.warnings })
      } catch (e) {
        out.push({ date: p.date, session: p.session, warnings: [], error: e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: '页面出错，请刷新后重试' }) })
      }
    }
    await invalidate(MEETING_CHANGES)
    setBusy(false)
    setOutcomes(out)
  }

  const created = outcomes?.filter((o) => o.meetingId).length ?? 0

  return (
    <Modal opened onClose={() => (outcomes ? onDone(created) : onClose())} title={<Text fw={600}>按周期安排</Text>} size={720} closeOnClickOutside={false}>
      {outcomes ? (
        <Stack gap="sm">
          <Text size="sm">已安排{created}次{type?.name}{outcomes.length > created ? `，${outcomes.length - created}次未能安排` : ''}：</Text>
          {outcomes.map((o) => (
            <Stack key={o.date} gap={4} p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }} aria-label={`第${o.session}次`}>
              <Text size="sm" fw={600}>第{o.session}次{type?.name}　{formatDateWithWeekday(o.date)}{halfDay}　{o.meetingId ? '已安排' : '未安排'}</Text>
              {o.error && (
                <Group gap={6} wrap="nowrap" align="flex-start">
                  {o.error.rule && <RuleBadge rule={o.error.rule} />}
                  <Text size="sm" c="red.8">{withoutRule(o.error.message, o.error.rule)}</Text>
                </Group>
              )}
              {o.warnings.map((w) => <WarningLine key={w.message} warning={w} />)}
              {o.meetingId && !o.warnings.length && <Text size="xs" c="dimmed">没有提醒</Text>}
            </Stack>
          ))}
          <Group justify="flex-end"><Button onClick={() => onDone(created)}>知道了</Button></Group>
        </Stack>
      ) : (
        <Stack gap="sm">
          <ErrorAlert error={types.error} />
          <Group grow gap="sm" align="flex-start">
            <Select label="会议类别" required data={cyclic.map((t) => ({ value: String(t.id), label: `${t.name}（每${t.cadenceDays}天）` }))}
              value={typeId ? String(typeId) : null} onChange={(v) => setTypeId(v ? Number(v) : null)} allowDeselect={false}
              description="只列出设定了召开周期的会议类别" />
            <NumberInput label="推算次数" min={1} max={26} allowDecimal={false} value={count} onChange={(v) => typeof v === 'number' && v >= 1 && v <= 26 && setCount(v)} />
          </Group>
          {plan.error ? <ErrorAlert error={plan.error} /> : plan.data ? (
            <>
              <Text size="sm" c="dimmed">
                {type?.name}按规定约每{plan.data.cadenceDays}天召开一次，从{formatDate(plan.data.from)}起推算；遇节假日改在工作日（{cite('R-W2')}）。勾选要安排的日期：
              </Text>
              {proposals.length ? (
                <Checkbox.Group value={chosen} onChange={setChosen} aria-label="建议日期">
                  <Table withTableBorder verticalSpacing={4}>
                    <Table.Thead><Table.Tr><Table.Th w={40} /><Table.Th>次数</Table.Th><Table.Th>日期</Table.Th><Table.Th>说明</Table.Th></Table.Tr></Table.Thead>
                    <Table.Tbody>
                      {proposals.map((p, i) => (
                        <Table.Tr key={p.date} data-date={p.date}>
                          <Table.Td><Checkbox value={p.date} aria-label={`第${p.session}次 ${formatDateWithWeekday(p.date)}`} /></Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>第{p.session}次</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateWithWeekday(p.date)}</Table.Td>
                          <Table.Td><Text size="xs" c="orange.9">{[moved(i, p.date), p.provisional && `暂定：${p.date.slice(0, 4)}年的节假日安排尚未录入，暂按周末推算（请文秘或科长录入）`].filter(Boolean).join('；')}</Text></Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Checkbox.Group>
              ) : <Alert color="orange" variant="light">没有可安排的日期。</Alert>}
              <Group grow gap="sm" align="flex-start">
                <Input.Wrapper label="时段">
                  <SegmentedControl fullWidth data={[...HALF_DAYS]} value={halfDay} onChange={(v) => setHalfDay(v as HalfDay)} size="sm" />
                </Input.Wrapper>
                <TextInput label="会议地点" value={place} onChange={(e) => setPlace(e.currentTarget.value)} maxLength={60} placeholder="如 市政府常务会议室" />
              </Group>
            </>
          ) : typeId ? <Loading label="正在推算…" /> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose} disabled={busy}>取消</Button>
            <Button onClick={create} loading={busy} disabled={!chosen.length || !plan.data}>安排所选{chosen.length ? `${chosen.length}次` : ''}会议</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}

const minIso = (a: string, b: string) => (a < b ? a : b)
