import { useState } from 'react'
import { Alert, Badge, Button, Group, Paper, Stack, Tabs, Text, Textarea, Title } from '@mantine/core'
import { useMutation, useQuery } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert, Feedback } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { formatDateWithWeekday } from '../../lib/format'
import { navigate } from '../../lib/route'
import { AttendanceTab } from './AttendanceTab'
import { MinutesTab } from './MinutesTab'
import { TopicsTab } from './TopicsTab'
import { MEETING_CHANGES, canCorrect, type Meeting } from './model'
import { useCan, useSession } from '../../lib/session'
import { CorrectionsList, ReopenDialog } from './CorrectionDialogs'
import { KIND_COLOR } from './calendar/model'
import { DEFAULT_START, RESERVED_MATTERS } from '../../../src-main/common/meetings'
import { WarningList } from './calendar/Warnings'
import { ScheduleModal } from './ScheduleModal'
import { cite } from '../../../src-main/common/rules'

const STATUS_COLOR: Record<Meeting['status'], string> = { 筹备: 'zhengwu', 已召开: 'green', 已取消: 'gray' }

/** One meeting: when, where, who chairs, the rules' warnings; its topics, attendance and minutes in tabs. */
export function MeetingPage({ id }: { id: number }) {
  const query = useQuery('meetings.get', { id })
  const [tab, setTab] = useState<string | null>('topics')
  const [editing, setEditing] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const [reason, setReason] = useState('')
  const [reopening, setReopening] = useState(false)
  const [notice, setNotice] = useState<string | null>(null)
  const cancel = useMutation('meetings.cancel', { invalidates: MEETING_CHANGES, success: '会议已取消。' })
  const can = useCan()
  const { user } = useSession()
  const m = query.data

  if (!m) {
    return (
      <Stack gap="sm">
        <Group><Button variant="default" onClick={() => navigate('meetings')}>返回日历</Button></Group>
        {query.error ? <ErrorAlert error={query.error} /> : <Loading />}
      </Stack>
    )
  }

  // Each role sees only what it can do (the server checks again): 查阅 sees no 修改/取消.
  const preparing = m.status === '筹备' && can('meetings.schedule')
  const correctable = canCorrect(m, user.role, can)
  async function confirmCancel() {
    if (!reason.trim()) return
    const done = await cancel.mutate({ id, reason: reason.trim() })
    if (done) { setCancelling(false); setReason(''); setNotice(null) }
  }

  return (
    <>
      <Group justify="space-between" align="flex-start" mb="md" wrap="nowrap">
        <div>
          <Group gap="xs" wrap="nowrap" align="center">
            <span className="sb-mt-swatch" style={{ background: KIND_COLOR[m.kind] }} aria-hidden />
            <Title order={2} className={m.status === '已取消' ? 'sb-mt-cancelled' : undefined}>{m.title}</Title>
            <Badge color={STATUS_COLOR[m.status]} variant={m.status === '筹备' ? 'light' : 'filled'} radius="sm">{m.status}</Badge>
          </Group>
          <Text size="sm" c="dimmed" mt={4}>{m.typeName}{m.session ? ` · 第${m.session}次` : ''}</Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" onClick={() => navigate('meetings')}>返回日历</Button>
          {preparing && <Button variant="default" onClick={() => { setNotice(null); setEditing(true) }}>修改/改期</Button>}
          {preparing && <Button variant="light" color="red" onClick={() => { cancel.reset(); setCancelling(true) }}>取消会议</Button>}
          {correctable && <Button variant="default" onClick={() => { setNotice(null); setReopening(true) }}>重新打开会议</Button>}
        </Group>
      </Group>

      <Stack gap="sm">
        {!cancelling && <Feedback state={cancel} />}
        {notice && <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} role="status" py="xs">{notice}</Alert>}
        <Paper withBorder radius="sm" p="md">
          <dl className="sb-mt-facts" aria-label="会议信息">
            <dt>日期</dt><dd>{formatDateWithWeekday(m.date)}{m.day && !m.day.working ? <Text span c="red.8" fw={600} size="sm">（{m.day.name ? `${m.day.name}放假` : m.day.type}）</Text> : null}{m.day?.type === '调休上班' ? <Text span c="orange.9" size="sm">（调休上班）</Text> : null}</dd>
            <dt>时间</dt><dd>{m.halfDay} {m.startTime ?? DEFAULT_START[m.halfDay]}</dd>
            <dt>地点</dt><dd>{m.place || <Text span c="dimmed" size="sm">未定</Text>}</dd>
            <dt>主持人</dt><dd>{m.chairTitle ? `${m.chairTitle} ${m.chairName ?? '（空缺）'}` : <Text span c="dimmed" size="sm">未定</Text>}</dd>
            {m.entrustingTitle && <><dt>委托领导</dt><dd>{m.entrustingTitle}（{cite('R-M7')}）</dd></>}
            {m.participantNames.length > 0 && <><dt>通知参会</dt><dd>{m.participantNames.map((p) => `${p.name}${p.role === '列席' ? '（列席）' : ''}`).join('、')}</dd></>}
            {(m.contactName || m.contactPhone) && <><dt>联系人</dt><dd>{[m.contactName, m.contactPhone].filter(Boolean).join('，')}</dd></>}
            {m.reservedMatters.length > 0 && <><dt>涉及事项</dt><dd>{RESERVED_MATTERS.filter((x) => m.reservedMatters.includes(x)).join('、')}</dd></>}
            {m.priorAgreementOn && <><dt>会前协商</dt><dd>{formatDateWithWeekday(m.priorAgreementOn)}{m.priorAgreementNote ? `：${m.priorAgreementNote}` : ''}</dd></>}
            {m.agendaFixedOn && <><dt>议程</dt><dd>已于{formatDateWithWeekday(m.agendaFixedOn)}确定</dd></>}
            {m.note && <><dt>备注</dt><dd>{m.note}</dd></>}
            {m.cancelReason && <><dt>取消原因</dt><dd>{m.cancelReason}</dd></>}
          </dl>
        </Paper>
        <WarningList warnings={m.warnings} title={`本次会议有${m.warnings.length}项提醒`} />
        <CorrectionsList corrections={m.corrections} />

        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="topics">议题{m.topicCount ? `（${m.topicCount}）` : ''}</Tabs.Tab>
            <Tabs.Tab value="attendance">出席</Tabs.Tab>
            <Tabs.Tab value="minutes">纪要</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="topics"><TopicsTab meeting={m} /></Tabs.Panel>
          <Tabs.Panel value="attendance"><AttendanceTab meeting={m} /></Tabs.Panel>
          <Tabs.Panel value="minutes"><MinutesTab meeting={m} /></Tabs.Panel>
        </Tabs>
      </Stack>

      {editing && (
        <ScheduleModal meeting={m} onClose={() => setEditing(false)}
          onSaved={() => { setEditing(false); setNotice('已保存会议安排。') }} />
      )}
      {reopening && <ReopenDialog meeting={m} onClose={() => setReopening(false)} onDone={() => { setReopening(false); setNotice('会议已重新打开，可以修改后再标记为已召开。更正已记录。') }} />}
      <ConfirmDialog opened={cancelling} title="取消会议" confirmLabel="确认取消会议" cancelLabel="返回" danger busy={cancel.busy}
        onConfirm={confirmCancel} onCancel={() => { setCancelling(false); cancel.reset() }}>
        <Stack gap="sm">
          <Text size="sm">取消“{m.title}”（{formatDateWithWeekday(m.date)}{m.halfDay}）？取消后不能恢复，如需召开请重新安排。</Text>
          <Textarea label="取消原因" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={200} autosize minRows={2}
            placeholder="如 因市长参加省政府会议，会议推迟" error={cancel.error?.message} data-autofocus />
          {!reason.trim() && <Text size="xs" c="dimmed">请填写取消原因后再确认。</Text>}
        </Stack>
      </ConfirmDialog>
    </>
  )
}
