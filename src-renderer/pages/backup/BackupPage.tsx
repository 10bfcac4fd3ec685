import { PageHeader } from '../../components/PageHeader'

/** 备份与恢复 (系统管理员): built by the backup work of issue 6. */
export function BackupPage() {
  return <PageHeader title="备份与恢复" description="在线备份、定时备份、校验与恢复。" />
}
