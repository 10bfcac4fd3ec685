import { useEffect, useMemo, useRef, useState } from 'react'
import { Alert, Button, Checkbox, Group, Paper, Select, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core'
import { useMutation, useQuery } from '../../../api/client'
import { fieldError } from '../../../components/FormModal'
import { RuleBadge } from '../../../components/RuleBadge'
import { Section } from '../../../components/Section'
import { formatDate, todayIso } from '../../../lib/format'
import { useSession } from '../../../lib/session'
import { byRank, isLeaderPost, postTitle, type OrgOverview } from '../../org/model'
import { RuleRefusal } from './RuleRefusal'
import { INCOMING_CHANGES, type Incoming, type Route } from './model'
import { useCan } from '../../../lib/session'
import { OfficeDateInput } from '../../../components/OfficeDateInput'
import { useRouteOn } from './route'
import { TimingBadge } from '../../../components/TimingBadge'
import { urgencyText } from '../../../../src-main/common/documents'
import { cite } from '../../../../src-main/common/rules'

/** '拟请陈立新副市长阅示。' — the office's usual wording, naming the leader the route goes to. */
export function defaultProposal(route: Route | undefined, docType: string): string {
  if (!route) return ''
  const verb = docType === '请示' ? '阅示' : docType === '报告' ? '阅' : '阅示'
  const name = route.holderName ?? ''
  if (route.acting && route.actorName) return `拟请${route.actorName}同志（代${name}${route.postTitle}）${verb}。`
  return `拟请${name}${route.postTitle}${verb}。`
}

/** The route the rules propose (R-D3), who answers on the day (R-P2/R-P3) and why. */
export function RouteCard({ route }: { route: Route }) {
  return (
    <Paper withBorder p="sm" bg="gray.0" aria-label="建议批示领导">
      <Group gap={6} wrap="wrap" align="center">
        <Text size="sm" fw={600}>按规则报：{route.postTitle}{route.holderName ? ` ${route.holderName}` : '（空缺）'}</Text>
        {route.rules.map((r) => <RuleBadge key={r} rule={r} />)}
      </Group>
      {route.acting && route.actorName && (
        <Text size="sm" c="orange.8" mt={4}>今日由{route.actorName}代行（{route.actingReason}）</Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>{route.reason}</Text>
    </Paper>
  )
}

/**
 * 拟办 (R-D3, R-D7): the route the rules propose — the 分管副市长, the 市长 for a major matter, the 秘书长/副秘书长 for
 * one department's remit — with who acts on the day, the 拟办意见, and the time limit (default by urgency).
 * May be rewritten until the document is sent to a leader.
 */
export function ProposePanel({ doc, org }: { doc: Incoming; org: OrgOverview | undefined }) {
  const { user, settings } = useSession()
  const [editing, setEditing] = useState(false)
  const may = useCan()('incoming.propose')
  const open = may && ((doc.status === '已登记' && !!doc.review) || (doc.status === '已拟办' && editing))
  const info = doc.proposalInfo
  // Until 送批, the summary says who answers for the leader today, so nobody sends it to a leader who is away.
  const today = useRouteOn(doc, todayIso(), doc.status === '已拟办')

  if (!open) {
    if (!info) return null
    return (
      <Section title="拟办意见" description={<span>办公室拟办，按规则报领导批示 <RuleBadge rule="R-D3" /></span>}
        actions={may && doc.status === '已拟办' ? <Button size="xs" variant="default" onClick={() => setEditing(true)}>修改拟办意见</Button> : undefined}>
        <Stack gap={4} aria-label="拟办意见">
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{info.text}</Text>
          <Text size="sm" c="dimmed">拟办人：{info.proposedBy}　{formatDate(info.proposedOn)}　批示领导：{info.routePostTitle ?? ''}{info.routeHolderName ?? ''}（{info.route}）</Text>
          {today.acting && <Text size="sm" c="orange.8">今日{today.acting.actingReason}，送批时首位为{today.acting.actorName}。</Text>}
          {doc.deadline && (
            <Group gap={6}>
              <Text size="sm">办结时限：{formatDate(doc.deadline)}</Text>
              {doc.deadlineTiming && <TimingBadge timing={doc.deadlineTiming} />}
              <RuleBadge rule="R-D7" />
            </Group>
          )}
        </Stack>
      </Section>
    )
  }
  return <ProposeForm doc={doc} org={org} proposer={user.displayName} days={settings?.handlingWorkingDays[doc.urgency]}
    onCancel={doc.status === '已拟办' ? () => setEditing(false) : undefined} onChanged={() => setEditing(false)} />
}

function ProposeForm({ doc, org, proposer, days, onCancel, onChanged }: {
  doc: Incoming
  org: OrgOverview | undefined
  proposer: string
  days: number | undefined
  onCancel?: () => void
  onChanged: () => void
}) {
  const initialRoute = doc.proposalInfo?.route
  const [major, setMajor] = useState(initialRoute === '市长')
  const [withinOne, setWithinOne] = useState(initialRoute === '秘书长')
  const [secretaryPostId, setSecretary] = useState<string | null>(initialRoute === '秘书长' && doc.proposalInfo?.routePostId ? String(doc.proposalInfo.routePostId) : null)
  const [routePostId, setRoutePostId] = useState<string | null>(null)
  const [proposedOn, setProposedOn] = useState<string | null>(todayIso())
  const [proposedBy, setProposedBy] = useState(doc.proposalInfo?.proposedBy ?? proposer)
  const [text, setText] = useState(doc.proposalInfo?.text ?? '')
  const edited = useRef(!!doc.proposalInfo?.text)
  const [ownDeadline, setOwnDeadline] = useState(false)
  const [deadline, setDeadline] = useState<string | null>(doc.deadline)
  const propose = useMutation('incoming.propose', { invalidates: INCOMING_CHANGES })

  const route = useQuery('incoming.proposeRoute', {
    id: doc.id, major, withinOneDepartment: withinOne, secretaryPostId: withinOne && secretaryPostId ? Number(secretaryPostId) : null,
    ...(proposedOn ? { date: proposedOn } : {}),
  })
  const r = route.error ? undefined : route.data

  const posts = useMemo(() => (org?.posts ?? []).filter(isLeaderPost).sort(byRank), [org])
  const secretaries = posts.filter((p) => p.kind === '秘书长' || p.kind === '副秘书长')
    .map((p) => ({ value: String(p.id), label: `${postTitle(p)} ${p.holderName ?? '（空缺）'}` }))
  const leaders = posts.map((p) => ({ value: String(p.id), label: `${postTitle(p)} ${p.holderName ?? '（空缺）'}` }))
  const chosen = posts.find((p) => String(p.id) === routePostId)

  // The 拟办意见 follows the route until the clerk writes their own.
  useEffect(() => {
    if (edited.current) return
    if (r) setText(defaultProposal(r, doc.docType))
    else if (chosen) setText(`拟请${chosen.holderName ?? ''}${chosen.title}阅示。`)
  }, [r, chosen, doc.docType])

  async function submit() {
    const d = await propose.mutate({
      id: doc.id, proposal: text.trim(), proposedBy: proposedBy.trim(), proposedOn: proposedOn ?? '',
      major, withinOneDepartment: withinOne, secretaryPostId: withinOne && secretaryPostId ? Number(secretaryPostId) : null,
      routePostId: !r && routePostId ? Number(routePostId) : null,
      deadline: ownDeadline ? deadline : null,
    })
    if (d) onChanged()
  }
  const err = (f: string) => fieldError(propose.error, f)
  const urgencyName = urgencyText(doc.urgency)

  return (
    <Section title="拟办" description={`办公室提出拟办意见，按规则报分管副市长；重大事项报市长；属一个部门职责范围的由秘书长或副秘书长批示（${cite('R-D3')}）。`}>
      <Stack gap="sm" aria-label="拟办">
        <Group gap="xl">
          <Switch label="重大事项（报市长）" checked={major} onChange={(e) => { setMajor(e.currentTarget.checked); if (e.currentTarget.checked) setWithinOne(false) }} />
          <Switch label="属一个部门职责范围（报秘书长或副秘书长）" checked={withinOne}
            onChange={(e) => { setWithinOne(e.currentTarget.checked); if (e.currentTarget.checked) setMajor(false) }} />
          {withinOne && (
            <Select aria-label="秘书长或副秘书长" data={secretaries} value={secretaryPostId} onChange={setSecretary} placeholder="秘书长" clearable w={220} size="xs" />
          )}
        </Group>
        {r && <RouteCard route={r} />}
        {route.error && (
          <Stack gap={6}>
            <Alert color="orange" variant="light" py="xs">
              <Text size="sm" lh={1.5}>{route.error.message}</Text>
            </Alert>
            <Select label="批示领导" required data={leaders} value={routePostId} onChange={setRoutePostId} error={err('routePostId')}
              comboboxProps={{ withinPortal: true }} w={320} />
          </Stack>
        )}
        <Textarea label="拟办意见" required autosize minRows={2} value={text} error={err('proposal')}
          onChange={(e) => { edited.current = true; setText(e.currentTarget.value) }} />
        <Group gap="sm" align="flex-start">
          <TextInput label="拟办人" required value={proposedBy} onChange={(e) => setProposedBy(e.currentTarget.value)} error={err('proposedBy')} w={160} />
          <OfficeDateInput label="拟办日期" required value={proposedOn} onChange={setProposedOn} maxDate={todayIso()} error={err('proposedOn')} w={180} />
          <Stack gap={4}>
            <Checkbox label="另定办结时限" checked={ownDeadline} onChange={(e) => setOwnDeadline(e.currentTarget.checked)} mt={26} />
          </Stack>
          {ownDeadline && (
            <OfficeDateInput label="办结时限" required value={deadline} onChange={setDeadline} minDate={proposedOn ?? undefined} error={err('deadline')} w={180} />
          )}
        </Group>
        <Group gap={6}>
          <RuleBadge rule="R-D7" />
          <Text size="xs" c="dimmed">
            {ownDeadline ? '办结时限由办公室另定。' : `办结时限默认为${urgencyName}件${days ?? ''}个工作日，自拟办日期起算（设置—办理时限）；保存后显示具体日期。`}
          </Text>
        </Group>
        <RuleRefusal error={propose.error && !['proposal', 'proposedBy', 'proposedOn', 'deadline', 'routePostId'].some((f) => err(f)) ? propose.error : null} />
        <Group gap="xs" justify="flex-end">
          {onCancel && <Button variant="default" onClick={onCancel}>取消</Button>}
          <Button onClick={submit} loading={propose.busy}>保存拟办意见</Button>
        </Group>
      </Stack>
    </Section>
  )
}
