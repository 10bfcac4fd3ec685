import { useState } from 'react'
import { Alert, Badge, Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useCan } from '../../lib/session'
import { TopicConsentModal } from './topics/TopicConsentModal'
import { useMutation, useQuery } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert, Feedback } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { RuleBadge } from '../../components/RuleBadge'
import { Section } from '../../components/Section'
import { formatDate, todayIso, chineseNumber } from '../../lib/format'
import { DownloadButton } from '../../components/DownloadButton'
import { MEETING_CHANGES, type MeetingTabProps } from './model'
import { type Topic } from './topics/model'
import { MoveTopicModal } from './topics/MoveTopicModal'
import { TopicForm } from './topics/TopicForm'
import { TopicItem } from './topics/TopicItem'
import { ReclassifyDialog } from '../../components/ReclassifyDialog'
import { cite } from '../../../src-main/common/rules'

/** 议题 (R-M3): the deadline, the agenda in order with each topic's papers, and 报送议题. */
export function TopicsTab({ meeting }: MeetingTabProps) {
  const agenda = useQuery('topics.list', { meetingId: meeting.id })
  const org = useQuery('org.overview', {})
  const [adding, setAdding] = useState(false)
  const [moving, setMoving] = useState<Topic | null>(null)
  const [withdrawing, setWithdrawing] = useState<Topic | null>(null)
  const [reclassifying, setReclassifying] = useState<Topic | null>(null)
  const [consenting, setConsenting] = useState<Topic | null>(null)
  const [withdrawReason, setWithdrawReason] = useState('')
  const can = useCan()
  const [notice, setNotice] = useState<string | null>(null)
  const fix = useMutation('meetings.fixAgenda', { invalidates: MEETING_CHANGES })
  const reorder = useMutation('topics.reorder', { invalidates: MEETING_CHANGES })
  const withdraw = useMutation('topics.withdraw', { invalidates: MEETING_CHANGES })
  // Each role sees only what it can do (the server checks again): 查阅 sees no 报送/撤回/调整.
  const editable = meeting.status === '筹备' && can('topics.submit')

  const data = agenda.data
  const live = data?.topics.filter((t) => !t.withdrawn) ?? []
  const withdrawn = data?.topics.filter((t) => t.withdrawn) ?? []

  async function move(index: number, delta: number) {
    const ids = live.map((t) => t.id)
    const j = index + delta
    ;[ids[index], ids[j]] = [ids[j], ids[index]]
    setNotice(null)
    await reorder.mutate({ meetingId: meeting.id, topicIds: ids })
  }
  async function setFixed(fixed: boolean) {
    setNotice(null)
    if (await fix.mutate({ id: meeting.id, fixed })) {
      setNotice(fixed ? `议程已确定。此后报送的议题须经市长同意（${cite('R-M3')}）。` : '议程已重新打开。')
    }
  }
  async function doWithdraw() {
    if (!withdrawing) return
    const t = withdrawing
    if (!withdrawReason.trim()) return
    const ok = await withdraw.mutate({ topicId: t.id, reason: withdrawReason.trim() })
    setWithdrawing(null)
    setWithdrawReason('')
    if (ok) setNotice(`已撤回“${t.title}”。`)
  }

  const deadlineLine = !data ? null : data.deadline
    ? <>议题报送截止：<b>{formatDate(data.deadline)}</b>{data.deadlineProvisional && <b>（暂定）</b>}（会前{data.deadlineWorkingDays}个工作日，{cite('R-M3')}{data.deadlineProvisional ? '；节假日安排未录入，暂按周末推算，录入后自动重算' : ''}）</>
    : data.deadlineWorkingDays
      ? <>议题报送截止：{meeting.date.slice(0, 4)}年的节假日安排尚未录入，无法计算（会前{data.deadlineWorkingDays}个工作日，{cite('R-M3')}）</>
      : <>{meeting.typeName}不设议题报送时限；议程确定后临时增加议题须经市长同意（{cite('R-M3')}）。</>
  const past = !!data?.deadline && todayIso() > data.deadline && editable

  return (
    <Stack gap="md">
      <Section
        title="会议议程"
        description={deadlineLine}
        actions={<>
          <DownloadButton name="meetings.exportAgendaDocx" input={{ id: meeting.id }} label="会议议程(Word)" />
          <DownloadButton name="meetings.exportNoticeDocx" input={{ id: meeting.id }} label="会议通知(Word)" />
          {editable && <Button size="xs" onClick={() => { setNotice(null); setAdding(true) }}>报送议题</Button>}
        </>}
      >
        <Stack gap="sm">
          <Group gap="sm" justify="space-between" aria-label="议程状态">
            <Group gap={6}>
              {data?.agendaFixedOn
                ? <><Badge color="green" variant="light" radius="sm">议程已确定</Badge><Text size="sm" c="dimmed">{formatDate(data.agendaFixedOn)}确定；此后增加议题须经市长同意</Text></>
                : <><Badge color="gray" variant="light" radius="sm">议程未确定</Badge>
                  {past && <Text size="sm" c="orange.8">报送截止日期已过，逾期报送的议题须经市长同意</Text>}</>}
              <RuleBadge rule="R-M3" />
            </Group>
            {editable && data && (data.agendaFixedOn
              ? <Button size="xs" variant="default" loading={fix.busy} onClick={() => setFixed(false)}>重新打开</Button>
              : <Button size="xs" variant="default" loading={fix.busy} onClick={() => setFixed(true)} disabled={!live.length}>确定议程</Button>)}
          </Group>
          {notice && <Alert color="green" variant="light" withCloseButton onClose={() => setNotice(null)} role="status" py="xs">{notice}</Alert>}
          <Feedback state={fix} />
          <Feedback state={reorder} />
          <Feedback state={withdraw} />
          <ErrorAlert error={agenda.error} />
          {!data ? <Loading /> : (
            <Stack gap="xs" aria-label="议题列表">
              {live.map((t, i) => (
                <TopicItem key={t.id} topic={t} number={chineseNumber(i + 1)} editable={editable} first={i === 0} last={i === live.length - 1}
                  onUp={() => move(i, -1)} onDown={() => move(i, 1)} onMove={() => { setNotice(null); setMoving(t) }} onWithdraw={() => setWithdrawing(t)}
                  onReclassify={() => { setNotice(null); setReclassifying(t) }}
                  onConsent={editable && t.late && !t.consentBy ? () => { setNotice(null); setConsenting(t) } : undefined} />
              ))}
              {live.length === 0 && <Text size="sm" c="dimmed" ta="center" py="md">尚无议题。{editable ? '各部门报送的议题经分管副市长审核后，在此登记。' : ''}</Text>}
              {withdrawn.length > 0 && <Text size="sm" fw={600} c="dimmed" mt="xs">已撤回的议题</Text>}
              {withdrawn.map((t) => (
                <TopicItem key={t.id} topic={t} number={null} editable={false} first last onUp={() => {}} onDown={() => {}} onMove={() => {}} onWithdraw={() => {}} />
              ))}
            </Stack>
          )}
        </Stack>
      </Section>
      {adding && (
        <TopicForm meeting={meeting} org={org.data} onClose={() => setAdding(false)}
          onDone={(r) => { setAdding(false); setNotice(`已报送“${r.title}”${r.byConsent ? '（逾期或临时增加，已记录市长同意）' : ''}。`) }} />
      )}
      {moving && (
        <MoveTopicModal meeting={meeting} topic={moving} onClose={() => setMoving(null)}
          onDone={(text) => { setMoving(null); setNotice(text) }} />
      )}
      {reclassifying && (
        <ReclassifyDialog opened kind="议题" record={{ ...reclassifying, label: `「${reclassifying.title}」` }} onClose={() => setReclassifying(null)}
          onDone={() => { setNotice(`已变更“${reclassifying.title}”的密级，记入议题的调整记录和审计日志。`); setReclassifying(null) }} />
      )}
      {consenting && (
        <TopicConsentModal meeting={meeting} topic={consenting} onClose={() => setConsenting(null)}
          onDone={() => { setNotice(`已记录市长同意“${consenting.title}”上会。`); setConsenting(null) }} />
      )}
      <ConfirmDialog opened={!!withdrawing} title="撤回议题" confirmLabel="确认撤回" cancelLabel="返回" danger busy={withdraw.busy} onConfirm={doWithdraw}
        onCancel={() => { setWithdrawing(null); setWithdrawReason('') }}>
        <Stack gap="sm">
          <Text size="sm">撤回“{withdrawing?.title}”？撤回后议题保留记录，不再列入议程，其列席单位不再通知参会。</Text>
          <Textarea label="撤回理由" required value={withdrawReason} onChange={(e) => setWithdrawReason(e.currentTarget.value)} maxLength={200} autosize minRows={2}
            placeholder="如 报送单位申请暂缓上会" data-autofocus />
          {!withdrawReason.trim() && <Text size="xs" c="dimmed">请填写撤回理由后再确认。</Text>}
        </Stack>
      </ConfirmDialog>
    </Stack>
  )
}
