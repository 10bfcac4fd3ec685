import { PageHeader } from '../../components/PageHeader'

/** 安全保密 (安全保密管理员): clearances, the approved classification, password and lockout rules. */
export function SecurityPage() {
  return <PageHeader title="安全保密" description="人员密级、系统最高密级、密码与锁定规则。" />
}
