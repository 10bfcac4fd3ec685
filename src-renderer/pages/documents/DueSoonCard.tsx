import { useState } from 'react'
import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { ApiError, api, useQuery, type OutputOf } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { RuleBadge } from '../../components/RuleBadge'
import { formatDate, formatMonthDay } from '../../lib/format'
import { hrefOf } from '../../lib/route'
import { TimingBadge } from '../../components/TimingBadge'

type Item = OutputOf<'incoming.dueSoon'>['items'][number]
const key = (i: Item) => `${i.documentId}:${i.assignmentId ?? ''}`

/** 首页 (R-D7): 收文 and 承办 overdue or due within three working days, overdue first, each with a one-click 催办; the most pressing few, with the totals. */
export function DueSoonCard() {
  const due = useQuery('incoming.dueSoon', {})
  const [chased, setChased] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const items = due.data?.items ?? []
  const total = due.data?.total ?? 0

  async function chase(i: Item) {
    setBusy(key(i)); setError(null)
    try {
      const d = await api.call('incoming.chase', { id: i.documentId, assignmentId: i.assignmentId })
      const c = d.chases.at(-1)
      setChased((x) => ({ ...x, [key(i)]: c ? `${c.chaser}${formatMonthDay(c.chasedOn)}已催办` : '已催办' }))
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: '页面出错，请刷新后重试' }))
    } finally { setBusy(null) }
  }

  const overdue = due.data?.overdue ?? 0
  return (
    <Paper withBorder p="sm" aria-label="公文到期提醒">
      <Group justify="space-between" mb="xs">
        <Group gap={6}>
          <Title order={3}>公文到期提醒</Title>
          <RuleBadge rule="R-D7" />
        </Group>
        <Text size="xs" c="dimmed">逾期和三个工作日内到期的收文及承办事项{total ? `：逾期${overdue}件，临期${total - overdue}件` : ''}</Text>
      </Group>
      <ErrorAlert error={due.error} />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {!due.data && !due.error && <Text size="sm" c="dimmed">正在加载…</Text>}
      {due.data && items.length === 0 && <Text size="sm" c="dimmed">没有逾期或三个工作日内到期的公文。</Text>}
      <Stack gap={6}>
        {items.map((i) => {
          const done = chased[key(i)]
          return (
            <Group key={key(i)} gap="xs" wrap="nowrap" justify="space-between" role="group" aria-label={`${i.numberText} ${i.chaseWhom}`}>
              <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                <TimingBadge timing={i.timing} style={{ flexShrink: 0 }} />
                {i.urgency !== '无' && <Badge size="sm" radius="sm" variant="outline" color="red" style={{ flexShrink: 0 }}>{i.urgency}</Badge>}
                <Text size="sm" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>{i.numberText}</Text>
                <Anchor size="sm" href={hrefOf(`documents/incoming/${i.documentId}`)} lineClamp={1} title={i.title}>{i.title}</Anchor>
              </Group>
              <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {i.kind}：{i.chaseWhom}{i.chasePhone ? ` ${i.chasePhone}` : ''}　时限{formatDate(i.deadline)}
                  {i.lastChase && !done ? `　上次催办：${i.lastChase.chaser} ${formatMonthDay(i.lastChase.chasedOn)}` : ''}
                </Text>
                {done
                  ? <Badge size="sm" radius="sm" variant="light" color="green" title={done}>已催办</Badge>
                  : <Button size="compact-xs" variant="light" color="orange" loading={busy === key(i)} onClick={() => chase(i)}>催办</Button>}
              </Group>
            </Group>
          )
        })}
      </Stack>
      {total > items.length && (
        <Text size="xs" c="dimmed" mt="xs">以上为最紧迫的{items.length}件，另有{total - items.length}件未列出：请在收文登记簿中勾选“只看逾期”查看全部。</Text>
      )}
    </Paper>
  )
}
