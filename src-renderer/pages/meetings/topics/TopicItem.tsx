import { useState } from 'react'
import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core'
import { api } from '../../../api/client'
import { downloadFile } from '../../../lib/download'
import { formatDate, formatFileSize } from '../../../lib/format'
import { type Topic, type TopicFile } from './model'
import { ClassificationBadge } from '../../../components/Classification'
import { ReclassifyButton } from '../../../components/ReclassifyDialog'
import { cite } from '../../../../src-main/common/rules'

/** One line of the topic's particulars: a dimmed label, the value. */
function Line({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="sm" c="dimmed" w={72} style={{ flexShrink: 0 }}>{label}</Text>
      <Text size="sm" component="div" style={{ minWidth: 0 }}>{children}</Text>
    </Group>
  )
}

/** A file of the topic: click to download (the server checks its SHA-256 first). */
function FileLink({ file }: { file: TopicFile }) {
  const [error, setError] = useState<string | null>(null)
  async function go() {
    setError(null)
    try { downloadFile(await api.call('topics.downloadFile', { fileId: file.id })) } catch (e) { setError(e instanceof Error ? e.message : String(e)) }
  }
  return (
    <Tooltip label={error ?? ''} disabled={!error} opened={error ? true : undefined} color="red" multiline maw={360}>
      <Group gap={4} wrap="nowrap">
        <Badge size="xs" variant="outline" color="gray" radius="sm">{file.kind}</Badge>
        <Anchor component="button" type="button" size="sm" onClick={go} c={error ? 'red' : undefined}>{file.name}</Anchor>
        <Text size="xs" c="dimmed">{formatFileSize(file.size)}</Text>
      </Group>
    </Tooltip>
  )
}

/** A topic on the agenda: number, title, department, 分管领导, 汇报人, delivery (late / by consent), 列席, files, history. */
export function TopicItem({ topic, number, editable, first, last, onUp, onDown, onMove, onWithdraw, onReclassify, onConsent }: {
  topic: Topic
  /** 一、二、… (empty for a withdrawn topic). */
  number: string | null
  editable: boolean
  first: boolean
  last: boolean
  onUp: () => void
  onDown: () => void
  onMove: () => void
  onWithdraw: () => void
  /** 定密变更 (issue 14), offered to the designated roles on a live topic. */
  onReclassify?: () => void
  /** 记录市长同意, offered on a late topic without consent (R-M3). */
  onConsent?: () => void
}) {
  const withdrawn = topic.withdrawn
  return (
    <Paper withBorder p="sm" radius="sm" bg={withdrawn ? 'gray.0' : undefined} aria-label={`议题：${topic.title}`} component="article">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Group gap={6} align="baseline" wrap="nowrap" style={{ minWidth: 0 }}>
          <Text fw={600} size="md" c={withdrawn ? 'dimmed' : undefined}>
            {number && <span style={{ whiteSpace: 'nowrap' }}>{number}、</span>}
            <span style={withdrawn ? { textDecoration: 'line-through' } : undefined}>{topic.title}</span>
          </Text>
          <ClassificationBadge classification={topic.classification} />
          {onReclassify && !withdrawn && <ReclassifyButton onClick={onReclassify} />}
          {withdrawn && <Badge size="sm" color="gray" variant="light">已撤回</Badge>}
        </Group>
        {editable && !withdrawn && (
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="default" size="sm" aria-label="上移" disabled={first} onClick={onUp}>↑</ActionIcon>
            <ActionIcon variant="default" size="sm" aria-label="下移" disabled={last} onClick={onDown}>↓</ActionIcon>
            <Button size="compact-xs" variant="subtle" onClick={onMove}>调至以后的会议</Button>
            <Button size="compact-xs" variant="subtle" color="red" onClick={onWithdraw}>撤回</Button>
          </Group>
        )}
      </Group>
      <Stack gap={2} mt={6} pl={number ? 32 : 0}>
        <Line label="报送单位">{topic.departmentName}</Line>
        <Line label="分管领导">{topic.supervisorTitle ? `${topic.supervisorTitle} ${topic.supervisorName ?? '（空缺）'}` : '—'}
          {topic.supervisorReason && <Text span size="sm" c="orange.9">（非本部门分管领导，理由：{topic.supervisorReason}）</Text>}</Line>
        {topic.reporter && <Line label="汇报人">{topic.reporter}</Line>}
        <Line label="送达日期">
          <Group gap={6} wrap="wrap">
            <span>{formatDate(topic.deliveredOn)}</span>
            {topic.late && <Badge size="sm" color="red" variant="filled" radius="sm">逾期</Badge>}
            {topic.consentBy && <Text span size="sm" c="red.8">经市长同意：{topic.consentBy}，{formatDate(topic.consentOn)}</Text>}
            {topic.late && !topic.consentBy && <Text span size="sm" c="red.8">未记录市长同意（{cite('R-M3')}）</Text>}
            {onConsent && <Button size="compact-xs" variant="light" color="red" onClick={onConsent}>记录市长同意</Button>}
          </Group>
        </Line>
        {topic.units.length > 0 && <Line label="列席单位">{topic.units.map((u) => u.name).join('、')}</Line>}
        <Line label="附件">
          {topic.files.length ? <Stack gap={2}>{topic.files.map((f) => <FileLink key={f.id} file={f} />)}</Stack> : <Text span size="sm" c="dimmed">无</Text>}
        </Line>
        {topic.withdrawReason && <Line label="撤回理由">{topic.withdrawReason}</Line>}
        {topic.history.map((h) => (
          <Text key={h.id} size="xs" c="dimmed">调整记录：{h.text}{h.reason ? `（${h.reason}）` : ''}</Text>
        ))}
        {topic.reclassifications.map((r) => (
          <Text key={`r${r.id}`} size="xs" c="dimmed">{r.when}　{r.text}　{r.by}</Text>
        ))}
      </Stack>
    </Paper>
  )
}
