import { useEffect, useRef, useState } from 'react'
import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { api, ApiError, type InputOf, type OutputOf } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { downloadExport } from '../../lib/download'
import { AuditFilters, NO_FILTER, type AuditFilter } from './AuditFilters'
import { Changes } from './Changes'
import { ChainCheck } from './ChainCheck'

type AuditRow = OutputOf<'audit.list'>['rows'][number]
const PAGE = 50

function filterInput(f: AuditFilter): InputOf<'audit.exportXlsx'> {
  return {
    from: f.range[0] ?? undefined,
    to: f.range[1] ?? f.range[0] ?? undefined,
    userId: f.userId ? Number(f.userId) : undefined,
    domain: f.domain ?? undefined,
    entity: f.entity ?? undefined,
    classification: f.classification ?? undefined,
  }
}

const toInput = (f: AuditFilter, beforeId: number | null): InputOf<'audit.list'> => ({ ...filterInput(f), beforeId: beforeId ?? undefined, limit: PAGE })

/** Rows of 秘密/机密 work are marked; their content stays on the server. */
function Level({ row }: { row: AuditRow }) {
  if (!row.classification) return null
  return <Badge size="md" variant="filled" color={row.classification === '机密' ? 'red.8' : 'orange.7'} radius="xs" style={{ overflow: 'visible' }}
    styles={{ label: { overflow: 'visible' } }}>{row.classification}</Badge>
}

/** 审计日志: every change, newest first, paged by id. */
export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER)
  const [rows, setRows] = useState<AuditRow[]>([])
  const [next, setNext] = useState<number | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<ApiError | null>(null)
  const latest = useRef(0)

  async function load(beforeId: number | null) {
    const request = ++latest.current
    setLoading(true); setError(null)
    try {
      const page = await api.call('audit.list', toInput(filter, beforeId))
      if (request !== latest.current) return // the filter changed meanwhile
      setRows((old) => (beforeId ? [...old, ...page.rows] : page.rows))
      setNext(page.next)
    } catch (e) {
      if (request !== latest.current) return
      setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: '审计日志加载失败' }))
    } finally {
      if (request === latest.current) setLoading(false)
    }
  }

  // A half-chosen date range waits for its second date.
  const rangeIncomplete = filter.range[0] !== null && filter.range[1] === null
  const [exporting, setExporting] = useState(false)

  async function exportXlsx() {
    setExporting(true); setError(null)
    try {
      await downloadExport('audit.exportXlsx', filterInput(filter))
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: '导出失败，请重试' }))
    } finally {
      setExporting(false)
    }
  }
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { if (!rangeIncomplete) void load(null) }, [filter])

  return (
    <>
      <PageHeader title="审计日志" description="系统中每一次修改、登录、导出和下载，以及查阅秘密、机密文件的记录：谁、何时、从哪里、做了什么。涉密记录只显示编号、密级、操作人、操作和时间，不显示标题、批示、意见和文件名。日志只能查看和导出，不能修改或删除；每条记录带有前一条的校验值，校验完整性可发现被改动、删除或调换的记录。" />
      <Stack gap="sm">
        <ChainCheck />
        <Paper withBorder p="sm">
          <Group justify="space-between" align="flex-end" wrap="nowrap">
            <AuditFilters value={filter} onChange={setFilter} />
            <Button size="xs" variant="light" loading={exporting} disabled={rangeIncomplete} onClick={() => void exportXlsx()}>导出Excel</Button>
          </Group>
        </Paper>
        <ErrorAlert error={error} />
        <Paper withBorder>
          <Table striped highlightOnHover stickyHeader aria-label="审计日志">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>时间</Table.Th>
                <Table.Th w={110}>操作人</Table.Th>
                <Table.Th w={160}>操作</Table.Th>
                <Table.Th w={170}>记录</Table.Th>
                <Table.Th w={76}>密级</Table.Th>
                <Table.Th>变更内容</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{r.time}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>{r.operator}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }} title={r.procedure}>{r.action}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>{r.record}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}><Level row={r} /></Table.Td>
                  <Table.Td><Changes row={r} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {!loading && rows.length === 0 && <Text ta="center" c="dimmed" size="sm" py="lg">没有符合条件的记录</Text>}
          {loading && <Loading />}
        </Paper>
        <Group justify="space-between">
          <Text size="xs" c="dimmed">已显示 {rows.length} 条{next === null && rows.length > 0 ? '，已全部显示' : ''}</Text>
          {next !== null && <Button variant="default" size="xs" loading={loading} onClick={() => void load(next)}>加载更多</Button>}
        </Group>
      </Stack>
    </>
  )
}
