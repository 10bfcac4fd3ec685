import { Alert, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery, type OutputOf } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { RuleBadge } from '../../components/RuleBadge'
import { formatDateWithWeekday, formatMonthDay } from '../../lib/format'
import { ActingText } from '../absences/ActingText'
import { KIND_COLOR, type AbsenceRow } from '../absences/model'
import { TodayDutyCard } from '../duty/TodayDutyCard'
import { UpcomingMeetingsCard } from '../meetings/UpcomingMeetingsCard'
import { DueSoonCard } from '../documents/DueSoonCard'
import { YearTurnPrompt } from '../calendar/YearTurnPrompt'
import { MyTodoCard } from '../todo/MyTodoCard'
import { cite } from '../../../src-main/common/rules'

type Today = OutputOf<'home.today'>
type Day = NonNullable<Today['day']>

const DAY_BADGE: Record<Day['type'], { color: string; variant: 'filled' | 'light' }> = {
  工作日: { color: 'zhengwu', variant: 'light' },
  周末: { color: 'gray', variant: 'light' },
  法定节假日: { color: 'red', variant: 'filled' },
  调休上班: { color: 'orange', variant: 'filled' },
}

/** 首页: today in the office — the date, whether the office works, which leaders are away and who acts for them. */
export function HomePage() {
  const today = useQuery('home.today', {})
  const t = today.data
  if (!t) return today.error ? <ErrorAlert error={today.error} /> : <Loading />

  const { clashes, warnings: gaps } = t
  const awayById = new Map(t.away.map((a) => [a.id, a]))
  const leaderIds = new Set(t.leaders.map((l) => l.holderId))
  const othersAway = t.away.filter((a) => !leaderIds.has(a.personId))
  const awayLeaders = t.leaders.filter((l) => l.away).length

  return (
    <Stack gap="sm">
      <Paper withBorder p="md">
        <Group justify="space-between" align="center" wrap="nowrap">
          <Group gap="md" align="center">
            <Title order={1} style={{ letterSpacing: '0.02em' }}>{formatDateWithWeekday(t.date)}</Title>
            {t.day && <DayBadge day={t.day} />}
          </Group>
          <Text size="sm" c="dimmed">
            市政府领导{t.leaders.length}位：在岗{t.leaders.filter((l) => l.holderId && !l.away).length}位，外出{awayLeaders}位
          </Text>
        </Group>
      </Paper>

      <MyTodoCard />

      <YearTurnPrompt prompt={t.holidayPrompt} />

      {clashes.length > 0 && (
        <Alert color="red" variant="filled" title="市长与常务副市长同时外出" role="alert">
          <Stack gap={2}>{clashes.map((w) => <Text key={w} size="sm">{w}</Text>)}</Stack>
        </Alert>
      )}
      {gaps.length > 0 && (
        <Alert color="orange" variant="light" title="外出报告与审批提醒" styles={{ root: { borderLeft: '4px solid var(--mantine-color-orange-6)' } }}>
          <Stack gap={3}>{gaps.map((w) => <WarningLine key={w} text={w} />)}</Stack>
        </Alert>
      )}

      <TodayDutyCard />

      <UpcomingMeetingsCard today={t.date} />

      <DueSoonCard />

      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs">
          <Title order={3}>市政府领导今日在岗情况</Title>
          <Text size="xs" c="dimmed">市长外出由常务副市长代行（{cite('R-P2')}）；副市长外出由AB角代行，AB角均外出由常务副市长代行（{cite('R-P3')}）</Text>
        </Group>
        <Table striped highlightOnHover withTableBorder aria-label="市政府领导今日在岗情况">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>职务</Table.Th>
              <Table.Th w={90}>姓名</Table.Th>
              <Table.Th w={80}>状态</Table.Th>
              <Table.Th w={230}>外出情况</Table.Th>
              <Table.Th>代行</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {t.leaders.map((l) => {
              const absence = l.away ? awayById.get(l.away.id) : undefined
              return (
                <Table.Tr key={l.postId} data-post={l.postTitle}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.postTitle}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{l.holderName ?? <Text span size="sm" c="dimmed">（空缺）</Text>}</Table.Td>
                  <Table.Td>
                    {!l.holderId ? <Badge size="sm" radius="sm" color="gray" variant="light">空缺</Badge>
                      : l.away ? <Badge size="sm" radius="sm" color="orange" variant="filled">外出</Badge>
                        : <Badge size="sm" radius="sm" color="green" variant="light">在岗</Badge>}
                  </Table.Td>
                  <Table.Td>{l.away && <AwayText kind={l.away.kind} destination={absence?.destination ?? null} until={l.away.endDate} />}</Table.Td>
                  <Table.Td><ActingText acting={l} /></Table.Td>
                </Table.Tr>
              )
            })}
            {t.leaders.length === 0 && (
              <Table.Tr><Table.Td colSpan={5}><Text size="sm" c="dimmed" ta="center" py="xs">尚未设置市政府领导岗位，请在“组织机构”中设置。</Text></Table.Td></Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>

      <Paper withBorder p="sm">
        <Title order={3} mb="xs">今日其他外出人员</Title>
        {othersAway.length === 0 ? <Text size="sm" c="dimmed">今天没有登记外出的单位、县（区）主要负责人。</Text> : <OthersTable rows={othersAway} />}
      </Paper>
    </Stack>
  )
}

function DayBadge({ day }: { day: Day }) {
  const { color, variant } = DAY_BADGE[day.type]
  const label = day.type === '法定节假日' ? `法定节假日 ${day.name ?? ''}` : day.type === '调休上班' ? `调休上班（${day.name ?? ''}）` : day.type
  return <Badge size="lg" radius="sm" color={color} variant={variant}>{label}{day.provisional ? '（暂定）' : ''}</Badge>
}

/** '出国 · 美国，至12月11日'. */
function AwayText({ kind, destination, until }: { kind: AbsenceRow['kind']; destination: string | null; until: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <Badge size="xs" radius="sm" color={KIND_COLOR[kind]} variant="light">{kind}</Badge>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{destination ?? '地点未填'}，至{formatMonthDay(until)}</Text>
    </Group>
  )
}

/** '张明远：R-P5：…' with the rule as a badge. */
function WarningLine({ text }: { text: string }) {
  const m = /^(.*?)：(R-[A-Z]\d+)：(.*)$/s.exec(text)
  if (!m) return <Text size="sm">{text}</Text>
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <RuleBadge rule={m[2]} color="orange" />
      <Text size="sm"><Text span size="sm" fw={600}>{m[1]}</Text>：{m[3]}</Text>
    </Group>
  )
}

function OthersTable({ rows }: { rows: readonly AbsenceRow[] }) {
  return (
    <Table striped highlightOnHover withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={90}>姓名</Table.Th>
          <Table.Th>职务</Table.Th>
          <Table.Th w={230}>外出情况</Table.Th>
          <Table.Th w={160}>请假对象</Table.Th>
          <Table.Th>代行</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{a.personName}</Table.Td>
            <Table.Td>{a.postTitle}</Table.Td>
            <Table.Td><AwayText kind={a.kind} destination={a.destination} until={a.endDate} /></Table.Td>
            <Table.Td>{a.reportedToNames.filter(Boolean).join('、') || <Text span size="sm" c="dimmed">未报告</Text>}</Table.Td>
            <Table.Td>{a.actingPersonName ?? <Text span size="sm" c="dimmed">—</Text>}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
