import { SimpleGrid, Stack } from '@mantine/core'
import { PageHeader } from '../../components/PageHeader'
import { DemoDataSection } from './DemoDataSection'
import { DocumentSettingsForm } from './DocumentSettingsForm'
import { DutySettingsForm } from './DutySettingsForm'
import { MeetingTypesSection } from './MeetingTypesSection'
import { SystemSettingsForm } from './SystemSettingsForm'
import { UsersSection } from './UsersSection'

/** 设置 (管理员 only): the office's names, the accounts, the demo data. */
export function SettingsPage() {
  return (
    <>
      <PageHeader title="设置" description="系统设置、账户、演示数据、值班、公文和会议类别，仅管理员可用。所有修改记入审计日志。" />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
          <SystemSettingsForm />
          <DemoDataSection />
        </SimpleGrid>
        <UsersSection />
        <DutySettingsForm />
        <DocumentSettingsForm />
        <MeetingTypesSection />
      </Stack>
    </>
  )
}
