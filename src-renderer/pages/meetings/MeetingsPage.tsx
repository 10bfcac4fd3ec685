import { useState } from 'react'
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useQuery } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { PageHeader } from '../../components/PageHeader'
import { formatDateWithWeekday, todayIso } from '../../lib/format'
import { navigate, useHashPath } from '../../lib/route'
import { MeetingCalendar, lastPosition, type VisibleRange } from './calendar/MeetingCalendar'
import { ABSENCE_COLOR, CANCELLED_COLOR, KIND_COLOR, type MeetingKind } from './calendar/model'
import { MeetingPage } from './MeetingPage'
import { PlanModal } from './PlanModal'
import { ScheduleModal, type ScheduleSeed } from './ScheduleModal'
import { useCan } from '../../lib/session'
import './meetings.css'
import { cite } from '../../../src-main/common/rules'

/** 会议 (第三十七—四十三条): the calendar at #/meetings, one meeting at #/meetings/<id>. */
export function MeetingsPage() {
  const [, idText] = useHashPath()
  const id = idText ? Number(idText) : NaN
  if (idText && Number.isInteger(id) && id > 0) return <MeetingPage key={id} id={id} />
  return <MeetingsCalendarPage />
}

/** The month, week or list of meetings, with holidays, 调休 and leaders' absences; 安排会议 and 按周期安排. */
function MeetingsCalendarPage() {
  const [range, setRange] = useState<VisibleRange | null>(null)
  const [scheduling, setScheduling] = useState<ScheduleSeed | null>(null)
  const [planning, setPlanning] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const data = useQuery('meetings.calendar', range ? { from: range.from, to: range.to } : null)
  // 查阅 reads the calendar only: no 安排会议, and a day click schedules nothing.
  const canSchedule = useCan()('meetings.schedule')

  const missing = data.data?.missingYears ?? []
  const overlaps = data.data?.overlaps ?? []

  return (
    <>
      <PageHeader title="会议" description="全体会议、常务会议、市长办公会、专题会议和全市性视频会议的安排（第三十七至四十三条）。"
        actions={canSchedule ? <>
          <Button variant="default" onClick={() => { setNotice(null); setPlanning(true) }}>按周期安排</Button>
          <Button onClick={() => { setNotice(null); setScheduling({ viewDate: visibleMonthStart(range, todayIso()) }) }}>安排会议</Button>
        </> : undefined} />
      <Stack gap="sm">
        <ErrorAlert error={data.error} />
        {notice && <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} role="status" py="xs">{notice}</Alert>}
        {missing.length > 0 && (
          <Alert color="orange" variant="light" title={`${missing.map((y) => `${y}年`).join('、')}的节假日安排尚未录入`} role="alert">
            该年的日期暂按周末推算，会议日期的工作日判断和议题报送截止都是暂定（{cite('R-W2')}）。请文秘或科长在“节假日”中粘贴国务院办公厅通知录入，录入后自动重算。
          </Alert>
        )}
        {overlaps.length > 0 && (
          <Alert color="red" variant="light" title="市长与常务副市长同时外出" role="alert">
            <Stack gap={2}>{overlaps.map((o) => <Text key={o.message} size="sm">{o.message}</Text>)}</Stack>
          </Alert>
        )}
        <Paper withBorder radius="sm" p="sm">
          <MeetingCalendar data={data.data} view={range?.view ?? lastPosition.view} onRange={(r) => setRange((prev) => (prev && prev.from === r.from && prev.to === r.to && prev.view === r.view ? prev : r))}
            onDayClick={(date, slot) => { if (!canSchedule) return; setNotice(null); setScheduling({ date, ...slot }) }}
            onMeetingClick={(mid) => navigate(`meetings/${mid}`)} />
          <Legend />
        </Paper>
      </Stack>

      {scheduling && (
        <ScheduleModal seed={scheduling} onClose={() => setScheduling(null)}
          onOpenMeeting={(mid) => navigate(`meetings/${mid}`)}
          onSaved={(r) => {
            setScheduling(null)
            setNotice(`已安排会议：${formatDateWithWeekday(r.meeting.date)}${r.meeting.halfDay}${r.meeting.session ? `（第${r.meeting.session}次）` : ''}。`)
          }} />
      )}
      {planning && (
        <PlanModal onClose={() => setPlanning(false)}
          onDone={(n) => { setPlanning(false); if (n) setNotice(`已按周期安排${n}次会议。`) }} />
      )}
    </>
  )
}

/** Where the date picker opens: today when the calendar shows today, else the first day of what it shows. */
function visibleMonthStart(range: VisibleRange | null, today: string): string | null {
  if (!range || (today >= range.from && today <= range.to)) return null
  return range.view === 'timeGridWeek' ? range.from : lastPosition.date
}

/** What the colours mean. */
function Legend() {
  const kinds = Object.keys(KIND_COLOR) as MeetingKind[]
  return (
    <Group gap="md" mt="sm" aria-label="图例" className="sb-mt-legend">
      {kinds.map((k) => <Group key={k} gap={5} wrap="nowrap"><span className="sb-mt-swatch" style={{ background: KIND_COLOR[k] }} /><Text size="xs">{k}</Text></Group>)}
      <Group gap={5} wrap="nowrap"><span className="sb-mt-swatch" style={{ background: '#f1f3f5', border: `1px dashed ${CANCELLED_COLOR}` }} /><Text size="xs" td="line-through">已取消</Text></Group>
      <Group gap={5} wrap="nowrap"><span className="sb-mt-swatch" style={{ background: ABSENCE_COLOR, boxShadow: 'inset 0 0 0 1px #ced4da' }} /><Text size="xs">领导外出</Text></Group>
      <Group gap={5} wrap="nowrap"><span className="sb-fc-mark-box" data-kind="放假">休</span><Text size="xs">法定节假日</Text></Group>
      <Group gap={5} wrap="nowrap"><span className="sb-fc-mark-box" data-kind="上班">班</span><Text size="xs">调休上班</Text></Group>
      <Text size="xs" c="dimmed" ml="auto">{useCan()('meetings.schedule') ? '点击日期安排会议，点击会议查看详情' : '点击会议查看详情'}</Text>
    </Group>
  )
}
