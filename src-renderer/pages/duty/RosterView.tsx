import { useState, type ReactNode } from 'react'
import { Alert, Badge, Button, Grid, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert, Feedback } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { RuleBadge } from '../../components/RuleBadge'
import { formatDate, formatDateTime, formatMonthDay, weekdayOf } from '../../lib/format'
import { SwapModal } from './SwapModal'
import { DownloadButton } from '../../components/DownloadButton'
import { DUTY_CHANGES, NOWRAP, periodLabel, type Duty, type RosterDetail } from './model'
import { ROLES_OF_ROSTER } from '../../../src-main/common/duty'
import { useCan, useSession } from '../../lib/session'

/** One roster: each day × role with names and phones, the fairness counts beside it, publishing, 换班 and gaps after publishing. */
export function RosterView({ id, onBack, onDeleted, draftNotice }: {
  id: number; onBack: () => void; onDeleted: () => void
  /** What 生成排班 returned, shown while the roster is still a draft. */
  draftNotice?: ReactNode
}) {
  const roster = useQuery('duty.get', { id })
  const [confirm, setConfirm] = useState<'publish' | 'delete' | null>(null)
  const [swapping, setSwapping] = useState(false)
  const publish = useMutation('duty.publish', { invalidates: DUTY_CHANGES, success: (r) => `已发布：${r.title}。发布后的调整、换班都会被记录。` })
  const remove = useMutation('duty.delete', { invalidates: ['duty.list', 'duty.today', 'home.today'] })
  const [swapNotice, setSwapNotice] = useState<string | null>(null)
  const can = useCan()
  const r = roster.data
  if (!r) return roster.error ? <Stack gap="sm"><ErrorAlert error={roster.error} /><Group><Button variant="default" size="xs" onClick={onBack}>返回列表</Button></Group></Stack> : <Loading />

  const draft = r.roster.status === '草稿'
  const roles = ROLES_OF_ROSTER[r.roster.kind]
  // R-W1: the leaders' roster shows the office's staff on duty beside each leader.
  const leaders = r.roster.kind === '领导带班'

  async function doPublish() {
    await publish.mutate({ id })
    setConfirm(null)
  }
  async function doDelete() {
    const ok = await remove.mutate({ id })
    setConfirm(null)
    if (ok !== undefined) onDeleted()
  }

  return (
    <Stack gap="sm">
      <Paper withBorder p="sm">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Button size="xs" variant="default" onClick={onBack}>返回列表</Button>
            <Title order={3}>{r.roster.title}</Title>
            <Badge size="md" radius="sm" variant={draft ? 'light' : 'filled'} color={draft ? 'yellow' : 'green'}>{r.roster.status}</Badge>
            <Text size="sm" c="dimmed" style={NOWRAP}>{periodLabel(r.roster.fromDate, r.roster.toDate)}{r.roster.publishedAt ? `，${formatDateTime(r.roster.publishedAt)}发布` : ''}</Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <DownloadButton name="duty.exportRosterDocx" input={{ id }} label="导出Word" />
            <DownloadButton name="duty.exportRosterXlsx" input={{ id }} label="导出Excel" />
            {can('duty.swap') && <Button size="xs" variant="light" onClick={() => { setSwapNotice(null); setSwapping(true) }}>换班</Button>}
            {draft && can('duty.delete') && <Button size="xs" variant="default" color="red" onClick={() => setConfirm('delete')}>删除草稿</Button>}
            {draft && can('duty.publish') && <Button size="xs" onClick={() => setConfirm('publish')}>发布</Button>}
          </Group>
        </Group>
      </Paper>
      {draft && draftNotice}
      {r.provisional && <Alert color="orange" variant="light" title="暂定" role="status" py="xs"><Text size="sm">{r.provisional}</Text></Alert>}
      <Feedback state={publish} />
      <ErrorAlert error={remove.error} onClose={remove.reset} />
      {swapNotice && <Alert color="green" variant="light" withCloseButton onClose={() => setSwapNotice(null)} role="status" py="xs">{swapNotice}</Alert>}
      {r.missing.length > 0 && (
        <Alert color="orange" variant="light" title={`有${r.missing.length}处尚未安排`} role="alert">
          <Text size="sm">{r.missing.map((m) => m.reason).join('；')}</Text>
        </Alert>
      )}
      {r.warnings.length > 0 && (
        <Alert color="red" variant="light" title="提醒" role="alert">
          <Stack gap={3}>{r.warnings.map((w) => <Group key={`${w.date}${w.message}`} gap={6} wrap="nowrap"><RuleBadge rule={w.rule} color="red" /><Text size="sm">{w.message}</Text></Group>)}</Stack>
        </Alert>
      )}
      {!draft && <GapsSection rosterId={id} />}

      <Grid gap="sm">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Paper withBorder p="sm">
            <Table striped withTableBorder withColumnBorders aria-label="排班表" verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={190}>日期</Table.Th>
                  {roles.map((role) => <Table.Th key={role}>{role}</Table.Th>)}
                  {leaders && <Table.Th>办公室值班人员</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {r.days.map((d) => (
                  <Table.Tr key={d.date} data-date={d.date} style={d.holiday ? { background: 'var(--mantine-color-red-0)' } : undefined}>
                    <Table.Td style={NOWRAP}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={d.holiday ? 600 : undefined}>{formatMonthDay(d.date)} {weekdayOf(d.date)}</Text>
                        {d.holiday && <Badge size="xs" radius="sm" color="red" variant="filled">{d.name ?? '节假日'}</Badge>}
                      </Group>
                    </Table.Td>
                    {roles.map((role) => <Table.Td key={role}><DutyCell duty={d.duties.find((x) => x.role === role)} /></Table.Td>)}
                    {leaders && <Table.Td><StaffCell staff={d.staff} /></Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="sm">
            <FairnessTable rows={r.fairness} />
            <ChangesList changes={r.changes} />
          </Stack>
        </Grid.Col>
      </Grid>

      <ConfirmDialog opened={confirm === 'publish'} title="发布值班表" confirmLabel="发布" busy={publish.busy}
        onConfirm={doPublish} onCancel={() => setConfirm(null)}>
        <Text size="sm">发布“{r.roster.title}”？发布后不能删除，此后的调整、换班和替班都会被记录（办公室工作惯例）。</Text>
      </ConfirmDialog>
      <ConfirmDialog opened={confirm === 'delete'} title="删除草稿" confirmLabel="删除" danger busy={remove.busy}
        onConfirm={doDelete} onCancel={() => setConfirm(null)}>
        <Text size="sm">删除草稿“{r.roster.title}”？</Text>
      </ConfirmDialog>
      {swapping && <SwapModal roster={r} onClose={() => setSwapping(false)}
        onDone={(record) => { setSwapping(false); setSwapNotice(`已记录：${record}`) }} />}
    </Stack>
  )
}

function DutyCell({ duty }: { duty: Duty | undefined }) {
  if (!duty) return <Text size="sm" c="orange.8">未安排</Text>
  const p = duty.person
  return (
    <div>
      <Text size="sm" fw={500}>{p?.name ?? `人员${duty.personId}`}{duty.post && <Text span size="xs" c="dimmed" fw={400}> {duty.post}</Text>}{p?.archivedOn && <Text span size="xs" c="dimmed" fw={400}>（已离任）</Text>}</Text>
      <Text size="xs" c="dimmed" style={NOWRAP}>{[p?.officePhone, p?.mobile].filter(Boolean).join(' / ') || '未登记电话'}</Text>
    </div>
  )
}

/** The office's staff on duty that day (R-W1), from the published office roster. */
function StaffCell({ staff }: { staff: RosterDetail['days'][number]['staff'] }) {
  if (!staff.length) return <Text size="xs" c="dimmed">办公室值班表尚未发布</Text>
  return (
    <Stack gap={0}>
      {staff.map((s) => <Text key={s.role} size="xs" style={NOWRAP}>{s.role} {s.person?.name ?? `人员${s.personId}`} {s.person?.mobile ?? ''}</Text>)}
    </Stack>
  )
}

/** 轮班统计: 平日, 周末 and 节假日 by the holiday calendar (a 调休 Saturday is a 平日), and the weighted total. */
function FairnessTable({ rows }: { rows: RosterDetail['fairness'] }) {
  const weight = useSession().settings?.dutyHolidayWeight ?? 2
  return (
    <Paper withBorder p="sm">
      <Title order={4} mb={4}>轮班统计</Title>
      <Text size="xs" c="dimmed" mb="xs">含此前已发布的值班表；按节假日安排区分平日、周末和节假日，节假日一天按{weight}天折算</Text>
      <Table striped withTableBorder aria-label="轮班统计" verticalSpacing={2}>
        <Table.Thead>
          <Table.Tr><Table.Th>班次</Table.Th><Table.Th>姓名</Table.Th><Table.Th ta="right">平日</Table.Th><Table.Th ta="right">周末</Table.Th><Table.Th ta="right">节假日</Table.Th><Table.Th ta="right">折算</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((f) => (
            <Table.Tr key={`${f.role}${f.personId}`}>
              <Table.Td style={NOWRAP}>{f.role}</Table.Td>
              <Table.Td style={NOWRAP}>{f.name}</Table.Td>
              <Table.Td ta="right" style={NOWRAP}>{f.workday}</Table.Td>
              <Table.Td ta="right" style={NOWRAP}>{f.weekend}</Table.Td>
              <Table.Td ta="right" style={NOWRAP}>{f.holiday}</Table.Td>
              <Table.Td ta="right" style={NOWRAP} fw={600}>{f.weighted}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}

function ChangesList({ changes }: { changes: RosterDetail['changes'] }) {
  if (!changes.length) return null
  return (
    <Paper withBorder p="sm" component="section" aria-label="变更记录">
      <Title order={4} mb="xs">变更记录</Title>
      <Stack gap={6}>
        {changes.map((c) => (
          <div key={c.id}>
            <Group gap={6}><Badge size="xs" radius="sm" variant="light">{c.kind}</Badge><Text size="xs" c="dimmed">{formatDateTime(c.at)}</Text></Group>
            <Text size="sm">{c.note}</Text>
          </div>
        ))}
      </Stack>
    </Paper>
  )
}

/** After publishing: duties whose person became unavailable, with the fairest replacements. */
function GapsSection({ rosterId }: { rosterId: number }) {
  const can = useCan()
  const gaps = useQuery('duty.gaps', { id: rosterId })
  const fill = useMutation('duty.setDuty', { invalidates: DUTY_CHANGES, success: '已调整，调整已记录。' })
  if (gaps.error) return <ErrorAlert error={gaps.error} />
  if (!gaps.data) return null
  if (!gaps.data.length) return fill.notice ? <Feedback state={fill} /> : null
  async function choose(date: string, role: Duty['role'], personId: number) {
    await fill.mutate({ rosterId, date, role, personId })
  }
  return (
    <Alert color="orange" variant="light" title={`发布后出现${gaps.data.length}处值班空缺，须另行安排`} role="alert">
      <Stack gap={6}>
        {gaps.data.map((g) => (
          <Group key={`${g.duty.date}${g.duty.role}`} gap={6} align="center">
            <Text size="sm">{g.reason}。{can('duty.setDuty') ? '建议：' : ''}</Text>
            {can('duty.setDuty') && g.suggestions.slice(0, 4).map((s) => (
              <Button key={s.personId} size="compact-xs" variant="light" loading={fill.busy}
                onClick={() => choose(g.duty.date, g.duty.role, s.personId)}>改由{s.name ?? `人员${s.personId}`}（已值{s.weighted}）</Button>
            ))}
            {can('duty.setDuty') && g.suggestions.length === 0 && <Text size="sm" c="dimmed">没有可替换的人员</Text>}
          </Group>
        ))}
        <Feedback state={fill} />
        <Text size="xs" c="dimmed">{formatDate(gaps.data[0].duty.date)}起的空缺按顺序列出；建议人选按该班次已值天数（折算）从少到多排列。</Text>
      </Stack>
    </Alert>
  )
}

