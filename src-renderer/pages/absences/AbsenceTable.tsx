import { Fragment } from 'react'
import { Badge, Button, Group, List, Table, Text } from '@mantine/core'
import { formatMonthDay } from '../../lib/format'
import { isLeaderPost, NOWRAP, principalPostOf, type OrgOverview } from '../org/model'
import { useCan } from '../../lib/session'
import { ActingByDay } from './ActingText'
import { APPROVAL_COLOR, KIND_COLOR, periodText, type AbsenceRow } from './model'

/** A warning of the rules, in the server's words, which cite the article (第七十六条：…). */
export function RuleMessage({ message, color, size = 'xs' }: { message: string; color: string; size?: 'xs' | 'sm' }) {
  return <Text size={size} c={`${color}.9`} lh={1.5} fw={size === 'sm' ? 500 : undefined}>{message}</Text>
}

/** The period's absences, each with its reporting, approval, acting person and the rules' warnings (R-P4, R-P5). */
export function AbsenceTable({ org, absences, onEdit, onDelete }: { org: OrgOverview | undefined; absences: readonly AbsenceRow[]; onEdit: (a: AbsenceRow) => void; onDelete: (a: AbsenceRow) => void }) {
  // The acting rules (R-P2, R-P3) are about the city leaders; for a department or county head only the filed name is shown.
  const isLeader = (personId: number) => { const p = org && principalPostOf(org, personId); return !!p && isLeaderPost(p) }
  const can = useCan()
  const editable = can('absences.save') || can('absences.delete')
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table striped highlightOnHover withTableBorder aria-label="外出记录">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>人员/职务</Table.Th>
            <Table.Th w={64}>类别</Table.Th>
            <Table.Th w={200}>起止日期</Table.Th>
            <Table.Th>地点/事由</Table.Th>
            <Table.Th w={120}>报告/请示对象</Table.Th>
            <Table.Th w={110}>审批</Table.Th>
            <Table.Th w={250}>代行人</Table.Th>
            {editable && <Table.Th w={90}>操作</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {absences.map((a) => {
            const warnings = [...a.overlapWarnings.map((m) => ({ m, color: 'red' })), ...a.gaps.map((m) => ({ m, color: 'orange' }))]
            return (
              <Fragment key={a.id}>
                <Table.Tr data-absence={a.id}>
                  <Table.Td style={NOWRAP}>
                    <Text size="sm" fw={600}>{a.personName}</Text>
                    <Text size="xs" c="dimmed">{a.postTitle}</Text>
                  </Table.Td>
                  <Table.Td><Badge size="sm" radius="sm" variant="filled" color={KIND_COLOR[a.kind]} style={{ overflow: 'visible' }}>{a.kind}</Badge></Table.Td>
                  <Table.Td style={NOWRAP}><Text size="sm">{periodText(a.startDate, a.endDate)}</Text></Table.Td>
                  <Table.Td>
                    <Text size="sm">{a.destination ?? <Text span c="dimmed" size="sm">未填</Text>}</Text>
                    {a.reason && <Text size="xs" c="dimmed" lh={1.4}>{a.reason}</Text>}
                  </Table.Td>
                  <Table.Td><ReportedTo a={a} /></Table.Td>
                  <Table.Td><Approval a={a} /></Table.Td>
                  <Table.Td>
                    {isLeader(a.personId) ? <ActingByDay spans={a.actingSpans} />
                      : a.actingPersonName ? <Text size="sm">{a.actingPersonName}</Text> : <Text span size="sm" c="dimmed">未填</Text>}
                  </Table.Td>
                  {editable && (
                    <Table.Td style={NOWRAP}>
                      <Group gap={2} wrap="nowrap">
                        {can('absences.save') && <Button size="compact-xs" variant="subtle" onClick={() => onEdit(a)}>修改</Button>}
                        {can('absences.delete') && <Button size="compact-xs" variant="subtle" color="red" onClick={() => onDelete(a)}>删除</Button>}
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
                {warnings.length > 0 && (
                  <Table.Tr style={{ background: a.overlapWarnings.length ? 'var(--mantine-color-red-0)' : 'var(--mantine-color-orange-0)' }}>
                    <Table.Td colSpan={editable ? 8 : 7} py={4} pl="md">
                      <List size="xs" spacing={2} listStyleType="none" aria-label={`${a.personName}外出的提醒`}>
                        {warnings.map(({ m, color }) => <List.Item key={m}><RuleMessage message={m} color={color} /></List.Item>)}
                      </List>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            )
          })}
          {absences.length === 0 && (
            <Table.Tr><Table.Td colSpan={editable ? 8 : 7}><Text size="sm" c="dimmed" ta="center" py="xs">本月没有登记的外出。</Text></Table.Td></Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** 报告/请示对象: the names; 未报告 only where R-P5 names someone to report to (the 市长 reports to nobody above). */
function ReportedTo({ a }: { a: AbsenceRow }) {
  const names = a.reportedToNames.filter(Boolean).join('、')
  if (names) return <Text size="sm">{names}</Text>
  if (a.duty.reportTo) return <Text size="sm" c="dimmed">未报告<Text span size="xs">（应报{a.duty.reportTo}）</Text></Text>
  return <Text size="xs" c="dimmed" lh={1.45}>{a.duty.filing ?? '—'}</Text>
}

/** 审批: the state and who approved; 无须审批 where R-P5 asks for none and nothing was recorded. */
function Approval({ a }: { a: AbsenceRow }) {
  if (!a.duty.approvalBy && a.approval === '待批') return <Text size="xs" c="dimmed">无须审批</Text>
  return (
    <>
      <Badge size="sm" radius="sm" variant="light" color={APPROVAL_COLOR[a.approval]}>{a.approval}</Badge>
      {a.approval !== '待批' && (a.approvedByName || a.approvedOn) && (
        <Text size="xs" c="dimmed" mt={2} style={NOWRAP}>{a.approvedByName ?? ''}{a.approvedOn ? ` ${formatMonthDay(a.approvedOn)}` : ''}</Text>
      )}
    </>
  )
}
