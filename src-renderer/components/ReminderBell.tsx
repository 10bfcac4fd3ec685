import { ActionIcon, Anchor, Divider, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useOfficeEvents } from '../api/events'
import { hrefOf } from '../lib/route'
import { ReminderRow } from '../pages/todo/ReminderList'

const SHOWN = 8

/** The title bar's 提醒: the unread count on a bell, the newest reminders in a popover, the whole list on its page. */
export function ReminderBell() {
  const { reminders } = useOfficeEvents()
  const [opened, setOpened] = useState(false)
  const unread = reminders?.unread ?? 0
  return (
    <Popover width={380} position="bottom-end" shadow="md" opened={opened} onChange={setOpened}>
      <Popover.Target>
        <Indicator label={unread > 99 ? '99+' : unread} size={16} color="red" disabled={!unread} offset={4}>
          <ActionIcon variant="subtle" color="gray.0" size="lg" aria-label={unread ? `提醒（${unread}条未读）` : '提醒'} onClick={() => setOpened((o) => !o)}>
            <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
              <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" /><path d="M13.7 21a2 2 0 0 1-3.4 0" />
            </svg>
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown onClick={(e) => { if ((e.target as HTMLElement).closest('a')) setOpened(false) }}>
        <Text fw={600} size="sm" mb="xs">提醒{unread ? `（${unread}条未读）` : ''}</Text>
        <ScrollArea.Autosize mah={360}>
          <Stack gap="xs">
            {!reminders?.items.length && <Text size="sm" c="dimmed">目前没有提醒。</Text>}
            {reminders?.items.slice(0, SHOWN).map((r) => <ReminderRow key={r.key} r={r} compact />)}
          </Stack>
        </ScrollArea.Autosize>
        <Divider my="xs" />
        <Anchor href={hrefOf('todo/reminders')} size="sm">查看全部提醒</Anchor>
      </Popover.Dropdown>
    </Popover>
  )
}
