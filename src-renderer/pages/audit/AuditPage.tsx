import { useEffect, useRef, useState } from 'react'
import { Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { api, ApiError, type InputOf, type OutputOf } from '../../api/client'
import { ErrorAlert } from '../../components/Feedback'
import { Loading } from '../../components/Loading'
import { PageHeader } from '../../components/PageHeader'
import { formatDate, formatDateTime } from '../../lib/format'
import { AuditFilters, NO_FILTER, type AuditFilter } from './AuditFilters'
import { Changes } from './Changes'
import { ChainCheck } from './ChainCheck'
import { procedureLabel } from './labels'

type AuditRow = OutputOf<'audit.list'>['rows'][number]
const PAGE = 50

function toInput(f: AuditFilter, beforeId: number | null): InputOf<'audit.list'> {
  return {
    from: f.range[0] ?? undefined,
    to: f.range[1] ?? f.range[0] ?? undefined,
    userId: f.userId ? Number(f.userId) : undefined,
    domain: f.domain ?? undefined,
    entity: f.entity ?? undefined,
    beforeId: beforeId ?? undefined,
    limit: PAGE,
  }
}

/** A record's kind and number; the number only where it tells something (an id, a year, a date). */
function recordOf(r: AuditRow): string {
  if (!r.entity) return '—'
  const id = r.entityId ?? ''
  // A failed sign-in has no operator: the name that was tried is what the auditor needs.
  if (r.entity === '登录' && id) return `登录（用户名 ${id}）`
  if (/^\d{4}-\d{2}-\d{2}$/.test(id)) return `${r.entity} ${formatDate(id)}`
  return /^\d+$/.test(id) ? `${r.entity} ${id}` : r.entity
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
      setNext(page.nextBeforeId)
    } catch (e) {
      if (request !== latest.current) return
      setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', message: '审计日志加载失败' }))
    } finally {
      if (request === latest.current) setLoading(false)
    }
  }

  // A half-chosen date range waits for its second date.
  const rangeIncomplete = filter.range[0] !== null && filter.range[1] === null
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { if (!rangeIncomplete) void load(null) }, [filter])

  return (
    <>
      <PageHeader title="审计日志" description="系统中每一次修改、登录、导出和下载的记录：谁、何时、做了什么。日志只能查看，不能修改或删除；每条记录带有前一条的校验值，校验完整性可发现被改动、删除或调换的记录。" />
      <Stack gap="sm">
        <ChainCheck />
        <Paper withBorder p="sm"><AuditFilters value={filter} onChange={setFilter} /></Paper>
        <ErrorAlert error={error} />
        <Paper withBorder>
          <Table striped highlightOnHover stickyHeader aria-label="审计日志">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={170}>时间</Table.Th>
                <Table.Th w={110}>操作人</Table.Th>
                <Table.Th w={160}>操作</Table.Th>
                <Table.Th w={200}>记录</Table.Th>
                <Table.Th>变更内容</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{formatDateTime(r.at, { seconds: true })}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>{r.username ?? '（未登录）'}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }} title={r.procedure}>{procedureLabel(r.procedure)}</Table.Td>
                  <Table.Td style={{ verticalAlign: 'top' }}>{recordOf(r)}</Table.Td>
                  <Table.Td><Changes changes={r.changes} /></Table.Td>
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
