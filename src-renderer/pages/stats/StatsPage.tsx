import { useState } from 'react'
import { Alert, Group, SegmentedControl, Select, Stack } from '@mantine/core'
import '@mantine/charts/styles.css'
import { PageHeader } from '../../components/PageHeader'
import { OfficeDateInput } from '../../components/OfficeDateInput'
import { DownloadButton } from '../../components/DownloadButton'
import { thisYear, todayIso } from '../../lib/format'
import { STAT_IDS } from '../../../src-main/common/stats'
import { periodOf, type PeriodChoice, type PeriodKind } from './period'
import { StatSection } from './StatSection'

const KINDS: PeriodKind[] = ['年度', '月份', '期间']

/** 统计 (issue 17): how the office is doing over a year, a month or a period — each figure a chart, a table and an Excel file. */
export function StatsPage() {
  const year = thisYear()
  const [choice, setChoice] = useState<PeriodChoice>(() => ({ kind: '月份', year, month: Number(todayIso().slice(5, 7)), from: null, to: null }))
  const set = (patch: Partial<PeriodChoice>) => setChoice((c) => ({ ...c, ...patch }))
  const period = periodOf(choice)
  const years = Array.from({ length: 12 }, (_, i) => String(year - i))
  return (
    <>
      <PageHeader title="统计" description="收发文、办理用时、按期率、督办、会议、建议提案、领导外出和值班的统计；每张图旁是它的表，可导出Excel。只计您的涉密等级可见的记录。" />
      <Group mb="md" gap="sm" align="end">
        <SegmentedControl data={KINDS} value={choice.kind} onChange={(v) => set({ kind: v as PeriodKind })} aria-label="统计期间" />
        {choice.kind !== '期间' && <Select label="年份" data={years} value={String(choice.year)} onChange={(v) => v && set({ year: Number(v) })} w={100} allowDeselect={false} />}
        {choice.kind === '月份' && <Select label="月份" data={Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1}月` }))}
          value={String(choice.month)} onChange={(v) => v && set({ month: Number(v) })} w={90} allowDeselect={false} />}
        {choice.kind === '期间' && <>
          <OfficeDateInput label="起始日期" value={choice.from} onChange={(v) => set({ from: v })} w={150} />
          <OfficeDateInput label="截止日期" value={choice.to} onChange={(v) => set({ to: v })} w={150} />
        </>}
        {choice.kind === '月份' && (
          <Group ml="auto"><DownloadButton name="stats.exportMonthlyReport" input={{ year: choice.year, month: choice.month }} label={`生成${choice.month}月督查通报（Word）`} /></Group>
        )}
      </Group>
      {'problem' in period ? <Alert color="orange">{period.problem}</Alert> : (
        <Stack gap="md">{STAT_IDS.map((id) => <StatSection key={id} id={id} period={period} />)}</Stack>
      )}
    </>
  )
}
