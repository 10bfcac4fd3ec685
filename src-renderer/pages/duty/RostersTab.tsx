import { useState } from 'react'
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { RuleBadge } from '../../components/RuleBadge'
import { formatDate, formatDateTime } from '../../lib/format'
import { GenerateModal } from './GenerateModal'
import { RosterView } from './RosterView'
import { NOWRAP, periodLabel, type Generated, type RosterKind } from './model'
import { hrefOf, navigate } from '../../lib/route'
import { useCan } from '../../lib/session'
import { cite } from '../../../src-main/common/rules'

type Made = Generated & { kind: RosterKind; from: string; to: string }

/** 排班表: the rosters, 生成排班 (for the roles that may), and one roster opened at its own address (#/duty/<id>). */
export function RostersTab({ today, openId }: { today: string; openId: number | null }) {
  const list = useQuery('duty.list', {})
  const can = useCan()
  const [generating, setGenerating] = useState(false)
  const [made, setMade] = useState<Made | null>(null)

  function onGenerated(result: Made) {
    setGenerating(false)
    setMade(result)
    navigate(`duty/${result.id}`)
  }

  const close = () => { setMade(null); navigate('duty') }

  if (openId !== null) {
    return (
      <Stack gap="sm">
        <RosterView key={openId} id={openId} draftNotice={made && made.id === openId ? <GeneratedNotice made={made} onClose={() => setMade(null)} /> : undefined} onBack={close} onDeleted={close} />
      </Stack>
    )
  }

  return (
    <Stack gap="sm">
      <ErrorAlert error={list.error} />
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs">
          <Title order={3}>值班表</Title>
          <Group gap="xs">
            <Text size="xs" c="dimmed">每月办公室值班表于月初前发布；法定节假日另排市政府领导带班表（{cite('R-W1')}）</Text>
            {can('duty.generate') && <Button size="xs" onClick={() => setGenerating(true)}>生成排班</Button>}
          </Group>
        </Group>
        {!list.data ? <Loading /> : (
          <Table striped highlightOnHover withTableBorder aria-label="值班表">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>标题</Table.Th>
                <Table.Th w={120}>类别</Table.Th>
                <Table.Th w={230}>期间</Table.Th>
                <Table.Th w={90}>状态</Table.Th>
                <Table.Th w={170}>发布时间</Table.Th>
                <Table.Th w={70} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.title}</Table.Td>
                  <Table.Td style={NOWRAP}><Badge size="sm" radius="sm" variant="light" color={r.kind === '领导带班' ? 'red' : 'zhengwu'}>{r.kind}</Badge></Table.Td>
                  <Table.Td style={NOWRAP}>{periodLabel(r.fromDate, r.toDate)}</Table.Td>
                  <Table.Td><Badge size="sm" radius="sm" variant={r.status === '已发布' ? 'filled' : 'light'} color={r.status === '已发布' ? 'green' : 'yellow'}>{r.status}</Badge></Table.Td>
                  <Table.Td style={NOWRAP}>{r.publishedAt ? formatDateTime(r.publishedAt) : <Text span size="sm" c="dimmed">—</Text>}</Table.Td>
                  <Table.Td><Button size="compact-xs" variant="light" component="a" href={hrefOf(`duty/${r.id}`)} aria-label={`打开${r.title}`}>打开</Button></Table.Td>
                </Table.Tr>
              ))}
              {list.data.length === 0 && (
                <Table.Tr><Table.Td colSpan={6}><Text size="sm" c="dimmed" ta="center" py="xs">{can('duty.generate') ? '还没有值班表。点“生成排班”按月生成办公室值班表，或为法定节假日生成领导带班表。' : '还没有值班表。值班表由文秘或科长生成并发布。'}</Text></Table.Td></Table.Tr>
              )}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {generating && <GenerateModal today={today} onClose={() => setGenerating(false)} onGenerated={onGenerated} />}
    </Stack>
  )
}

/** Right after 生成排班: the draft's name, and every gap and warning the generator returned (never dropped silently). */
function GeneratedNotice({ made, onClose }: { made: Made; onClose: () => void }) {
  const issues = made.gaps.length + made.warnings.length
  return (
    <Alert color={issues ? 'orange' : 'green'} variant="light" withCloseButton onClose={onClose} role={issues ? 'alert' : 'status'}
      title={`已生成草稿：${made.title}（${periodLabel(made.from, made.to)}）${issues ? `，有${made.gaps.length}处空缺、${made.warnings.length}条提醒` : '，没有空缺'}`}>
      {issues > 0 && (
        <Stack gap={3}>
          {made.gaps.map((g) => <Text key={`${g.date}${g.role}`} size="sm"><b>{formatDate(g.date)} {g.role}空缺：</b>{g.reason}</Text>)}
          {made.warnings.map((w) => (
            <Group key={`${w.date}${w.message}`} gap={6} wrap="nowrap" align="flex-start"><RuleBadge rule={w.rule} color="orange" /><Text size="sm">{w.message}</Text></Group>
          ))}
        </Stack>
      )}
      {!issues && <Text size="sm">请核对后发布。</Text>}
    </Alert>
  )
}
