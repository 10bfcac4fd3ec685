import { Stack } from '@mantine/core'
import { SYSTEM_ADMIN } from '../../../src-main/common/roles'
import { hasRole, useSession } from '../../lib/session'
import { PageHeader } from '../../components/PageHeader'
import { DemoDataSection } from './DemoDataSection'
import { DocumentSettingsForm } from './DocumentSettingsForm'
import { DutySettingsForm } from './DutySettingsForm'
import { MeetingTypesSection } from './MeetingTypesSection'
import { SystemSettingsForm } from './SystemSettingsForm'
import { UsersSection } from './UsersSection'

/**
 * 设置: the 系统管理员 keeps the names and the accounts; the 科长 keeps the office's business
 * rules (值班、公文、会议类别) and the demo data. Each sees only their own (三员, X-5).
 */
export function SettingsPage() {
  const { user } = useSession()
  if (hasRole(user, SYSTEM_ADMIN)) {
    return (
      <>
        <PageHeader title="设置" description="本单位名称和账户。所有修改记入审计日志。" />
        <Stack gap="md">
          <SystemSettingsForm />
          <UsersSection />
        </Stack>
      </>
    )
  }
  return (
    <>
      <PageHeader title="设置" description="值班、公文和会议类别的业务规则，以及演示数据。所有修改记入审计日志。" />
      <Stack gap="md">
        <DutySettingsForm />
        <DocumentSettingsForm />
        <MeetingTypesSection />
        <DemoDataSection />
      </Stack>
    </>
  )
}
