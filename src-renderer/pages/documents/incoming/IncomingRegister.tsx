import { memo, useEffect, useMemo, useState } from 'react'
import { Badge, Checkbox, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery, type InputOf } from '../../../api/client'
import { byRank, isLeaderPost, postTitle } from '../../org/model'
import { useKeysetPages } from '../../../api/useKeysetPages'
import { ErrorAlert } from '../../../components/Feedback'
import { VirtualRegister, type RegisterColumn } from '../../../components/VirtualRegister'
import { formatDate, todayIso } from '../../../lib/format'
import { navigate } from '../../../lib/route'
import { DownloadButton } from '../../../components/DownloadButton'
import { STATUS_COLOR, type RegisterRow } from './model'
import { classificationMark } from '../../../../src-main/common/classification'
import { DOCUMENT_TYPES, INCOMING_STATES, incomingStatusText } from '../../../../src-main/common/documents'

type Filter = Omit<InputOf<'registers.incoming'>, 'after' | 'limit'>
const PAGE = 100
const NUM = { fontVariantNumeric: 'tabular-nums' } as const

/** The 办结时限 and, while open, how far it is — the figure the document's page shows. */
function Deadline({ r }: { r: RegisterRow }) {
  if (!r.deadline) return <Text span size="sm" c="dimmed">—</Text>
  const t = r.timing
  const tone = t?.state === '逾期' ? 'red.8' : t?.state === '临期' ? 'orange.8' : undefined
  const late = r.lateWork ? ' 承办逾期' : ''
  return (
    <Text span size="sm" c={tone ?? (r.lateWork ? 'red.8' : undefined)} fw={t?.state === '逾期' || r.lateWork ? 600 : undefined} style={NUM} title={`${t?.label ?? ''}${late}`}>
      {formatDate(r.deadline)}{t && t.state !== '正常' ? ` ${t.label}` : ''}{late}
    </Text>
  )
}

const COLUMNS: RegisterColumn<RegisterRow>[] = [
  { key: 'number', label: '收文号', width: '106px', render: (r) => <span style={NUM}>{r.number}</span> },
  { key: 'date', label: '收文日期', width: '104px', render: (r) => <span style={NUM}>{formatDate(r.receivedOn)}</span> },
  { key: 'sender', label: '来文机关', width: 'minmax(90px, 0.7fr)', render: (r) => <span title={r.sender}>{r.sender}</span> },
  { key: 'senderNumber', label: '来文字号', width: 'minmax(90px, 0.6fr)', render: (r) => <span title={r.senderNumber ?? ''}>{r.senderNumber ?? ''}</span> },
  { key: 'title', label: '标题', width: 'minmax(160px, 1.6fr)', render: (r) => <span title={r.title}>{r.title}</span> },
  { key: 'type', label: '文种', width: '40px', render: (r) => r.docType },
  { key: 'secret', label: '密级', width: '64px', render: (r) => classificationMark(r.classification, r.secrecyPeriod) ?? '' },
  { key: 'urgency', label: '紧急', width: '36px', render: (r) => (r.urgency === '无' ? '' : <Text span size="sm" c="red.8">{r.urgency}</Text>) },
  { key: 'status', label: '状态', width: '64px', render: (r) => <Badge size="sm" variant="light" radius="sm" color={STATUS_COLOR[r.status]}>{incomingStatusText(r.status, !!r.currentLeader)}</Badge> },
  { key: 'where', label: '当前位置', width: 'minmax(100px, 0.9fr)', render: (r) => <span title={r.where}>{r.where}</span> },
  { key: 'deadline', label: '办理时限', width: '132px', render: (r) => <Deadline r={r} /> },
]

/**
 * 收文登记簿: newest received first, filtered by year, status, 文种, overdue and words of the title, numbers or
 * sender (two characters are enough); pages of 100 are fetched by position (keyset) as the end comes into view.
 */
export function IncomingRegister() {
  const thisYear = Number(todayIso().slice(0, 4))
  const [year, setYear] = useState<string | null>(String(thisYear))
  const [status, setStatus] = useState<string | null>(null)
  const [docType, setDocType] = useState<string | null>(null)
  const [overdueOnly, setOverdueOnly] = useState(false)
  const [sender, setSender] = useState<string | null>(null)
  const [leaderId, setLeaderId] = useState<string | null>(null)
  const [departmentId, setDepartmentId] = useState<string | null>(null)
  const [text, setText] = useState('')
  const senders = useQuery('registers.incomingSenders', { year: year ? Number(year) : undefined })
  const org = useQuery('org.overview', {})
  const [debounced] = useDebouncedValue(text.trim(), 300)

  const filter = useMemo<Filter>(() => ({
    ...(year ? { year: Number(year) } : {}),
    ...(status ? { status: status as Filter['status'] } : {}),
    ...(docType ? { docType: docType as Filter['docType'] } : {}),
    ...(overdueOnly ? { overdueOnly: true } : {}),
    ...(sender ? { sender } : {}),
    ...(leaderId ? { leaderId: Number(leaderId) } : {}),
    ...(departmentId ? { departmentId: Number(departmentId) } : {}),
    ...(debounced ? { text: debounced } : {}),
  }), [year, status, docType, overdueOnly, sender, leaderId, departmentId, debounced])
  const names = new Map((org.data?.people ?? []).map((p) => [p.id, p.name]))
  const leaders = (org.data?.posts ?? []).filter(isLeaderPost).sort(byRank).filter((p) => p.holderId !== null)
    .map((p) => ({ value: String(p.holderId), label: `${names.get(p.holderId!) ?? ''}（${postTitle(p)}）` }))

  const [total, setTotal] = useState<number | null>(null)
  const years = useMemo(() => Array.from({ length: 11 }, (_, i) => String(thisYear + 1 - i)), [thisYear])
  const filtered = Object.keys(filter).some((k) => k !== 'year')

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" justify="space-between">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select label="年度" data={years.map((y) => ({ value: y, label: `${y}年` }))} value={year} onChange={setYear} clearable placeholder="全部年度" w={110} />
          <Select label="状态" data={INCOMING_STATES} value={status} onChange={setStatus} clearable placeholder="全部" w={110} />
          <Select label="文种" data={DOCUMENT_TYPES} value={docType} onChange={setDocType} clearable placeholder="全部" w={120} maxDropdownHeight={320} />
          <Select label="来文机关" data={(senders.data ?? []).map((x) => ({ value: x.sender, label: `${x.sender}（${x.count}）` }))} value={sender} onChange={setSender} clearable searchable placeholder="全部" w={200} />
          <Select label="批示领导" data={leaders} value={leaderId} onChange={setLeaderId} clearable searchable placeholder="全部" w={160} />
          <Select label="承办单位" data={(org.data?.departments ?? []).map((d) => ({ value: String(d.id), label: d.name }))} value={departmentId} onChange={setDepartmentId} clearable searchable placeholder="全部" w={180} />
          <TextInput label="查询" value={text} onChange={(e) => setText(e.currentTarget.value)} placeholder="标题、文号、来文机关中的字词" w={240} maxLength={100} />
          <Checkbox label="只看逾期" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} mb={8} />
        </Group>
        <Group gap="sm" align="center">
          {total !== null && <Text size="sm" c="dimmed" aria-label="收文件数">共{total}件</Text>}
          <DownloadButton name="registers.exportIncomingXlsx" input={filter} label="导出Excel" />
        </Group>
      </Group>
      <RegisterRows filter={filter} filtered={filtered} onTotal={setTotal} />
    </Stack>
  )
}

const openDocument = (r: RegisterRow) => navigate(`documents/incoming/${r.id}`)
const rowKey = (r: RegisterRow) => r.id

/**
 * The rows for one filter, apart from the filters above them: a page arriving while one scrolls redraws only
 * the rows (not eight dropdowns), and, as a child's effects run first, the register is the first request sent.
 */
const RegisterRows = memo(function RegisterRows({ filter, filtered, onTotal }: { filter: Filter; filtered: boolean; onTotal: (total: number | null) => void }) {
  const { rows, next, total, loading, error, more } = useKeysetPages('registers.incoming', filter, PAGE)
  useEffect(() => onTotal(total), [total, onTotal])
  return (
    <>
      <ErrorAlert error={error} />
      <VirtualRegister label="收文登记簿" columns={COLUMNS} rows={rows} rowKey={rowKey} hasMore={!!next} loading={loading}
        onEndReached={more} onRowClick={openDocument}
        empty={filtered ? '没有符合条件的收文' : '还没有收文，点“登记收文”登记第一件'} height={520} />
    </>
  )
})
