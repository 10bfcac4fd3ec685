import { useMemo, useState } from 'react'
import { Alert, Button, Grid, Group, Modal, Paper, Stack, Text } from '@mantine/core'
import { useQuery } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { Section } from '../../components/Section'
import { formatDate, formatDateTime, thisYear } from '../../lib/format'
import { hasRole, useSession } from '../../lib/session'
import { CLERKS } from '../../../src-main/common/roles'
import { CorrectDayDialog } from './CorrectDayDialog'
import { HolidayList } from './HolidayList'
import { ImportYearForm } from './ImportYearForm'
import { Legend } from './Legend'
import { YearGrid, typeLabel } from './YearGrid'
import { YearPicker } from './YearPicker'
import { countByType, summarise, type DayInfo, type YearView } from './summary'

/** 节假日: the official holiday calendar every working-day count follows (R-W2, X-6). */
export function CalendarPage() {
  // 文秘 and 科长 enter the year's arrangement; 查阅 only read it.
  const canEdit = hasRole(useSession().user, CLERKS)
  const [year, setYear] = useState(() => thisYear())
  const [notice, setNotice] = useState<string | null>(null)
  const years = useQuery('calendar.years', {})
  const view = useQuery('calendar.year', { year })
  const knownYears = useMemo(() => (years.data ?? []).map((y) => y.year), [years.data])

  function changed(message: string) {
    setNotice(message)
  }

  const current = view.data?.year === year ? view.data : undefined
  return (
    <>
      <PageHeader
        title="节假日"
        description="国务院办公厅公布的法定节假日与调休安排。议题报送截止、公文办理期限和节假日值班都按此计算工作日。"
        actions={<YearPicker year={year} knownYears={knownYears} onChange={(y) => { setYear(y); setNotice(null) }} />}
      />
      <Stack gap="sm">
        {notice && <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} py="xs">{notice}</Alert>}
        <ErrorAlert error={view.error ?? years.error} />
        {!current ? <Loading /> : current.known
          ? <KnownYear view={current} canEdit={canEdit} onChanged={changed} />
          : <UnknownYear year={year} canEdit={canEdit} onImported={() => changed(`已录入${year}年的节假日安排。`)} />}
      </Stack>
    </>
  )
}

function UnknownYear({ year, canEdit, onImported }: { year: number; canEdit: boolean; onImported: () => void }) {
  return (
    <>
      <Alert color="orange" variant="light" title="该年的节假日安排尚未录入">
        {year}年的法定节假日和调休安排还没有录入。录入之前，{year}年的日期暂按周末推算，凡据此算出的日期和期限都标明“暂定”；录入后自动重算。
        {canEdit ? '国务院办公厅的通知发布后（通常在上一年11月），请在下方粘贴通知全文或导入通知文件。' : '请在国务院办公厅的通知发布后，由文秘或科长录入。'}
      </Alert>
      {canEdit && (
        <Section title={`录入${year}年的节假日安排`}>
          <ImportYearForm year={year} replacing={false} onDone={onImported} />
        </Section>
      )}
    </>
  )
}

function KnownYear({ view, canEdit, onChanged }: { view: Extract<YearView, { known: true }>; canEdit: boolean; onChanged: (message: string) => void }) {
  const [picked, setPicked] = useState<DayInfo | null>(null)
  const [importing, setImporting] = useState(false)
  const days = useMemo(() => new Map(view.days.map((d) => [d.date, d])), [view.days])
  const lines = useMemo(() => summarise(view.days), [view.days])
  const counts = useMemo(() => countByType(view.days), [view.days])

  return (
    <>
      <Paper withBorder p="sm">
        <Group justify="space-between" gap="xs">
          <div>
            <Text size="sm"><Text span c="dimmed">依据：</Text>{view.source}</Text>
            <Text size="xs" c="dimmed" mt={2}>录入时间：{formatDateTime(view.importedAt)}</Text>
          </div>
          <Legend />
        </Group>
      </Paper>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: 9 }}>
          <YearGrid year={view.year} days={days} onPick={canEdit ? setPicked : undefined} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 3 }}>
          <Stack gap="sm">
            <Section title={`${view.year}年安排`}>
              <HolidayList lines={lines} />
              <Text size="xs" c="dimmed" mt="sm">
                全年{view.days.length}天：工作日{counts.工作日 + counts.调休上班}天（含调休上班{counts.调休上班}天），法定节假日{counts.法定节假日}天，其余周末{counts.周末}天。
              </Text>
            </Section>
            {canEdit ? (
              <Section title="维护">
                <Stack gap="xs">
                  <Text size="xs" c="dimmed">点击日历中的某一天，可将其更正为放假、上班或平常。</Text>
                  <Button variant="default" size="xs" onClick={() => setImporting(true)}>重新导入{view.year}年的安排</Button>
                </Stack>
              </Section>
            ) : (
              <Text size="xs" c="dimmed">如发现安排与通知不符，请联系文秘或科长更正。</Text>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <CorrectDayDialog day={picked} onClose={() => setPicked(null)}
        onDone={() => { const d = picked!; setPicked(null); onChanged(`已更正${formatDate(d.date)}的安排（原为${typeLabel(d)}）。`) }} />
      <Modal opened={importing} onClose={() => setImporting(false)} title={<Text fw={600}>重新导入{view.year}年的节假日安排</Text>} size="lg">
        <Alert color="orange" variant="light" mb="sm" py="xs">导入后将替换{view.year}年现有的全部安排（包括逐日更正），原安排记入审计日志。</Alert>
        <ImportYearForm year={view.year} replacing onDone={() => { setImporting(false); onChanged(`已替换${view.year}年的节假日安排。`) }} onCancel={() => setImporting(false)} />
      </Modal>
    </>
  )
}
