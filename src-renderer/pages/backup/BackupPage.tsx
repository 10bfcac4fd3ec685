import { useCallback, useState } from 'react'
import { Button, Stack, Text } from '@mantine/core'
import { useMutation, useQuery } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorAlert, Feedback } from '../../components/Feedback'
import { PageHeader } from '../../components/PageHeader'
import { Section } from '../../components/Section'
import { formatDateTime } from '../../lib/format'
import { BackupList, type BackupRow } from './BackupList'
import { DiskSpaceLine } from './DiskSpace'
import { JobProgress } from './JobProgress'
import { MoveSection } from './MoveSection'
import { ScheduleForm } from './ScheduleForm'
import { useBackupJob } from './useBackupJob'

/** 备份与恢复 (系统管理员): online backups, their schedule and rotation, restore, and moving to a new PC. */
export function BackupPage() {
  const list = useQuery('backup.list', {})
  const reload = useCallback(() => list.reload(), [list.reload])
  const job = useBackupJob(reload)
  const busy = !!job.running
  const start = useMutation('backup.start')
  const restore = useMutation('backup.restore')
  const remove = useMutation('backup.delete', { success: (r) => `已删除备份「${r.deleted}」` })
  const [restoring, setRestoring] = useState<BackupRow | null>(null)
  const [deleting, setDeleting] = useState<BackupRow | null>(null)

  const backUp = async () => { const j = await start.mutate({}); if (j) job.follow(j) }
  const confirmRestore = async () => {
    const j = await restore.mutate({ name: restoring!.name })
    setRestoring(null)
    if (j) job.follow(j)
  }
  const confirmDelete = async () => {
    await remove.mutate({ name: deleting!.name })
    setDeleting(null)
    reload()
  }

  return (
    <Stack gap="md">
      <PageHeader title="备份与恢复" description="备份在程序使用中进行（SQLite 在线备份，不是复制文件），包括数据库和全部附件，每份备份完成后都经过完整性检查和校验值核对。" />
      <ErrorAlert error={list.error} />
      <Section title="备份" description={list.data ? `备份文件夹：${list.data.folder}` : undefined}
        actions={<Button onClick={() => void backUp()} disabled={busy} loading={start.busy}>立即备份</Button>}>
        <Stack gap="sm">
          <DiskSpaceLine />
          <JobProgress running={job.running} last={job.last} />
          <Feedback state={start} />
          <Feedback state={restore} />
          <Feedback state={remove} />
          {list.data && <BackupList backups={list.data.backups} busy={busy} onRestore={setRestoring} onDelete={setDeleting} />}
        </Stack>
      </Section>
      {list.data && <ScheduleForm settings={list.data.settings} folder={list.data.folder} onSaved={reload} />}
      <MoveSection busy={busy} onStarted={job.follow} />

      <ConfirmDialog opened={!!restoring} title="用备份恢复" confirmLabel="校验并恢复" danger busy={restore.busy}
        onConfirm={() => void confirmRestore()} onCancel={() => setRestoring(null)}>
        <Stack gap="xs">
          <Text size="sm">将用 {formatDateTime(restoring?.createdAt)} 的备份（{restoring?.kind}）替换当前的全部数据和附件：</Text>
          <Text size="sm">1. 先校验这份备份（完整性检查、校验值），不通过则不作任何改动；</Text>
          <Text size="sm">2. 把当前数据另存为一个“恢复前”备份，需要时还可以恢复回来；</Text>
          <Text size="sm">3. 替换数据。此后录入的内容不会出现在恢复后的系统中。完成后所有用户（包括您）都会退出，需要重新登录。</Text>
        </Stack>
      </ConfirmDialog>
      <ConfirmDialog opened={!!deleting} title="删除备份" confirmLabel="删除" danger busy={remove.busy}
        onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(null)}>
        <Text size="sm">删除 {formatDateTime(deleting?.createdAt)} 的备份（{deleting?.kind}）？删除后不能用它恢复。</Text>
      </ConfirmDialog>
    </Stack>
  )
}
