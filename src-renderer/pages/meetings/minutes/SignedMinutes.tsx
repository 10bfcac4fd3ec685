import { useState } from 'react'
import { Badge, Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { RuleBadge } from '../../../components/RuleBadge'
import { CreateFollowUpModal, type DecisionSource } from '../../followups/CreateFollowUpModal'
import { formatDate, chineseNumber } from '../../../lib/format'
import { navigate } from '../../../lib/route'
import { type Minutes } from './model'
import { useQuery } from '../../../api/client'

const paragraphs = (text: string) => text.split(/\r?\n/).map((t) => t.trim()).filter(Boolean)

/** 已签发 minutes, read-only as printed; each 议定事项 can be put under follow-up (立项督办, R-S1). */
export function SignedMinutes({ minutes }: { minutes: Minutes }) {
  const [decision, setDecision] = useState<DecisionSource | null>(null)
  const ids = minutes.decisions.flatMap((d) => (d.id === null ? [] : [d.id]))
  const followed = useQuery('followups.counts', { source: '会议纪要', sourceIds: ids })
  const countOf = (id: number | null) => (id === null ? 0 : followed.data?.[id] ?? 0)
  const [created, setCreated] = useState<string | null>(null)
  const s = minutes.signed!
  const { present, onLeave, attending } = minutes.attendance
  return (
    <Stack gap="md">
      <Paper withBorder radius="sm" p="md" aria-label="签发情况">
        <Group gap="xs" mb={6}>
          <Badge color="green" variant="filled" radius="sm">已签发</Badge>
          <Text fw={600}>{minutes.numberText}</Text>
          <RuleBadge rule="R-M5" />
          {s.actingFor && <RuleBadge rule="R-P2" color="orange" />}
        </Group>
        <Text size="sm">{`${s.name ?? ''}${formatDate(s.on)}签发：${s.opinion ?? ''}${s.actingFor ? `（代${s.actingFor}签发）` : ''}`}</Text>
        {minutes.mayorConsent && <Text size="sm" c="dimmed">{`市长同意：${minutes.mayorConsent.name ?? ''}，${formatDate(minutes.mayorConsent.on)}`}</Text>}
      </Paper>
      {created && <Text size="sm" c="green.8" role="status">{created}</Text>}

      <Paper withBorder radius="sm" p="xl" aria-label="纪要正文">
        <Title order={3} ta="center" c="red.8" mb={4}>{minutes.title}</Title>
        <Text ta="center" mb="sm">{minutes.numberText}</Text>
        <Divider color="red.7" size="sm" mb="md" />
        <Text mb="md" style={{ textIndent: '2em' }}>{minutes.opening}</Text>
        <Stack gap="md">
          {minutes.decisions.map((d, i) => (
            <div key={d.id ?? i} role="group" aria-label={`议定事项：${d.heading}`}>
              <Group justify="space-between" align="flex-start" wrap="nowrap" mb={4}>
                <Text fw={700}>{`${chineseNumber(i + 1)}、${d.heading}`}</Text>
                <Group gap={6} wrap="nowrap">
                  {countOf(d.id) > 0 && (
                    <Badge variant="light" color="zhengwu" radius="sm" style={{ cursor: 'pointer' }} onClick={() => navigate('followups')}>{`已立项督办${countOf(d.id)}项`}</Badge>
                  )}
                  <Button size="compact-xs" variant="light" disabled={d.id === null}
                    onClick={() => { setCreated(null); setDecision({ id: d.id!, heading: d.heading, text: d.text }) }}>立项督办</Button>
                </Group>
              </Group>
              {paragraphs(d.text).map((p, j) => <Text key={j} style={{ textIndent: '2em' }} mb={2}>{p}</Text>)}
            </div>
          ))}
        </Stack>
        <Divider my="md" />
        <Stack gap={4}>
          <Text size="sm"><b>出席：</b>{present.join('、') || '—'}</Text>
          {onLeave.length > 0 && <Text size="sm"><b>请假：</b>{onLeave.join('、')}</Text>}
          {attending.length > 0 && <Text size="sm"><b>列席：</b>{attending.join('、')}</Text>}
          {minutes.distribution && <Text size="sm"><b>分送：</b>{minutes.distribution}</Text>}
        </Stack>
      </Paper>

      <CreateFollowUpModal opened={decision !== null} decision={decision} onClose={() => setDecision(null)}
        onCreated={() => { setCreated(`已将“${decision?.heading ?? ''}”立项督办，可在“督办”中查看和跟踪。`); setDecision(null) }} />
    </Stack>
  )
}
