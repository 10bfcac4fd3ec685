import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core'
import { api, type OutputOf } from '../../api/client'
import { refreshEvents, useOfficeEvents } from '../../api/events'
import { Loading } from '../../components/Loading'
import { hrefOf, navigate } from '../../lib/route'

type Reminder = OutputOf<'reminders.list'>['items'][number]

const COLOR: Record<Reminder['kind'], string> = { 批示已回: 'zhengwu', 临期: 'orange', 逾期: 'red', 议题截止: 'orange', 明日会议: 'blue', 值班缺口: 'red', 督办期限: 'orange' }

/** Marks read, then the channel asks again (the count in the title bar follows). */
export async function markRead(keys?: string[]) {
  await api.call('reminders.markRead', keys ? { keys } : {})
  await refreshEvents()
}

/** One reminder: its kind, what happened, a link to the place it is dealt with; opening it marks it read. */
export function ReminderRow({ r, compact = false }: { r: Reminder; compact?: boolean }) {
  const open = async () => { if (!r.read) await markRead([r.key]); navigate(r.href) }
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" opacity={r.read ? 0.6 : 1}>
      <Badge size="sm" radius="sm" variant={r.read ? 'outline' : 'light'} color={COLOR[r.kind]} style={{ flexShrink: 0 }}>{r.kind}</Badge>
      <div style={{ minWidth: 0, flex: 1 }}>
        <Anchor href={hrefOf(r.href)} size="sm" fw={r.read ? 400 : 600} onClick={(e) => { e.preventDefault(); void open() }} lineClamp={compact ? 1 : 2}>{r.title}</Anchor>
        <Text size="xs" c="dimmed" lineClamp={compact ? 1 : 3}>{r.text}</Text>
      </div>
      {!compact && r.read && <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>已读</Text>}
      {!compact && !r.read && <Button size="compact-xs" variant="subtle" onClick={() => void markRead([r.key])}>标为已读</Button>}
    </Group>
  )
}

/** 提醒: every current reminder, unread first; read ones stay listed, dimmed, while the event is current. */
export function ReminderList() {
  const { reminders } = useOfficeEvents()
  if (!reminders) return <Loading label="正在载入提醒…" />
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">共{reminders.items.length}条，未读{reminders.unread}条。临期提醒的提前天数在“设置—公文设置”中调整。</Text>
        <Button size="xs" variant="default" disabled={!reminders.unread} onClick={() => void markRead()}>全部标为已读</Button>
      </Group>
      {reminders.items.length === 0 && <Alert color="gray">目前没有提醒。</Alert>}
      {reminders.items.map((r) => <ReminderRow key={r.key} r={r} />)}
    </Stack>
  )
}
