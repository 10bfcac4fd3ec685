import { useMemo, useState } from 'react'
import { Button, CloseButton, Group, Table, Text, TextInput } from '@mantine/core'
import { api } from '../../api/client'
import { ConfirmDelete, type PendingDelete } from './ConfirmDelete'
import { DemoBadge } from './DemoBadge'
import { PersonModal } from './PersonModal'
import { byRank, NOWRAP, ORG_CHANGES, phoneText, type OrgOverview, type Person } from './model'

/** 人员: everyone in the organisation with their posts and phones — the office's phone book. */
export function PeopleTab({ org }: { org: OrgOverview }) {
  const [search, setSearch] = useState('')
  const [editing, setEditing] = useState<Person | 'new' | null>(null)
  const [pending, setPending] = useState<PendingDelete | null>(null)

  const rows = useMemo(() => {
    // In the office's order: each person at the place of their highest post, people without a post last.
    const postsOf = new Map<number, { title: string; department: string | null }[]>()
    const order = new Map<number, number>()
    ;[...org.posts].sort(byRank).forEach((p, i) => {
      if (p.holderId === null) return
      postsOf.set(p.holderId, [...(postsOf.get(p.holderId) ?? []), { title: p.title, department: p.departmentName }])
      if (!order.has(p.holderId)) order.set(p.holderId, i)
    })
    const rank = (id: number) => order.get(id) ?? Number.MAX_SAFE_INTEGER
    return [...org.people].sort((a, b) => rank(a.id) - rank(b.id) || a.id - b.id).map((person) => ({ person, posts: postsOf.get(person.id) ?? [] }))
  }, [org])

  const q = search.trim()
  const shown = q
    ? rows.filter(({ person, posts }) =>
      [person.name, person.officePhone, person.mobile, person.note, ...posts.flatMap((p) => [p.title, p.department])].some((v) => v?.includes(q)))
    : rows

  return (
    <>
      <Group justify="space-between" mb="xs">
        <TextInput size="xs" w={300} placeholder="搜索姓名、职务、单位或电话" aria-label="搜索人员" value={search} onChange={(e) => setSearch(e.currentTarget.value)}
          rightSection={search ? <CloseButton size="xs" aria-label="清除" onClick={() => setSearch('')} /> : null} />
        <Group gap="sm">
          <Text size="sm" c="dimmed">共{shown.length}人{q ? `（全部${rows.length}人）` : ''}</Text>
          <Button size="xs" onClick={() => setEditing('new')}>新增人员</Button>
        </Group>
      </Group>
      <Table striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={130}>姓名</Table.Th>
            <Table.Th>职务</Table.Th>
            <Table.Th>所在单位</Table.Th>
            <Table.Th w={130}>办公电话</Table.Th>
            <Table.Th w={120}>手机</Table.Th>
            <Table.Th>备注</Table.Th>
            <Table.Th w={100}>操作</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map(({ person, posts }) => (
            <Table.Tr key={person.id}>
              <Table.Td style={NOWRAP}>{person.name}<DemoBadge show={person.isDemo} /></Table.Td>
              <Table.Td>{posts.length ? posts.map((p) => p.title).join('、') : <Text span size="sm" c="dimmed">未任岗位</Text>}</Table.Td>
              <Table.Td>{[...new Set(posts.map((p) => p.department).filter(Boolean))].join('、')}</Table.Td>
              <Table.Td style={NOWRAP}>{phoneText(person.officePhone)}</Table.Td>
              <Table.Td style={NOWRAP}>{phoneText(person.mobile)}</Table.Td>
              <Table.Td><Text size="xs">{person.note}</Text></Table.Td>
              <Table.Td style={NOWRAP}>
                <Group gap={2} wrap="nowrap">
                  <Button size="compact-xs" variant="subtle" onClick={() => setEditing(person)}>编辑</Button>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => setPending({
                    title: '删除人员',
                    message: posts.length
                      ? `${person.name}仍担任${posts.map((p) => p.title).join('、')}，须先在岗位中改由他人担任或设为空缺，才能删除。`
                      : `删除${person.name}的档案？其外出记录将一并删除。`,
                    run: () => api.call('org.deletePerson', { id: person.id }),
                  })}>删除</Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
          {shown.length === 0 && (
            <Table.Tr><Table.Td colSpan={7}><Text size="sm" c="dimmed" ta="center" py="xs">{q ? '没有符合的人员' : '尚无人员'}</Text></Table.Td></Table.Tr>
          )}
        </Table.Tbody>
      </Table>

      {editing && <PersonModal person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />}
      <ConfirmDelete pending={pending} invalidates={ORG_CHANGES} onCancel={() => setPending(null)} onDone={() => setPending(null)} />
    </>
  )
}
