import { Tabs } from '@mantine/core'
import { PageHeader } from '../../components/PageHeader'
import { todayIso } from '../../lib/format'
import { navigate, useHashPath } from '../../lib/route'
import { ExclusionsTab } from './ExclusionsTab'
import { LogTab } from './LogTab'
import { RostersTab } from './RostersTab'
import { cite } from '../../../src-main/common/rules'

const TABS = ['rosters', 'log', 'exclusions'] as const

/**
 * 值班 (第七十三条, R-W1, X-4): rosters, the duty log with handovers, and dates people cannot take. Each has an address
 * (#/duty, #/duty/log, #/duty/exclusions) and so has an opened roster (#/duty/<id>): a reload reopens what was open.
 */
export function DutyPage() {
  const [, sub] = useHashPath()
  const rosterId = sub && /^\d+$/.test(sub) ? Number(sub) : null
  const tab = TABS.find((t) => t === sub) ?? 'rosters'
  const today = todayIso()
  return (
    <>
      <PageHeader title="值班" description={`法定节假日市领导带班和办公室24小时值班的排班、换班与值班记录（${cite('R-W1')}）。`} />
      <Tabs value={tab} onChange={(t) => navigate(t === 'rosters' || !t ? 'duty' : `duty/${t}`)} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="rosters">排班表</Tabs.Tab>
          <Tabs.Tab value="log">值班记录</Tabs.Tab>
          <Tabs.Tab value="exclusions">不排班日期</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="rosters"><RostersTab today={today} openId={rosterId} /></Tabs.Panel>
        <Tabs.Panel value="log"><LogTab today={today} /></Tabs.Panel>
        <Tabs.Panel value="exclusions"><ExclusionsTab today={today} /></Tabs.Panel>
      </Tabs>
    </>
  )
}
