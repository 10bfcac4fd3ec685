import { useState } from 'react'
import { Tabs } from '@mantine/core'
import { PageHeader } from '../../components/PageHeader'
import { todayIso } from '../../lib/format'
import { ExclusionsTab } from './ExclusionsTab'
import { LogTab } from './LogTab'
import { RostersTab } from './RostersTab'

/** 值班 (第七十三条, R-W1, X-4): rosters, the duty log with handovers, and dates people cannot take. */
export function DutyPage() {
  const [tab, setTab] = useState<string | null>('rosters')
  const today = todayIso()
  return (
    <>
      <PageHeader title="值班" description="法定节假日市领导带班和办公室24小时值班的排班、换班与值班记录（第七十三条）。" />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="rosters">排班表</Tabs.Tab>
          <Tabs.Tab value="log">值班记录</Tabs.Tab>
          <Tabs.Tab value="exclusions">不排班日期</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rosters"><RostersTab today={today} /></Tabs.Panel>
        <Tabs.Panel value="log"><LogTab today={today} /></Tabs.Panel>
        <Tabs.Panel value="exclusions"><ExclusionsTab today={today} /></Tabs.Panel>
      </Tabs>
    </>
  )
}
