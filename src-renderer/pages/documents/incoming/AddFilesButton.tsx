import { useState } from 'react'
import { Button, FileInput, Select, Textarea } from '@mantine/core'
import { ApiError, useMutation } from '../../../api/client'
import { FormModal, fieldError } from '../../../components/FormModal'
import { readUpload } from '../../../lib/upload'
import { useCan } from '../../../lib/session'
import { fileTooLargeMessage, MAX_FILE_BYTES } from '../../../../src-main/common/files'
import { INCOMING_FILE_KINDS } from '../../../../src-main/common/documents'
import { ACCEPT, INCOMING_CHANGES, type FileKind, type Incoming } from './model'

/**
 * 补充文件 (issue 16): a file forgotten at 签收登记 (the scan, an annex sent on later) added to the 收文 with a reason;
 * the 文秘 and 科长 see the button, the act is audited, and the file joins the list above.
 */
export function AddFilesButton({ doc }: { doc: Incoming }) {
  const can = useCan()
  const [opened, setOpened] = useState(false)
  const [kind, setKind] = useState<FileKind>('扫描件')
  const [files, setFiles] = useState<File[]>([])
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState<ApiError | null>(null)
  const [reading, setReading] = useState(false)
  const add = useMutation('incoming.addFiles', { invalidates: INCOMING_CHANGES })
  if (!can('incoming.addFiles') || doc.status === '已作废') return null
  const big = files.filter((f) => f.size > MAX_FILE_BYTES)
  const close = () => { setOpened(false); setFiles([]); setReason(''); setMissing(null); add.reset() }
  async function submit() {
    const need = files.length === 0 ? ['files', '请选择要补充的文件'] : !reason.trim() ? ['reason', '请写明补充理由，如“登记时漏扫”'] : null
    setMissing(need ? new ApiError({ code: 'VALIDATION', field: need[0], message: need[1] }) : null)
    if (need || big.length) return
    setReading(true)
    let uploads
    try {
      uploads = await Promise.all(files.map(async (f) => ({ kind, file: await readUpload(f) })))
    } catch (e) {
      setMissing(new ApiError({ code: 'VALIDATION', field: 'files', message: e instanceof Error ? e.message : String(e) }))
      return
    } finally { setReading(false) }
    if (await add.mutate({ id: doc.id, files: uploads, reason: reason.trim() })) close()
  }
  const error = missing ?? add.error
  return (
    <>
      <div><Button size="compact-xs" variant="default" onClick={() => setOpened(true)}>补充文件</Button></div>
      <FormModal opened={opened} title={`补充文件：${doc.title}`} onClose={close} onSubmit={submit} busy={reading || add.busy}
        error={error} fields={['files', 'reason']} submitLabel="补充">
        <Select label="文件类别" data={INCOMING_FILE_KINDS} value={kind} allowDeselect={false} onChange={(v) => v && setKind(v as FileKind)} />
        <FileInput label="文件" multiple clearable accept={ACCEPT} value={files} onChange={setFiles} placeholder="选择文件，可多选"
          error={big.length ? fileTooLargeMessage(big.map((f) => f.name).join('、')) : fieldError(error, 'files')} />
        <Textarea label="补充理由" required autosize minRows={2} maxLength={200} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
          placeholder="如：登记时漏扫，补扫描件" error={fieldError(error, 'reason')} />
      </FormModal>
    </>
  )
}
