import { useState } from 'react'
import { Tabs } from '@mantine/core'
import { useQuery } from '../../api/client'
import { PageHeader } from '../../components/PageHeader'
import { ErrorAlert } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { LeadersTab } from './LeadersTab'
import { DepartmentsTab } from './DepartmentsTab'
import { PeopleTab } from './PeopleTab'
import { HoldingsTab } from './HoldingsTab'

/** 组织机构 (R-P1): who holds which post, who is in charge of what, who is whose AB角. */
export function OrgPage() {
  const org = useQuery('org.overview', {})
  const [tab, setTab] = useState<string | null>('leaders')

  return (
    <>
      <PageHeader title="组织机构"
        description={org.data?.hasDemo ? '领导分管、AB角、各单位岗位与人员。当前含系统自带的演示数据（标有“演示”），管理员可在“设置”中一次删除。' : '领导分管、AB角、各单位岗位与人员。'} />
      <ErrorAlert error={org.error} />
      {!org.data ? (org.loading && <Loading />) : (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="leaders">市政府领导</Tabs.Tab>
            <Tabs.Tab value="departments">单位与人员</Tabs.Tab>
            <Tabs.Tab value="people">人员</Tabs.Tab>
            <Tabs.Tab value="holdings">任职记录</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="leaders"><LeadersTab org={org.data} /></Tabs.Panel>
          <Tabs.Panel value="departments"><DepartmentsTab org={org.data} /></Tabs.Panel>
          <Tabs.Panel value="people"><PeopleTab org={org.data} /></Tabs.Panel>
          <Tabs.Panel value="holdings"><HoldingsTab org={org.data} /></Tabs.Panel>
        </Tabs>
      )}
    </>
  )
}
