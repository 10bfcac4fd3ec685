import { Anchor, Group, Paper, Text } from '@mantine/core'
import { useOfficeEvents } from '../../api/events'
import { hrefOf } from '../../lib/route'

/** 首页 (issue 17): one line of what waits on this account's role, by step, linking to 我的待办; nothing for a reader without steps. */
export function MyTodoCard() {
  const { todo } = useOfficeEvents()
  if (!todo || todo.groups.length === 0) return null
  const open = todo.groups.filter((g) => g.total > 0)
  return (
    <Paper withBorder p="sm" aria-label="我的待办">
      <Group gap="xs" wrap="wrap">
        <Text fw={600} size="sm">我的待办</Text>
        {open.length === 0 && <Text size="sm" c="dimmed">目前没有待办事项</Text>}
        {open.map((g) => <Text key={g.group} size="sm">{g.group} <b>{g.total}</b> 件</Text>)}
        {open.length > 0 && <Anchor href={hrefOf('todo')} size="sm" ml="auto">查看并办理</Anchor>}
      </Group>
    </Paper>
  )
}
