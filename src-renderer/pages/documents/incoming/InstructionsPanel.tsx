import { useEffect, useMemo, useState } from 'react'
import { Badge, Button, Group, SegmentedControl, Stack, Table, Text, Textarea } from '@mantine/core'
import { useMutation, useQuery } from '../../../api/client'
import { fieldError } from '../../../components/FormModal'
import { RuleBadge } from '../../../components/RuleBadge'
import { Section } from '../../../components/Section'
import { formatDate, todayIso } from '../../../lib/format'
import { PeopleMultiSelect, PersonSelect } from '../../../components/PersonSelect'
import type { OrgOverview } from '../../org/model'
import { InstructionFollowUpModal } from './InstructionFollowUpModal'
import { RuleRefusal, RuleWarning } from './RuleRefusal'
import { INCOMING_CHANGES, type Incoming, type Instruction } from './model'
import { Can } from '../../../components/Can'
import { useCan } from '../../../lib/session'
import { OfficeDateInput } from '../../../components/OfficeDateInput'
import { actingDay, useRouteOn } from './route'
import { cite } from '../../../../src-main/common/rules'

const STATE_COLOR: Record<Instruction['state'], string> = { 已批示: 'green', 已圈阅: 'green', 在此处: 'orange', 待送阅: 'gray' }

/**
 * 送批/传阅 and 批示 (R-D4, X-2): send to one or more leaders in turn (the route's leader first), record the
 * 批示 or 圈阅 of the leader whose turn it is (or whoever acts for them that day), every opinion kept with
 * name and full date, and where the document is now. A 批示 can become a 督办 item (R-S1).
 */
export function InstructionsPanel({ doc, org }: { doc: Incoming; org: OrgOverview | undefined }) {
  const [following, setFollowing] = useState<Instruction | null>(null)
  const instructed = doc.instructions.filter((i) => i.kind === '批示').map((i) => i.id)
  const followUps = useQuery('followups.counts', instructed.length ? { source: '领导批示', sourceIds: instructed } : null)
  const can = useCan()
  const sending = can('incoming.send') && doc.status === '已拟办'
  const turn = can('incoming.instruct') && doc.status === '批示中' && doc.location.step === '批示'
  if (!sending && doc.instructions.length === 0) return null
  const followed = (i: Instruction) => followUps.data?.[i.id] ?? 0

  return (
    <Section title="领导批示" description={<span>批示写明明确的意见、姓名和完整日期；圈阅请示视为同意，圈阅报告视为已阅 <RuleBadge rule="R-D4" /></span>}>
      <Stack gap="sm">
        {doc.instructions.length > 0 && (
          <Table withTableBorder striped aria-label="领导批示">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={52} style={{ whiteSpace: 'nowrap' }}>顺序</Table.Th>
                <Table.Th w={150}>领导</Table.Th>
                <Table.Th w={60}>方式</Table.Th>
                <Table.Th>意见</Table.Th>
                <Table.Th w={130}>日期</Table.Th>
                <Table.Th w={80}>状态</Table.Th>
                <Table.Th w={112} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {doc.instructions.map((i) => (
                <Table.Tr key={i.id} aria-label={`第${i.turn}位：${i.leaderName}`}>
                  <Table.Td>{i.turn}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{i.leaderName}<Text span size="xs" c="dimmed">（{i.leaderTitle}）</Text></Table.Td>
                  <Table.Td>{i.kind ?? ''}</Table.Td>
                  <Table.Td>
                    {i.kind === '圈阅' ? <Text size="sm">圈阅（{i.meaning}）</Text> : <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{i.opinion ?? ''}</Text>}
                    {i.actingFor && <Text size="xs" c="orange.8">代{i.actingFor}</Text>}
                    {i.state === '在此处' && i.arrivedOn && <Text size="xs" c="dimmed">{formatDate(i.arrivedOn)}送达</Text>}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(i.instructedOn)}</Table.Td>
                  <Table.Td><Badge size="sm" radius="sm" variant={i.state === '在此处' ? 'filled' : 'light'} color={STATE_COLOR[i.state]}>{i.state}</Badge></Table.Td>
                  <Table.Td>
                    {i.kind === '批示' && (followed(i) > 0
                      ? <Text size="xs" c="green.8" style={{ whiteSpace: 'nowrap' }}>已立项督办{followed(i)}项</Text>
                      : <Can do="followups.fromInstruction"><Button size="compact-xs" variant="subtle" onClick={() => setFollowing(i)}>转督办</Button></Can>)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {turn && <InstructForm doc={doc} org={org} />}
        {(sending || doc.status === '批示中') && <SendForm doc={doc} org={org} more={!sending} />}
      </Stack>
      <InstructionFollowUpModal opened={!!following} instruction={following} doc={doc} org={org}
        onClose={() => setFollowing(null)} onCreated={() => setFollowing(null)} />
    </Section>
  )
}

/** 送批: the leaders in the order they read it; the first defaults to whoever answers for the route's post that day. */
function SendForm({ doc, org, more }: { doc: Incoming; org: OrgOverview | undefined; more: boolean }) {
  const [open, setOpen] = useState(!more)
  const [leaderIds, setLeaderIds] = useState<number[]>([])
  const [sentOn, setSentOn] = useState<string | null>(todayIso())
  const [warnings, setWarnings] = useState<string[]>([])
  const send = useMutation('incoming.send', { invalidates: INCOMING_CHANGES })
  const info = doc.proposalInfo
  const route = useRouteOn(doc, sentOn ?? todayIso(), !more)
  const suggested = useMemo(() => {
    if (!info?.routePostId || route.asking) return null
    return route.answererId ?? org?.posts.find((p) => p.id === info.routePostId)?.holderId ?? null
  }, [info, route.asking, route.answererId, org])
  // The first leader follows the day's answer (another 送批日期 may have another acting leader) until the secretary picks.
  const [picked, setPicked] = useState(false)
  useEffect(() => { if (!more && suggested && !picked) setLeaderIds([suggested]) }, [suggested, more, picked])

  async function submit() {
    const d = await send.mutate({ id: doc.id, leaderIds, sentOn: sentOn ?? '' })
    if (d) { setWarnings(d.warnings); setLeaderIds([]); setOpen(false) }
  }
  const names = new Map((org?.people ?? []).map((p) => [p.id, p.name]))

  if (!open) {
    return (
      <Stack gap="xs">
        {warnings.map((w) => <RuleWarning key={w} text={w} />)}
        <Group justify="flex-end"><Button size="xs" variant="default" onClick={() => setOpen(true)}>续送其他领导传阅</Button></Group>
      </Stack>
    )
  }
  return (
    <Stack gap="sm" aria-label="送批">
      <Text fw={600} size="sm">{more ? '续送其他领导传阅' : '送领导批示'}</Text>
      {!more && route.acting && (
        <Text size="sm" c="orange.8">{actingDay(sentOn)}{route.acting.actingReason}；送批首位默认为{route.acting.actorName}。{route.acting.actingRule && <RuleBadge rule={route.acting.actingRule} />}</Text>
      )}
      <Group gap="sm" align="flex-start">
        <PeopleMultiSelect org={org} scope="leaders" label="送批领导（按传阅顺序选择）" required value={leaderIds} onChange={(ids) => { setPicked(true); setLeaderIds(ids) }}
          error={fieldError(send.error, 'leaderIds')} style={{ flex: 1 }} />
        <OfficeDateInput label="送批日期" required value={sentOn} onChange={setSentOn} maxDate={todayIso()} error={fieldError(send.error, 'sentOn')} w={180} />
      </Group>
      {leaderIds.length > 1 && <Text size="sm" c="dimmed">依次传阅：{leaderIds.map((id, i) => `${i + 1}. ${names.get(id) ?? ''}`).join('　')}</Text>}
      <RuleRefusal error={send.error && !fieldError(send.error, 'leaderIds') && !fieldError(send.error, 'sentOn') ? send.error : null} />
      <Group gap="xs" justify="flex-end">
        {more && <Button variant="default" onClick={() => setOpen(false)}>取消</Button>}
        <Button onClick={submit} loading={send.busy} disabled={leaderIds.length === 0}>{more ? '续送' : '送批'}</Button>
      </Group>
    </Stack>
  )
}

/** 登记批示: the leader whose turn it is (or whoever acts for them that day), 批示 with an opinion or 圈阅, and the date. */
function InstructForm({ doc, org }: { doc: Incoming; org: OrgOverview | undefined }) {
  const [leaderId, setLeaderId] = useState<number | null>(doc.location.leaderId)
  const [kind, setKind] = useState<'批示' | '圈阅'>('批示')
  const [opinion, setOpinion] = useState('')
  const [on, setOn] = useState<string | null>(todayIso())
  const instruct = useMutation('incoming.instruct', { invalidates: INCOMING_CHANGES })
  useEffect(() => { setLeaderId(doc.location.leaderId); setOpinion(''); setKind('批示') }, [doc.location.leaderId, doc.location.turn])
  const meaning = doc.docType === '报告' ? '已阅' : '同意'

  async function submit() {
    const d = await instruct.mutate({ id: doc.id, leaderId: leaderId ?? 0, kind, opinion: kind === '批示' ? opinion.trim() || null : opinion.trim() || null, instructedOn: on ?? '' })
    if (d) setOpinion('')
  }
  const err = (f: string) => fieldError(instruct.error, f)
  return (
    <Stack gap="sm" aria-label="登记批示" p="sm" style={{ border: '1px solid var(--mantine-color-orange-3)', borderRadius: 4 }}>
      <Group gap={6}>
        <Text fw={600} size="sm">登记第{doc.location.turn}位领导的批示</Text>
        <Text size="sm" c="dimmed">{doc.location.where}</Text>
      </Group>
      <Group gap="sm" align="flex-start">
        <PersonSelect org={org} scope="leaders" label="批示领导" required value={leaderId} onChange={setLeaderId} error={err('leaderId')} w={240}
          description="本人，或当日代行其职责的领导" />
        <Stack gap={4}>
          <Text size="sm" fw={500}>方式</Text>
          <SegmentedControl value={kind} onChange={(v) => setKind(v as '批示' | '圈阅')} data={[{ value: '批示', label: '批示' }, { value: '圈阅', label: `圈阅（${meaning}）` }]} aria-label="批示方式" />
        </Stack>
        <OfficeDateInput label="批示日期" required value={on} onChange={setOn} maxDate={todayIso()} error={err('instructedOn')} w={180} />
      </Group>
      {kind === '批示'
        ? <Textarea label="批示意见" required autosize minRows={2} value={opinion} onChange={(e) => setOpinion(e.currentTarget.value)} error={err('opinion')}
            placeholder="照录领导批示原文，如 同意。请市交通运输局抓紧办理，按时反馈。" />
        : <Text size="sm" c="dimmed">圈阅{doc.docType}，记为“{meaning}”（{cite('R-D4')}）。</Text>}
      <RuleRefusal error={instruct.error && !['leaderId', 'opinion', 'instructedOn'].some((f) => err(f)) ? instruct.error : null} />
      <Group justify="flex-end"><Button onClick={submit} loading={instruct.busy}>登记批示</Button></Group>
    </Stack>
  )
}
