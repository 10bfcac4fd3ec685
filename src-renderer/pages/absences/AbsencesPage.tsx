import { useMemo, useState } from 'react'
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { api, useQuery } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { todayIso } from '../../lib/format'
import { useCan } from '../../lib/session'
import { ConfirmDelete, type PendingDelete } from '../org/ConfirmDelete'
import { AbsenceForm, type SaveResult } from './AbsenceForm'
import { AbsenceTable, RuleMessage } from './AbsenceTable'
import { AbsenceTimeline, type DayMark } from './AbsenceTimeline'
import { ABSENCE_CHANGES, monthEnd, monthLabel, monthOf, monthStart, periodText, shiftMonth, type AbsenceRow } from './model'
import { cite } from '../../../src-main/common/rules'

/** 领导外出 (R-P2–R-P5): the month's absences of the city leaders, who acts, and what the rules warn about. */
export function AbsencesPage() {
  const today = todayIso()
  const [month, setMonth] = useState(monthOf(today))
  const [editing, setEditing] = useState<AbsenceRow | 'new' | null>(null)
  const [pending, setPending] = useState<PendingDelete | null>(null)
  const [saved, setSaved] = useState<SaveResult | null>(null)
  const can = useCan()

  const org = useQuery('org.overview', {})
  const list = useQuery('absences.list', { from: monthStart(month), to: monthEnd(month) })
  const year = Number(month.slice(0, 4))
  const calendar = useQuery('calendar.year', { year })
  const days = useMemo(() => {
    if (!calendar.data?.known) return null
    return new Map<string, DayMark>(calendar.data.days.map((d) => [d.date, { type: d.type, name: d.name }]))
  }, [calendar.data])

  const goTo = (m: string) => { setMonth(m); setSaved(null) }
  // Warnings just returned by a save are shown with that save; the period's list shows the rest.
  const overlaps = (list.data?.overlaps ?? []).filter((o) => !saved?.warnings.includes(o.message))

  function onSaved(result: SaveResult) {
    setEditing(null)
    setSaved(result)
    setMonth(monthOf(result.startDate))
  }

  return (
    <>
      <PageHeader title="领导外出"
        description="市政府领导及各单位主要负责人外出登记、报告审批和代行安排（第八、五十七、七十六条）。"
        actions={can('absences.save') && <Button onClick={() => { setSaved(null); setEditing('new') }} disabled={!org.data}>登记外出</Button>} />

      <Stack gap="sm">
        <ErrorAlert error={org.error ?? list.error} />
        {saved && <SavedNotice result={saved} onClose={() => setSaved(null)} />}
        {overlaps.length > 0 && (
          <Alert color="red" variant="filled" title={`本月有${overlaps.length}处市长与常务副市长同时外出`} role="alert">
            <Stack gap={2}>{overlaps.map((o) => <Text key={o.message} size="sm">{o.message}</Text>)}</Stack>
          </Alert>
        )}

        <Paper withBorder p="sm">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" onClick={() => goTo(shiftMonth(month, -1))}>上个月</Button>
              <Title order={3} miw={110} ta="center" aria-live="polite">{monthLabel(month)}</Title>
              <Button size="xs" variant="default" onClick={() => goTo(shiftMonth(month, 1))}>下个月</Button>
              {month !== monthOf(today) && <Button size="xs" variant="subtle" onClick={() => goTo(monthOf(today))}>回到本月</Button>}
            </Group>
            {can('absences.save') && <Text size="xs" c="dimmed">点击色条可修改外出记录</Text>}
          </Group>
          {org.data && list.data ? (
            <AbsenceTimeline month={month} org={org.data} list={list.data} days={days} today={today} onOpen={can('absences.save') ? setEditing : undefined} />
          ) : <Loading />}
        </Paper>

        <Paper withBorder p="sm">
          <Group justify="space-between" mb="xs">
            <Title order={3}>{monthLabel(month)}外出记录</Title>
            <Text size="xs" c="dimmed">代行人逐日按规则确定；红色为同时外出提醒，橙色为报告审批提醒（{cite('R-P4')}）</Text>
          </Group>
          {list.data ? (
            <AbsenceTable org={org.data} absences={list.data.absences} onEdit={setEditing} onDelete={(a) => setPending({
              title: '删除外出记录',
              message: `删除${a.personName ?? ''}${periodText(a.startDate, a.endDate, true)}的${a.kind}记录？删除后不再计入代行和同时外出提醒。`,
              run: () => api.call('absences.delete', { id: a.id }),
            })} />
          ) : <Loading />}
        </Paper>
      </Stack>

      {editing && org.data && (
        <AbsenceForm org={org.data} absence={editing === 'new' ? null : editing} defaultMonth={month} onClose={() => setEditing(null)} onSaved={onSaved} />
      )}
      <ConfirmDelete pending={pending} invalidates={ABSENCE_CHANGES} onCancel={() => setPending(null)} onDone={() => { setPending(null); setSaved(null) }} />
    </>
  )
}

/** Right after a save: what was recorded, and every warning the rules raised about it (R-P4 in red, R-P5 in orange). */
function SavedNotice({ result, onClose }: { result: SaveResult; onClose: () => void }) {
  const what = `${result.personName}${periodText(result.startDate, result.endDate, true)}${result.kind}`
  const { clashes: clash, warnings: rest } = result
  if (!clash.length && !rest.length) {
    return <Alert color="green" variant="light" withCloseButton onClose={onClose} role="status" py="xs">已{result.isNew ? '登记' : '保存'}：{what}。</Alert>
  }
  return (
    <Alert color={clash.length ? 'red' : 'orange'} variant="light" withCloseButton onClose={onClose} role="alert"
      title={`已${result.isNew ? '登记' : '保存'}：${what}。请注意以下提醒`} styles={{ root: { borderLeft: `4px solid var(--mantine-color-${clash.length ? 'red' : 'orange'}-7)` } }}>
      <Stack gap={4}>
        {clash.map((w) => <RuleMessage key={w} message={w} color="red" size="sm" />)}
        {rest.map((w) => <RuleMessage key={w} message={w} color="orange" size="sm" />)}
      </Stack>
    </Alert>
  )
}
