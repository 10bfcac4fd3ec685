import { Alert, Progress, Stack, Text } from '@mantine/core'
import { formatDateTime } from '../../lib/format'
import type { BackupJob } from './useBackupJob'

/** The progress bar of the running job, or the outcome of the last one. */
export function JobProgress({ running, last }: { running: BackupJob | null; last: BackupJob | null }) {
  if (running) {
    return (
      <Stack gap={4}>
        <Text size="sm">正在{running.action}：{running.phase}（{running.percent}%）</Text>
        <Progress value={running.percent} size="lg" striped animated aria-label={`${running.action}进度`} />
      </Stack>
    )
  }
  if (!last) return null
  const ok = last.state === 'done'
  return (
    <Alert color={ok ? 'green' : 'red'} variant="light" role={ok ? 'status' : 'alert'} py="xs"
      title={`${last.action}${ok ? '完成' : '未完成'}（${formatDateTime(last.finishedAt)}${last.by ? `，${last.by}` : '，定时'}）`}>
      {last.message}
    </Alert>
  )
}
