import { useState } from 'react'
import { ActionIcon, Anchor, Badge, Button, FileInput, Group, Stack, Text, Tooltip } from '@mantine/core'
import { useMutation } from '../../../api/client'
import { Feedback } from '../../../components/Feedback'
import { Section } from '../../../components/Section'
import { downloadExport } from '../../../lib/download'
import { formatFileSize } from '../../../lib/format'
import { readUpload } from '../../../lib/upload'
import { useCan } from '../../../lib/session'
import { fileTooLargeMessage, MAX_FILE_BYTES } from '../../../../src-main/common/files'
import { attachmentTexts } from '../../../../src-main/common/attachment-note'
import { OUTGOING_CHANGES, type Outgoing } from './model'

type OutgoingFile = Outgoing['files'][number]

/** 附件说明 as the 公文 prints it: typed names first, then the file 附件 in order. */
export const attachmentList = (doc: Outgoing): string[] => [...doc.attachmentNames, ...doc.files.filter((f) => f.kind === '附件').map((f) => f.title)]

/**
 * 正文和附件 as files (issue 16): the drafter's Word body, which the 公文 export lays into the red header (套红), and the
 * 附件 — a .docx 附件 is printed after the text under its 附件N label, others (PDF, pictures, spreadsheets) are listed in
 * 附件说明 only and downloaded from here. Files change with the text, until the document is signed.
 */
export function FilesPanel({ doc }: { doc: Outgoing }) {
  const can = useCan()
  const editable = doc.canEdit && can('outgoing.attachFiles')
  const names = attachmentList(doc)
  const body = doc.files.find((f) => f.kind === '正文')
  const attached = doc.files.filter((f) => f.kind === '附件')
  return (
    <Section title="正文和附件文件"
      description={body ? '正文以上传的 Word 文件为准：导出公文时排入版头（套红），字体按 GB/T 9704 统一，表格保留。' : '可上传拟稿部门的 Word 正文（.docx），导出公文时排入版头（套红）；短文也可直接在上方“正文”中填写。'}>
      <Stack gap="xs">
        <Group gap="xs" aria-label="正文文件">
          <Text size="sm" fw={500} w={64}>正文</Text>
          {body ? <FileRow doc={doc} file={body} editable={editable} /> : <Text size="sm" c="dimmed">未上传（使用上方填写的正文）</Text>}
        </Group>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <Text size="sm" fw={500} w={64}>附件</Text>
          <Stack gap={4} aria-label="附件文件">
            {attached.length === 0 && <Text size="sm" c="dimmed">未上传附件文件</Text>}
            {attached.map((f) => (
              <Group key={f.fileId} gap={6}>
                <Badge size="sm" variant="light" color={f.printed ? 'blue' : 'gray'} radius="sm">{f.printed ? '随文印制' : '仅列入附件说明'}</Badge>
                <FileRow doc={doc} file={f} editable={editable} />
              </Group>
            ))}
          </Stack>
        </Group>
        {names.length > 0 && (
          <Text size="sm" aria-label="附件说明" style={{ whiteSpace: 'pre-wrap' }}>
            {`附件说明：${attachmentTexts(names).join('　')}`}
          </Text>
        )}
        {editable && <UploadForm doc={doc} />}
      </Stack>
    </Section>
  )
}

/** A file: its name to download (checked against its SHA-256 on the server), its size, and × to take it off a draft. */
function FileRow({ doc, file, editable }: { doc: Outgoing; file: OutgoingFile; editable: boolean }) {
  const [error, setError] = useState<string | null>(null)
  const remove = useMutation('outgoing.removeFile', { invalidates: OUTGOING_CHANGES })
  async function download() {
    setError(null)
    try { await downloadExport('outgoing.downloadFile', { id: doc.id, fileId: file.fileId }) } catch (e) { setError(e instanceof Error ? e.message : String(e)) }
  }
  const problem = error ?? remove.error?.message ?? null
  return (
    <Tooltip label={problem ?? ''} disabled={!problem} opened={problem ? true : undefined} color="red" multiline maw={360}>
      <Group gap={4}>
        <Anchor component="button" type="button" size="sm" onClick={download}>{file.name}</Anchor>
        <Text size="xs" c="dimmed">{formatFileSize(file.size)}</Text>
        {editable && (
          <ActionIcon size="sm" variant="subtle" color="red" aria-label={`删除${file.name}`} loading={remove.busy}
            onClick={() => remove.mutate({ id: doc.id, fileId: file.fileId })}>×</ActionIcon>
        )}
      </Group>
    </Tooltip>
  )
}

/** Choose a Word body and/or 附件 and upload them: a .doc or a non-Word body is refused by the server with what to do. */
function UploadForm({ doc }: { doc: Outgoing }) {
  const [body, setBody] = useState<File | null>(null)
  const [attachments, setAttachments] = useState<File[]>([])
  const [reading, setReading] = useState(false)
  const [readError, setReadError] = useState<string | null>(null)
  const attach = useMutation('outgoing.attachFiles', { invalidates: OUTGOING_CHANGES, success: '文件已上传。' })
  const big = [body, ...attachments].filter((f): f is File => !!f && f.size > MAX_FILE_BYTES)
  const bodyWrong = body && !/\.docx$/i.test(body.name)
    ? `「${body.name}」不是 Word 文档（.docx）：请在 Word 或 WPS 中“另存为”.docx 后再上传` : null
  async function submit() {
    if (big.length || bodyWrong) return
    setReading(true); setReadError(null)
    let uploads
    try {
      uploads = { body: body ? await readUpload(body) : null, attachments: await Promise.all(attachments.map(readUpload)) }
    } catch (e) {
      setReadError(e instanceof Error ? e.message : String(e))
      return
    } finally { setReading(false) }
    if (await attach.mutate({ id: doc.id, ...uploads })) { setBody(null); setAttachments([]) }
  }
  return (
    <Stack gap="xs">
      <Group align="flex-end" gap="sm">
        <FileInput label="上传正文（Word .docx）" clearable accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          value={body} onChange={setBody} placeholder={doc.files.some((f) => f.kind === '正文') ? '替换正文文件' : '选择 .docx 文件'} w={340}
          error={bodyWrong ?? (attach.error?.field === 'body' ? attach.error.message : undefined)} />
        <FileInput label="上传附件" multiple clearable value={attachments} onChange={setAttachments} placeholder="可多选；Word 附件随文印制" w={300}
          error={big.length ? fileTooLargeMessage(big.map((f) => f.name).join('、')) : undefined} />
        <Button onClick={submit} loading={reading || attach.busy} disabled={!body && attachments.length === 0}>上传</Button>
      </Group>
      {readError && <Text size="sm" c="red">{readError}</Text>}
      {(attach.notice || (attach.error && attach.error.field !== 'body')) && <Feedback state={attach} />}
    </Stack>
  )
}
