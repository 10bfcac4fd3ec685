import { Tabs } from '@mantine/core'
import { PageHeader } from '../../components/PageHeader'
import { navigate, useHashPath } from '../../lib/route'
import { useOfficeEvents } from '../../api/events'
import { TodoGroups } from './TodoGroups'
import { ReminderList } from './ReminderList'

/** 待办 (issue 17): what waits on this account's role, step by step, and the 提醒 that concern it. */
export function TodoPage() {
  const [, tab] = useHashPath()
  const events = useOfficeEvents()
  const current = tab === 'reminders' ? 'reminders' : 'todo'
  return (
    <>
      <PageHeader title="待办与提醒" description="按办理环节列出等待本角色办理的事项，期限按工作日计算；点击事项直接打开办理页面。提醒列出与本人有关的事件，每条只提醒一次。" />
      <Tabs value={current} onChange={(v) => navigate(v === 'reminders' ? 'todo/reminders' : 'todo')} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="todo">我的待办{events.todo ? `（${events.todo.total}）` : ''}</Tabs.Tab>
          <Tabs.Tab value="reminders">提醒{events.reminders?.unread ? `（${events.reminders.unread}条未读）` : ''}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="todo"><TodoGroups /></Tabs.Panel>
        <Tabs.Panel value="reminders"><ReminderList /></Tabs.Panel>
      </Tabs>
    </>
  )
}
