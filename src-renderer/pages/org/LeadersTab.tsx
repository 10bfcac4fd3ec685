import { useState } from 'react'
import { Badge, Button, Group, Table, Text } from '@mantine/core'
import { api } from '../../api/client'
import { useCan } from '../../lib/session'
import { AbPairModal } from './AbPairModal'
import { HolderChangeModal } from './HolderChangeModal'
import { ConfirmDelete, type PendingDelete } from './ConfirmDelete'
import { DemoBadge } from './DemoBadge'
import { PortfolioModal } from './PortfolioModal'
import { PostModal } from './PostModal'
import { leaderPosts, NOWRAP, ORG_CHANGES, phoneText, type OrgOverview, type Post } from './model'
import { cite } from '../../../src-main/common/rules'

type Editing =
  | { kind: 'portfolio'; post: Post }
  | { kind: 'post'; post: Post | null }
  | { kind: 'ab'; postId: number | null }
  | { kind: 'holder'; post: Post }

/** 市政府领导: each leader post with holder, phones, 分管 and AB角 (R-P1, R-P3). */
export function LeadersTab({ org }: { org: OrgOverview }) {
  const [editing, setEditing] = useState<Editing | null>(null)
  const [pending, setPending] = useState<PendingDelete | null>(null)
  const can = useCan()
  const edits = can('org.savePost') || can('org.changeHolder') || can('org.setPortfolio') || can('org.deletePost')
  const people = new Map(org.people.map((p) => [p.id, p]))
  const deptName = new Map(org.departments.map((d) => [d.id, d.name]))
  const partnerOf = (postId: number) => {
    const pair = org.abPairs.find((p) => p.postAId === postId || p.postBId === postId)
    if (!pair) return null
    const other = org.posts.find((p) => p.id === (pair.postAId === postId ? pair.postBId : pair.postAId))
    return other ? { pair, other } : null
  }
  const saved = () => setEditing(null)

  const rows = leaderPosts(org).map((post) => {
    const holder = post.holderId ? people.get(post.holderId) : undefined
    const partner = partnerOf(post.id)
    return (
      <Table.Tr key={post.id}>
        <Table.Td style={NOWRAP}>
          <Text span size="sm" fw={post.kind === '市长' || post.isExecutive ? 600 : 400}>{post.title}</Text>
          {post.isExecutive && <Badge size="xs" color="red" variant="light" ml={6} radius="sm">负责常务</Badge>}
        </Table.Td>
        <Table.Td style={NOWRAP}>
          {holder ? <>{holder.name}<DemoBadge show={holder.isDemo} /></> : <Text span size="sm" c="dimmed">（空缺）</Text>}
        </Table.Td>
        <Table.Td style={NOWRAP}>{phoneText(holder?.officePhone)}</Table.Td>
        <Table.Td style={NOWRAP}>{phoneText(holder?.mobile)}</Table.Td>
        <Table.Td><Text size="xs" lh={1.45}>{post.portfolio}</Text></Table.Td>
        <Table.Td><Text size="xs" lh={1.45}>{post.departmentIds.map((id) => deptName.get(id)).join('、')}</Text></Table.Td>
        <Table.Td style={NOWRAP}>
          {partner ? (
            <Group gap={4} wrap="nowrap">
              <Text size="sm">{partner.other.holderName ?? partner.other.title}</Text>
              {can('org.deleteAbPair') && <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setPending({
                title: '解除AB角',
                message: `解除“${partner.pair.a}”与“${partner.pair.b}”的AB角配对？解除后一方外出时，将不再由另一方代行（${cite('R-P3')}）。`,
                run: () => api.call('org.deleteAbPair', { id: partner.pair.id }),
              })}>解除</Button>}
            </Group>
          ) : post.kind === '副市长' && can('org.saveAbPair') ? (
            <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ kind: 'ab', postId: post.id })}>设置</Button>
          ) : null}
        </Table.Td>
        {edits && <Table.Td style={NOWRAP}>
          <Group gap={2} wrap="nowrap">
            {can('org.changeHolder') && <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ kind: 'holder', post })}>任职变更</Button>}
            {can('org.setPortfolio') && <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ kind: 'portfolio', post })}>分管</Button>}
            {can('org.savePost') && <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ kind: 'post', post })}>编辑</Button>}
            {can('org.deletePost') && <Button size="compact-xs" variant="subtle" color="red" onClick={() => setPending({
              title: '删除岗位',
              message: `删除岗位“${post.title}”${post.holderName ? `（现由${post.holderName}担任）` : ''}？人员档案保留；该岗位的分管单位将变为未设置分管领导，AB角配对随之解除。已有会议或公文记录的岗位不能删除，岗位暂无人担任请用“任职变更”设为空缺。`,
              run: () => api.call('org.deletePost', { id: post.id }),
            })}>删除</Button>}
          </Group>
        </Table.Td>}
      </Table.Tr>
    )
  })

  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">市长外出时由负责常务工作的副市长代行（{cite('R-P2')}）；AB角一方外出时由另一方代行，双方均外出时由常务副市长代行（{cite('R-P3')}）。</Text>
        <Group gap="xs" wrap="nowrap">
          {can('org.saveAbPair') && <Button size="xs" variant="default" onClick={() => setEditing({ kind: 'ab', postId: null })}>设置AB角</Button>}
          {can('org.savePost') && <Button size="xs" onClick={() => setEditing({ kind: 'post', post: null })}>新增领导岗位</Button>}
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={960}>
        <Table striped highlightOnHover withTableBorder withColumnBorders>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>职务</Table.Th>
              <Table.Th w={100}>姓名</Table.Th>
              <Table.Th w={120}>办公电话</Table.Th>
              <Table.Th w={110}>手机</Table.Th>
              <Table.Th>分管领域</Table.Th>
              <Table.Th>分管单位</Table.Th>
              <Table.Th w={110}>AB角</Table.Th>
              {edits && <Table.Th w={200}>操作</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length ? rows : (
              <Table.Tr><Table.Td colSpan={edits ? 8 : 7}><Text size="sm" c="dimmed" ta="center" py="sm">尚未设置市政府领导岗位。{can('org.savePost') && '请点击“新增领导岗位”。'}</Text></Table.Td></Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      {editing?.kind === 'portfolio' && <PortfolioModal org={org} post={editing.post} onClose={() => setEditing(null)} onSaved={saved} />}
      {editing?.kind === 'post' && <PostModal org={org} post={editing.post} defaultKind="副市长" onClose={() => setEditing(null)} onSaved={saved} />}
      {editing?.kind === 'holder' && <HolderChangeModal org={org} post={editing.post} onClose={() => setEditing(null)} onSaved={saved} />}
      {editing?.kind === 'ab' && <AbPairModal org={org} firstPostId={editing.postId} onClose={() => setEditing(null)} onSaved={saved} />}
      <ConfirmDelete pending={pending} invalidates={ORG_CHANGES} onCancel={() => setPending(null)} onDone={() => setPending(null)} />
    </>
  )
}
