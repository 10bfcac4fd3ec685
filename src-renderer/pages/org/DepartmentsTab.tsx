import { useMemo, useState } from 'react'
import { Alert, Badge, Box, Button, CloseButton, Group, Paper, ScrollArea, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core'
import { api } from '../../api/client'
import { useCan } from '../../lib/session'
import { AddPersonModal } from './AddPersonModal'
import { ArchiveModal } from './ArchiveModal'
import { ConfirmDelete, type PendingDelete } from './ConfirmDelete'
import { DemoBadge } from './DemoBadge'
import { DepartmentModal } from './DepartmentModal'
import { PersonModal } from './PersonModal'
import { PostModal } from './PostModal'
import { byRank, DEPARTMENT_KIND_LABEL, ORG_CHANGES, DEPARTMENT_KINDS, NOWRAP, phoneText, type Department, type OrgOverview, type Person, type Post } from './model'

type Editing =
  | { kind: 'department'; department: Department | null }
  | { kind: 'addPerson'; department: Department }
  | { kind: 'person'; person: Person }
  | { kind: 'post'; post: Post | null; departmentId: number }
  | { kind: 'archive'; person: Person }

/** 单位与人员: departments grouped by kind on the left, the chosen one's posts and people on the right. */
export function DepartmentsTab({ org }: { org: OrgOverview }) {
  const [search, setSearch] = useState('')
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [pending, setPending] = useState<PendingDelete | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const can = useCan()

  const people = useMemo(() => new Map(org.people.map((p) => [p.id, p])), [org])
  const postsIn = useMemo(() => {
    const map = new Map<number, Post[]>()
    for (const p of [...org.posts].sort(byRank)) if (p.departmentId !== null) map.set(p.departmentId, [...(map.get(p.departmentId) ?? []), p])
    return map
  }, [org])

  // A search finds a department by its name or by the name of someone in it.
  const q = search.trim()
  const matches = (d: Department) => !q || d.name.includes(q) || (postsIn.get(d.id) ?? []).some((p) => p.holderName?.includes(q))
  const groups = DEPARTMENT_KINDS.map((kind) => ({ kind, items: org.departments.filter((d) => d.kind === kind && matches(d)) }))
  const selected = org.departments.find((d) => d.id === selectedId) ?? null

  const done = (message?: string) => { setEditing(null); setNotice(message ?? null) }

  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <Paper withBorder w={270} style={{ flexShrink: 0 }}>
        <Box p="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
          <TextInput size="xs" placeholder="搜索单位或人员姓名" aria-label="搜索单位" value={search} onChange={(e) => setSearch(e.currentTarget.value)}
            rightSection={search ? <CloseButton size="xs" aria-label="清除" onClick={() => setSearch('')} /> : null} />
          {can('org.saveDepartment') && <Button size="xs" variant="light" fullWidth mt={6} onClick={() => setEditing({ kind: 'department', department: null })}>新增单位</Button>}
        </Box>
        <ScrollArea.Autosize mah="calc(100vh - 300px)" type="auto">
          <Box py={4}>
            {groups.map((g) => g.items.length > 0 && (
              <Box key={g.kind} mb={4}>
                <Text size="xs" fw={600} c="dimmed" px="sm" py={4}>{DEPARTMENT_KIND_LABEL[g.kind]}（{g.items.length}）</Text>
                {g.items.map((d) => (
                  <UnstyledButton key={d.id} onClick={() => { setSelectedId(d.id); setNotice(null) }} w="100%" px="sm" py={3}
                    aria-current={d.id === selectedId || undefined}
                    style={{
                      display: 'flex', alignItems: 'center', fontSize: 'var(--mantine-font-size-sm)',
                      background: d.id === selectedId ? 'var(--mantine-color-zhengwu-7)' : undefined,
                      color: d.id === selectedId ? 'white' : undefined,
                    }}>
                    <Text span size="sm" style={{ flex: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{d.name}</Text>
                    <Text span size="xs" c={d.id === selectedId ? 'zhengwu.1' : 'dimmed'}>{postsIn.get(d.id)?.length ?? 0}</Text>
                  </UnstyledButton>
                ))}
              </Box>
            ))}
            {groups.every((g) => g.items.length === 0) && <Text size="sm" c="dimmed" p="sm">没有符合的单位</Text>}
          </Box>
        </ScrollArea.Autosize>
      </Paper>

      <Box style={{ flex: 1, minWidth: 0 }}>
        {selected ? (
          <DepartmentDetail department={selected} posts={postsIn.get(selected.id) ?? []} people={people} notice={notice} onCloseNotice={() => setNotice(null)}
            onAddPerson={() => setEditing({ kind: 'addPerson', department: selected })}
            onEdit={() => setEditing({ kind: 'department', department: selected })}
            onAddPost={() => setEditing({ kind: 'post', post: null, departmentId: selected.id })}
            onEditPost={(post) => setEditing({ kind: 'post', post, departmentId: selected.id })}
            onEditPerson={(person) => setEditing({ kind: 'person', person })}
            onArchive={(person) => setEditing({ kind: 'archive', person })}
            onDelete={() => setPending({
              title: '删除单位',
              message: `删除“${selected.name}”？单位内还有岗位时不能删除，请先删除或移走岗位。`,
              run: async () => { await api.call('org.deleteDepartment', { id: selected.id }); setSelectedId(null) },
            })}
            onDeletePost={(post) => {
              // A person is never deleted with their post: someone who leaves is archived (离任), keeping their name on past records.
              const holder = post.holderId ? people.get(post.holderId) : undefined
              setPending({
                title: '删除岗位',
                message: holder
                  ? `删除“${post.title}”岗位？${holder.name}的档案保留；人员离任请用“离任”归档。`
                  : `删除空缺岗位“${post.title}”？`,
                run: () => api.call('org.deletePost', { id: post.id }),
              })
            }} />
        ) : (
          <Paper withBorder p="xl"><Text c="dimmed" ta="center" size="sm">请在左侧选择单位，查看其岗位、人员和电话。</Text></Paper>
        )}
      </Box>

      {editing?.kind === 'department' && <DepartmentModal org={org} department={editing.department} onClose={() => setEditing(null)}
        onSaved={(id) => { setSelectedId(id); done(editing.department ? '单位已保存。' : '单位已新增。') }} />}
      {editing?.kind === 'addPerson' && <AddPersonModal department={editing.department} onClose={() => setEditing(null)} onSaved={(name) => done(`已添加${name}。`)} />}
      {editing?.kind === 'person' && <PersonModal person={editing.person} onClose={() => setEditing(null)} onSaved={() => done('人员信息已保存。')} />}
      {editing?.kind === 'archive' && <ArchiveModal person={editing.person} posts={org.posts.filter((p) => p.holderId === editing.person.id).map((p) => p.title)}
        onClose={() => setEditing(null)} onSaved={() => done(`${editing.person.name}已离任归档。`)} />}
      {editing?.kind === 'post' && <PostModal org={org} post={editing.post} departmentId={editing.departmentId} onClose={() => setEditing(null)} onSaved={() => done('岗位已保存。')} />}
      <ConfirmDelete pending={pending} invalidates={ORG_CHANGES} onCancel={() => setPending(null)} onDone={() => { setPending(null); done() }} />
    </Group>
  )
}

function DepartmentDetail({ department: d, posts, people, notice, onCloseNotice, onAddPerson, onEdit, onDelete, onAddPost, onEditPost, onEditPerson, onArchive, onDeletePost }: {
  department: Department
  posts: Post[]
  people: Map<number, Person>
  notice: string | null
  onCloseNotice: () => void
  onAddPerson: () => void
  onEdit: () => void
  onDelete: () => void
  onAddPost: () => void
  onEditPost: (post: Post) => void
  onEditPerson: (person: Person) => void
  onArchive: (person: Person) => void
  onDeletePost: (post: Post) => void
}) {
  const can = useCan()
  const edits = can('org.savePerson') || can('org.savePost') || can('org.archivePerson') || can('org.deletePost')
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
        <div>
          <Group gap={6}>
            <Text fw={600} size="lg">{d.name}</Text>
            <Badge size="sm" variant="light" color="gray" radius="sm">{DEPARTMENT_KIND_LABEL[d.kind]}</Badge>
            <DemoBadge show={d.isDemo} />
          </Group>
          <Text size="sm" c="dimmed" mt={2}>
            联系电话：{d.phone ?? '未填'}　　分管领导：{d.supervisor ?? '未设置'}
          </Text>
        </div>
        <Group gap="xs" wrap="nowrap">
          {can('org.addPersonToDepartment') && <Button size="xs" onClick={onAddPerson}>添加人员</Button>}
          {can('org.savePost') && <Button size="xs" variant="default" onClick={onAddPost}>新增岗位</Button>}
          {can('org.saveDepartment') && <Button size="xs" variant="default" onClick={onEdit}>编辑单位</Button>}
          {can('org.deleteDepartment') && <Button size="xs" variant="default" color="red" c="red.7" onClick={onDelete}>删除单位</Button>}
        </Group>
      </Group>
      {notice && <Alert color="green" variant="light" py={6} mb="xs" withCloseButton onClose={onCloseNotice} role="status">{notice}</Alert>}
      <Stack gap={0}>
        <Table striped highlightOnHover withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>职务</Table.Th>
              <Table.Th w={130}>岗位类别</Table.Th>
              <Table.Th w={130}>姓名</Table.Th>
              <Table.Th w={130}>办公电话</Table.Th>
              <Table.Th w={120}>手机</Table.Th>
              {edits && <Table.Th w={230}>操作</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {posts.map((post) => {
              const holder = post.holderId ? people.get(post.holderId) : undefined
              return (
                <Table.Tr key={post.id}>
                  <Table.Td>{post.title}</Table.Td>
                  <Table.Td style={NOWRAP}><Text span size="xs" c="dimmed">{post.kind}</Text></Table.Td>
                  <Table.Td style={NOWRAP}>{holder ? <>{holder.name}<DemoBadge show={holder.isDemo} /></> : <Text span size="sm" c="dimmed">（空缺）</Text>}</Table.Td>
                  <Table.Td style={NOWRAP}>{phoneText(holder?.officePhone)}</Table.Td>
                  <Table.Td style={NOWRAP}>{phoneText(holder?.mobile)}</Table.Td>
                  {edits && (
                    <Table.Td style={NOWRAP}>
                      <Group gap={2} wrap="nowrap">
                        {holder && can('org.savePerson') && <Button size="compact-xs" variant="subtle" onClick={() => onEditPerson(holder)}>编辑人员</Button>}
                        {can('org.savePost') && <Button size="compact-xs" variant="subtle" onClick={() => onEditPost(post)}>编辑岗位</Button>}
                        {holder && can('org.archivePerson') && <Button size="compact-xs" variant="subtle" color="orange" onClick={() => onArchive(holder)}>离任</Button>}
                        {can('org.deletePost') && <Button size="compact-xs" variant="subtle" color="red" onClick={() => onDeletePost(post)}>删除</Button>}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              )
            })}
            {posts.length === 0 && (
              <Table.Tr><Table.Td colSpan={edits ? 6 : 5}><Text size="sm" c="dimmed" ta="center" py="xs">本单位尚无岗位和人员。{can('org.addPersonToDepartment') && '请点击“添加人员”。'}</Text></Table.Td></Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  )
}
