import { useState } from 'react'
import { Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useMutation } from '../../api/client'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Feedback } from '../../components/Feedback'
import { Section } from '../../components/Section'
import type { BackupJob } from './useBackupJob'

/** 导出全部数据 / 导入: the whole office in one file, to carry to a new PC. Paths are on the server's PC. */
export function MoveSection({ busy, onStarted }: { busy: boolean; onStarted: (job: BackupJob) => void }) {
  const [folder, setFolder] = useState('')
  const [file, setFile] = useState('')
  const [confirming, setConfirming] = useState(false)
  const exporting = useMutation('backup.export')
  const importing = useMutation('backup.import')
  const startImport = async () => {
    const job = await importing.mutate({ file })
    setConfirming(false)
    if (job) onStarted(job)
  }
  return (
    <Section title="迁移到新电脑" description="导出得到一个文件（数据库和全部附件）；在新电脑上安装三办、用原来的密钥文件启动后，在这里导入。">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <TextInput style={{ flex: 1 }} label="导出到的文件夹" description="本机上的完整路径，如移动硬盘；留空为备份文件夹" value={folder} onChange={(e) => setFolder(e.currentTarget.value)} />
          <Button disabled={busy} loading={exporting.busy}
            onClick={() => void exporting.mutate(folder.trim() ? { folder: folder.trim() } : {}).then((job) => { if (job) onStarted(job) })}>导出全部数据</Button>
        </Group>
        <Feedback state={exporting} />
        <Group align="flex-end" gap="sm">
          <TextInput style={{ flex: 1 }} label="导入文件" description="导出的 .tar 文件在本机上的完整路径" value={file} onChange={(e) => setFile(e.currentTarget.value)} />
          <Button color="red" variant="light" disabled={busy || !file.trim()} onClick={() => setConfirming(true)}>导入</Button>
        </Group>
        <Feedback state={importing} />
      </Stack>
      <ConfirmDialog opened={confirming} title="导入全部数据" confirmLabel="校验并导入" danger busy={importing.busy}
        onConfirm={() => void startImport()} onCancel={() => setConfirming(false)}>
        <Text size="sm">
          导入会用该文件中的数据和附件替换本机的全部数据。先校验文件，校验不通过则不作任何改动；通过后先把本机现有数据另存为一个“导入前”备份，再替换。
          完成后所有用户都会退出，需用原单位的账户和密码重新登录。
        </Text>
      </ConfirmDialog>
    </Section>
  )
}
