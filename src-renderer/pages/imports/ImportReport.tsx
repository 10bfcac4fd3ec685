import { Alert, Badge, Group, List, ScrollArea, Stack, Table, Text } from '@mantine/core'
import type { OutputOf } from '../../api/client'

export type Report = Awaited<OutputOf<'imports.check'>>

/** The dry run's (or the import's) outcome: the counts, the rows that cannot come in and why, the changes, a preview. */
export function ImportReport({ report, done }: { report: Report; done?: boolean }) {
  const verb = done ? '已' : '将'
  return (
    <Stack gap="sm">
      <Group gap="xs" aria-label="检查结果">
        <Text size="sm">共 {report.total} 行：</Text>
        <Badge color="green" variant="light">{verb}新增 {report.created} 条</Badge>
        <Badge color="blue" variant="light">{verb}更新 {report.updated} 条</Badge>
        <Badge color="gray" variant="light">已有且无变化 {report.unchanged} 条</Badge>
        <Badge color={report.refusedRows ? 'red' : 'gray'} variant="light">{done ? '未导入' : '不能导入'} {report.refusedRows} 行</Badge>
      </Group>
      {report.refused.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>{done ? '未导入的行（在文件中改正后可再导入同一文件：已导入的行不会重复）' : '不能导入的行（请在文件中改正后重新选择文件；其余的行不受影响）'}</Text>
          <ScrollArea.Autosize mah={260}>
            <Table withTableBorder striped verticalSpacing={2} aria-label="不能导入的行">
              <Table.Thead><Table.Tr><Table.Th w={70}>行号</Table.Th><Table.Th w={110}>列</Table.Th><Table.Th>原因</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {report.refused.map((r, i) => (
                  <Table.Tr key={i}><Table.Td>第{r.row}行</Table.Td><Table.Td>{r.column}</Table.Td><Table.Td>{r.reason}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {report.refused.length < report.refusedRows && <Text size="xs" c="dimmed">只列出前{report.refused.length}条</Text>}
        </Stack>
      )}
      {report.changes.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>{done ? '已更新' : '将更新'}的记录（以前导入过，文件中有改动）</Text>
          <List size="sm" spacing={2}>
            {report.changes.map((c) => <List.Item key={c.row}>第{c.row}行 {c.label}：{c.changes.join('；')}</List.Item>)}
          </List>
        </Stack>
      )}
      {!done && report.preview.length > 0 && (
        <Stack gap={4}>
          <Text size="sm" fw={600}>将新增的记录（预览前{report.preview.length}条）</Text>
          <List size="sm" spacing={2}>
            {report.preview.map((p) => <List.Item key={p.row}>第{p.row}行 {p.text}</List.Item>)}
          </List>
        </Stack>
      )}
      {!done && report.created + report.updated === 0 && (
        <Alert color="gray" variant="light" py="xs">没有需要写入的记录{report.unchanged ? '：文件中的记录都已导入过，且没有改动' : ''}。</Alert>
      )}
    </Stack>
  )
}
