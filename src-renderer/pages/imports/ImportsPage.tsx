import { useEffect, useState } from 'react'
import { Alert, Button, Checkbox, FileInput, Group, SegmentedControl, Stack, Text } from '@mantine/core'
import { api, useMutation, type OutputOf } from '../../api/client'
import { IMPORTABLE_KINDS, MAX_IMPORT_BYTES, type ImportableKind } from '../../../src-main/common/imports'
import { PageHeader } from '../../components/PageHeader'
import { Section } from '../../components/Section'
import { DownloadButton } from '../../components/DownloadButton'
import { Feedback } from '../../components/Feedback'
import { MappingTable } from './MappingTable'
import { ImportReport, type Report } from './ImportReport'
import { readUpload } from '../../lib/upload'
import { navigate } from '../../lib/route'
import { ImportProgress } from './ImportProgress'

type Read = Awaited<OutputOf<'imports.read'>>

/** Where what was imported is seen afterwards. */
const WHERE: Record<ImportableKind, { route: string; label: string }> = {
  收文登记簿: { route: 'documents/incoming', label: '收文登记簿' },
  发文登记簿: { route: 'documents/outgoing', label: '发文登记簿' },
  组织机构: { route: 'org', label: '组织机构' },
  建议提案: { route: 'documents/proposals', label: '建议提案' },
  督办事项: { route: 'followups', label: '督办事项' },
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * 导入 (issue 18), the 科长's: choose the kind, download its template or choose the office's own file, check the
 * column mapping, 试导入 (nothing is written; the rows that cannot come in are listed), then 确认导入.
 */
export function ImportsPage() {
  const [kind, setKind] = useState<ImportableKind>('收文登记簿')
  const [file, setFile] = useState<File | null>(null)
  const [read, setRead] = useState<Read | null>(null)
  const [mapping, setMapping] = useState<Record<string, string>>({})
  const [report, setReport] = useState<Report | null>(null)
  const [busy, setBusy] = useState<'读取' | '检查' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [save, setSave] = useState(true)
  const [done, setDone] = useState<Report | null>(null)
  const confirm = useMutation('imports.confirm', { invalidates: ['registers.*', 'incoming.*', 'outgoing.*', 'proposals.*', 'followups.*', 'org.*', 'home.*', 'stats.*'] })

  useEffect(() => { setFile(null); setRead(null); setReport(null); setDone(null); setError(null) }, [kind])

  async function choose(f: File | null) {
    setFile(f); setRead(null); setReport(null); setDone(null); setError(null); confirm.reset()
    if (!f) return
    if (f.size > MAX_IMPORT_BYTES) { setError(`文件超过${MAX_IMPORT_BYTES / 1024 / 1024}MB，请分成几个文件（如按年度）分别导入`); return }
    setBusy('读取')
    try {
      const r = await api.call('imports.read', { kind, file: await readUpload(f) })
      setRead(r); setMapping(r.mapping)
    } catch (e) { setError(messageOf(e)) } finally { setBusy(null) }
  }

  async function dryRun() {
    if (!read) return
    setBusy('检查'); setError(null); setReport(null)
    try { setReport(await api.call('imports.check', { jobId: read.jobId, mapping })) } catch (e) { setError(messageOf(e)) } finally { setBusy(null) }
  }

  async function confirmImport() {
    if (!read) return
    const result = await confirm.mutate({ jobId: read.jobId, saveMapping: save })
    if (result) { setDone(result); setReport(null); setRead(null); setFile(null) }
  }

  return (
    <Stack gap="md">
      <PageHeader title="导入" description="把以前在Excel中登记的收文、发文、组织机构和通讯录、建议提案、督办事项带入本系统：收文发文作为历史记录，可检索、计入登记簿和统计。先试导入，确认后才写入。" />
      <Section title="1. 选择类别和文件" actions={<DownloadButton name="imports.template" input={{ kind }} label={`下载${kind}模板`} />}>
        <Stack gap="sm">
          <SegmentedControl value={kind} onChange={(v) => setKind(v as ImportableKind)} data={[...IMPORTABLE_KINDS]} aria-label="导入类别" w="fit-content" />
          <FileInput
            label="文件" placeholder="选择 .xlsx、.xls 或 .csv 文件" accept=".xlsx,.xls,.csv" value={file} onChange={choose} clearable w={420}
            description="Excel（.xlsx，或WPS常存的旧版.xls）或CSV（UTF-8或GBK均可）"
          />
          {busy === '读取' && <Text size="sm" c="dimmed">正在读取文件…</Text>}
          {error && <Alert color="red" variant="light" title="不能导入" withCloseButton onClose={() => setError(null)} role="alert" py="xs">{error}</Alert>}
          {done && (
            <Alert color="green" variant="light" title="导入完成" role="status">
              <Stack gap="xs">
                <ImportReport report={done} done />
                <Group><Button size="xs" variant="light" onClick={() => navigate(WHERE[kind].route)}>查看{WHERE[kind].label}</Button></Group>
              </Stack>
            </Alert>
          )}
        </Stack>
      </Section>
      {read && (
        <Section title="2. 核对列的对应" description={`「${file?.name}」共${read.rowCount}行${read.encoding ? `，${read.encoding}编码` : ''}；${read.mappingSaved ? '已按上次保存的对应填好' : '已按列名自动对应'}，如有不对请改正。`}>
          <Stack gap="sm">
            <MappingTable fields={read.fields} headers={read.headers} mapping={mapping} onChange={(m) => { setMapping(m); setReport(null) }} />
            <Group>
              <Button onClick={dryRun} loading={busy === '检查'}>试导入</Button>
              <Text size="sm" c="dimmed">试导入逐行检查，不写入任何数据。</Text>
            </Group>
            {busy === '检查' && <ImportProgress jobId={read.jobId} step="检查" />}
          </Stack>
        </Section>
      )}
      {read && report && (
        <Section title="3. 检查结果">
          <Stack gap="sm">
            <ImportReport report={report} />
            <Checkbox label="保存这次的列对应（以后导入列名相同的表格时自动使用）" checked={save} onChange={(e) => setSave(e.currentTarget.checked)} />
            <Group>
              <Button color="green" onClick={confirmImport} loading={confirm.busy} disabled={report.created + report.updated === 0}>
                确认导入（新增{report.created}条，更新{report.updated}条）
              </Button>
              <Text size="sm" c="dimmed">全部写入或全部不写；不能导入的行不写入。</Text>
            </Group>
            {confirm.busy && <ImportProgress jobId={read.jobId} step="写入" />}
            <Feedback state={confirm} />
          </Stack>
        </Section>
      )}
    </Stack>
  )
}
