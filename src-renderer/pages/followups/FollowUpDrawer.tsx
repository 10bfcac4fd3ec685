import { useEffect, useState } from 'react'
import { Button, Drawer, Group, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core'
import { useMutation, useQuery } from '../../api/client'
import { ErrorAlert, Feedback } from '../../components/Feedback'
import { Section } from '../../components/Section'
import { formatDate, todayIso } from '../../lib/format'
import { hrefOf } from '../../lib/route'
import { UrgencyBadge } from './UrgencyBadge'
import { FOLLOWUP_CHANGES } from './model'
import { useCan } from '../../lib/session'
import { OfficeDateInput } from '../../components/OfficeDateInput'

/** One 督办事项: what, who, by when, every progress report, and the forms to report and to close it. */
export function FollowUpDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const can = useCan()
  const item = useQuery('followups.get', id ? { id } : null)
  const report = useMutation('followups.report', { invalidates: FOLLOWUP_CHANGES, success: '已登记进展。' })
  const close = useMutation('followups.close', { invalidates: FOLLOWUP_CHANGES, success: '已办结。' })
  const [on, setOn] = useState<string | null>(todayIso())
  const [content, setContent] = useState('')
  const [reporter, setReporter] = useState('')
  const [outcome, setOutcome] = useState('')
  const { reset: resetReport } = report
  const { reset: resetClose } = close
  useEffect(() => { setContent(''); setReporter(''); setOutcome(''); setOn(todayIso()); resetReport(); resetClose() }, [id, resetReport, resetClose])

  const submitReport = async () => { if (id && await report.mutate({ id, reportedOn: on ?? '', content, reporter })) setContent('') }
  const submitClose = async () => { if (id) await close.mutate({ id, closedOn: on ?? '', outcome }) }
  const f = item.data

  return (
    <Drawer opened={id !== null} onClose={onClose} position="right" size="lg" title={<Text fw={600}>督办事项</Text>}>
      <ErrorAlert error={item.error} />
      {f && (
        <Stack gap="sm">
          <Group gap="xs"><UrgencyBadge item={f} /><Text size="sm" c="dimmed">办结时限 {formatDate(f.deadline)}</Text></Group>
          <Text fw={500}>{f.task}</Text>
          <Text size="sm">来源：{f.source}　{f.sourceTitle}{f.meeting && <> （<a href={hrefOf(`meetings/${f.meeting.meetingId}`)}>查看会议</a>）</>}</Text>
          <Text size="sm">责任单位：{f.departmentName}　督办领导：{f.leader ? `${f.leader.holderName ?? ''}（${f.leader.title}）` : '—'}</Text>
          {f.document && (
            <Section title={`收文催办记录（${f.document.chases.length}次）`}>
              <Stack gap={4} aria-label="收文催办记录">
                <Text size="sm"><a href={hrefOf(`documents/incoming/${f.document.id}`)}>{f.document.numberText} {f.document.title}</a>　{f.document.status}</Text>
                {f.document.chases.length === 0 && <Text size="sm" c="dimmed">本件收文尚未催办（在收文页“承办”中催办）。</Text>}
                {f.document.chases.map((c) => (
                  <Text key={c.id} size="sm">
                    {formatDate(c.chasedOn)}　{c.chaser}催办{c.departmentName ?? ''}{c.method ? `（${c.method}${c.contact ? `，接洽人${c.contact}` : ''}）` : ''}
                    {c.answer ? `：${c.answer}` : c.note ? `：${c.note}` : ''}{c.promisedOn ? `；承诺${formatDate(c.promisedOn)}前办结` : ''}
                  </Text>
                ))}
              </Stack>
            </Section>
          )}
          <Section title={`进展情况（${f.reports.length}次）`}>
            {f.reports.length ? (
              <Timeline bulletSize={12} lineWidth={2}>
                {f.reports.map((r) => (
                  <Timeline.Item key={r.id} title={<Text size="sm" fw={500}>{formatDate(r.reportedOn)}{r.reporter ? `　${r.reporter}` : ''}</Text>}>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{r.content}</Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            ) : <Text size="sm" c="dimmed">尚未报送进展。</Text>}
          </Section>
          {f.status === '已办结' ? (
            <Section title="办理结果"><Text size="sm">{formatDate(f.closedOn)}办结：{f.outcome}</Text></Section>
          ) : can('followups.report') && (
            <Section title="登记进展或办结">
              <Stack gap="xs">
                <OfficeDateInput label="日期" value={on} onChange={setOn} w={200} />
                <Textarea label="进展情况" autosize minRows={2} value={content} onChange={(e) => setContent(e.currentTarget.value)} />
                <TextInput label="报送人" value={reporter} onChange={(e) => setReporter(e.currentTarget.value)} w={240} />
                <Feedback state={report} />
                <Button onClick={submitReport} loading={report.busy} w="fit-content">登记进展</Button>
                <Textarea label="办理结果" description="办结须写明结果：件件有着落、事事有回音" autosize minRows={2} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} />
                <Feedback state={close} />
                <Button color="green" onClick={submitClose} loading={close.busy} w="fit-content">办结</Button>
              </Stack>
            </Section>
          )}
        </Stack>
      )}
    </Drawer>
  )
}
