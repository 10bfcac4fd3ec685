import { useState } from 'react'
import { Alert, Button, Code, Group, NumberInput, Paper, Stack, Text, TextInput } from '@mantine/core'
import { api, ApiError, type OutputOf } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'

type Report = Awaited<OutputOf<'audit.verify'>>

function ReportAlert({ report }: { report: Report }) {
  if (!report.ok) {
    return (
      <Alert color="red" variant="light" role="alert" py="xs">
        <Text size="sm" c="red.8" fw={600}>{report.message}</Text>
        <Text size="xs" mt={4}>请保全数据库文件和备份，不要再做修改，并报告安全保密管理员。</Text>
      </Alert>
    )
  }
  return (
    <Alert color="green" variant="light" role="status" py="xs">
      <Text size="sm" fw={600}>{report.message}</Text>
      {report.lastId !== null && (
        <Text size="xs" mt={4}>
          最后一条记录：编号 {report.lastId}，校验值 <Code>{report.lastHash}</Code>
          <br />请把这两项记在纸质台账上；下次校验时填入，可以发现从那以后被整段改写的日志。
        </Text>
      )}
    </Alert>
  )
}

/** 校验完整性: walks the hash chain on the server; optionally against an id and hash noted at an earlier check. */
export function ChainCheck() {
  const [anchorId, setAnchorId] = useState<number | string>('')
  const [anchorHash, setAnchorHash] = useState('')
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  async function verify() {
    setBusy(true); setError(null); setReport(null)
    const anchor = typeof anchorId === 'number' && anchorHash.trim() ? { id: anchorId, hash: anchorHash.trim() } : undefined
    try {
      setReport(await api.call('audit.verify', { anchor }))
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: '校验未完成' }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NumberInput label="记下的编号（可不填）" w={150} size="xs" min={1} allowDecimal={false} hideControls value={anchorId} onChange={setAnchorId} />
          <TextInput label="记下的校验值（可不填）" w={420} size="xs" value={anchorHash} onChange={(e) => setAnchorHash(e.currentTarget.value)} />
          <Button size="xs" loading={busy} onClick={() => void verify()}>校验完整性</Button>
        </Group>
        <ErrorAlert error={error} />
        {report && <ReportAlert report={report} />}
      </Stack>
    </Paper>
  )
}
