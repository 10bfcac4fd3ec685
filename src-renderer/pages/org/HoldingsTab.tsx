import { Fragment, useState } from 'react'
import { Button, Group, Table, Text } from '@mantine/core'
import { useMutation } from '../../api/client'
import { formatDate } from '../../lib/format'
import { useCan } from '../../lib/session'
import { HolderChangeModal } from './HolderChangeModal'
import { ReasonModal } from './ReasonModal'
import { byRank, isLeaderPost, NOWRAP, ORG_CHANGES, postTitle, type OrgOverview, type Post } from './model'
import { cite } from '../../../src-main/common/rules'

type Holding = OrgOverview['holdings'][number]

/** '2026年7月1日至今', '启用记录前至2026年6月30日'. */
const periodOf = (h: Holding) => `${h.fromDate ? formatDate(h.fromDate) : '启用记录前'}至${h.toDate ? formatDate(h.toDate) : '今'}`
/** A post whose holder has changed since the records began (anything but one holding since before, still in office). */
const hasChanged = (list: readonly Holding[]) => list.length > 1 || list.some((h) => h.fromDate !== null || h.toDate !== null)

/**
 * 任职记录 (R-P1 turnover): who held each post over which days, and on what basis. The city leaders' posts are always
 * listed; other posts once their holder has changed. Past records keep the holder of their day.
 */
export function HoldingsTab({ org }: { org: OrgOverview }) {
  const can = useCan()
  const [changing, setChanging] = useState<Post | null>(null)
  const [undoing, setUndoing] = useState<Post | null>(null)
  const undo = useMutation('org.undoHolderChange', { invalidates: ORG_CHANGES })
  const byPost = new Map<number, Holding[]>()
  for (const h of org.holdings) byPost.set(h.postId, [...(byPost.get(h.postId) ?? []), h])
  const shown = [...org.posts].sort(byRank).filter((p) => isLeaderPost(p) || hasChanged(byPost.get(p.id) ?? []))

  async function confirmUndo(reason: string) {
    if (undoing && (await undo.mutate({ postId: undoing.id, reason })) !== undefined) setUndoing(null)
  }

  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        岗位自生效日期起改由他人担任或空缺；此前的会议、纪要、批示、签发和值班表仍记为当时的任职人员，代行和签发按当日的任职人员确定（{cite('R-P1')}、{cite('R-P2')}）。
      </Text>
      <Table striped withTableBorder withColumnBorders aria-label="任职记录">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>岗位</Table.Th>
            <Table.Th w={110}>任职人员</Table.Th>
            <Table.Th w={260}>任职期间</Table.Th>
            <Table.Th>依据</Table.Th>
            {(can('org.changeHolder') || can('org.undoHolderChange')) && <Table.Th w={200}>操作</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((post) => {
            const list = byPost.get(post.id) ?? []
            const rows = list.length ? list : [null]
            return (
              <Fragment key={post.id}>
                {rows.map((h, i) => (
                  <Table.Tr key={h?.id ?? `vacant-${post.id}`} data-post={post.id}>
                    {i === 0 && <Table.Td rowSpan={rows.length} style={NOWRAP} fw={500}>{postTitle(post)}</Table.Td>}
                    <Table.Td style={NOWRAP}>{h ? h.personName : <Text span size="sm" c="dimmed">（空缺）</Text>}</Table.Td>
                    <Table.Td style={NOWRAP}>{h ? periodOf(h) : ''}</Table.Td>
                    <Table.Td><Text size="xs" lh={1.45}>{[h?.reason, h?.endReason].filter(Boolean).join('；')}</Text></Table.Td>
                    {i === 0 && (can('org.changeHolder') || can('org.undoHolderChange')) && (
                      <Table.Td rowSpan={rows.length} style={NOWRAP}>
                        <Group gap={2} wrap="nowrap">
                          {can('org.changeHolder') && <Button size="compact-xs" variant="subtle" onClick={() => setChanging(post)}>任职变更</Button>}
                          {can('org.undoHolderChange') && hasChanged(list) && (
                            <Button size="compact-xs" variant="subtle" color="gray" onClick={() => { undo.reset(); setUndoing(post) }}>撤销最近一次变更</Button>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Fragment>
            )
          })}
        </Table.Tbody>
      </Table>
      {changing && <HolderChangeModal org={org} post={changing} onClose={() => setChanging(null)} onSaved={() => setChanging(null)} />}
      {undoing && (
        <ReasonModal title={`撤销最近一次任职变更：${postTitle(undoing)}`} label="撤销理由" submitLabel="撤销变更"
          message="用于登记有误时：撤销后该岗位恢复为变更前的任职人员，撤销和理由记入审计日志。"
          busy={undo.busy} error={undo.error} onSubmit={confirmUndo} onClose={() => setUndoing(null)} />
      )}
    </>
  )
}
