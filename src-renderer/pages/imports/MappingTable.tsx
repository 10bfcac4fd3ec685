import { Select, Table, Text } from '@mantine/core'

export interface MappingField { key: string; label: string; required: boolean }

/**
 * 列对应: each item the import reads, and the column of the file it is read from — proposed by the header names
 * (or as saved for this source last time), changed here by the user. An item left empty is not imported.
 */
export function MappingTable({ fields, headers, mapping, onChange }: {
  fields: readonly MappingField[]
  headers: readonly string[]
  mapping: Record<string, string>
  onChange: (mapping: Record<string, string>) => void
}) {
  const options = headers.filter((h) => h.trim() !== '').map((h) => ({ value: h, label: h }))
  const set = (key: string, header: string | null) => {
    const next = { ...mapping }
    if (header) next[key] = header
    else delete next[key]
    onChange(next)
  }
  return (
    <Table withTableBorder withColumnBorders striped verticalSpacing={4} maw={760} aria-label="列对应">
      <Table.Thead>
        <Table.Tr><Table.Th w={160}>导入项目</Table.Th><Table.Th>文件中的列</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((f) => (
          <Table.Tr key={f.key}>
            <Table.Td>
              {f.label}{f.required && <Text span c="red" ml={2}>*</Text>}
            </Table.Td>
            <Table.Td>
              <Select
                size="xs" data={options} value={mapping[f.key] ?? null} onChange={(v) => set(f.key, v)}
                placeholder={f.required ? '必须选择' : '（不导入）'} clearable={!f.required} searchable aria-label={`「${f.label}」对应的列`}
                error={f.required && !mapping[f.key] ? '请选择' : undefined}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
