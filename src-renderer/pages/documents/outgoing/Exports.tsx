import { Group } from '@mantine/core'
import { DownloadButton } from '../../../components/DownloadButton'
import type { Outgoing } from './model'

/** The Word prints of a document: the 公文 in GB/T 9704 format (a draft prints “（编号）”) and the 发文稿纸. */
export function Exports({ doc }: { doc: Outgoing }) {
  return (
    <Group gap="xs" wrap="nowrap">
      <DownloadButton name="outgoing.exportDocumentDocx" input={{ id: doc.id }} label={doc.numberText ? '导出公文Word' : '导出公文草稿Word'} />
      <DownloadButton name="outgoing.exportSignOffSheetDocx" input={{ id: doc.id }} label="导出发文稿纸" />
    </Group>
  )
}
