import { useEffect } from 'react'
import { Alert, Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core'
import { useQuery, type OutputOf } from '../../api/client'
import { Section } from '../../components/Section'
import { Loading } from '../../components/Loading'
import { TimingBadge } from '../../components/TimingBadge'
import { hrefOf } from '../../lib/route'

type Group = OutputOf<'todo.list'>[number]

/** One step's items: what, where it stands, its deadline in working days, and the link to do it. */
function GroupSection({ g }: { g: Group }) {
  const more = g.total - g.items.length
  return (
    <Section title={<Group gap="xs">{g.group}<Badge variant="light" color={g.total ? 'zhengwu' : 'gray'} radius="sm">{g.total}</Badge></Group>} description={g.hint}>
      <Table aria-label={g.group} verticalSpacing={6} layout="fixed">
        <Table.Thead><Table.Tr><Table.Th w="40%">事项</Table.Th><Table.Th>情况</Table.Th><Table.Th w={190}>期限</Table.Th></Table.Tr></Table.Thead>
        <Table.Tbody>
          {g.items.map((i) => (
            <Table.Tr key={i.key}>
              <Table.Td><Anchor href={hrefOf(i.href)} size="sm" lineClamp={1} title={i.title}>{i.title}</Anchor></Table.Td>
              <Table.Td><Text size="sm" c="dimmed" lineClamp={2} title={i.detail}>{i.detail}</Text></Table.Td>
              <Table.Td>{i.timing ? <TimingBadge timing={i.timing} /> : <Text size="sm" c="dimmed">—</Text>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {more > 0 && <Text size="xs" c="dimmed" mt="xs">另有{more}件未列出（按时间先后列出前{g.items.length}件），可在登记簿中按状态查看全部。</Text>}
    </Section>
  )
}

/** 我的待办: the groups with items first; a role whose steps are all done sees so in one line. */
export function TodoGroups() {
  const list = useQuery('todo.list', {})
  const { reload } = list
  // Opened again after doing a step elsewhere: ask afresh rather than show the answer from before.
  useEffect(() => { void reload() }, [reload])
  if (list.error) return <Alert color="red" title="待办未能载入">{list.error.message}</Alert>
  if (!list.data) return <Loading label="正在载入待办…" />
  const open = list.data.filter((g) => g.total > 0)
  const done = list.data.filter((g) => g.total === 0)
  return (
    <Stack gap="md">
      {list.data.length === 0 && <Alert color="gray">当前角色没有需要办理的环节（只读账户）。</Alert>}
      {list.data.length > 0 && open.length === 0 && <Alert color="green">目前没有待办事项。</Alert>}
      {open.map((g) => <GroupSection key={g.group} g={g} />)}
      {done.length > 0 && <Text size="sm" c="dimmed">暂无待办：{done.map((g) => g.group).join('、')}</Text>}
    </Stack>
  )
}
