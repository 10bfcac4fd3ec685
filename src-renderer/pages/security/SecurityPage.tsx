import { Stack } from '@mantine/core'
import { PageHeader } from '../../components/PageHeader'
import { ClearanceSection } from './ClearanceSection'
import { SecuritySettingsForm } from './SecuritySettingsForm'

/** 安全保密 (安全保密管理员): clearances, the approved classification, password and lockout rules. */
export function SecurityPage() {
  return (
    <>
      <PageHeader title="安全保密" description="人员密级、系统最高密级、密码与锁定规则。所有修改记入审计日志，由安全审计员审查。" />
      <Stack gap="md">
        <ClearanceSection />
        <SecuritySettingsForm />
      </Stack>
    </>
  )
}
