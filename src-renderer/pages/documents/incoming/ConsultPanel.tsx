import { useState } from 'react'
import { Badge, Button, Group, SegmentedControl, Select, Stack, Table, Text, Textarea } from '@mantine/core'
import { useMutation } from '../../../api/client'
import { fieldError } from '../../../components/FormModal'
import { RuleBadge } from '../../../components/RuleBadge'
import { Section } from '../../../components/Section'
import type { OrgOverview } from '../../org/model'
import { departmentOptions } from './RegisterModal'
import { RuleRefusal } from './RuleRefusal'
import { INCOMING_CHANGES, type Incoming } from './model'
import { useCan } from '../../../lib/session'

const OPEN = ['已登记', '已拟办', '批示中', '承办中']

/**
 * 会签/征求意见 (R-D2, 第四十六条): a 请示 that touches other departments records their opinions; where they disagree,
 * the coordination held, each side's reasons and the proposed decision. Until those are recorded it cannot go to a leader.
 */
export function ConsultPanel({ doc, org }: { doc: Incoming; org: OrgOverview | undefined }) {
  const can = useCan()
  const [adding, setAdding] = useState(false)
  const [departmentId, setDepartmentId] = useState<string | null>(null)
  const [agrees, setAgrees] = useState<'同意' | '不同意'>('同意')
  const [opinion, setOpinion] = useState('')
  const [coordination, setCoordination] = useState('')
  const [reasons, setReasons] = useState('')
  const [decision, setDecision] = useState('')
  const consult = useMutation('incoming.consult', { invalidates: INCOMING_CHANGES, success: (r) => (r.missing.length ? `已记录。意见不一致，尚缺：${r.missing.join('、')}。` : '已记录单位意见。') })
  if (doc.docType !== '请示') return null
  const rows = doc.consultations.rows
  const open = can('incoming.consult') && OPEN.includes(doc.status)
  if (!open && rows.length === 0) return null

  function edit(row?: (typeof rows)[number]) {
    consult.reset()
    setDepartmentId(row ? String(row.departmentId) : null)
    setAgrees(row && !row.agrees ? '不同意' : '同意')
    setOpinion(row?.opinion ?? ''); setCoordination(row?.coordination ?? ''); setReasons(row?.reasons ?? ''); setDecision(row?.proposedDecision ?? '')
    setAdding(true)
  }
  async function submit() {
    const d = await consult.mutate({
      id: doc.id, departmentId: Number(departmentId) || 0, agrees: agrees === '同意', opinion: opinion.trim(),
      coordination: coordination.trim() || null, reasons: reasons.trim() || null, proposedDecision: decision.trim() || null,
    })
    if (d) setAdding(false)
  }
  const err = (f: string) => fieldError(consult.error, f)

  return (
    <Section title="会签（征求有关单位意见）"
      description={<span>请示涉及其他部门或县（区）的，记录其意见；意见不一致的，记录协调情况、各方理由和拟处理意见 <RuleBadge rule="R-D2" /></span>}
      actions={open && !adding ? <Button size="xs" variant="default" onClick={() => edit()}>记录单位意见</Button> : undefined}>
      <Stack gap="sm">
        {rows.length === 0 && !adding && <Text size="sm" c="dimmed">尚未记录其他单位的意见。不涉及其他单位的，无需会签。</Text>}
        {rows.length > 0 && (
          <Table withTableBorder striped aria-label="会签意见">
            <Table.Thead>
              <Table.Tr><Table.Th w={170}>单位</Table.Th><Table.Th w={90}>意见</Table.Th><Table.Th>内容</Table.Th><Table.Th w={70} /></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.departmentName}</Table.Td>
                  <Table.Td>
                    {c.agrees ? <Badge size="sm" radius="sm" color="green" variant="light">同意</Badge>
                      : <Badge size="sm" radius="sm" color={c.resolved ? 'orange' : 'red'} variant="light">{c.resolved ? '有分歧·已协调' : '有分歧'}</Badge>}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{c.opinion}</Text>
                    {c.coordination && <Text size="xs" c="dimmed">协调情况：{c.coordination}</Text>}
                    {c.reasons && <Text size="xs" c="dimmed">各方理由：{c.reasons}</Text>}
                    {c.proposedDecision && <Text size="xs" c="dimmed">拟处理意见：{c.proposedDecision}</Text>}
                    {c.missing.length > 0 && <Text size="xs" c="red.8">尚缺：{c.missing.join('、')}（补齐后才能送批）</Text>}
                  </Table.Td>
                  <Table.Td>{open && <Button size="compact-xs" variant="subtle" onClick={() => edit(c)}>修改</Button>}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {adding && (
          <Stack gap="sm" aria-label="记录单位意见">
            <Group gap="sm" align="flex-end">
              <Select label="征求意见单位" required searchable data={departmentOptions(org, doc.senderDepartmentId ? [doc.senderDepartmentId] : [])}
                value={departmentId} onChange={setDepartmentId} error={err('departmentId')} w={260} comboboxProps={{ withinPortal: true }} maxDropdownHeight={300} />
              <SegmentedControl value={agrees} onChange={(v) => setAgrees(v as '同意' | '不同意')} data={['同意', '不同意']} aria-label="是否同意" />
            </Group>
            <Textarea label="单位意见" required autosize minRows={2} value={opinion} onChange={(e) => setOpinion(e.currentTarget.value)} error={err('opinion')} />
            {agrees === '不同意' && <>
              <Textarea label="协调情况" autosize minRows={2} value={coordination} onChange={(e) => setCoordination(e.currentTarget.value)} placeholder="如 12月3日由副秘书长召集两单位协调" />
              <Textarea label="各方理由" autosize minRows={2} value={reasons} onChange={(e) => setReasons(e.currentTarget.value)} />
              <Textarea label="拟处理意见" autosize minRows={2} value={decision} onChange={(e) => setDecision(e.currentTarget.value)} />
            </>}
            <RuleRefusal error={consult.error && !['departmentId', 'opinion'].some((f) => err(f)) ? consult.error : null} />
            <Group gap="xs" justify="flex-end">
              <Button variant="default" onClick={() => setAdding(false)}>取消</Button>
              <Button onClick={submit} loading={consult.busy}>保存</Button>
            </Group>
          </Stack>
        )}
        {consult.notice && !adding && <Text size="sm" c={consult.notice.includes('尚缺') ? 'orange.8' : 'green.8'} role="status">{consult.notice}</Text>}
      </Stack>
    </Section>
  )
}
