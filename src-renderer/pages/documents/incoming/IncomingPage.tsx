import { useState } from 'react'
import { Anchor, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Stepper, Text, Timeline, Title } from '@mantine/core'
import { useQuery } from '../../../api/client'
import { ErrorAlert } from '../../../components/Feedback'
import { Loading } from '../../../components/Loading'
import { RuleBadge } from '../../../components/RuleBadge'
import { Section } from '../../../components/Section'
import { formatDate } from '../../../lib/format'
import { hrefOf } from '../../../lib/route'
import { DownloadButton } from '../../../components/DownloadButton'
import type { OrgOverview } from '../../org/model'
import { ConsultPanel } from './ConsultPanel'
import { FileLink } from './FileLink'
import { AddFilesButton } from './AddFilesButton'
import { ChasePanel, ClosePanel, HandlingPanel } from './HandlingPanel'
import { InstructionsPanel } from './InstructionsPanel'
import { ProposePanel } from './ProposePanel'
import { RegisterModal } from './RegisterModal'
import { ReclassifyButton, ReclassifyDialog } from '../../../components/ReclassifyDialog'
import { ReviewPanel } from './ReviewPanel'
import { STATUS_COLOR, STEPS, activeStep, receivedText, type Incoming } from './model'
import { Can } from '../../../components/Can'
import { TimingBadge } from '../../../components/TimingBadge'
import { classificationText } from '../../../../src-main/common/classification'
import { urgencyText, incomingStatusText, INCOMING_VOIDABLE } from '../../../../src-main/common/documents'
import { VoidButton, VoidDialog, VoidedAlert } from './VoidDialog'
import { RepliesPanel } from './RepliesPanel'

/** What each step of the bar says once done. */
function stepDescription(doc: Incoming, i: number): string {
  switch (STEPS[i]) {
    case '签收': return receivedText(doc.receivedAt).replace(/^\d{4}年/, '')
    case '初审': return doc.review ? formatDate(doc.review.on) : doc.status === '已退回' ? '已退回' : ''
    case '拟办': return doc.proposalInfo ? `${doc.proposalInfo.proposedBy ?? ''} ${formatDate(doc.proposalInfo.proposedOn)}` : ''
    case '批示': {
      const done = doc.instructions.filter((x) => x.instructedOn)
      return done.length ? done.map((x) => x.leaderName).join('、') : ''
    }
    case '承办': return doc.assignments.find((a) => a.role === '主办')?.departmentName ?? ''
    case '办结': return formatDate(doc.closedOn)
    default: return ''
  }
}

/** One line of the registration: a dimmed label, the value. */
function Line({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={72} style={{ flexShrink: 0 }}>{label}</Text>
      <Text size="sm" component="div" style={{ minWidth: 0 }}>{children}</Text>
    </Group>
  )
}

/**
 * One 收文: the header with where it is now, the registration and files, the step bar, the panel of each
 * step (初审, 拟办, 送批/批示, 会签, 承办 and 反馈, 催办, 办结) and the timeline.
 */
export function IncomingPage({ id }: { id: number }) {
  const query = useQuery('incoming.get', { id })
  const org = useQuery('org.overview', {})
  const [editing, setEditing] = useState(false)
  const [reclassifying, setReclassifying] = useState(false)
  const [voiding, setVoiding] = useState(false)
  const doc = query.data

  if (!doc) return query.error ? <ErrorAlert error={query.error} /> : <Loading />
  const active = activeStep(doc)
  const o: OrgOverview | undefined = org.data
  const t = doc.deadlineTiming

  return (
    <Stack gap="md">
      <Anchor href={hrefOf('documents/incoming')} size="sm">← 返回收文登记簿</Anchor>
      <Paper withBorder radius="sm" p="md">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Group gap="xs" align="center">
              <Text size="md" fw={600} aria-label="收文号" style={{ fontVariantNumeric: 'tabular-nums' }}>{doc.numberText}</Text>
              <Badge variant="light" radius="sm" color={STATUS_COLOR[doc.status]} aria-label="状态">{incomingStatusText(doc.status, doc.location.step === '批示')}</Badge>
              {doc.secrecyMark && <Badge variant="outline" radius="sm" color="red" aria-label="密级">{doc.secrecyMark}</Badge>}
              {doc.urgency !== '无' && <Badge variant="filled" radius="sm" color="red" aria-label="紧急程度">{doc.urgency}</Badge>}
              {doc.answered && <Badge variant="light" radius="sm" color="green" aria-label="批复">已批复 {doc.answered.numberText}</Badge>}
            </Group>
            <Title order={2} size="h3" mt={4}>{doc.title}</Title>
            <Group gap={6} mt={6}>
              <Text size="sm" fw={600} role="status" aria-label="现在">现在：{doc.location.where}</Text>
            </Group>
            {doc.deadline && (
              <Group gap={6} mt={4}>
                <Text size="sm" c="dimmed">办结时限：{formatDate(doc.deadline)}</Text>
                {t && <TimingBadge timing={t} />}
                <RuleBadge rule="R-D7" />
              </Group>
            )}
          </div>
          <Group gap="xs" wrap="nowrap">
            <VoidButton kind="收文" voidable={INCOMING_VOIDABLE.includes(doc.status)} onClick={() => setVoiding(true)} />
            <DownloadButton name="incoming.exportRoutingSlipDocx" input={{ id: doc.id }} label="收文处理笺(Word)" />
          </Group>
        </Group>
        <VoidedAlert voided={doc.voided} />
        <Stepper active={active} size="xs" mt="md" allowNextStepsSelect={false} aria-label="办理进度" color={doc.status === '已退回' ? 'red' : undefined}>
          {STEPS.map((s, i) => <Stepper.Step key={s} label={s} description={i < active || (i === 1 && doc.status === '已退回') ? stepDescription(doc, i) : undefined} />)}
        </Stepper>
      </Paper>

      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Section title="登记信息" description={<span>签收登记，按年度编收文号 <RuleBadge rule="X-2" /></span>}
              actions={doc.status === '已登记' ? <Can do="incoming.update"><Button size="xs" variant="default" onClick={() => setEditing(true)}>修改登记信息</Button></Can> : undefined}>
              <Stack gap="xs" aria-label="登记信息">
                <SimpleGrid cols={2} spacing="xs" verticalSpacing={4}>
                  <Line label="签收时间">{receivedText(doc.receivedAt)}</Line>
                  <Line label="来文方式">{doc.arrival}</Line>
                  <Line label="来文机关">{doc.sender}{doc.senderDepartmentName && doc.senderDepartmentName !== doc.sender ? `（${doc.senderDepartmentName}）` : ''}</Line>
                  <Line label="来文字号">{doc.senderNumber ?? '—'}</Line>
                  <Line label="文种">{doc.docType}</Line>
                  <Line label="密级">
                    <Group gap={6} wrap="nowrap">{classificationText(doc.classification, doc.secrecyPeriod)}<ReclassifyButton onClick={() => setReclassifying(true)} /></Group>
                  </Line>
                  <Line label="紧急程度">{urgencyText(doc.urgency)}</Line>
                  <Line label="份数页数">{doc.copies}份{doc.pages ? `，${doc.pages}页` : ''}</Line>
                  <Line label="登记人">{doc.registeredBy ?? '—'}</Line>
                  {doc.review && <Line label="初审">{formatDate(doc.review.on)}通过{doc.review.by ? `（${doc.review.by}）` : ''}{doc.review.note ? `：${doc.review.note}` : ''}</Line>}
                </SimpleGrid>
                {doc.directException && (
                  <Group gap={6}>
                    <RuleBadge rule="R-D1" color="orange" />
                    <Text size="sm">直送领导：{doc.directLeaderName}（例外情形：{doc.directException}）</Text>
                  </Group>
                )}
                <Group gap={6} align="flex-start" wrap="nowrap">
                  <Text size="sm" c="dimmed" w={72} style={{ flexShrink: 0 }}>文件</Text>
                  <Stack gap={2}>
                    {doc.files.length === 0 && <Text size="sm" c="dimmed">未附文件</Text>}
                    {doc.files.map((f) => <FileLink key={f.fileId} file={f} kind={f.kind} />)}
                    <AddFilesButton doc={doc} />
                  </Stack>
                </Group>
              </Stack>
            </Section>
            <ReviewPanel doc={doc} />
            <ConsultPanel doc={doc} org={o} />
            <ProposePanel doc={doc} org={o} />
            <InstructionsPanel doc={doc} org={o} />
            <HandlingPanel doc={doc} org={o} />
            <ChasePanel doc={doc} />
            <RepliesPanel doc={doc} />
            <ClosePanel doc={doc} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Section title="办理过程">
            <Timeline bulletSize={12} lineWidth={2} active={doc.timeline.length - 1} aria-label="办理过程">
              {doc.timeline.map((e, i) => (
                <Timeline.Item key={i} title={<Text size="sm">{e.event}</Text>}>
                  <Text size="xs" c="dimmed">{e.date.length > 10 ? receivedText(e.date) : formatDate(e.date)}{e.by ? `　${e.by}` : ''}</Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Section>
        </Grid.Col>
      </Grid>
      <RegisterModal opened={editing} org={o} doc={doc} onClose={() => setEditing(false)} onSaved={() => setEditing(false)}
        onReclassify={() => { setEditing(false); setReclassifying(true) }} />
      <VoidDialog opened={voiding} kind="收文" record={{ id: doc.id, label: doc.numberText }} onClose={() => setVoiding(false)} />
      <ReclassifyDialog opened={reclassifying} kind="收文" record={{ ...doc, label: `${doc.numberText}「${doc.title}」` }}
        onClose={() => setReclassifying(false)} onDone={() => setReclassifying(false)} />
    </Stack>
  )
}
