import { useState } from 'react'
import { Anchor, Badge, Group, Text, Tooltip } from '@mantine/core'
import { api } from '../../../api/client'
import { downloadFile } from '../../../lib/download'
import { formatFileSize } from '../../../lib/format'

/** A stored file of the 收文 (text, annex, scan or a department's evidence): click to download, checked against its SHA-256 first. */
export function FileLink({ file, kind }: { file: { fileId: number; name: string; size: number }; kind?: string }) {
  const [error, setError] = useState<string | null>(null)
  async function go() {
    setError(null)
    try { downloadFile(await api.call('incoming.downloadFile', { fileId: file.fileId })) } catch (e) { setError(e instanceof Error ? e.message : String(e)) }
  }
  return (
    <Tooltip label={error ?? ''} disabled={!error} opened={error ? true : undefined} color="red" multiline maw={360}>
      <Group gap={4} wrap="wrap">
        {kind && <Badge size="xs" variant="outline" color="gray" radius="sm">{kind}</Badge>}
        <Anchor component="button" type="button" size="sm" onClick={go} c={error ? 'red' : undefined}>{file.name}</Anchor>
        <Text size="xs" c="dimmed">{formatFileSize(file.size)}</Text>
      </Group>
    </Tooltip>
  )
}
