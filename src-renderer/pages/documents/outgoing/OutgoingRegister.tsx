import { useMemo, useState } from 'react'
import { Badge, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useQuery, type InputOf } from '../../../api/client'
import { useKeysetPages } from '../../../api/useKeysetPages'
import { ErrorAlert } from '../../../components/Feedback'
import { VirtualRegister, type RegisterColumn } from '../../../components/VirtualRegister'
import { formatDate, todayIso } from '../../../lib/format'
import { navigate } from '../../../lib/route'
import { DownloadButton } from '../../../components/DownloadButton'
import { STATUS_COLOR, statusText, type RegisterRow } from './model'
import { classificationMark } from '../../../../src-main/common/classification'
import { OUTGOING_STATES } from '../../../../src-main/common/documents'

type Filter = Omit<InputOf<'registers.outgoing'>, 'after' | 'limit'>
const PAGE = 100
const NUM = { fontVariantNumeric: 'tabular-nums' } as const

const COLUMNS: RegisterColumn<RegisterRow>[] = [
  { key: 'number', label: '发文字号', width: '170px', render: (r) => r.numberText ?? <Text span size="sm" c="dimmed">（签发后编号）</Text> },
  { key: 'date', label: '日期', width: '118px', render: (r) => <span style={NUM}>{formatDate(r.date)}</span> },
  { key: 'title', label: '标题', width: 'minmax(240px, 1fr)', render: (r) => <span title={r.title}>{r.title}</span> },
  { key: 'type', label: '文种', width: '56px', render: (r) => r.docType },
  { key: 'secret', label: '密级', width: '84px', render: (r) => classificationMark(r.classification, r.secrecyPeriod) ?? '' },
  { key: 'urgency', label: '紧急', width: '48px', render: (r) => (r.urgency === '无' ? '' : <Text span size="sm" c="red.8">{r.urgency}</Text>) },
  {
    key: 'status', label: '状态', width: '76px',
    render: (r) => { const s = statusText(r.status, r.dispatchedOn); return <Badge size="sm" variant="light" radius="sm" color={STATUS_COLOR[s]}>{s}</Badge> },
  },
  { key: 'signer', label: '签发人', width: '72px', render: (r) => r.signerName ?? '' },
]

/**
 * 发文登记簿: newest drafted first, filtered by year, status, 代字 and words of the title, 字号 or 主送;
 * pages of 100 are fetched by position (keyset) as the end of the list comes into view.
 */
export function OutgoingRegister() {
  const thisYear = Number(todayIso().slice(0, 4))
  const [year, setYear] = useState<string | null>(String(thisYear))
  const [status, setStatus] = useState<string | null>(null)
  const [series, setSeries] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [debounced] = useDebouncedValue(text.trim(), 300)
  const usedSeries = useQuery('registers.outgoingSeries', {})
  const settings = useQuery('settings.get', {})

  const filter = useMemo<Filter>(() => ({
    ...(year ? { year: Number(year) } : {}),
    ...(status ? { status: status as Filter['status'] } : {}),
    ...(series ? { series } : {}),
    ...(debounced ? { text: debounced } : {}),
  }), [year, status, series, debounced])

  const { rows, next, total, loading, error, more } = useKeysetPages('registers.outgoing', filter, PAGE)

  const years = useMemo(() => Array.from({ length: 11 }, (_, i) => String(thisYear + 1 - i)), [thisYear])
  const seriesCodes = useMemo(
    () => [...new Set([...(settings.data?.documentSeries ?? []).map((s) => s.code), ...(usedSeries.data ?? [])])],
    [settings.data, usedSeries.data],
  )

  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" justify="space-between">
        <Group gap="sm" align="flex-end">
          <Select label="年度" data={years.map((y) => ({ value: y, label: `${y}年` }))} value={year} onChange={setYear} clearable placeholder="全部年度" w={120} />
          <Select label="状态" data={[...OUTGOING_STATES]} value={status} onChange={setStatus} clearable placeholder="全部" w={120} />
          <Select label="机关代字" data={seriesCodes} value={series} onChange={setSeries} clearable placeholder="全部" w={130} />
          <TextInput label="查询" value={text} onChange={(e) => setText(e.currentTarget.value)} placeholder="标题、字号、主送机关中的字词" w={260} maxLength={100} />
        </Group>
        <Group gap="sm" align="center">
          {total !== null && <Text size="sm" c="dimmed" aria-label="发文件数">共{total}件</Text>}
          <DownloadButton name="registers.exportOutgoingXlsx" input={filter} label="导出Excel" />
        </Group>
      </Group>
      <ErrorAlert error={error} />
      <VirtualRegister label="发文登记簿" columns={COLUMNS} rows={rows} rowKey={(r) => r.id} hasMore={!!next} loading={loading}
        onEndReached={more} onRowClick={(r) => navigate(`documents/outgoing/${r.id}`)}
        empty={filter.text || filter.status || filter.series ? '没有符合条件的发文' : '还没有发文，点“拟稿”起草第一件'} height={520} />
    </Stack>
  )
}
