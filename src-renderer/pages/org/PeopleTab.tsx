import { useMemo, useState } from 'react'
import { Badge, Button, Checkbox, CloseButton, Group, Table, Text, TextInput } from '@mantine/core'
import { api, useMutation } from '../../api/client'
import { formatDate } from '../../lib/format'
import { useCan } from '../../lib/session'
import { ArchiveModal } from './ArchiveModal'
import { ReasonModal } from './ReasonModal'
import { ConfirmDelete, type PendingDelete } from './ConfirmDelete'
import { DemoBadge } from './DemoBadge'
import { PersonModal } from './PersonModal'
import { byRank, NOWRAP, ORG_CHANGES, phoneText, type OrgOverview, type Person } from './model'

/**
 * 人员: everyone in the organisation with their posts and phones — the office's phone book. Those who left (归档)
 * are listed only on request, each with the day they left and a way back (恢复).
 */
export function PeopleTab({ org }: { org: OrgOverview }) {
  const [search, setSearch] = useState('')
  const [editing, setEditing] = useState<Person | 'new' | null>(null)
  const [pending, setPending] = useState<PendingDelete | null>(null)
  const [archiving, setArchiving] = useState<{ person: Person; posts: string[] } | null>(null)
  const [restoring, setRestoring] = useState<Person | null>(null)
  const [showArchived, setShowArchived] = useState(false)
  const restore = useMutation('org.restorePerson', { invalidates: ORG_CHANGES })
  const can = useCan()
  const edits = can('org.savePerson') || can('org.archivePerson') || can('org.deletePerson')

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
  const archivedCount = rows.filter((r) => r.person.archivedOn).length
  const listed = showArchived ? rows : rows.filter((r) => !r.person.archivedOn)
  const shown = q
    ? listed.filter(({ person, posts }) =>
      [person.name, person.officePhone, person.mobile, person.note, ...posts.flatMap((p) => [p.title, p.department])].some((v) => v?.includes(q)))
    : listed

  async function confirmRestore(reason: string) {
    if (restoring && (await restore.mutate({ id: restoring.id, reason })) !== undefined) setRestoring(null)
  }

  return (
    <>
      <Group justify="space-between" mb="xs">
        <TextInput size="xs" w={300} placeholder="搜索姓名、职务、单位或电话" aria-label="搜索人员" value={search} onChange={(e) => setSearch(e.currentTarget.value)}
          rightSection={search ? <CloseButton size="xs" aria-label="清除" onClick={() => setSearch('')} /> : null} />
        <Group gap="sm">
          {archivedCount > 0 && <Checkbox size="xs" label={`显示已离任人员（${archivedCount}人）`} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />}
          <Text size="sm" c="dimmed">共{shown.length}人{q ? `（全部${listed.length}人）` : ''}</Text>
          {can('org.savePerson') && <Button size="xs" onClick={() => setEditing('new')}>新增人员</Button>}
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
            {edits && <Table.Th w={140}>操作</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map(({ person, posts }) => (
            <Table.Tr key={person.id}>
              <Table.Td style={NOWRAP}>{person.name}<DemoBadge show={person.isDemo} /></Table.Td>
              <Table.Td>
                {person.archivedOn
                  ? <><Badge size="sm" radius="sm" variant="light" color="gray">已离任</Badge> <Text span size="xs" c="dimmed">{formatDate(person.archivedOn)}{person.archiveReason ? `，${person.archiveReason}` : ''}</Text></>
                  : posts.length ? posts.map((p) => p.title).join('、') : <Text span size="sm" c="dimmed">未任岗位</Text>}
              </Table.Td>
              <Table.Td>{[...new Set(posts.map((p) => p.department).filter(Boolean))].join('、')}</Table.Td>
              <Table.Td style={NOWRAP}>{phoneText(person.officePhone)}</Table.Td>
              <Table.Td style={NOWRAP}>{phoneText(person.mobile)}</Table.Td>
              <Table.Td><Text size="xs">{person.note}</Text></Table.Td>
              {edits && (
                <Table.Td style={NOWRAP}>
                  <Group gap={2} wrap="nowrap">
                    {can('org.savePerson') && <Button size="compact-xs" variant="subtle" onClick={() => setEditing(person)}>编辑</Button>}
                    {person.archivedOn
                      ? can('org.restorePerson') && <Button size="compact-xs" variant="subtle" onClick={() => { restore.reset(); setRestoring(person) }}>恢复</Button>
                      : can('org.archivePerson') && <Button size="compact-xs" variant="subtle" color="orange" onClick={() => setArchiving({ person, posts: posts.map((p) => p.title) })}>离任</Button>}
                    {can('org.deletePerson') && <Button size="compact-xs" variant="subtle" color="red" onClick={() => setPending({
                      title: '删除人员',
                      message: `删除${person.name}？只能删除误录的人员：已有外出、值班、会议、公文或任职记录的人员不能删除，离任请用“离任”归档，记录中保留其姓名。`,
                      run: () => api.call('org.deletePerson', { id: person.id }),
                    })}>删除</Button>}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
          {shown.length === 0 && (
            <Table.Tr><Table.Td colSpan={edits ? 7 : 6}><Text size="sm" c="dimmed" ta="center" py="xs">{q ? '没有符合的人员' : '尚无人员'}</Text></Table.Td></Table.Tr>
          )}
        </Table.Tbody>
      </Table>

      {editing && <PersonModal person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={() => setEditing(null)} />}
      {archiving && <ArchiveModal person={archiving.person} posts={archiving.posts} onClose={() => setArchiving(null)} onSaved={() => setArchiving(null)} />}
      {restoring && (
        <ReasonModal title={`恢复人员：${restoring.name}`} label="恢复理由" submitLabel="恢复"
          message={`${restoring.name}将重新出现在选择人员的列表中；原任岗位不会自动恢复，如需任职请用“任职变更”登记。`}
          busy={restore.busy} error={restore.error} onSubmit={confirmRestore} onClose={() => setRestoring(null)} />
      )}
      <ConfirmDelete pending={pending} invalidates={ORG_CHANGES} onCancel={() => setPending(null)} onDone={() => setPending(null)} />
    </>
  )
}
