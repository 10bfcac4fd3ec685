import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core'
import type { OutputOf } from '../../api/client'
import { formatDateTime, formatFileSize } from '../../lib/format'

export type BackupRow = OutputOf<'backup.list'>['backups'][number]

/** The backups in the backup folder, newest first, each with its check and the actions on it. */
export function BackupList({ backups, busy, onRestore, onDelete }: {
  backups: BackupRow[]
  busy: boolean
  onRestore: (b: BackupRow) => void
  onDelete: (b: BackupRow) => void
}) {
  if (backups.length === 0) return <Text c="dimmed" size="sm">备份文件夹中还没有备份。</Text>
  return (
    <Table striped highlightOnHover aria-label="备份列表" style={{ whiteSpace: 'nowrap' }}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>备份时间</Table.Th><Table.Th>类型</Table.Th><Table.Th>大小</Table.Th><Table.Th>附件</Table.Th>
          <Table.Th>校验</Table.Th><Table.Th>名称</Table.Th><Table.Th w={140}>操作</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.name}>
            <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
            <Table.Td>{b.kind}</Table.Td>
            <Table.Td>{b.checked ? formatFileSize(b.size) : '—'}</Table.Td>
            <Table.Td>{b.checked ? `${b.fileCount} 个${b.missingFiles ? `（${b.missingFiles} 个原件已损坏未备份）` : ''}` : '—'}</Table.Td>
            <Table.Td>
              {b.checked
                ? <Badge size="sm" variant="light" color={b.missingFiles ? 'orange' : 'green'}>已校验</Badge>
                : <Tooltip label={b.problem}><Badge size="sm" variant="light" color="red">不可用</Badge></Tooltip>}
            </Table.Td>
            <Table.Td><Text size="xs" c="dimmed">{b.name}</Text></Table.Td>
            <Table.Td>
              <Group gap={4} wrap="nowrap">
                <Button size="compact-sm" variant="light" disabled={busy || !b.checked} onClick={() => onRestore(b)}>恢复</Button>
                {b.keptBecause
                  ? <Tooltip label={b.keptBecause} multiline w={320}><Badge size="sm" variant="outline" color="gray">保留</Badge></Tooltip>
                  : <Button size="compact-sm" variant="subtle" color="red" disabled={busy} onClick={() => onDelete(b)}>删除</Button>}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
