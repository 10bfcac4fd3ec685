import dayjs from 'dayjs'
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { formatDateWithWeekday } from '../../lib/format'
import { hrefOf } from '../../lib/route'
import { UrgencyBadge } from '../followups/UrgencyBadge'

/** 首页: the meetings of the next two weeks, and the follow-up items that are overdue (R-S1). */
export function UpcomingMeetingsCard({ today }: { today: string }) {
  const to = dayjs(today).add(13, 'day').format('YYYY-MM-DD')
  const calendar = useQuery('meetings.calendar', { from: today, to })
  const overdue = useQuery('followups.list', { overdueOnly: true })
  const meetings = (calendar.data?.meetings ?? []).filter((m) => m.status !== '已取消')
  const late = overdue.data ?? []
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xl">
        <Stack gap={4} style={{ flex: 1 }}>
          <Title order={3}>近两周会议</Title>
          <ErrorAlert error={calendar.error} />
          {meetings.length === 0 && <Text size="sm" c="dimmed">近两周没有安排会议。</Text>}
          {meetings.map((m) => (
            <Group key={m.id} gap="xs" wrap="nowrap">
              <Text size="sm" w={150} style={{ whiteSpace: 'nowrap' }}>{formatDateWithWeekday(m.date)}{m.halfDay === '全天' ? '' : m.halfDay}</Text>
              <Anchor size="sm" href={hrefOf(`meetings/${m.id}`)}>{m.title}</Anchor>
              {m.status === '已召开' && <Badge size="xs" variant="light" color="gray">已召开</Badge>}
              <Text size="xs" c="dimmed">{m.place ?? ''}</Text>
            </Group>
          ))}
        </Stack>
        <Stack gap={4} style={{ flex: 1 }}>
          <Title order={3}>逾期督办事项</Title>
          <ErrorAlert error={overdue.error} />
          {late.length === 0 && <Text size="sm" c="dimmed">没有逾期未办结的督办事项。</Text>}
          {late.slice(0, 5).map((f) => (
            <Group key={f.id} gap="xs" wrap="nowrap">
              <UrgencyBadge item={f} />
              <Text size="sm" lineClamp={1}>{f.departmentName}：{f.task}</Text>
            </Group>
          ))}
          {late.length > 5 && <Anchor size="sm" href={hrefOf('followups')}>共{late.length}项，查看全部</Anchor>}
        </Stack>
      </Group>
    </Paper>
  )
}
